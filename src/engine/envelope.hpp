// The envelope: the frontmatter the engine writes on every document it
// stores (issue 14, point 2). What the engine knows — artifact, phase, agent,
// version, generator, created — it writes itself; it never relies on the
// model for it. The model's own frontmatter is read: its title and its other
// keys are kept, a wrong value of an engine field is replaced with a warning,
// and a document without frontmatter is fine.
//
//   EnvelopeFacts f;
//   f.artifact = "prd.md"; f.phase = "SPEC_PM"; f.agent = "product_manager";
//   f.version = 3; f.generator = GeneratorLabel(true, "openai", "gpt-4.1");
//   f.created_unix_ms = clock.NowUnixMs();
//   EnvelopedDocument e = WrapInEnvelope(cleaned.text, f, cleaned.first_line);
//   // e.text:
//   //   ---
//   //   artifact: prd.md
//   //   phase: SPEC_PM
//   //   agent: product_manager
//   //   version: 3
//   //   generator: openai/gpt-4.1
//   //   created: 2025-03-14T09:26:53Z
//   //   title: Product requirements — Tidewater
//   //   owner: growth team          <- the model's extra keys, as it wrote them
//   //   ---
//   //
//   //   # Product requirements — Tidewater
//   //   ...
//
// Key order is fixed: the engine's fields in the order above, then `title`,
// then the model's other keys in the order it wrote them (each copied as
// written, comments and nested values included). Title: the model's `title:`
// when it is a non-empty single value, else the first `# ` heading outside
// code fences, else `default_title`, else the artifact name ("Api spec").
// Keys are matched without regard to case (`Agent:` is `agent`). Only a
// block whose first line is `---` and whose first key line follows is the
// model's frontmatter; one that is not YAML key/values is dropped with a
// warning (kFrontmatterUnreadable), its text quoted in the record.
//
// ReadEnvelope reads it back; StableContent is what early cutoff and compare
// code hash: the document without the fields that change on every run
// (version, created), line ends and trailing spaces normalised.
//
// yaml-cpp is used only in envelope.cpp; its exceptions stop there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/cleaning.hpp"

namespace specwave {

struct EnvelopeFacts {
  std::string artifact;                    // "prd.md"
  std::string phase;                       // "SPEC_PM"
  std::string agent;                       // "product_manager"
  int version = 1;                         // the version this text will be stored as
  std::string generator;                   // GeneratorLabel(...): "openai/gpt-4.1" or "offline-rules"
  std::optional<int64_t> created_unix_ms;  // written as ISO 8601 UTC; nullopt: no `created:`
  std::string default_title;               // "" = from the artifact name
};

struct EnvelopedDocument {
  std::string text;                 // frontmatter, a blank line, the body; ends with '\n'
  std::vector<Cleaning> cleanings;  // engine fields replaced, frontmatter dropped, ...
};

// `raw_first_line`: the raw reply line of the document's first line
// (CleanedDocument::first_line) so records name reply lines; 0 = name the
// document's own lines.
EnvelopedDocument WrapInEnvelope(std::string_view document, const EnvelopeFacts& facts, int raw_first_line = 0);

// "offline-rules" for the offline generator, else "provider/model".
std::string GeneratorLabel(bool language_model, std::string_view provider, std::string_view model);

// 1741944413000 -> "2025-03-14T09:26:53Z" (whole seconds, UTC; any int64 ms).
std::string FormatIsoUtc(int64_t unix_ms);

// The engine's fields, in the order they are written.
const std::vector<std::string>& EnvelopeKeys();
// version and created: different on every run of the same content.
bool IsVolatileEnvelopeKey(std::string_view key);

struct Envelope {
  bool present = false;  // a readable frontmatter block
  std::string artifact, phase, agent, generator, created, title;
  int version = 0;                                         // 0 when absent or not a whole number
  std::vector<std::pair<std::string, std::string>> extra;  // other keys; values as YAML text
  std::string body;                                        // the text after the block
};

Envelope ReadEnvelope(std::string_view document);

// NormalizeText of the document with the frontmatter's volatile lines
// (`version:`, `created:`) left out: equal for two runs that wrote the same.
std::string StableContent(std::string_view document);

}  // namespace specwave
