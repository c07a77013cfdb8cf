// traceability: features -> epics -> tasks, endpoints -> entities, components
// -> tokens, with the documented variations, each gap naming files and lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "validators/validator_test_util.hpp"
#include "validators/trace_parse.hpp"
#include "validators/traceability.hpp"

using namespace specwave;
using namespace specwave::validators;

namespace {

const char* kPrd =
    "---\ntitle: PRD\n---\n# PRD\n\n## Features\n\n"
    "### F1: Tides\n\nText.\n\n"          // 8
    "### **F2** \xE2\x80\x94 Routes\n\n"  // 12
    "### Feature F3: Weather\n\n"         // 14
    "#### F4. Sharing\n\n"                // 16
    "## User stories\n\nAs a paddler (F1) ...\n";

const char* kEpics =
    "# Epics\n\n"
    "## E1: Tides\n\nCovers: F1\n\n"                            // 3, 5
    "## E2 - Routes and weather\n\n**Features:** `F2`, F3\n\n"  // 7, 9
    "## E3: Orphan\n\nImplements: F9\n\n"                       // 11, 13
    "## E4: Nothing\n\nJust words.\n";                          // 15

const char* kTasks =
    "# Tasks\n\n## E1: Tides\n\n"
    "### T1.1: A\n\nEpic: E1\n\n"               // 5, 7
    "### T1.2: B\n\n- Parent epic: **E1**\n\n"  // 9, 11
    "## E2: Routes\n\n"
    "### T2.1: C\n\nNo epic line here.\n\n"  // 15
    "### T2.2: D\n\nEpic: E7\n";             // 19, 21

const char* kApi =
    "# API\n\n## Endpoints\n\n"
    "### GET /trips\n\nResources: Trip, Waypoints\n\n"  // 5, 7
    "### POST /trips\n\nResources: Trip, Harbour\n\n"   // 9, 11
    "### GET /health\n\nReturns 200.\n";                // 13

const char* kModel =
    "# Data model\n\n## Entities\n\n### Trip\n\n| field | type |\n\n### Waypoint\n\n## Relationships\n";

const char* kMapping =
    "# Components\n\n## Components\n\n"
    "### Card\n\nTokens: color.surface, space.2, `type.body`\n\n"                           // 5, 7
    "### Banner\n\nTokens: color.brand, var(--space-2), --color-surface, motion.wobble\n";  // 9, 11

const char* kTokens =
    "# Tokens\n\n| token | value |\n|---|---|\n| color.surface | oklch(0.9 0 0) |\n| space.2 | 8px |\n"
    "| type.body | 16px |\n";

NamedTexts All() {
  return {{"prd.md", kPrd},
          {"epics.md", kEpics},
          {"tasks.md", kTasks},
          {"api-spec.md", kApi},
          {"data-model.md", kModel},
          {"component-mapping.md", kMapping},
          {"design-tokens.md", kTokens}};
}

std::string Gaps(const TraceabilityReport& r) {
  std::string out;
  for (const auto& g : r.gaps) out += g.rule + ": " + g.message + "\n";
  return out;
}

const Gap* FindGap(const TraceabilityReport& r, const std::string& rule, const std::string& words) {
  for (const auto& g : r.gaps)
    if (g.rule == rule && g.message.find(words) != std::string::npos) return &g;
  return nullptr;
}

}  // namespace

TEST_CASE("Traceability.FindsEveryKindOfGap") {
  TraceabilityReport r = CheckTraceability(All());
  INFO(Gaps(r));
  CHECK(r.features == 4);
  CHECK(r.epics == 4);
  CHECK(r.tasks == 4);
  CHECK(r.endpoints == 3);
  CHECK(r.components == 2);

  const Gap* f4 = FindGap(r, "feature-not-covered", "F4 (Sharing)");
  REQUIRE(f4);
  CHECK(f4->where[0].artifact == "prd.md");
  CHECK(f4->where[0].line == 16);
  CHECK(f4->where[1].artifact == "epics.md");
  CHECK(f4->excerpt == "#### F4. Sharing");
  CHECK_FALSE(FindGap(r, "feature-not-covered", "F2"));  // bold id, em dash
  CHECK_FALSE(FindGap(r, "feature-not-covered", "F3"));  // "Feature F3:", Features: key

  const Gap* f9 = FindGap(r, "epic-unknown-feature", "E3 covers F9");
  REQUIRE(f9);
  CHECK(f9->where[0].line == 13);
  REQUIRE(FindGap(r, "epic-covers-nothing", "E4"));
  CHECK(FindGap(r, "epic-covers-nothing", "E4")->severity == Severity::kWarning);

  const Gap* t21 = FindGap(r, "task-without-epic", "T2.1");
  REQUIRE(t21);
  CHECK(t21->where[0].line == 15);
  const Gap* t22 = FindGap(r, "task-unknown-epic", "E7");
  REQUIRE(t22);
  CHECK(t22->where[0].line == 21);
  CHECK(t22->where[1].artifact == "epics.md");
  CHECK(FindGap(r, "epic-without-tasks", "E3"));
  CHECK(FindGap(r, "epic-without-tasks", "E4"));
  CHECK_FALSE(FindGap(r, "epic-without-tasks", "E1"));
  CHECK_FALSE(FindGap(r, "epic-without-tasks", "E2"));  // T2.1 sits under it, even without its Epic: line

  const Gap* harbour = FindGap(r, "resource-not-in-model", "Harbour");
  REQUIRE(harbour);
  CHECK(harbour->where[0].line == 11);
  CHECK(harbour->message.find("POST /trips") != std::string::npos);
  CHECK_FALSE(FindGap(r, "resource-not-in-model", "Waypoints"));  // plural of Waypoint
  CHECK(FindGap(r, "endpoint-without-resources", "GET /health"));

  const Gap* banner = FindGap(r, "component-unknown-token", "Banner");
  REQUIRE(banner);
  CHECK(banner->where[0].line == 11);
  CHECK(banner->message.find("color.brand, motion.wobble") != std::string::npos);
  CHECK_FALSE(FindGap(r, "component-unknown-token", "Card"));

  CHECK(r.errors() == 8);
  CHECK(r.gaps.size() == 10);
}

