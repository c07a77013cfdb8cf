// The offline generators, one per artifact kind (one file each), and the
// dispatch by artifact file name. Phase names are free text — a user workflow
// may produce prd.md from a phase called "REQUIREMENTS" — so the artifact's
// name, not the phase's, picks the generator; an unknown artifact gets the
// generic document.
//
//   std::string text = GenerateResponse(ctx);  // what OfflineProvider::Complete returns
#pragma once

#include <string>
#include <string_view>

#include "engine/llm_port.hpp"
#include "offline/domain/gen_common.hpp"
#include "offline/writers/header.hpp"

namespace specwave::offline {

std::string GenerateAnalysis(const GenInput& in);
std::string GenerateStack(const GenInput& in);
std::string GenerateDesignTokens(const GenInput& in);
std::string GeneratePrd(const GenInput& in);
std::string GenerateArchitecture(const GenInput& in);
std::string GenerateDataModel(const GenInput& in);
std::string GenerateApiSpec(const GenInput& in);
std::string GenerateComponentMapping(const GenInput& in);
std::string GenerateJourneyMaps(const GenInput& in);
std::string GenerateDependencies(const GenInput& in);
std::string GenerateEpics(const GenInput& in);
std::string GenerateTasks(const GenInput& in);             // the whole tasks.md (no fan-out)
std::string GenerateTaskSection(const GenInput& in);       // one epic's section (fan-out item)
std::string GenerateValidationReport(const GenInput& in);  // the whole report (no fan-out)
std::string GenerateReview(const GenInput& in);            // one artifact's review (validate fan-out item)
std::string GenerateGeneric(const GenInput& in);
std::string GenerateGenericItem(const GenInput& in);  // a fan-out item of an unknown artifact

using Generator = std::string (*)(const GenInput&);
// The generator for an artifact name, or nullptr (use GenerateGeneric).
Generator FindGenerator(std::string_view artifact);

// The complete response for one call: every artifact the phase produces
// (with `=== FILE: name ===` markers when there are several), or the one
// section a fan-out item asks for.
std::string GenerateResponse(const GenerationContext& ctx);

}  // namespace specwave::offline
