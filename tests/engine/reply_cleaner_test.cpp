// The reply cleaner on replies written the way models write them: remarks
// around the document, fences in every form, markers with paths and odd case,
// undeclared files, CRLF, fan-out items that carry their own marker,
// frontmatter, refusals and fenced epics, and plain refusals. The texts are
// our own (a boat-share app, "Harbourlight").
#include "engine/reply_cleaner.hpp"

#include <doctest/doctest.h>

#include "engine/envelope.hpp"
#include "engine/fan_out.hpp"
#include "engine/response_parser.hpp"
#include "validators/validator_test_util.hpp"

using namespace specwave;

namespace {

int Count(const CleanedReply& r, CleaningKind kind) {
  int n = 0;
  for (const auto& c : r.cleanings) n += c.kind == kind;
  return n;
}

const Cleaning* Find(const CleanedReply& r, CleaningKind kind) {
  for (const auto& c : r.cleanings)
    if (c.kind == kind) return &c;
  return nullptr;
}

bool HasError(const CleanedReply& r, ReplyErrorKind kind) {
  for (const auto& e : r.errors)
    if (e.kind == kind) return true;
  return false;
}

std::string Dump(const CleanedReply& r) {
  std::string out;
  for (const auto& c : r.cleanings)
    out += std::string(CleaningKindName(c.kind)) + " " + c.file + " " + std::to_string(c.first_line) + "-" +
           std::to_string(c.last_line) + ": " + c.message + "\n";
  for (const auto& e : r.errors) out += "error " + std::string(ReplyErrorKindName(e.kind)) + ": " + e.message + "\n";
  for (const auto& d : r.documents) out += "--- " + d.name + "\n" + d.text;
  return out;
}

std::string Only(const CleanedReply& r) {
  REQUIRE_MESSAGE(r.documents.size() == 1, Dump(r));
  return r.documents[0].text;
}

const char* kAnalysis =
    "---\n"
    "title: Analysis — Harbourlight\n"
    "---\n"
    "\n"
    "# Analysis\n"
    "\n"
    "## Problem\n"
    "\n"
    "Members of a sailing club double-book the three club dinghies.\n"
    "\n"
    "## Open questions\n"
    "\n"
    "Would you like offline booking in the first release?\n";

}  // namespace

TEST_CASE("ReplyCleaner.PreambleFencedDocumentAndClosingRemark") {
  std::string reply = std::string("Sure! Here's the analysis for Harbourlight, based on the brief you shared.\n\n") +
                      "```markdown\n" + kAnalysis + "```\n\nLet me know if you'd like me to expand the risks!\n";
  auto r = CleanReply(reply, ReplyShape::Single("analysis.md"));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(Only(r) == kAnalysis);  // the open question at the end of the document stays
  const Cleaning* pre = Find(r, CleaningKind::kPreambleRemoved);
  REQUIRE(pre);
  CHECK(pre->first_line == 1);
  CHECK(pre->excerpt.rfind("Sure! Here's the analysis", 0) == 0);
  const Cleaning* fence = Find(r, CleaningKind::kFenceRemoved);
  REQUIRE(fence);
  CHECK(fence->detail == "```markdown");
  CHECK(fence->first_line == 3);
  CHECK(fence->last_line == 17);
  const Cleaning* closing = Find(r, CleaningKind::kClosingRemoved);
  REQUIRE(closing);
  CHECK(closing->first_line == 19);
  CHECK(closing->file == "analysis.md");
  CHECK(r.documents[0].first_line == 4);
}

TEST_CASE("ReplyCleaner.TildeAndFourBacktickFences") {
  auto tilde = CleanReply("~~~markdown\n# Stack\n\n## Chosen stack\n\n- Web: SvelteKit — small bundle\n~~~\n",
                          ReplyShape::Single("stack.md"));
  CHECK(Only(tilde) == "# Stack\n\n## Chosen stack\n\n- Web: SvelteKit — small bundle\n");
  REQUIRE(Find(tilde, CleaningKind::kFenceRemoved));
  CHECK(Find(tilde, CleaningKind::kFenceRemoved)->detail == "~~~markdown");

  // Four backticks around a document whose own code sample uses three.
  const char* api =
      "# API\n\n## Endpoints\n\n### POST /bookings\n\nResources: Booking\n\n```json\n{\"boat\": \"dinghy-2\"}\n```\n";
  auto four =
      CleanReply(std::string("Here is the API spec:\n\n````md\n") + api + "````\n", ReplyShape::Single("api-spec.md"));
  INFO(Dump(four));
  CHECK(Only(four) == api);
  CHECK(Find(four, CleaningKind::kFenceRemoved)->detail == "````md");
  CHECK(Count(four, CleaningKind::kPreambleRemoved) == 1);

  // A bare ``` fence, and a ~~~ fence around a document holding ``` samples.
  CHECK(Only(CleanReply("```\n# PRD\n\ntext\n```\n", ReplyShape::Single("prd.md"))) == "# PRD\n\ntext\n");
  CHECK(Only(CleanReply("~~~\n# PRD\n\n```sh\nmake\n```\n~~~\n", ReplyShape::Single("prd.md"))) ==
        "# PRD\n\n```sh\nmake\n```\n");
}