TEST_CASE("Traceability.GapsAsMarkdownAreDeterministic") {
  NamedTexts all = All();
  std::string a = RenderGapsMarkdown(CheckTraceability(all));
  std::reverse(all.begin(), all.end());  // input order does not matter
  std::string b = RenderGapsMarkdown(CheckTraceability(all));
  CHECK(a == b);
  CHECK(
      a.find("- **feature-not-covered**: F4 (Sharing) is covered by no epic \xE2\x80\x94 `prd.md:16`, `epics.md`\n") !=
      std::string::npos);
  CHECK(a.find("- **endpoint-without-resources** (warning): GET /health") != std::string::npos);
  CHECK(std::count(a.begin(), a.end(), '\n') == 10);
  CHECK(RenderGapsMarkdown(TraceabilityReport{}) == "No gaps found.\n");
  auto findings = GapsToFindings(CheckTraceability(All()));
  REQUIRE(findings.size() == 10);
  CHECK(findings[0].artifact == "prd.md");
  CHECK(findings[0].line == 16);
}

TEST_CASE("Traceability.MissingArtifactsAndTheOfflinePack") {
  // Only the PRD: one warning that epics.md is missing, nothing else.
  auto only = CheckTraceability({{"prd.md", kPrd}});
  INFO(Gaps(only));
  REQUIRE(only.gaps.size() == 1);
  CHECK(only.gaps[0].rule == "missing-artifact");
  CHECK(only.gaps[0].message.find("epics.md") != std::string::npos);
  CHECK(CheckTraceability({}).gaps.empty());

  // A whole pack produced by the offline generator has no gaps.
  NamedTexts pack;
  for (const auto& e : std::filesystem::directory_iterator(test::DataPath("validators/tidewater")))
    pack.push_back({"out/" + e.path().filename().string(),
                    test::ReadData("validators/tidewater/" + e.path().filename().string())});
  auto r = CheckTraceability(pack);
  INFO(Gaps(r));
  CHECK(r.gaps.empty());
  CHECK(r.features == 5);
  CHECK(r.epics == 3);
  CHECK(r.tasks > 10);
  CHECK(r.endpoints > 20);
  CHECK(r.components == 10);
}

TEST_CASE("Traceability.IdentifierVariations") {
  for (const char* h : {"F1: Tides", "F1 \xE2\x80\x94 Tides", "F1. Tides", "F1 - Tides", "Feature F1: Tides",
                        "**F1**: Tides", "`F1` Tides", "F01: Tides"}) {
    auto id = ParseIdHeading(h, 'F');
    REQUIRE_MESSAGE(id, h);
    CHECK_MESSAGE(id->first == "F1", h);
    CHECK_MESSAGE(id->second == "Tides", h);
  }
  CHECK_FALSE(ParseIdHeading("Features", 'F'));
  CHECK_FALSE(ParseIdHeading("F1x", 'F'));
  CHECK(ParseIdHeading("T1.2: Tide table", 'T')->first == "T1.2");
  CHECK_FALSE(ParseIdHeading("T1: no sub-number", 'T'));
  CHECK(IdsIn("F1, **F3**, `F4`", 'F') == std::vector<std::string>{"F1", "F3", "F4"});
  CHECK(IdsIn("F2\xE2\x80\x93"
              "F5 and F7",
              'F') == std::vector<std::string>{"F2", "F3", "F4", "F5", "F7"});
  CHECK(KeyLineValue("- **Covers:** F1", {"covers"}) == std::optional<std::string>("F1"));
  CHECK(KeyLineValue("COVERS: F1", {"covers"}) == std::optional<std::string>("F1"));
  CHECK_FALSE(KeyLineValue("It covers: F1", {"covers"}));
  CHECK(SameEntity("Trips", "trip"));
  CHECK(SameEntity("`TideWindow`", "tidewindows"));
  CHECK(SameEntity("Categories", "Category"));
  CHECK(SameEntity("Address", "Addresses"));
  CHECK(SameEntity("Status", "Statuses"));
  CHECK_FALSE(SameEntity("Trip", "Trips2"));
  CHECK_FALSE(SameEntity("Trip", "Tripod"));
  CHECK_FALSE(SameEntity("", ""));
}
