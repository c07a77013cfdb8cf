// DESIGN.md: the front matter and the fixed section order, the round trip,
// the YAML tokens winning over the tables, and a DESIGN.md written in the
// Google Labs format by someone else (tests/data/interop/design-md).
#include <doctest/doctest.h>

#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("DesignMd.ExportsTokensInTheFrontMatterAndSectionsInOrder") {
  ExportResult ex = ExportPack(Format::kDesignMd, test::Tidewater(), {});
  const std::string& d = ex.files.at("DESIGN.md");
  CHECK(StartsWith(d, "---\nversion: alpha\nname: \"Tidewater\"\ncolors:\n  background: \"oklch(0.985 0.005 215)\"\n"));
  CHECK(d.find("  primary: \"{colors.accent}\"\n") != std::string::npos);
  CHECK(d.find("typography:\n  caption:\n    fontFamily: ") != std::string::npos);
  CHECK(d.find("spacing:\n  \"1\": 4px\n") != std::string::npos);
  CHECK(d.find("  primary-button:\n    backgroundColor: \"{colors.accent}\"\n    textColor: \"{colors.on-accent}\"") !=
        std::string::npos);
  size_t at = 0;
  for (const char* h : {"## Overview", "## Colors", "### Contrast pairs", "## Typography", "## Layout", "## Components"}) {
    size_t found = d.find(std::string("\n") + h + "\n");
    CHECK_MESSAGE(found != std::string::npos, h);
    CHECK_MESSAGE(found > at, h);
    at = found;
  }
}

TEST_CASE("DesignMd.RoundTripKeepsEveryTokenAndSection") { test::CheckRoundTrip(Format::kDesignMd, {}); }

TEST_CASE("DesignMd.TheYamlValueWinsOverTheTable") {
  ExportResult ex = ExportPack(Format::kDesignMd, test::Tidewater(), {});
  FileTree files = ex.files;
  std::string& d = files.at("DESIGN.md");
  const std::string accent = "  accent: \"oklch(0.520 0.090 215)\"", space = "  \"2\": 8px";
  REQUIRE(d.find(accent) != std::string::npos);
  d.replace(d.find(accent), accent.size(), "  accent: \"oklch(0.500 0.120 250)\"");
  d.replace(d.find(space), space.size(), "  \"2\": 10px");
  ImportResult in = ImportPack(Format::kDesignMd, files, {}, Pack{}, IdSpace{});
  REQUIRE(in.errors.empty());
  const std::string& tokens = in.pack.artifacts.at("design-tokens.md");
  CHECK(tokens.find("| color.accent | oklch(0.500 0.120 250) | brand accent") != std::string::npos);
  CHECK(tokens.find("--color-accent: oklch(0.500 0.120 250);") != std::string::npos);
  CHECK(tokens.find("| space.2 | 10px |") != std::string::npos);
  CHECK(tokens.find("--space-2: 10px;") != std::string::npos);
  // Everything else as it was.
  CHECK(tokens.find("| color.surface | oklch(0.955 0.011 215) |") != std::string::npos);
}

TEST_CASE("DesignMd.ImportsADesignMdWrittenElsewhere") {
  ImportResult in = test::ImportFixture("design-md", Format::kDesignMd);
  CHECK(in.pack.project_name == "Harbour Ledger");
  const std::string& tokens = in.pack.artifacts.at("design-tokens.md");
  DesignTokens t = ParseDesignTokens(tokens);
  REQUIRE(t.FindColor("color.tertiary"));
  CHECK(t.FindColor("color.tertiary")->value == "#C4622D");
  CHECK(t.Defines("space.md"));
  CHECK(t.Defines("type.body-md"));
  CHECK(t.Defines("radius.sm"));
  CHECK(tokens.find("## Colour\n\n- **Primary (#1B3A4B):**") != std::string::npos);
  CHECK(tokens.find("Font stack (body): `IBM Plex Mono`") != std::string::npos);
  CHECK(tokens.find("## Do's and Don'ts") != std::string::npos);
  const std::string& cm = in.pack.artifacts.at("component-mapping.md");
  CHECK(cm.find("### ButtonPrimary\n\nTokens: color.tertiary, color.neutral, radius.sm, space.sm") != std::string::npos);
  CHECK(cm.find("### LedgerRow") != std::string::npos);
}

TEST_CASE("DesignMd.RejectsADuplicateSection") {
  FileTree files = {{"DESIGN.md", "---\nname: X\n---\n\n## Colors\n\nOne.\n\n## Colors\n\nTwo.\n"}};
  ImportResult in = ImportPack(Format::kDesignMd, files, {}, Pack{}, IdSpace{});
  REQUIRE(in.errors.size() == 1);
  CHECK(in.errors[0].message.find("\"Colors\" appears twice") != std::string::npos);
}
