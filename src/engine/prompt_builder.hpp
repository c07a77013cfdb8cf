// Builds the system and user prompts for a phase call, laid out stable-first
// so providers' own prompt caches hit on reruns and on sibling phases:
//
//   system: the agent's persona and rules, then the house conventions
//           (identical for every phase of that agent)
//   user:   the brief (identical for every phase), then the upstream
//           artifacts in graph order, then the phase's task last
//
// Nothing that varies between identical calls (time, ids) is ever included,
// so the same inputs give the same prompt — which is also the response
// cache's key.
#pragma once

#include <string>

#include "engine/llm_port.hpp"
#include "engine/spec.hpp"

namespace specwave {

struct BuiltPrompt {
  std::string system;
  std::string user;
  std::string label;  // "SPEC_PM" or "SOLUTIONING_TASKS[2]"
};

BuiltPrompt BuildPrompt(const WorkflowSpec& spec, const GenerationContext& context);

// Guidance for one artifact file name (from docs/artifact-formats.md); empty
// for names the default workflow does not define.
std::string ArtifactGuidance(const std::string& artifact);

}  // namespace specwave