TEST_CASE("ReplyCleaner.FenceFollowedByClosingRemark") {
  auto r = CleanReply(
      "```markdown\n# Data model\n\n## Entities\n\n### Boat\n\n| field | type | notes |\n|---|---|---|\n"
      "| id | uuid | |\n```\nI hope this helps! Feel free to ask for more entities.\n",
      ReplyShape::Single("data-model.md"));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(Only(r) ==
        "# Data model\n\n## Entities\n\n### Boat\n\n| field | type | notes |\n|---|---|---|\n| id | uuid | |\n");
  CHECK(Count(r, CleaningKind::kClosingRemoved) == 1);
  CHECK(Find(r, CleaningKind::kClosingRemoved)->first_line == 12);
  CHECK(Count(r, CleaningKind::kFenceRemoved) == 1);
}

TEST_CASE("ReplyCleaner.ClosingRemarkAlone") {
  const char* doc =
      "# Architecture\n\n## Overview\n\nA SvelteKit front end talks to one Go service.\n\n## Decisions\n\n"
      "- SQLite on the server: one club, one file.\n";
  auto r = CleanReply(std::string(doc) +
                          "\n---\n\nWould you like me to add a deployment diagram? I can also sketch "
                          "the data flow.\n",
                      ReplyShape::Single("architecture.md"));
  INFO(Dump(r));
  CHECK(Only(r) == doc);
  CHECK(Count(r, CleaningKind::kClosingRemoved) == 1);
  CHECK(Count(r, CleaningKind::kRuleRemoved) == 1);  // the `---` that only separated the remark

  // Other closings models write; each goes, the document stays.
  for (const char* closing : {"Let me know if you want the tables split per entity.", "I hope this helps.",
                              "Feel free to adjust the priorities.", "**Next steps:** I can draft the epics next.",
                              "If you'd like, I can turn these into Jira tickets. Just say the word!"}) {
    auto c = CleanReply(std::string(doc) + "\n" + closing + "\n", ReplyShape::Single("architecture.md"));
    INFO(closing);
    CHECK(Only(c) == doc);
  }
  // Content that only looks like a remark stays: a question of the document, a
  // list, a quoted phrase in a sentence.
  for (const char* last :
       {"Would you like offline booking in the first release?", "- Let me know when a boat is free (a notification).",
        "The app shows a 'Let me know when it is free' button."}) {
    std::string text = std::string(doc) + "\n" + last + "\n";
    auto c = CleanReply(text, ReplyShape::Single("architecture.md"));
    INFO(last);
    CHECK(Only(c) == text);
    CHECK(c.cleanings.empty());
  }
}

TEST_CASE("ReplyCleaner.PreambleIsOnlyRemovedWhenConversational") {
  const char* doc = "# PRD\n\n## Features\n\n### F1: Book a boat\n";
  for (const char* pre :
       {"Certainly — below is the PRD.",
        "Here is the updated PRD:", "I've drafted prd.md from the brief and the analysis.",
        "**Sure!** Here you go:", "Of course! I kept the scope to the MVP.\n\nHere's the document:"}) {
    auto r = CleanReply(std::string(pre) + "\n\n" + doc, ReplyShape::Single("prd.md"));
    INFO(pre);
    INFO(Dump(r));
    CHECK(Only(r) == doc);
    CHECK(Count(r, CleaningKind::kPreambleRemoved) >= 1);
  }
  // A document's own opening paragraph stays, and so does everything before
  // the first heading when one paragraph there is content.
  for (const char* pre : {"Harbourlight lets club members book the three club dinghies.",
                          "Sure thing.\n\nHarbourlight lets club members book boats.",
                          "Based on interviews with twelve members, booking is the main pain.",
                          "Here's how booking works today: members text the captain.",
                          "Great tides and steady winds make the club's season."}) {
    std::string text = std::string(pre) + "\n\n" + doc;
    auto r = CleanReply(text, ReplyShape::Single("prd.md"));
    INFO(pre);
    CHECK(Only(r) == text);
    CHECK(Count(r, CleaningKind::kPreambleRemoved) == 0);
  }
  // "Here it is:" then a rule: the rule would read as frontmatter, so it goes too.
  auto rule = CleanReply("Here it is:\n\n---\n\n# PRD\n\ntext\n", ReplyShape::Single("prd.md"));
  CHECK(Only(rule) == "# PRD\n\ntext\n");
  CHECK(Count(rule, CleaningKind::kRuleRemoved) == 1);
  // ...but frontmatter after a preamble is frontmatter.
  auto fm = CleanReply("Here it is:\n---\ntitle: PRD\n---\n# PRD\n", ReplyShape::Single("prd.md"));
  CHECK(Only(fm) == "---\ntitle: PRD\n---\n# PRD\n");
}

TEST_CASE("ReplyCleaner.CodeFencesInsideTheDocumentStay") {
  // A fenced sample in a section, a document ending with a fence, and one
  // starting with a diagram: none is a fence around the document.
  const char* docs[] = {
      "# Architecture\n\n## Data flow\n\n```ts\nconst booking = await api.book(boat);\n```\n\n## Deployment\n\nOne "
      "VM.\n",
      "# API\n\n### GET /boats\n\n```json\n[{\"id\": \"dinghy-1\"}]\n```\n",
      "```mermaid\ngraph TD; A-->B\n```\n\n# Architecture\n\ntext\n\n```\nplain sample\n```\n",
      "```\nASCII diagram\n```\n\n# Architecture\n\ntext\n\n```\nsample\n```\n",
      "```markdown\nan example of a task line\n```\n\n# Tasks format\n\n```\nT1.1\n```\n",
  };
  for (const char* doc : docs) {
    auto r = CleanReply(doc, ReplyShape::Single("architecture.md"));
    INFO(doc);
    INFO(Dump(r));
    CHECK(Only(r) == doc);
    CHECK(Count(r, CleaningKind::kFenceRemoved) == 0);
  }
  // The fence inside a fenced document stays once the wrapper is removed.
  auto wrapped =
      CleanReply("```markdown\n# Architecture\n\n```ts\nx()\n```\n\ntext\n```\n", ReplyShape::Single("a.md"));
  CHECK(Only(wrapped) == "# Architecture\n\n```ts\nx()\n```\n\ntext\n");
}

