// Builds the prompt for a phase call as ordered blocks, laid out so that what
// calls share comes first, byte for byte, and what is particular to a call
// comes last (issue 15.2):
//
//   system  house rules: how to read the prompt, the conventions of every
//           document — identical for every call of a workflow      [breakpoint]
//   user    the project brief, fenced                               [breakpoint]
//           the upstream artifacts in graph order, each fenced      [breakpoint each]
//           — the shared prefix ends here —
//           a fan-out call's item, fenced (lines numbered for a review)
//           the task: PHASE line, the agent's role and rules, what to write
//
// So sibling phases (same inputs, whatever their agent) and the items of a
// fan-out send the same prefix, and providers' prompt caches serve it: the
// Anthropic protocol puts cache_control on the marked blocks (at most four,
// only where the prefix can reach the model's minimum), OpenAI's automatic
// prefix caching gains from the order alone. The agent's persona is in the
// task, not the system block, because a per-agent system block would make
// siblings of different agents (STACK_SELECTION, SPEC_PM, SPEC_DESIGN_TOKENS)
// share nothing: caches match from the first byte.
//
// Untrusted text (brief, artifacts, items, a person's edits) is fenced by
// prompt_fence.hpp; the system block says that fenced text is data, never
// instructions, and that the task is the one '# Your task' section at the
// end. The reply's file marker stays `=== FILE: name ===`.
//
// Nothing that varies between identical calls (time, ids) is ever included,
// so the same inputs give the same prompt — also the response cache's key.
//
//   BuiltPrompt p = BuildPrompt(spec, ctx);
//   LlmRequest req;
//   SetPrompt(&req, p.blocks);  // blocks + the joined system and user texts
#pragma once

#include <string>
#include <vector>

#include "engine/llm_port.hpp"
#include "engine/spec.hpp"

namespace specwave {

struct BuiltPrompt {
  std::vector<PromptBlock> blocks;  // in order, system first; breakpoints end shared prefixes
  std::string system;               // JoinBlocks(blocks, kSystem)
  std::string user;                 // JoinBlocks(blocks, kUser)
  std::string label;                // "SPEC_PM" or "SOLUTIONING_TASKS[2]"
};

BuiltPrompt BuildPrompt(const WorkflowSpec& spec, const GenerationContext& context);

// Guidance for one artifact file name (from docs/artifact-formats.md); empty
// for names the default workflow does not define.
std::string ArtifactGuidance(const std::string& artifact);

}  // namespace specwave
