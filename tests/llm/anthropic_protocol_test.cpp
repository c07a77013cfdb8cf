// Where the Anthropic request puts cache_control: on the blocks the prompt
// builder marked, at most four, and never where the prefix is too short for
// the model's minimum (a mark there is wasted: Anthropic caches nothing
// shorter).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "llm/hosted_provider.hpp"
#include "llm/wire_protocol.hpp"

using namespace specwave;
using nlohmann::json;

namespace {

json Body(const std::vector<PromptBlock>& blocks, const std::string& model) {
  HostedConfig c;
  c.base_url = "https://api.anthropic.com/v1";
  c.model = model;
  LlmRequest r;
  SetPrompt(&r, blocks);
  return json::parse(MakeAnthropicProtocol()->BuildRequest(c, r).body);
}

// Index (over system then user blocks) of every block with cache_control.
std::vector<size_t> Marked(const json& body) {
  std::vector<size_t> out;
  size_t i = 0;
  for (const auto& b : body["system"]) {
    if (b.contains("cache_control")) out.push_back(i);
    ++i;
  }
  for (const auto& b : body["messages"][0]["content"]) {
    if (b.contains("cache_control")) out.push_back(i);
    ++i;
  }
  return out;
}

}  // namespace

TEST_CASE("AnthropicProtocol.BlocksGoOutInOrderWithSystemApart") {
  json body = Body({{PromptRole::kSystem, "house rules", true}, {PromptRole::kUser, "brief", true},
                    {PromptRole::kUser, "task", false}},
                   "claude-sonnet-4-5");
  REQUIRE(body["system"].size() == 1);
  CHECK(body["system"][0]["text"] == "house rules");
  REQUIRE(body["messages"].size() == 1);
  CHECK(body["messages"][0]["role"] == "user");
  CHECK(body["messages"][0]["content"][0]["text"] == "brief");
  CHECK(body["messages"][0]["content"][1]["text"] == "task");
  CHECK(Marked(body).empty());  // nothing long enough to cache
  // A request with only system and user text (no blocks) is one block each.
  HostedConfig c;
  c.model = "m";
  LlmRequest plain;
  plain.system = "s";
  plain.user = "u";
  json p = json::parse(MakeAnthropicProtocol()->BuildRequest(c, plain).body);
  CHECK(p["system"][0]["text"] == "s");
  CHECK(p["messages"][0]["content"][0]["text"] == "u");
}

TEST_CASE("AnthropicProtocol.AtMostFourBreakpointsWhereThePrefixCanBeCached") {
  std::vector<PromptBlock> blocks = {{PromptRole::kSystem, std::string(1500, 's'), true},  // 1,500 chars: too short
                                     {PromptRole::kUser, std::string(1000, 'b'), true}};    // 2,500: too short
  for (int i = 0; i < 6; ++i) blocks.push_back({PromptRole::kUser, std::string(1000, 'a'), true});
  blocks.push_back({PromptRole::kUser, "task", false});
  // Sonnet-class minimum 1,024 tokens: reachable from 3,072 characters (block 2 on).
  CHECK(Marked(Body(blocks, "claude-sonnet-4-5")) == std::vector<size_t>{2, 3, 4, 7});
  // Haiku 3.5 wants 2,048 tokens: from 6,144 characters (block 5 on).
  CHECK(Marked(Body(blocks, "claude-3-5-haiku-latest")) == std::vector<size_t>{5, 6, 7});
  // Haiku 4.5: 4,096 tokens, beyond this prompt.
  CHECK(Marked(Body(blocks, "claude-haiku-4-5")).empty());
  // An unmarked block is never marked, however long.
  blocks[7].cache_breakpoint = false;
  CHECK(Marked(Body(blocks, "claude-sonnet-4-5")) == std::vector<size_t>{2, 3, 4, 6});
}