TEST_CASE("ReplyCleaner.MarkerLikeLineInsideADocumentIsContent") {
  const char* arch =
      "# Architecture\n\n## Components\n\n=== Runtime ===\n\nThe Go service and a worker.\n\n=== Storage "
      "===\n\nSQLite.\n";
  auto single = CleanReply(arch, ReplyShape::Single("architecture.md"));
  INFO(Dump(single));
  CHECK(Only(single) == arch);
  CHECK(single.cleanings.empty());

  auto multi = CleanReply(
      std::string("=== FILE: architecture.md ===\n") + arch + "=== FILE: data-model.md ===\n# Data model\n\n### Boat\n",
      ReplyShape::Multi({"architecture.md", "data-model.md"}));
  INFO(Dump(multi));
  REQUIRE(multi.ok());
  REQUIRE(multi.documents.size() == 2);
  CHECK(multi.documents[0].text == arch);
  CHECK(multi.documents[1].text == "# Data model\n\n### Boat\n");

  // A marker shown in a code sample is content too.
  const char* fenced = "# Conventions\n\n```\n=== FILE: tasks.md ===\n```\n\nEach file starts with a marker.\n";
  CHECK(Only(CleanReply(fenced, ReplyShape::Single("conventions.md"))) == fenced);
}

TEST_CASE("ReplyCleaner.MarkersToleratePathPrefixAndCase") {
  auto r = CleanReply(
      "Here are the three files.\n\n"
      "=== FILE: docs/data-model.md ===\n# Data model\n\n### Boat\n\n"
      "=== FILE: API-Spec.md ===\n```markdown\n# API\n\n### GET /boats\n```\n\n"
      "==== File: `component-mapping.md` ====\n# Components\n\n### BoatCard\n\n"
      "=== journey-maps.md ===\n# Journeys\n\n## Journey: Book\n",
      ReplyShape::Multi({"data-model.md", "api-spec.md", "component-mapping.md", "journey-maps.md"}));
  INFO(Dump(r));
  REQUIRE(r.ok());
  REQUIRE(r.documents.size() == 4);
  CHECK(r.documents[0].name == "data-model.md");
  CHECK(r.documents[0].text == "# Data model\n\n### Boat\n");
  CHECK(r.documents[1].name == "api-spec.md");
  CHECK(r.documents[1].text == "# API\n\n### GET /boats\n");  // its own fence removed
  CHECK(r.documents[2].text == "# Components\n\n### BoatCard\n");
  CHECK(r.documents[3].text == "# Journeys\n\n## Journey: Book\n");
  CHECK(Count(r, CleaningKind::kPreambleRemoved) == 1);
  CHECK(Count(r, CleaningKind::kFenceRemoved) == 1);
}

TEST_CASE("ReplyCleaner.UndeclaredFilesAreIgnoredByName") {
  auto r = CleanReply(
      "=== FILE: architecture.md ===\n# Architecture\n\ntext\n"
      "=== FILE: ../prd.md ===\n# PRD (rewritten)\n\nF1 is gone.\n"
      "=== FILE: notes.md ===\nscratch notes\n",
      ReplyShape::Single("architecture.md"));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(Only(r) == "# Architecture\n\ntext\n");
  REQUIRE(Count(r, CleaningKind::kUndeclaredFileIgnored) == 2);
  const Cleaning* up = Find(r, CleaningKind::kUndeclaredFileIgnored);
  CHECK(up->detail == "../prd.md");
  CHECK(up->message.find("outside the project folder") != std::string::npos);
  CHECK(up->first_line == 5);
  CHECK(up->last_line == 8);
  CHECK(r.cleanings.back().detail == "notes.md");

  // A `../` path never stands for a declared file, even one of the same name.
  auto hostile = CleanReply("=== FILE: ../prd.md ===\n# PRD\n\ntext\n", ReplyShape::Single("prd.md"));
  INFO(Dump(hostile));
  CHECK_FALSE(hostile.ok());
  CHECK(Count(hostile, CleaningKind::kUndeclaredFileIgnored) == 1);
  CHECK(hostile.documents.empty());
}

TEST_CASE("ReplyCleaner.WholeMultiFileReplyInOneFence") {
  auto r = CleanReply(
      "Here you go:\n\n```markdown\n=== FILE: epics.md ===\n# Epics\n\n## E1: Booking\nCovers: F1\n"
      "=== FILE: dependencies.md ===\n# Dependencies\n\n| package | version policy |\n|---|---|\n```\n",
      ReplyShape::Multi({"epics.md", "dependencies.md"}));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(r.Find("epics.md")->text == "# Epics\n\n## E1: Booking\nCovers: F1\n");
  CHECK(r.Find("dependencies.md")->text == "# Dependencies\n\n| package | version policy |\n|---|---|\n");
  CHECK(Count(r, CleaningKind::kFenceRemoved) == 1);
}

