// The repair call (issue #14.4): when a phase's validators report errors,
// the engine asks the model once more (up to `repair_attempts` times) for the
// corrected document, giving it the document as checked and the findings
// with their line numbers. The request is the phase's own prompt (so the
// shared prefix is served from the provider's prompt cache) with one user
// block added at the end:
//
//   # Repair
//
//   REPAIR: the checks found 1 error in what you wrote for this phase; ...
//   - design-tokens.md:14: [anti_ai_slop/purple-gradient] a purple gradient ...
//   <the document(s), lines numbered, fenced as data>
//   Return the corrected document(s) whole ...
//
// The task's "PHASE:" line stays the last one, so the test server labels the
// call "NAME#repair" (tests/corpus/README.md) and a prompt still has one task
// section and one PHASE line.
#pragma once

#include <string>
#include <vector>

#include "engine/llm_port.hpp"
#include "engine/phase_checks.hpp"

namespace specwave {

// The block to append; `documents` as the validators read them (the line
// numbers of `findings` count their lines).
std::string RepairBlock(const NamedTexts& documents, const std::vector<ArtifactFinding>& findings);

// `original` with the repair block added; never answered from the cache.
LlmRequest RepairRequest(const LlmRequest& original, const NamedTexts& documents,
                         const std::vector<ArtifactFinding>& findings);

}  // namespace specwave
