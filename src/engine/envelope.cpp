// The engine's frontmatter on every stored document (envelope.hpp). The
// model's block is read in envelope_yaml.cpp (the only yaml-cpp user here);
// the extra keys it wrote are copied as the lines it wrote them on, so
// comments, quoting and nested values survive.
#include "engine/envelope.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <set>

#include "core/text.hpp"
#include "engine/envelope_yaml.hpp"
#include "engine/fan_out.hpp"
#include "engine/reply_text.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave {
namespace {

using envelope_detail::ModelEntry;
using envelope_detail::ModelFrontmatter;

std::string EngineValue(const std::string& key, const EnvelopeFacts& f) {
  if (key == "artifact") return f.artifact;
  if (key == "phase") return f.phase;
  if (key == "agent") return f.agent;
  if (key == "version") return std::to_string(f.version);
  if (key == "generator") return f.generator;
  if (key == "created") return f.created_unix_ms ? FormatIsoUtc(*f.created_unix_ms) : "";
  return "";
}

bool SameEngineValue(const std::string& key, const ModelEntry& e, const EnvelopeFacts& f) {
  if (!e.scalar) return false;
  std::string want = EngineValue(key, f);
  if (want.empty()) return false;  // `created:` the engine does not write
  if (key == "artifact") return IEquals(reply::BaseName(e.value), reply::BaseName(want));
  if (key == "version" || key == "created") return e.value == want;
  return IEquals(e.value, want);
}

// The first "# " heading outside code fences.
std::string FirstTitleHeading(std::string_view body) {
  reply::Lines lines;
  for (auto l : SplitLines(body)) lines.push_back({l, 0});
  std::vector<bool> mask = reply::FenceMask(lines);
  for (size_t i = 0; i < lines.size(); ++i)
    if (!mask[i] && reply::AtxLevel(lines[i].text) == 1) return reply::HeadingText(lines[i].text);
  return "";
}

std::string LfOnly(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r')
      out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n')
      out += '\n';
  }
  return out;
}

struct Recorder {
  std::vector<Cleaning>* out;
  std::string file;
  int raw_first_line;
  void Add(CleaningKind kind, int doc_first, int doc_last, std::string detail, std::string excerpt,
           std::string message) const {
    auto map = [&](int l) { return l <= 0 ? 0 : raw_first_line > 0 ? raw_first_line + l - 1 : l; };
    int first = map(doc_first), last = map(doc_last);
    if (first > 0)
      message += std::string(" (") + (raw_first_line > 0 ? "reply " : "") +
                 (last > first ? "lines " + std::to_string(first) + "-" + std::to_string(last)
                               : "line " + std::to_string(first)) +
                 ")";
    out->push_back({kind, file, first, last, std::move(detail), std::move(excerpt), std::move(message)});
  }
};

// Sorts the model's keys into the engine's (checked), the title and the rest.
std::vector<std::string> SortModelKeys(const ModelFrontmatter& m, const EnvelopeFacts& facts, const Recorder& rec,
                                       std::string* title) {
  std::vector<std::string> extras;
  std::set<std::string> seen;
  bool title_seen = false;
  for (const ModelEntry& e : m.entries) {
    std::string key = ToLower(e.key);
    if (std::find(EnvelopeKeys().begin(), EnvelopeKeys().end(), key) != EnvelopeKeys().end()) {
      if (SameEngineValue(key, e, facts)) continue;
      std::string want = EngineValue(key, facts);
      std::string written = ShortExcerpt(e.text, 80);
      rec.Add(
          CleaningKind::kEnvelopeFieldReplaced, e.line, e.line, key, written,
          (want.empty() ? "removed '" + written + "'" : "replaced '" + written + "' with '" + key + ": " + want + "'") +
              ": the engine writes " + key);
      continue;
    }
    if (key == "title") {
      if (title_seen) {
        rec.Add(CleaningKind::kFrontmatterKeyDropped, e.line, e.line, e.key, ShortExcerpt(e.text, 80),
                "dropped a second '" + e.key + ":'; the first is kept");
      } else if (e.scalar && !Trim(e.value).empty()) {
        *title = std::string(Trim(e.value));
      } else {
        rec.Add(CleaningKind::kEnvelopeFieldReplaced, e.line, e.line, "title", ShortExcerpt(e.text, 80),
                "the model's title is empty or not a single value; the title comes from the document");
      }
      title_seen = true;
      continue;
    }
    if (!seen.insert(e.key).second) {
      rec.Add(CleaningKind::kFrontmatterKeyDropped, e.line, e.line, e.key, ShortExcerpt(e.text, 80),
              "dropped a second '" + e.key + ":'; the first is kept");
      continue;
    }
    extras.push_back(e.text);
  }
  return extras;
}

}  // namespace

