// The envelope: the engine writes artifact, phase, agent, version, generator
// and created itself; the model's title and extra keys are kept, wrong values
// of the engine's fields replaced with a warning, a document without
// frontmatter is fine; read back, and compared without the fields that change
// on every run.
#include "engine/envelope.hpp"

#include <doctest/doctest.h>

#include "engine/reply_cleaner.hpp"
#include "validators/validator.hpp"

using namespace specwave;

namespace {

EnvelopeFacts Facts() {
  EnvelopeFacts f;
  f.artifact = "prd.md";
  f.phase = "SPEC_PM";
  f.agent = "product_manager";
  f.version = 3;
  f.generator = GeneratorLabel(true, "openai", "gpt-4.1");
  f.created_unix_ms = 1741944413000;  // 2025-03-14T09:26:53Z
  return f;
}

int Count(const EnvelopedDocument& e, CleaningKind kind) {
  int n = 0;
  for (const auto& c : e.cleanings) n += c.kind == kind;
  return n;
}

const Cleaning* Find(const EnvelopedDocument& e, CleaningKind kind, const std::string& detail) {
  for (const auto& c : e.cleanings)
    if (c.kind == kind && c.detail == detail) return &c;
  return nullptr;
}

validators::ValidationResult Validate(const std::string& text, const std::string& artifact = "prd.md") {
  validators::ValidationContext ctx;
  ctx.artifact = artifact;
  ctx.content = text;
  return validators::FindValidator("markdown_frontmatter")->Run(ctx);
}

const char* kHead =
    "---\n"
    "artifact: prd.md\n"
    "phase: SPEC_PM\n"
    "agent: product_manager\n"
    "version: 3\n"
    "generator: openai/gpt-4.1\n"
    "created: 2025-03-14T09:26:53Z\n";

}  // namespace

TEST_CASE("Envelope.WritesTheEngineFieldsOnADocumentWithoutFrontmatter") {
  auto e = WrapInEnvelope("# Product requirements — Harbourlight\n\n## Features\n", Facts());
  CHECK(e.text == std::string(kHead) +
                      "title: Product requirements — Harbourlight\n---\n\n"
                      "# Product requirements — Harbourlight\n\n## Features\n");
  CHECK(e.cleanings.empty());
  // Offline, and without a creation time.
  EnvelopeFacts f = Facts();
  f.generator = GeneratorLabel(false, "offline", "rules");
  f.created_unix_ms.reset();
  auto offline = WrapInEnvelope("# PRD\n", f);
  CHECK(offline.text ==
        "---\nartifact: prd.md\nphase: SPEC_PM\nagent: product_manager\nversion: 3\ngenerator: offline-rules\n"
        "title: PRD\n---\n\n# PRD\n");
}

TEST_CASE("Envelope.KeepsTheModelsTitleAndExtraKeysInTheirOrder") {
  const char* doc =
      "---\n"
      "owner: growth team   # who signs off\n"
      "title: \"PRD: Harbourlight\"\n"
      "tags:\n"
      "  - booking\n"
      "  - clubs\n"
      "status: draft\n"
      "---\n"
      "\n"
      "# PRD\n";
  auto e = WrapInEnvelope(doc, Facts());
  CHECK(e.text == std::string(kHead) +
                      "title: \"PRD: Harbourlight\"\n"
                      "owner: growth team   # who signs off\n"
                      "tags:\n  - booking\n  - clubs\n"
                      "status: draft\n---\n\n# PRD\n");
  CHECK(e.cleanings.empty());
  Envelope back = ReadEnvelope(e.text);
  REQUIRE(back.present);
  CHECK(back.title == "PRD: Harbourlight");
  CHECK(back.version == 3);
  CHECK(back.generator == "openai/gpt-4.1");
  CHECK(back.created == "2025-03-14T09:26:53Z");
  REQUIRE(back.extra.size() == 3);
  CHECK(back.extra[0] == std::pair<std::string, std::string>{"owner", "growth team"});
  CHECK(back.extra[1].first == "tags");
  CHECK(back.extra[2].first == "status");
  CHECK(back.body == "\n# PRD\n");
  // A map written inline keeps its keys too.
  auto flow = WrapInEnvelope("---\n{title: Inline, owner: ops}\n---\n# X\n", Facts());
  CHECK(flow.text.find("title: Inline\nowner: ops\n---\n") != std::string::npos);
}