TEST_CASE("ReplyCleaner.CrlfBecomesLfAndTrailingSpacesStay") {
  std::string crlf = "Sure, here it is:\r\n\r\n# PRD\r\n\r\n## Features  \r\n\r\n### F1: Book a boat\r\n";
  auto r = CleanReply(crlf, ReplyShape::Single("prd.md"));
  INFO(Dump(r));
  CHECK(Only(r) == "# PRD\n\n## Features  \n\n### F1: Book a boat\n");
  REQUIRE(Find(r, CleaningKind::kLineEndsNormalised));
  CHECK(CleaningSeverity(CleaningKind::kLineEndsNormalised) == Severity::kInfo);
  CHECK(Find(r, CleaningKind::kPreambleRemoved)->first_line == 1);
  // Old Mac CR-only line ends and a byte-order mark.
  auto cr = CleanReply("\xEF\xBB\xBF# PRD\r\rtext\r", ReplyShape::Single("prd.md"));
  CHECK(Only(cr) == "# PRD\n\ntext\n");
  CHECK(Count(cr, CleaningKind::kByteOrderMarkRemoved) == 1);
  // Through the old entry point too (a single-file reply kept CRLF before).
  auto parsed = ParsePhaseResponse("# PRD\r\n\r\ntext\r\n", {"prd.md"}, "SPEC_PM");
  REQUIRE(parsed.ok());
  CHECK(parsed.artifacts[0].second == "# PRD\n\ntext\n");
}

TEST_CASE("ReplyCleaner.FanOutItemWithNestedMarkerFrontmatterRefusalAndFencedEpic") {
  // One item's reply with every habit seen in a real tasks.md.
  const char* reply =
      "=== FILE: tasks.md ===\n"                                   // 1
      "---\n"                                                      // 2
      "title: Tasks\n"                                             // 3
      "artifact: tasks.md\n"                                       // 4
      "---\n"                                                      // 5
      "\n"                                                         // 6
      "## E2: Waiting list\n"                                      // 7
      "\n"                                                         // 8
      "### T2.1: Join the waiting list\n"                          // 9
      "\n"                                                         // 10
      "Epic: E2\n"                                                 // 11
      "Touches: POST /waitlist, WaitlistEntry\n"                   // 12
      "\n"                                                         // 13
      "I'm sorry, but I can't write tasks that scrape members'\n"  // 14
      "phone contacts.\n"                                          // 15
      "\n"                                                         // 16
      "### T2.2: Notify the next member\n"                         // 17
      "\n"                                                         // 18
      "Epic: E2\n"                                                 // 19
      "\n"                                                         // 20
      "```markdown\n"                                              // 21
      "## E3: Repairs\n"                                           // 22
      "\n"                                                         // 23
      "### T3.1: Report damage\n"                                  // 24
      "```\n";                                                     // 25
  auto r = CleanReply(reply, ReplyShape::FanOutItem("tasks.md", "## E2: Waiting list"));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(
      Only(r) ==
      "## E2: Waiting list\n\n### T2.1: Join the waiting list\n\nEpic: E2\nTouches: POST /waitlist, WaitlistEntry\n\n"
      "### T2.2: Notify the next member\n\nEpic: E2\n\n```markdown\n## E3: Repairs\n\n### T3.1: Report damage\n```\n");
  REQUIRE(Find(r, CleaningKind::kNestedMarkerRemoved));
  CHECK(Find(r, CleaningKind::kNestedMarkerRemoved)->first_line == 1);
  REQUIRE(Find(r, CleaningKind::kFrontmatterRemoved));
  CHECK(Find(r, CleaningKind::kFrontmatterRemoved)->first_line == 2);
  CHECK(Find(r, CleaningKind::kFrontmatterRemoved)->last_line == 5);
  REQUIRE(Find(r, CleaningKind::kRefusalRemoved));
  CHECK(Find(r, CleaningKind::kRefusalRemoved)->first_line == 14);
  CHECK(Find(r, CleaningKind::kRefusalRemoved)->last_line == 15);
  // The epic in the fence stays code (so it never becomes an item) and is reported.
  REQUIRE(Find(r, CleaningKind::kFencedItemHeading));
  CHECK(Find(r, CleaningKind::kFencedItemHeading)->first_line == 22);
  CHECK(Find(r, CleaningKind::kFencedItemHeading)->detail == "E3: Repairs");
  CHECK(Count(r, CleaningKind::kHeadingAdded) == 0);
}

