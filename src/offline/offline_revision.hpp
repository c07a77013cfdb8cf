// The offline generator's answer to a revision call (issue #16.2): it writes
// the artifacts again by its rules, as for a first run, and replies with the
// section patch that turns each current version into that text — a real
// patch, naming only the sections whose text differs.
#pragma once

#include <string>

#include "engine/llm_port.hpp"

namespace specwave {

// `generated`: GenerateResponse's reply for the same context (FILE markers
// for several artifacts). Returns the patch reply, or `generated` unchanged
// when it cannot be read as the phase's artifacts.
std::string OfflineRevisionReply(const GenerationContext& ctx, const std::string& generated);

}  // namespace specwave
