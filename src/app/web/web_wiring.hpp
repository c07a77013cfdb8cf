// Session ports for the browser: which providers exist (the offline
// generator; OpenAI-compatible and Anthropic over fetch), the default
// validators, pricing, and single-file export/import.
#pragma once

#include "session/session.hpp"

namespace specwave::app {

Session::Ports MakeWebSessionPorts(Store* store, bool threads, const std::string& pricing_yaml);

}  // namespace specwave::app