TEST_CASE("ReplyCleaner.FanOutItemHeading") {
  auto item = [](const std::string& reply) {
    return CleanReply(reply, ReplyShape::FanOutItem("tasks.md", "## E2: Waiting list"));
  };
  // Missing: the engine's heading goes first.
  auto added = item("Here are the tasks for this epic:\n\n### T2.1: Join\n\nEpic: E2\n");
  INFO(Dump(added));
  CHECK(Only(added) == "## E2: Waiting list\n\n### T2.1: Join\n\nEpic: E2\n");
  CHECK(Count(added, CleaningKind::kHeadingAdded) == 1);
  CHECK(Count(added, CleaningKind::kPreambleRemoved) == 1);
  // Same item, other wording or level: replaced.
  for (const char* first : {"### E2: Waiting list", "## E2 — Waiting List", "## Epic 2: Waiting list"}) {
    auto r = item(std::string(first) + "\n\n### T2.1: Join\n");
    INFO(first);
    CHECK(Only(r) == "## E2: Waiting list\n\n### T2.1: Join\n");
    CHECK(Count(r, CleaningKind::kHeadingReplaced) == 1);
  }
  // "I'll break ... into tasks." is an opener; text that is not one, before the
  // item's own heading, is not part of the item (recorded, not kept above it).
  auto opener =
      item("I'll break down **E2: Waiting list** into implementable tasks.\n\n## E2: Waiting list\n\n### T2.1\n");
  CHECK(Only(opener) == "## E2: Waiting list\n\n### T2.1\n");
  CHECK(Count(opener, CleaningKind::kPreambleRemoved) == 1);
  auto before = item("Note: the booking rules below come from the brief.\n\n## E2: Waiting list\n\n### T2.1: Join\n");
  CHECK(Only(before) == "## E2: Waiting list\n\n### T2.1: Join\n");
  REQUIRE(Find(before, CleaningKind::kTextBeforeHeadingIgnored));
  CHECK(Find(before, CleaningKind::kTextBeforeHeadingIgnored)->last_line == 1);
  CHECK(Count(before, CleaningKind::kHeadingAdded) == 0);
  // Exactly right: untouched.
  CHECK(item("## E2: Waiting list\n\n### T2.1: Join\n").cleanings.empty());
  // The artifact's title before the item is the engine's to write.
  auto titled = item("# Tasks\n\n## E2: Waiting list\n\n### T2.1: Join\n");
  CHECK(Only(titled) == "## E2: Waiting list\n\n### T2.1: Join\n");
  CHECK(Count(titled, CleaningKind::kTitleRemoved) == 1);
  // Another item's heading first: an error, not a silent merge.
  auto wrong = item("## E3: Repairs\n\n### T3.1: Report damage\n");
  CHECK(HasError(wrong, ReplyErrorKind::kWrongItem));
  CHECK(wrong.errors[0].message.find("E3: Repairs") != std::string::npos);
  // Another item's section later in the reply is reported (kept).
  auto foreign = item("## E2: Waiting list\n\n### T2.1: Join\n\n## E3: Repairs\n\n### T3.1: Report\n");
  CHECK(Count(foreign, CleaningKind::kForeignItemHeading) == 1);
  // Headings without ids: the item-level heading is the item's.
  auto plain = CleanReply("## Waitlist\n\ntext\n", ReplyShape::FanOutItem("tasks.md", "## Waiting list"));
  CHECK(Only(plain) == "## Waiting list\n\ntext\n");
  // No heading required (items that are whole artifacts).
  CHECK(Only(CleanReply("prd.md is consistent.\n", ReplyShape::FanOutItem("validation-report.md", ""))) ==
        "prd.md is consistent.\n");
}

TEST_CASE("ReplyCleaner.FanOutItemThatIsOnlyARefusal") {
  auto whole = CleanReply("I’m sorry, but I can’t help with creating tasks for this epic.\n",
                          ReplyShape::FanOutItem("tasks.md", "## E4: Member tracking"));
  CHECK_FALSE(whole.ok());
  REQUIRE(HasError(whole, ReplyErrorKind::kRefusal));
  CHECK(whole.errors[0].message.find("E4: Member tracking") != std::string::npos);
  CHECK(whole.errors[0].excerpt.find("can’t help with creating tasks") != std::string::npos);
  CHECK(whole.documents.empty());
  // A marker and frontmatter around nothing but a refusal.
  auto wrapped = CleanReply(
      "=== FILE: tasks.md ===\n---\ntitle: Tasks\n---\n\nI cannot assist with tracking members' "
      "locations.\n",
      ReplyShape::FanOutItem("tasks.md", "## E4: Member tracking"));
  INFO(Dump(wrapped));
  REQUIRE(HasError(wrapped, ReplyErrorKind::kRefusal));
  CHECK(wrapped.errors[0].message.find("I cannot assist with tracking") != std::string::npos);
}

TEST_CASE("ReplyCleaner.PlainRefusalIsAnErrorWithTheModelsWords") {
  for (const char* refusal :
       {"I'm sorry, but I can't help with that.", "I cannot assist with writing a PRD for this product.",
        "As an AI language model, I am not able to produce documents about surveillance of club members.",
        "I’m sorry, I can’t do that."}) {
    for (const auto& shape : {ReplyShape::Single("prd.md"), ReplyShape::Multi({"prd.md", "epics.md"})}) {
      auto r = CleanReply(std::string(refusal) + "\n", shape);
      INFO(refusal);
      REQUIRE(r.errors.size() == 1);
      CHECK(r.errors[0].kind == ReplyErrorKind::kRefusal);
      CHECK(r.errors[0].message.find(refusal) != std::string::npos);
      CHECK(r.errors[0].message.find("frontmatter") == std::string::npos);
      CHECK(r.documents.empty());
    }
  }
  // Under a marker.
  auto marked =
      CleanReply("=== FILE: prd.md ===\nI'm sorry, but I can't help with that.\n", ReplyShape::Single("prd.md"));
  REQUIRE(HasError(marked, ReplyErrorKind::kRefusal));
  CHECK(marked.errors[0].file == "prd.md");
  // A refusal before a real document is a remark: removed, the document kept.
  auto partial = CleanReply("As an AI, I can't vouch for the legal wording, but here is the PRD:\n\n# PRD\n\ntext\n",
                            ReplyShape::Single("prd.md"));
  CHECK(Only(partial) == "# PRD\n\ntext\n");
  CHECK(Count(partial, CleaningKind::kRefusalRemoved) == 1);
}

