// `--record-replies FILE`: wraps a provider and writes every clean reply to
// FILE as a JSON object {call label: reply text} (labels as the engine builds
// them: "SPEC_PM", "SOLUTIONING_TASKS[2]"). The local LLM test server
// (tests/support/llm_test_server.py --replies FILE) plays such a file back,
// so a run of the offline generator scripts the hosted-protocol tests with
// replies that pass the workflow's validators.
#pragma once

#include <memory>
#include <string>

#include "engine/llm_port.hpp"

namespace specwave::cli {

std::unique_ptr<LlmProvider> MakeRecordingProvider(std::unique_ptr<LlmProvider> inner, std::string path);

}  // namespace specwave::cli