TEST_CASE("Envelope.ReplacesWrongEngineFieldsWithAWarningEach") {
  const char* doc =
      "---\n"                  // 1
      "title: PRD\n"           // 2
      "artifact: epics.md\n"   // 3
      "Phase: spec_pm\n"       // 4: right value, other case: no warning
      "agent: pm\n"            // 5
      "version: 1\n"           // 6
      "generator: gpt-4\n"     // 7
      "created: 2024-01-01\n"  // 8
      "---\n"
      "# PRD\n";
  auto e = WrapInEnvelope(doc, Facts(), 10);  // the document began on reply line 10
  CHECK(e.text == std::string(kHead) + "title: PRD\n---\n\n# PRD\n");
  CHECK(Count(e, CleaningKind::kEnvelopeFieldReplaced) == 5);
  const Cleaning* artifact = Find(e, CleaningKind::kEnvelopeFieldReplaced, "artifact");
  REQUIRE(artifact);
  CHECK(artifact->first_line == 12);  // document line 3 is reply line 12
  CHECK(artifact->message ==
        "replaced 'artifact: epics.md' with 'artifact: prd.md': the engine writes artifact (reply line 12)");
  REQUIRE(Find(e, CleaningKind::kEnvelopeFieldReplaced, "agent"));
  CHECK(Find(e, CleaningKind::kEnvelopeFieldReplaced, "agent")->excerpt == "agent: pm");
  CHECK(Find(e, CleaningKind::kEnvelopeFieldReplaced, "version"));
  CHECK(Find(e, CleaningKind::kEnvelopeFieldReplaced, "generator"));
  CHECK(Find(e, CleaningKind::kEnvelopeFieldReplaced, "created"));
  CHECK_FALSE(Find(e, CleaningKind::kEnvelopeFieldReplaced, "phase"));
  for (const auto& c : e.cleanings) CHECK(CleaningSeverity(c.kind) == Severity::kWarning);
  // A path on the artifact name is the same file.
  CHECK(WrapInEnvelope("---\nartifact: docs/prd.md\n---\n# PRD\n", Facts()).cleanings.empty());
}

TEST_CASE("Envelope.TitleFromTheHeadingElseTheArtifactName") {
  // The first "# " heading outside code fences.
  auto heading = WrapInEnvelope("```md\n# not this\n```\n\n# Harbourlight API\n\n## Endpoints\n", Facts());
  CHECK(ReadEnvelope(heading.text).title == "Harbourlight API");
  EnvelopeFacts f = Facts();
  f.artifact = "api-spec.md";
  CHECK(ReadEnvelope(WrapInEnvelope("## Endpoints\n", f).text).title == "Api spec");
  f.default_title = "API spec — Harbourlight";
  CHECK(ReadEnvelope(WrapInEnvelope("## Endpoints\n", f).text).title == "API spec — Harbourlight");
  // An empty or list title from the model: the heading is used, with a warning.
  auto empty = WrapInEnvelope("---\ntitle: \"\"\n---\n# From the heading\n", Facts());
  CHECK(ReadEnvelope(empty.text).title == "From the heading");
  CHECK(Count(empty, CleaningKind::kEnvelopeFieldReplaced) == 1);
  // Titles YAML would misread are quoted and read back the same.
  for (const char* title : {"PRD: v2", "yes", "2025", "#1 priority", "- draft", "Quote \" and \\ back"}) {
    std::string doc = std::string("# ") + title + "\n";
    auto e = WrapInEnvelope(doc, Facts());
    INFO(e.text);
    CHECK(ReadEnvelope(e.text).title == title);
    CHECK(Validate(e.text).findings.empty());
  }
}

TEST_CASE("Envelope.UnreadableOrNotFrontmatter") {
  // Broken YAML: dropped with a warning that says why, the body kept.
  auto broken = WrapInEnvelope("---\ntitle: [PRD\nowner: x\n---\n# PRD\n\ntext\n", Facts());
  INFO(broken.text);
  CHECK(broken.text == std::string(kHead) + "title: PRD\n---\n\n# PRD\n\ntext\n");
  REQUIRE(Count(broken, CleaningKind::kFrontmatterUnreadable) == 1);
  CHECK(broken.cleanings[0].message.find("not valid YAML") != std::string::npos);
  CHECK(broken.cleanings[0].first_line == 1);
  CHECK(broken.cleanings[0].last_line == 4);
  // Key/values of another shape: dropped with a warning.
  CHECK(Count(WrapInEnvelope("---\ntitle: a\n- b\n---\n# X\n", Facts()), CleaningKind::kFrontmatterUnreadable) == 1);
  // A block that does not start with `key:` is not frontmatter at all: it stays text.
  auto list = WrapInEnvelope("---\n- a\n- b\n---\n# X\n", Facts());
  CHECK(list.text == std::string(kHead) + "title: X\n---\n\n---\n- a\n- b\n---\n# X\n");
  CHECK(list.cleanings.empty());
  // A document that opens with a rule is not frontmatter: nothing is lost.
  auto rule = WrapInEnvelope("---\n\n# PRD\n\nSome text.\n\n---\n\nMore.\n", Facts());
  CHECK(rule.text == std::string(kHead) + "title: PRD\n---\n\n---\n\n# PRD\n\nSome text.\n\n---\n\nMore.\n");
  CHECK(rule.cleanings.empty());
  // Never closed: kept as text, with a warning.
  auto unclosed = WrapInEnvelope("---\ntitle: PRD\n# PRD\n", Facts());
  CHECK(unclosed.text.find("\n---\ntitle: PRD\n# PRD\n") != std::string::npos);
  CHECK(Count(unclosed, CleaningKind::kFrontmatterUnreadable) == 1);
  // Deep nesting is refused before the parser sees it.
  auto deep = WrapInEnvelope("---\nx: " + std::string(200, '[') + "\n---\n# X\n", Facts());
  CHECK(Count(deep, CleaningKind::kFrontmatterUnreadable) == 1);
  // A key given twice: the first is kept.
  auto twice = WrapInEnvelope("---\nowner: a\nowner: b\n---\n# X\n", Facts());
  CHECK(twice.text.find("owner: a\n---") != std::string::npos);
  CHECK(twice.text.find("owner: b") == std::string::npos);
  CHECK(Count(twice, CleaningKind::kFrontmatterKeyDropped) == 1);
  // CRLF in, LF out.
  CHECK(WrapInEnvelope("---\r\ntitle: T\r\n---\r\n# T\r\n", Facts()).text ==
        std::string(kHead) + "title: T\n---\n\n# T\n");
}

