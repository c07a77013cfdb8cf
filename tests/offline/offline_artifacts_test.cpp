// The offline generator over the default workflow and both sample briefs:
// every artifact is produced with frontmatter and follows the conventions of
// docs/artifact-formats.md, checked by parsing the output back.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "core/text.hpp"
#include "offline/domain/component_model.hpp"
#include "offline/domain/gen_common.hpp"
#include "offline/input/md_read.hpp"
#include "offline/offline_test_helpers.hpp"

using namespace specwave;
using namespace specwave::offline;

namespace {

const char* kBriefs[] = {"tidewater.md", "clinic-queue.md"};

// Writes the pack under the build tree so a person can read what was generated.
void Keep(const std::string& brief, const test::GeneratedPack& pack) {
  std::string dir = test::ScratchDir() + "/offline/" + brief.substr(0, brief.find('.'));
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : pack.artifacts) {
    std::string err;
    WriteFileAtomic(dir + "/" + name, text, &err);
  }
}

}  // namespace

TEST_CASE("Offline.EveryDefaultArtifactHasFrontmatter") {
  for (const char* brief : kBriefs) {
    OfflineProvider provider;
    auto pack = test::GeneratePack(test::DefaultWorkflow(), test::SampleBrief(brief), provider);
    Keep(brief, pack);
    INFO(brief);
    CHECK_MESSAGE(pack.problems.empty(), Join(pack.problems, "\n"));
    for (const auto& p : test::DefaultWorkflow().phases) {
      if (p.phase_type == "done") continue;
      for (const auto& a : p.produces) {
        INFO(a);
        const std::string& text = pack[a];
        REQUIRE(!text.empty());
        CHECK(StartsWith(text, "---\n"));
        CHECK(FrontmatterValue(text, "artifact") == a);
        CHECK(FrontmatterValue(text, "phase") == p.name);
        CHECK(FrontmatterValue(text, "agent") == p.agent);
        CHECK(FrontmatterValue(text, "version") == "1");
        CHECK(FrontmatterValue(text, "generator") == "offline-rules");
        CHECK(!FrontmatterValue(text, "title").empty());
      }
    }
  }
}

TEST_CASE("Offline.FreeFormParagraphGivesEveryArtifact") {
  const std::string brief =
      "Queueless lets a patient join the queue from their phone, see their place move, and come back when it is "
      "nearly their turn. Staff can reorder urgent cases and send a text message when a patient is called.";
  OfflineProvider provider;
  auto pack = test::GeneratePack(test::DefaultWorkflow(), brief, provider);
  Keep("freeform.md", pack);
  CHECK_MESSAGE(pack.problems.empty(), Join(pack.problems, "\n"));
  for (const auto& a : test::DefaultWorkflow().AllArtifacts()) {
    if (a == "spec-pack.md") continue;
    INFO(a);
    CHECK(StartsWith(pack[a], "---\n"));
  }
  // The artifacts say what was inferred rather than pass it off as the brief's words.
  CHECK(pack["prd.md"].find("Inferred") != std::string::npos);
  CHECK(pack["analysis.md"].find("Inferred") != std::string::npos);
  CHECK(FeaturesFromPrd(pack["prd.md"]).size() >= 2);
}

TEST_CASE("Offline.CrossReferencesHoldInBothSamplePacks") {
  for (const char* brief : kBriefs) {
    INFO(brief);
    OfflineProvider provider;
    auto pack = test::GeneratePack(test::DefaultWorkflow(), test::SampleBrief(brief), provider);

    // Features: every F<n> of the PRD is covered by some epic.
    auto features = FeaturesFromPrd(pack["prd.md"]);
    REQUIRE(features.size() == 5);
    std::set<int> covered;
    auto epics = SectionsAt(pack["epics.md"], 2);
    REQUIRE(!epics.empty());
    for (const auto& e : epics) {
      CHECK(StartsWith(e.heading, "E"));
      for (int f : FeatureRefs(FieldValue(e.body, "Covers"))) covered.insert(f);
    }
    for (const auto& f : features) CHECK_MESSAGE(covered.count(f.id), "F" << f.id << " is in no epic");

    // Every acceptance list is non-empty.
    for (const auto& s : SectionsAt(pack["prd.md"], 3))
      CHECK_MESSAGE(s.body.find("Acceptance:\n- ") != std::string::npos, s.heading);

    // API resources exist in the data model.
    std::set<std::string> entities;
    for (const auto& s : SectionsAt(pack["data-model.md"], 3)) {
      entities.insert(s.heading);
      CHECK_MESSAGE(!Tables(s.body).empty(), s.heading);
    }
    REQUIRE(entities.size() >= 3);
    std::set<std::string> endpoints;
    for (const auto& s : SectionsAt(pack["api-spec.md"], 3)) {
      endpoints.insert(s.heading);
      auto res = ListValue(FieldValue(s.body, "Resources"));
      CHECK_MESSAGE(!res.empty(), s.heading);
      for (const auto& r : res) CHECK_MESSAGE(entities.count(r), s.heading << " names " << r);
    }

    // Components use only defined tokens and name their stack element.
    auto tokens = DefinedTokens(pack["design-tokens.md"]);
    std::set<std::string> components;
    for (const auto& s : SectionsAt(pack["component-mapping.md"], 3)) {
      components.insert(s.heading);
      CHECK_MESSAGE(!FieldValue(s.body, "Stack").empty(), s.heading);
      auto used = ListValue(FieldValue(s.body, "Tokens"));
      CHECK_MESSAGE(!used.empty(), s.heading);
      for (const auto& t : used) CHECK_MESSAGE(std::count(tokens.begin(), tokens.end(), t), s.heading << " uses " << t);
    }

    // Journeys: one per user role, every step names an existing feature.
    auto journeys = SectionsAt(pack["journey-maps.md"], 2);
    CHECK(journeys.size() == ReadBrief(test::SampleBrief(brief)).users.size());
    for (const auto& j : journeys) {
      auto steps = FeatureRefs(j.body);
      CHECK_MESSAGE(!steps.empty(), j.heading);
      for (int f : steps) CHECK(f >= 1);
      for (int f : steps) CHECK(f <= 5);
    }

    // Tasks: every epic has tasks, each names its epic; Touches name real things.
    auto task_epics = SectionsAt(pack["tasks.md"], 2);
    CHECK(task_epics.size() == epics.size());
    int tasks = 0;
    for (const auto& s : SectionsAt(pack["tasks.md"], 3)) {
      ++tasks;
      CHECK(StartsWith(s.heading, "T"));
      CHECK(StartsWith(FieldValue(s.body, "Epic"), "E"));
      for (const auto& t : ListValue(FieldValue(s.body, "Touches")))
        CHECK_MESSAGE(entities.count(t) + endpoints.count(t) + components.count(t) == 1, s.heading << " touches " << t);
    }
    CHECK(tasks >= static_cast<int>(epics.size()));
    for (const auto& e : task_epics) CHECK_MESSAGE(e.body.find("### T") != std::string::npos, e.heading);

    // The validation report is labelled as rules-based, one review per artifact.
    const std::string& report = pack["validation-report.md"];
    CHECK(report.find("Rules-based review (offline generator, not a language model).") != std::string::npos);
    CHECK(report.find("### prd.md") != std::string::npos);
    CHECK(report.find("Gap:") == std::string::npos);  // our own pack passes our own review
  }
}
