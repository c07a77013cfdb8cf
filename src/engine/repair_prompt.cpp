#include "engine/repair_prompt.hpp"

#include "engine/prompt_fence.hpp"

namespace specwave {

std::string RepairBlock(const NamedTexts& documents, const std::vector<ArtifactFinding>& findings) {
  int errors = 0;
  for (const auto& f : findings) errors += f.severity == Severity::kError;
  std::string s = "# Repair\n\nREPAIR: the checks found " + std::to_string(errors) + " error" +
                  (errors == 1 ? "" : "s") + " in what you wrote for this phase. Fix each one:\n";
  for (const auto& f : findings) {
    if (f.severity != Severity::kError) continue;
    s += "- " + f.artifact + (f.line > 0 ? ":" + std::to_string(f.line) : "") + ": [" + f.validator +
         (f.rule.empty() ? "" : "/" + f.rule) + "] " + f.message + "\n";
  }
  s += "\nWhat you wrote, as the checks read it (lines numbered; the frontmatter is the engine's):\n\n";
  for (const auto& [name, text] : documents) s += Fence(name, NumberLines(text)) + "\n";
  s += "\nReturn the corrected ";
  s += documents.size() == 1 ? "document whole, in the same format, without the line numbers."
                             : "documents whole, each after its '=== FILE: name ===' line, without the line numbers.";
  s += " Change only what the findings ask for.\n";
  return s;
}

LlmRequest RepairRequest(const LlmRequest& original, const NamedTexts& documents,
                         const std::vector<ArtifactFinding>& findings) {
  LlmRequest r = original;
  std::vector<PromptBlock> blocks = PromptBlocksOf(original);
  blocks.push_back({PromptRole::kUser, RepairBlock(documents, findings), false});
  SetPrompt(&r, std::move(blocks));
  r.label = original.label + "#repair";
  r.bypass_cache = true;  // the same prompt must not come back from the cache as the same reply
  return r;
}

}  // namespace specwave
