// anti_ai_slop, blob shapes: organic border-radius values, blob classes, files
// and backgrounds are errors; circles, pills, one radius per corner and
// "blob storage" are not.
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::Slop;

namespace {

int Blobs(const std::string& text) {
  auto r = Slop(text, "component-mapping.md");
  INFO(Dump(r));
  return CountRule(r, "blob-shape");
}

}  // namespace

TEST_CASE("SlopBlob.OrganicRadiiClassesFilesAndBackgrounds") {
  const char* bad[] = {
      "border-radius: 30% 70% 70% 30% / 30% 30% 70% 70%;",
      "BORDER-RADIUS:30% 70% 70% 30%/30% 30% 70% 70%;",
      "border-radius: 60% 40% 30% 70% / 60% 30% 70% 40%;",
      "border-radius: 60% 40% 30% 70%;",
      "border-radius: 42% 58% 70% 30% / 45% 45% 55% 55% !important;",
      "--radius-organic: 30% 70% 70% 30% / 30% 30% 70% 70%;",
      "<div class=\"rounded-[30%_70%_70%_30%/30%_30%_70%_70%]\">",
      ".blob { position: absolute; }",
      "<div class=\"hero-blob blob-1\"></div>",
      "background-image: url(blob-shape.svg);",
      "Soft blobby shapes float behind the hero.",
      "A purple blob background sits behind the cards.",
      "Decorative blobs in the corners.",
  };
  for (const char* s : bad) CHECK_MESSAGE(Blobs(s) == 1, s);
}

TEST_CASE("SlopBlob.RegularShapesAndDataBlobsAreAllowed") {
  const char* good[] = {
      "border-radius: 50%;",
      "border-radius: 8px;",
      "border-radius: 8px 8px 0 0;",
      "border-radius: 50% 50% 0 0;",
      "border-radius: 50% / 10%;",
      "border-radius: 9999px;",
      "border-radius: var(--radius-2);",
      "Attachments are stored in Azure Blob Storage.",
      "The photo column is a BLOB in SQLite.",
      "Uploads become a Blob and then an object URL.",
      "No blobs, no gradients: flat surfaces only.",
  };
  for (const char* s : good) CHECK_MESSAGE(Blobs(s) == 0, s);
}

TEST_CASE("SlopBlob.FindingNamesLineAndText") {
  auto r = Slop(
      "# Components\n\n### Hero\n\n```css\n.hero::before {\n  border-radius: 30% 70% 70% 30% / 30% 30% 70% "
      "70%;\n}\n```\n",
      "component-mapping.md");
  INFO(Dump(r));
  REQUIRE(CountRule(r, "blob-shape") == 1);
  const auto* f = specwave::test::FindRule(r, "blob-shape");
  CHECK(f->line == 7);
  CHECK(f->severity == Severity::kError);
  CHECK(f->excerpt == "border-radius: 30% 70% 70% 30% / 30% 30% 70% 70%;");
}