TEST_CASE("ReplyCleaner.EmptyMissingDuplicateAndOnlyRemarks") {
  CHECK(HasError(CleanReply(" \n\t\n", ReplyShape::Single("prd.md")), ReplyErrorKind::kEmptyReply));
  auto missing = CleanReply("=== FILE: epics.md ===\n# Epics\n", ReplyShape::Multi({"epics.md", "dependencies.md"}));
  REQUIRE(HasError(missing, ReplyErrorKind::kMissingFile));
  CHECK(missing.errors[0].file == "dependencies.md");
  CHECK(HasError(CleanReply("# Epics\n", ReplyShape::Multi({"epics.md", "dependencies.md"})),
                 ReplyErrorKind::kNoMarkers));
  // Each file fenced with its marker inside: markers in fences are content, and the error says so.
  auto fenced = CleanReply(
      "```markdown\n=== FILE: epics.md ===\n# Epics\n```\n\n```markdown\n=== FILE: dependencies.md ===\n# "
      "Dependencies\n```\n",
      ReplyShape::Multi({"epics.md", "dependencies.md"}));
  REQUIRE(HasError(fenced, ReplyErrorKind::kNoMarkers));
  CHECK(fenced.errors[0].message.find("inside code fences") != std::string::npos);
  CHECK(HasError(CleanReply("=== FILE: prd.md ===\n\n", ReplyShape::Single("prd.md")), ReplyErrorKind::kEmptyDocument));
  // A marker over nothing but a remark.
  CHECK(HasError(CleanReply("=== FILE: prd.md ===\nSure!\n", ReplyShape::Single("prd.md")),
                 ReplyErrorKind::kOnlyRemarks));
  auto chat = CleanReply("Sure! Which features should the PRD focus on first?\n", ReplyShape::Single("prd.md"));
  CHECK(HasError(chat, ReplyErrorKind::kOnlyRemarks));
  auto twice = CleanReply("=== FILE: prd.md ===\n# Old\n=== FILE: prd.md ===\n# New\n", ReplyShape::Single("prd.md"));
  CHECK(Only(twice) == "# New\n");
  REQUIRE(Find(twice, CleaningKind::kDuplicateFile));
  CHECK(Find(twice, CleaningKind::kDuplicateFile)->first_line == 1);
}

TEST_CASE("ReplyCleaner.TextBeforeTheFirstMarker") {
  auto r = CleanReply(
      "Great, here are both files.\n\nSome notes on naming.\n\n=== FILE: a.md ===\n# A\n"
      "=== FILE: b.md ===\n# B\n",
      ReplyShape::Multi({"a.md", "b.md"}));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(Count(r, CleaningKind::kPreambleRemoved) == 1);
  REQUIRE(Count(r, CleaningKind::kTextOutsideFilesIgnored) == 1);
  CHECK(Find(r, CleaningKind::kTextOutsideFilesIgnored)->first_line == 3);
  CHECK(Find(r, CleaningKind::kTextOutsideFilesIgnored)->excerpt == "Some notes on naming.");
}

TEST_CASE("ReplyCleaner.SecondFrontmatterInADocument") {
  auto r = CleanReply("---\ntitle: PRD\n---\n\n---\nartifact: prd.md\nphase: SPEC_PM\n---\n\n# PRD\n",
                      ReplyShape::Single("prd.md"));
  INFO(Dump(r));
  CHECK(Only(r) == "---\ntitle: PRD\n---\n\n# PRD\n");
  REQUIRE(Find(r, CleaningKind::kFrontmatterRemoved));
  CHECK(Find(r, CleaningKind::kFrontmatterRemoved)->first_line == 5);
  // Frontmatter, then the body in a fence.
  auto fenced = CleanReply("---\ntitle: PRD\n---\n```markdown\n# PRD\n\ntext\n```\n", ReplyShape::Single("prd.md"));
  CHECK(Only(fenced) == "---\ntitle: PRD\n---\n# PRD\n\ntext\n");
}

TEST_CASE("ReplyCleaner.ParsePhaseResponseIsTheCleaner") {
  auto r =
      ParsePhaseResponse("Sure! Here's the PRD:\n\n~~~markdown\n# PRD\n~~~\n\nLet me know!\n", {"prd.md"}, "SPEC_PM");
  REQUIRE(r.ok());
  CHECK(r.artifacts[0].second == "# PRD\n");
  std::string all = JoinDiagnostics(r.problems);
  CHECK(all.find("removed a preamble") != std::string::npos);
  CHECK(all.find("removed the fence '~~~markdown'") != std::string::npos);
  CHECK(all.find("removed a closing remark") != std::string::npos);
  auto refusal = ParsePhaseResponse("I'm sorry, but I can't help with that.", {"prd.md"}, "SPEC_PM");
  CHECK_FALSE(refusal.ok());
  CHECK(JoinDiagnostics(refusal.problems).find("the model refused") != std::string::npos);
  CHECK(refusal.artifacts.empty());
}