TEST_CASE("Envelope.StableContentIgnoresVersionAndCreated") {
  auto a = WrapInEnvelope("# PRD\n\n## Features\n", Facts());
  EnvelopeFacts later = Facts();
  later.version = 4;
  later.created_unix_ms = 1741944413000 + 86400000;
  auto b = WrapInEnvelope("# PRD\n\n## Features\n", later);
  CHECK(a.text != b.text);
  CHECK(StableContent(a.text) == StableContent(b.text));
  CHECK(StableContent(a.text + "   \n") == StableContent(b.text));  // whitespace, as NormalizeText
  CHECK(StableContent(a.text) != StableContent(WrapInEnvelope("# PRD\n\n## Goals\n", later).text));
  CHECK(StableContent(a.text) !=
        StableContent(WrapInEnvelope("---\ntitle: Other\n---\n# PRD\n\n## Features\n", later).text));
  CHECK(IsVolatileEnvelopeKey("version"));
  CHECK(IsVolatileEnvelopeKey("created"));
  CHECK_FALSE(IsVolatileEnvelopeKey("generator"));
  CHECK(StableContent("no frontmatter\r\n") == "no frontmatter\n");
}

TEST_CASE("Envelope.FormatIsoUtc") {
  CHECK(FormatIsoUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(FormatIsoUtc(1741944413000) == "2025-03-14T09:26:53Z");
  CHECK(FormatIsoUtc(1741944413999) == "2025-03-14T09:26:53Z");
  CHECK(FormatIsoUtc(951782400000) == "2000-02-29T00:00:00Z");
  CHECK(FormatIsoUtc(1709164800000) == "2024-02-29T00:00:00Z");
  CHECK(FormatIsoUtc(-1) == "1969-12-31T23:59:59Z");
  CHECK(FormatIsoUtc(253402300799000) == "9999-12-31T23:59:59Z");
}

TEST_CASE("Envelope.AModelDocumentWithoutAgentPassesTheValidator") {
  // Issue 14: a good document whose frontmatter lacks `agent:` failed the
  // phase. Cleaned and enveloped, it passes with no finding; the model's
  // document alone passes too (the engine's fields are not the model's).
  std::string reply =
      "Here is the PRD:\n\n```markdown\n---\ntitle: PRD — Harbourlight\nartifact: prd.md\nphase: SPEC_PM\n"
      "version: 1\n---\n\n# PRD — Harbourlight\n\n## Features\n\n### F1: Book a boat\n```\n";
  CleanedReply cleaned = CleanReply(reply, ReplyShape::Single("prd.md"));
  REQUIRE(cleaned.ok());
  auto model_only = Validate(cleaned.documents[0].text);
  CHECK(model_only.passed());
  auto e = WrapInEnvelope(cleaned.documents[0].text, Facts(), cleaned.documents[0].first_line);
  auto r = Validate(e.text);
  INFO(e.text);
  CHECK(r.findings.empty());
  CHECK(Count(e, CleaningKind::kEnvelopeFieldReplaced) == 1);  // version 1 -> 3
  CHECK(Find(e, CleaningKind::kEnvelopeFieldReplaced, "version")->first_line == 8);
  // Every artifact the envelope writes passes, whatever the model wrote.
  for (const char* doc : {"# X\n", "---\nartifact: wrong.md\nagent: \"\"\nversion: [1]\n---\n# X\n", "plain text\n"}) {
    EnvelopeFacts f = Facts();
    f.artifact = "tasks.md";
    auto w = WrapInEnvelope(doc, f);
    INFO(w.text);
    CHECK(Validate(w.text, "tasks.md").findings.empty());
  }
}
