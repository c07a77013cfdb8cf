// The offline generator answers a revision call with a real section patch
// (issue #16.2): only the sections whose text differs from what its rules
// write, applied by the engine to give that text back.
#include <doctest/doctest.h>

#include "engine/revision.hpp"
#include "engine/section_patch.hpp"
#include "offline/offline_provider.hpp"
#include "offline_test_helpers.hpp"

using namespace specwave;

TEST_CASE("OfflineRevision.RepliesWithAPatchOfTheSectionsThatDiffer") {
  const WorkflowSpec& spec = test::DefaultWorkflow();
  offline::OfflineProvider provider;
  test::GeneratedPack pack = test::GeneratePack(spec, test::SampleBrief("tidewater.md"), provider, "Tidewater");
  REQUIRE(pack.problems.empty());
  const int epics_phase = spec.IndexOf("SOLUTIONING_EPICS");
  GenerationContext ctx;
  ctx.phase = &spec.phases[epics_phase];
  ctx.brief = test::SampleBrief("tidewater.md");
  ctx.inputs = {{"prd.md", pack["prd.md"]}};
  const std::string epics = pack["epics.md"];
  const size_t covers = epics.find("Covers:", epics.find("\n## ", epics.find("\n## ") + 1));
  REQUIRE(covers != std::string::npos);
  std::string stale = epics;
  stale.insert(covers, "A sentence a person would not keep.\n\n");  // the second epic's section differs

  RevisionContext rev;
  rev.current = {{"epics.md", stale}};
  ctx.revision = &rev;
  LlmResponse reply = test::CallOffline(provider, ctx);
  REQUIRE(reply.ok);
  ParsedPatches parsed = ParseSectionPatches(reply.text);
  REQUIRE_MESSAGE(parsed.ok, reply.text);
  REQUIRE(parsed.patches.size() == 1);
  REQUIRE(parsed.patches[0].edits.size() == 1);  // that one section, nothing else
  CHECK(parsed.patches[0].edits[0].op == PatchOp::kReplace);
  RevisedArtifacts out = ApplyRevisionReply(reply.text, rev, {"epics.md"});
  REQUIRE(out.ok);
  CHECK(out.artifacts[0].second.find("A sentence a person would not keep.") == std::string::npos);
  CHECK(out.artifacts[0].second.substr(out.artifacts[0].second.find("\n# ")) == epics.substr(epics.find("\n# ")));

  // Current already what the rules write: an empty patch.
  rev.current = {{"epics.md", epics}};
  LlmResponse same = test::CallOffline(provider, ctx);
  ParsedPatches none = ParseSectionPatches(same.text);
  REQUIRE(none.ok);
  CHECK(none.patches[0].edits.empty());
}