TEST_CASE("ReplyCleaner.LeavesEveryPackArtifactAloneAndUnwrapsItWhenWrapped") {
  // The spec pack the validator tests use (tests/data/validators/tidewater):
  // every document is kept byte for byte, alone or behind remarks and a fence.
  for (const char* a :
       {"analysis.md", "api-spec.md", "architecture.md", "component-mapping.md", "data-model.md", "dependencies.md",
        "design-tokens.md", "epics.md", "journey-maps.md", "prd.md", "stack.md", "tasks.md", "validation-report.md"}) {
    std::string doc = test::ReadData(std::string("validators/tidewater/") + a);
    INFO(a);
    auto plain = CleanReply(doc, ReplyShape::Single(a));
    INFO(Dump(plain));
    CHECK(Only(plain) == doc);
    CHECK(plain.cleanings.empty());
    for (const char* fence : {"```markdown", "````", "~~~md"}) {
      std::string close = std::string(fence).substr(0, std::string(fence).find_first_not_of(fence[0]));
      auto wrapped = CleanReply("Certainly! Here is " + std::string(a) + ":\n\n" + fence + "\n" + doc + close +
                                    "\n\nLet me know if you'd like any changes.\n",
                                ReplyShape::Single(a));
      INFO(fence);
      CHECK(Only(wrapped) == doc);
      CHECK(wrapped.cleanings.size() == 3);
    }
  }
}

TEST_CASE("ReplyCleaner.CleanedItemsJoinIntoOneTasksDocument") {
  // Three item replies as a fan-out phase gets them, cleaned, joined and
  // enveloped: one frontmatter, one title, the three epics as the items.
  const char* replies[] = {
      "## E1: Booking\n\n### T1.1: Calendar view\n\nEpic: E1\n",
      "=== FILE: tasks.md ===\n---\ntitle: Tasks\n---\n# Tasks\n\n## E2: Waiting list\n\n### T2.1: Join\n\nEpic: E2\n\n"
      "I'm sorry, but I can't add tasks that track members' locations.\n\n```md\n## E3: Repairs\n```\n",
      "Sure! Here are the tasks for E3:\n\n```markdown\n### T3.1: Report damage\n\nEpic: E3\n```\n\nLet me know!\n",
  };
  const char* headings[] = {"## E1: Booking", "## E2: Waiting list", "## E3: Repairs"};
  std::vector<std::string> parts;
  int cleanings = 0;
  for (int k = 0; k < 3; ++k) {
    auto r = CleanReply(replies[k], ReplyShape::FanOutItem("tasks.md", headings[k]));
    INFO(Dump(r));
    REQUIRE(r.ok());
    parts.push_back(Only(r));
    cleanings += static_cast<int>(r.cleanings.size());
  }
  EnvelopeFacts f;
  f.artifact = "tasks.md";
  f.phase = "SOLUTIONING_TASKS";
  f.agent = "scrum_master";
  f.version = 1;
  f.generator = "anthropic/claude-sonnet-4-5";
  auto doc = WrapInEnvelope(JoinItemBodies("Tasks", parts), f);
  INFO(doc.text);
  auto items = HeadingItems(doc.text, 2);
  REQUIRE(items.size() == 3);  // the E3 heading fenced inside E2 is not an item
  CHECK(items[0].title == "E1: Booking");
  CHECK(items[1].title == "E2: Waiting list");
  CHECK(items[2].title == "E3: Repairs");
  CHECK(doc.text.find("=== FILE") == std::string::npos);
  CHECK(doc.text.find("I'm sorry") == std::string::npos);
  CHECK(doc.text.find("Let me know") == std::string::npos);
  CHECK(doc.text.find("\n---\ntitle: Tasks") == std::string::npos);  // the item's own frontmatter is gone
  CHECK(doc.text.find("# Tasks\n") != std::string::npos);
  CHECK(test::RunValidator("markdown_frontmatter", "tasks.md", doc.text).findings.empty());
  // E2: marker, frontmatter, title, refusal, fenced epic; E3: preamble, fence,
  // closing, heading added.
  CHECK(cleanings == 9);
}

TEST_CASE("ReplyCleaner.ReasoningBlocksLabelsAndHeadingsAsMarkers") {
  // A reasoning model's chain of thought first.
  auto think = CleanReply(
      "<think>\nThe user wants a PRD. Features: booking, waiting list.\nI should use F1, F2.\n</think>\n\n# PRD\n\n"
      "## Features\n",
      ReplyShape::Single("prd.md"));
  INFO(Dump(think));
  CHECK(Only(think) == "# PRD\n\n## Features\n");
  REQUIRE(Find(think, CleaningKind::kReasoningRemoved));
  CHECK(Find(think, CleaningKind::kReasoningRemoved)->last_line == 4);
  CHECK(Only(CleanReply("<thinking>short</thinking> # PRD\n\ntext\n", ReplyShape::Single("prd.md"))) ==
        "# PRD\n\ntext\n");
  // Unclosed: not something we can tell apart from content, left alone.
  CHECK(Only(CleanReply("<think>\n# PRD\n", ReplyShape::Single("prd.md"))) == "<think>\n# PRD\n");

  // A label naming the file, then the fenced document.
  for (const char* label : {"**prd.md**", "### `prd.md`", "File: prd.md", "## PRD.md:"}) {
    auto r = CleanReply(std::string("Here's the document:\n\n") + label + "\n\n```markdown\n# PRD\n\ntext\n```\n",
                        ReplyShape::Single("prd.md"));
    INFO(label);
    INFO(Dump(r));
    CHECK(Only(r) == "# PRD\n\ntext\n");
    CHECK(Count(r, CleaningKind::kFenceRemoved) == 1);
  }
  // Headings that name the files stand in for missing markers (multi-file only).
  auto labels = CleanReply(
      "Here are both files.\n\n### `epics.md`\n\n```markdown\n# Epics\n\n## E1: Booking\n```\n\n"
      "### dependencies.md\n\n# Dependencies\n\n| package | licence |\n|---|---|\n",
      ReplyShape::Multi({"epics.md", "dependencies.md"}));
  INFO(Dump(labels));
  REQUIRE(labels.ok());
  CHECK(labels.Find("epics.md")->text == "# Epics\n\n## E1: Booking\n");
  CHECK(labels.Find("dependencies.md")->text == "# Dependencies\n\n| package | licence |\n|---|---|\n");
  CHECK(Count(labels, CleaningKind::kLabelAsMarker) == 2);
  // With real markers present, such a heading is content.
  auto real = CleanReply(
      "=== FILE: epics.md ===\n# Epics\n\n## dependencies.md\n\nSee there.\n=== FILE: dependencies.md ===\n# D\n",
      ReplyShape::Multi({"epics.md", "dependencies.md"}));
  CHECK(real.Find("epics.md")->text == "# Epics\n\n## dependencies.md\n\nSee there.\n");
  CHECK(Count(real, CleaningKind::kLabelAsMarker) == 0);

  // A closing remark under its own heading takes the heading with it.
  auto next = CleanReply(
      "# Stack\n\n## Chosen stack\n\n- Web: SvelteKit\n\n## Next steps\n\nLet me know if you want the "
      "rejected options expanded.\n",
      ReplyShape::Single("stack.md"));
  CHECK(Only(next) == "# Stack\n\n## Chosen stack\n\n- Web: SvelteKit\n");
  // Claude's habitual opener.
  auto claude = CleanReply("I'll create a comprehensive architecture document for Harbourlight.\n\n# Architecture\n",
                           ReplyShape::Single("architecture.md"));
  CHECK(Only(claude) == "# Architecture\n");
}