const std::vector<std::string>& EnvelopeKeys() {
  static const std::vector<std::string> kKeys = {"artifact", "phase", "agent", "version", "generator", "created"};
  return kKeys;
}

bool IsVolatileEnvelopeKey(std::string_view key) { return IEquals(key, "version") || IEquals(key, "created"); }

std::string GeneratorLabel(bool language_model, std::string_view provider, std::string_view model) {
  if (!language_model) return "offline-rules";
  return std::string(provider) + "/" + std::string(model);
}

std::string FormatIsoUtc(int64_t unix_ms) {
  // Floor division, so times before 1970 land on the right second and day.
  int64_t secs = unix_ms / 1000 - (unix_ms % 1000 < 0 ? 1 : 0);
  int64_t days = secs / 86400 - (secs % 86400 < 0 ? 1 : 0);
  int64_t sod = secs - days * 86400;
  // Days since 1970-01-01 to a proleptic Gregorian date, counted in 400-year
  // eras that start on 1 March (so the leap day is the last day of a year).
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 "Z",
                year, month, day, sod / 3600, sod / 60 % 60, sod % 60);
  return buf;
}

EnvelopedDocument WrapInEnvelope(std::string_view document, const EnvelopeFacts& facts, int raw_first_line) {
  EnvelopedDocument out;
  std::string doc = LfOnly(document);
  Recorder rec{&out.cleanings, facts.artifact, raw_first_line};
  ModelFrontmatter m = envelope_detail::ReadModelFrontmatter(doc);
  if (m.unclosed)
    rec.Add(CleaningKind::kFrontmatterUnreadable, 1, 1, "", "---",
            "the frontmatter opened on line 1 is never closed; it was kept as text");
  if (m.found && !m.readable)
    rec.Add(CleaningKind::kFrontmatterUnreadable, m.first_line, m.last_line, m.error, ShortExcerpt(m.yaml, 80),
            "dropped the model's frontmatter, which could not be read (" + m.error + "); the engine writes its own");
  std::string title;
  std::vector<std::string> extras = SortModelKeys(m, facts, rec, &title);
  std::string_view body = m.body;
  while (!body.empty()) {  // leading blank lines: the envelope puts exactly one
    size_t nl = body.find('\n');
    if (!Trim(body.substr(0, nl)).empty()) break;
    body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
  }
  if (title.empty()) title = FirstTitleHeading(body);
  if (title.empty()) title = facts.default_title;
  if (title.empty()) title = TitleFromArtifactName(facts.artifact);

  std::string& t = out.text;
  t = "---\n";
  for (const auto& key : EnvelopeKeys()) {
    std::string value = EngineValue(key, facts);
    if (value.empty()) continue;
    t += key + ": " + (key == "version" ? value : envelope_detail::YamlScalar(value)) + "\n";
  }
  t += "title: " + envelope_detail::YamlScalar(title) + "\n";
  for (const auto& e : extras) t += e;
  t += "---\n";
  if (!Trim(body).empty()) {
    t += "\n";
    t.append(body.substr(0, body.find_last_not_of('\n') + 1));
    t += "\n";
  }
  return out;
}

Envelope ReadEnvelope(std::string_view document) {
  Envelope env;
  std::string doc = LfOnly(document);
  ModelFrontmatter m = envelope_detail::ReadModelFrontmatter(doc);
  env.body = std::string(m.body);
  if (!m.readable) return env;
  env.present = true;
  for (const ModelEntry& e : m.entries) {
    std::string key = ToLower(e.key);
    std::string* field = key == "artifact"    ? &env.artifact
                         : key == "phase"     ? &env.phase
                         : key == "agent"     ? &env.agent
                         : key == "generator" ? &env.generator
                         : key == "created"   ? &env.created
                         : key == "title"     ? &env.title
                                              : nullptr;
    if (key == "version") {
      bool digits = e.scalar && !e.value.empty() && e.value.size() < 10 &&
                    e.value.find_first_not_of("0123456789") == std::string::npos;
      env.version = digits ? std::stoi(e.value) : 0;
    } else if (field) {
      if (field->empty() && e.scalar) *field = e.value;
    } else {
      env.extra.push_back({e.key, e.value});
    }
  }
  return env;
}

std::string StableContent(std::string_view document) {
  std::string norm = NormalizeText(document);
  auto fm = markdown::SplitFrontmatter(norm);
  if (!fm.present || !fm.closed) return norm;
  std::string out = "---\n";
  bool skipping = false;  // inside a volatile key's value (its indented lines)
  for (auto line : SplitLines(fm.yaml)) {
    bool top = !line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#';
    if (top) {
      size_t colon = line.find(':');
      skipping = colon != std::string_view::npos && IsVolatileEnvelopeKey(Trim(line.substr(0, colon)));
    }
    if (skipping) continue;
    out.append(line);
    out += '\n';
  }
  out += "---\n";
  out.append(fm.body);
  return out;
}

}  // namespace specwave
