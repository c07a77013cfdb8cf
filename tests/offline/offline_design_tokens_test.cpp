// design-tokens.md from the offline generator: every contrast pair it defines
// really meets its ratio (recomputed here from the printed values), the 60/30/10
// shares, the 8-pt spacing scale, exactly four type sizes, a font stack that
// is not Inter-first, and no purple gradients — for brand colours of every kind.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/text.hpp"
#include "offline/input/md_read.hpp"
#include "offline/domain/palette_color.hpp"
#include "offline/offline_test_helpers.hpp"

using namespace specwave;
using namespace specwave::offline;

namespace {

std::string Tokens(const std::string& brief) {
  static OfflineProvider provider;
  GenerationContext ctx;
  ctx.phase = &test::DefaultWorkflow().phases[test::DefaultWorkflow().IndexOf("SPEC_DESIGN_TOKENS")];
  ctx.brief = brief;
  return test::CallOffline(provider, ctx).text;
}

std::string BriefWith(const std::string& name, const std::string& color, const std::string& extra = "") {
  return "---\nname: " + name + "\n" + (color.empty() ? "" : "brand_color: \"" + color + "\"\n") + extra + "---\n# " +
         name + "\n\n## Features\n- Lists: keep lists.\n";
}

// token -> printed value, from the "## Colour" table.
std::map<std::string, std::string> Colours(const std::string& md) {
  std::map<std::string, std::string> out;
  for (const auto& t : Tables(SectionBody(md, 2, "Colour")))
    for (const auto& row : t.rows)
      if (row.size() >= 2) out[row[0]] = row[1];
  return out;
}

void CheckPairs(const std::string& md, double body_min) {
  auto colours = Colours(md);
  auto tables = Tables(SectionBody(md, 2, "Contrast pairs"));
  REQUIRE(tables.size() == 1);
  CHECK(tables[0].header.size() >= 3);
  REQUIRE(tables[0].rows.size() >= 6);
  for (const auto& row : tables[0].rows) {
    REQUIRE(row.size() >= 3);
    INFO(row[0] << " on " << row[1]);
    REQUIRE(colours.count(row[0]));
    REQUIRE(colours.count(row[1]));
    auto fg = ParseCssColor(colours[row[0]]);
    auto bg = ParseCssColor(colours[row[1]]);
    REQUIRE(fg.has_value());
    REQUIRE(bg.has_value());
    CHECK(IsInSrgb(*fg));
    CHECK(IsInSrgb(*bg));
    double ratio = ContrastOf(*fg, *bg);
    CHECK((row[2] == "body" || row[2] == "large"));
    CHECK(ratio >= (row[2] == "body" ? 4.5 : 3.0));
    if (row[0] == "color.text") CHECK(ratio >= body_min);
  }
}

}  // namespace

TEST_CASE("Offline.ContrastPairsReallyMeetTheirRatios") {
  const char* brands[] = {
      "#2f7d4f",          "oklch(0.52 0.09 215)", "#ffe600",       "#111111", "#ffffff",     "#7c3aed", "rgb(255 0 0)",
      "hsl(280 80% 50%)", "oklch(0.9 0.4 140)",   "rebeccapurple", "",        "not-a-colour"};
  for (const char* brand : brands) {
    INFO("brand " << brand);
    std::string md = Tokens(BriefWith("Palette", brand));
    CheckPairs(md, 4.5);
  }
  // Bright light raises the body text target to 7:1.
  CheckPairs(Tokens(BriefWith("Sunny", "#2f7d4f", "audience: sailors in bright sunlight\n")), 7.0);
  CheckPairs(Tokens(test::SampleBrief("tidewater.md")), 7.0);
  CheckPairs(Tokens(test::SampleBrief("clinic-queue.md")), 4.5);
}

TEST_CASE("Offline.TokensFollowTheDesignRules") {
  for (const char* brief : {"tidewater.md", "clinic-queue.md"}) {
    INFO(brief);
    std::string md = Tokens(test::SampleBrief(brief));
    // 60/30/10.
    std::map<std::string, std::string> share;
    for (const auto& t : Tables(SectionBody(md, 2, "Colour")))
      for (const auto& row : t.rows) share[row[0]] = row.size() > 3 ? row[3] : "";
    CHECK(share["color.background"] == "60%");
    CHECK(share["color.surface"] == "30%");
    CHECK(share["color.accent"] == "10%");
    for (const auto& [token, value] : Colours(md)) CHECK(StartsWith(value, "oklch("));
    // 8-pt spacing.
    std::set<std::string> spacing;
    for (const auto& t : Tables(SectionBody(md, 2, "Spacing")))
      for (const auto& row : t.rows) spacing.insert(row[1]);
    CHECK(spacing == std::set<std::string>{"4px", "8px", "16px", "24px", "32px", "48px", "64px"});
    // Exactly four type sizes.
    auto type_tables = Tables(SectionBody(md, 2, "Typography"));
    REQUIRE(type_tables.size() == 1);
    CHECK(type_tables[0].rows.size() == 4);
    // Not Inter-first.
    for (auto line : SplitLines(md))
      if (IContains(line, "font stack")) {
        CHECK(!IContains(line, "`\"Inter\""));
        CHECK(!IContains(line, "`Inter"));
      }
    // The css block repeats every colour value exactly.
    size_t css = md.find("```css");
    REQUIRE(css != std::string::npos);
    std::string block = md.substr(css);
    for (const auto& [token, value] : Colours(md)) {
      std::string prop = "--" + token;
      for (auto& c : prop)
        if (c == '.') c = '-';
      CHECK_MESSAGE(block.find(prop + ": " + value + ";") != std::string::npos, prop);
    }
  }
}

TEST_CASE("Offline.PurpleBrandGivesNoPurpleGradient") {
  for (const char* purple : {"#7c3aed", "oklch(0.55 0.25 300)", "rebeccapurple", "hsl(275 70% 45%)"}) {
    INFO(purple);
    std::string md = Tokens(BriefWith("Violetta", purple, "tone: playful\n"));
    CHECK(!IContains(md, "gradient"));
    CHECK(!IContains(md, "blob"));
    auto accent = ParseCssColor(Colours(md)["color.accent"]);
    REQUIRE(accent.has_value());
    CHECK(accent->h > 260);  // a flat purple accent is allowed and kept
    CHECK(accent->h < 340);
  }
}

TEST_CASE("Offline.MissingBrandColourIsDerivedFromTheName") {
  std::string a = Tokens(BriefWith("Harbour", ""));
  std::string b = Tokens(BriefWith("Harbour", ""));
  std::string c = Tokens(BriefWith("Lantern", ""));
  CHECK(a == b);
  CHECK(a.find("no brand colour") != std::string::npos);
  CHECK(a.find("\"Harbour\"") != std::string::npos);
  CHECK(Colours(a)["color.accent"] != Colours(c)["color.accent"]);
  std::string bad = Tokens(BriefWith("Harbour", "not-a-colour"));
  CHECK(bad.find("is not a CSS colour") != std::string::npos);
  CHECK(Colours(bad)["color.accent"] == Colours(a)["color.accent"]);
}