TEST_CASE("ReplyCleaner.NumberedFileHeadingsAndSamplesNestedInMarkdownFences") {
  // No markers: numbered headings name the files; each document is in a
  // ```markdown fence, one with a ```json sample nested the way models nest
  // it (CommonMark would close the outer fence at the sample's closer).
  const char* reply =
      "Absolutely! Below are the three documents for **Harbourlight**, following your house conventions.\n"
      "\n"
      "---\n"
      "\n"
      "### 1. `data-model.md`\n"
      "\n"
      "```markdown\n"
      "---\n"
      "title: Data model — Harbourlight\n"
      "artifact: data-model.md\n"
      "---\n"
      "\n"
      "# Data model\n"
      "\n"
      "## Entities\n"
      "\n"
      "### Boat\n"
      "\n"
      "| field | type | notes |\n"
      "|-------|------|-------|\n"
      "| id | uuid | primary key |\n"
      "| name | text | \"Dinghy 2\" |\n"
      "```\n"
      "\n"
      "### 2. `api-spec.md`\n"
      "\n"
      "```markdown\n"
      "# API\n"
      "\n"
      "## Endpoints\n"
      "\n"
      "### GET /boats\n"
      "Resources: Boat\n"
      "\n"
      "Example:\n"
      "\n"
      "```json\n"
      "[{\"id\": \"b1\"}]\n"
      "```\n"
      "```\n"
      "\n"
      "### 3. `component-mapping.md`\n"
      "\n"
      "```markdown\n"
      "# Components\n"
      "\n"
      "### BoatCard\n"
      "Stack: <article>\n"
      "Tokens: color.accent, space.2\n"
      "```\n"
      "\n"
      "---\n"
      "\n"
      "**Summary:** These three files cover the data, the API and the UI mapping. Let me know if you'd like me to add "
      "the relationships section or more endpoints!\n";
  auto r = CleanReply(reply, ReplyShape::Multi({"data-model.md", "api-spec.md", "component-mapping.md"}));
  INFO(Dump(r));
  REQUIRE(r.ok());
  CHECK(Count(r, CleaningKind::kLabelAsMarker) == 3);
  CHECK(Count(r, CleaningKind::kFenceRemoved) == 3);
  CHECK(r.Find("data-model.md")->text.rfind("---\ntitle: Data model", 0) == 0);
  CHECK(r.Find("api-spec.md")->text ==
        "# API\n\n## Endpoints\n\n### GET /boats\nResources: Boat\n\nExample:\n\n```json\n[{\"id\": \"b1\"}]\n```\n");
  CHECK(r.Find("component-mapping.md")->text ==
        "# Components\n\n### BoatCard\nStack: <article>\nTokens: color.accent, space.2\n");
  CHECK(Count(r, CleaningKind::kClosingRemoved) == 1);
  CHECK(Find(r, CleaningKind::kClosingRemoved)->first_line == 54);
}

// A closing remark right under a task's heading takes only the remark: a
// heading with an item id is the document's, not the remark's ("## Next steps").
TEST_CASE("ReplyCleaner.ClosingRemarkKeepsAnItemHeadingItLeavesEmpty") {
  CleanedReply r = CleanReply("## E2: Routes\n\n### T2.1: Draw the route\n\nI hope this helps!\n",
                              ReplyShape::FanOutItem("tasks.md", "## E2: Routes"));
  REQUIRE(r.ok());
  CHECK(r.documents[0].text == "## E2: Routes\n\n### T2.1: Draw the route\n");
  CleanedReply n = CleanReply("# PRD\n\n## Features\n\nF1.\n\n## Next steps\n\nLet me know if you'd like changes.\n",
                              ReplyShape::Single("prd.md"));
  REQUIRE(n.ok());
  CHECK(n.documents[0].text == "# PRD\n\n## Features\n\nF1.\n");
}
