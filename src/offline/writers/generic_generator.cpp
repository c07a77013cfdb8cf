// The fallback for an artifact no rule knows (a user workflow's own
// "risk-register.md", say): a structured document from the phase's
// description, the brief and the inputs' outlines, saying plainly that it
// was assembled by rules. A fan-out item of such an artifact gets one section
// summarising the item.
#include "core/text.hpp"
#include "offline/writers/generators.hpp"
#include "offline/input/md_read.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

std::string Outline(const std::string& text) {
  std::string out;
  int n = 0;
  for (const auto& s : SectionsAt(text, 2)) {
    if (++n > 8) break;
    out += "  - " + s.heading + "\n";
  }
  return out;
}

}  // namespace

std::string GenerateGeneric(const GenInput& in) {
  const Brief& b = in.brief;
  std::string out = Header(in, KindTitle(in.artifact));
  out +=
      "\nAssembled by rules from the phase description, the brief and the inputs (offline generator, not a "
      "language model). A person should fill in what only judgement can supply.\n";
  out += "\n## Purpose\n\n" + (in.Description().empty() ? "The phase gives no description." : in.Description()) + "\n";
  out += "\n## Context\n\n";
  if (!b.tagline.empty())
    out += "- Product: " + b.name + " \xE2\x80\x94 " + b.tagline + "\n";
  else
    out += "- Product: " + b.name + "\n";
  if (!b.users.empty()) out += "- Users: " + JoinList(b.users) + "\n";
  if (!b.platform.empty()) out += "- Platform: " + b.platform + "\n";
  for (const auto& c : b.constraints) out += "- Constraint: " + c + "\n";
  out += "\n## Features in scope\n\n";
  for (const auto& f : Features(in)) out += "- F" + std::to_string(f.id) + ": " + f.title + "\n";
  out += "\n## Inputs\n\n";
  if (!in.ctx || in.ctx->inputs.empty())
    out += "None: this phase has no upstream artifacts.\n";
  else
    for (const auto& [name, text] : in.ctx->inputs) out += "- " + name + "\n" + Outline(text);
  out += "\n## Open points\n\n- Which decisions does this artifact record, and who approves them?\n";
  return out;
}

std::string GenerateGenericItem(const GenInput& in) {
  const GenerationContext& ctx = *in.ctx;
  std::string title = ctx.fan_out_item.empty() ? "Item " + std::to_string(ctx.fan_out_index + 1) : ctx.fan_out_item;
  std::string out = "## " + title + "\n\n";
  out += "Item " + std::to_string(ctx.fan_out_index + 1) + " of " + std::to_string(ctx.fan_out_count) + " for " +
         in.artifact + ", assembled by rules (offline generator, not a language model).\n\n";
  auto refs = FeatureRefs(ctx.fan_out_item_body);
  if (!refs.empty()) out += "- Features named: " + FeatureList(refs) + "\n";
  auto bullets = Bullets(ctx.fan_out_item_body);
  out += "- Lines in the item: " + std::to_string(SplitLines(ctx.fan_out_item_body).size()) +
         "; bullets: " + std::to_string(bullets.size()) + "\n";
  if (!in.Description().empty()) out += "- To do, per the phase: " + in.Description() + "\n";
  return out;
}

}  // namespace specwave::offline
