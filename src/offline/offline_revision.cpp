#include "offline/offline_revision.hpp"

#include "engine/response_parser.hpp"
#include "engine/revision.hpp"
#include "engine/section_patch.hpp"

namespace specwave {

std::string OfflineRevisionReply(const GenerationContext& ctx, const std::string& generated) {
  if (!ctx.revision || !ctx.phase) return generated;
  ParsedResponse parsed = ParsePhaseResponse(generated, ctx.phase->produces, ctx.phase->name);
  if (!parsed.ok()) return generated;
  std::string out;
  for (const auto& [name, text] : parsed.artifacts) {
    const std::string* current = nullptr;
    for (const auto& [n, c] : ctx.revision->current)
      if (n == name) current = &c;
    if (!current) return generated;
    out += FormatSectionPatch(MakeSectionPatch(name, *current, text));
  }
  return out;
}

}  // namespace specwave
