#include "engine/llm_port.hpp"

namespace specwave {

const char* FinishReasonName(FinishReason r) {
  switch (r) {
    case FinishReason::kStop: return "stop";
    case FinishReason::kLength: return "length";
    case FinishReason::kContentFilter: return "content_filter";
    case FinishReason::kError: return "error";
    case FinishReason::kCancelled: return "cancelled";
  }
  return "error";
}

void SetPrompt(LlmRequest* request, std::vector<PromptBlock> blocks) {
  request->system = JoinBlocks(blocks, PromptRole::kSystem);
  request->user = JoinBlocks(blocks, PromptRole::kUser);
  request->blocks = std::move(blocks);
}

std::vector<PromptBlock> PromptBlocksOf(const LlmRequest& request) {
  if (!request.blocks.empty()) return request.blocks;
  std::vector<PromptBlock> out;
  if (!request.system.empty()) out.push_back({PromptRole::kSystem, request.system, false});
  out.push_back({PromptRole::kUser, request.user, false});
  return out;
}

std::string JoinBlocks(const std::vector<PromptBlock>& blocks, PromptRole role) {
  std::string out;
  for (const auto& b : blocks)
    if (b.role == role) out += b.text;
  return out;
}

}  // namespace specwave
