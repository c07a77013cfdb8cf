// markdown_frontmatter: checks a document's frontmatter against the envelope
// contract (engine/envelope.hpp). The engine writes artifact, phase, agent,
// version, generator, created and title itself, so a document whose model
// left them out is not failed for it: those fields are checked only where
// they are written (artifact names this file, version a whole number, ...).
// Fields a phase requires beyond them (`frontmatter_fields`, e.g. `owner`)
// are the model's to write and must be present. A block that is there must
// be closed, parse as YAML and be a map. Rules: docs/validators.md.
//
// yaml-cpp throws on malformed input; its exceptions stop in this file and
// become findings, with the YAML parser's line mapped back to the file's line.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "validators/builtin.hpp"
#include "design/text_scan.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::validators {
namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The fields the engine's envelope writes on every stored document: EnvelopeKeys()
// and `title` (engine/envelope.hpp; envelope_test checks every enveloped document
// passes this validator, so the two lists cannot drift apart unnoticed).
const std::vector<std::string>& EngineFields() {
  static const std::vector<std::string> kFields = {"artifact", "phase",   "agent", "version",
                                                   "generator", "created", "title"};
  return kFields;
}

bool IsEngineField(const std::string& field) {
  return std::find(EngineFields().begin(), EngineFields().end(), field) != EngineFields().end();
}

// "2025-03-14T09:26:53Z", with optional fractional seconds or an offset.
bool LooksIso8601(std::string_view v) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > v.size()) return false;
    for (size_t i = at; i < at + n; ++i)
      if (v[i] < '0' || v[i] > '9') return false;
    return true;
  };
  return v.size() >= 20 && digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2) &&
         v[10] == 'T' && digits(11, 2) && v[13] == ':' && digits(14, 2) && v[16] == ':' && digits(17, 2);
}

class MarkdownFrontmatter final : public Validator {
 public:
  std::string_view Name() const override { return "markdown_frontmatter"; }

  ValidationResult Run(const ValidationContext& ctx) const override {
    ValidationResult r{"markdown_frontmatter", ctx.artifact, {}};
    if (!ctx.content) {
      Add(&r, "missing", 0, ctx.artifact + " was not produced, so it has no frontmatter", "");
      return r;
    }
    try {
      Check(ctx, *ctx.content, &r);
    } catch (const std::exception& e) {
      // Anything yaml-cpp throws past the checks below (conversion, iteration).
      Add(&r, "yaml-error", 1, std::string("the frontmatter could not be read: ") + e.what(), "");
    } catch (...) {
      Add(&r, "yaml-error", 1, "the frontmatter could not be read", "");
    }
    SortByLine(&r.findings);
    return r;
  }

 private:
  static void Add(ValidationResult* r, const char* rule, int line, std::string message, std::string excerpt,
                  Severity severity = Severity::kError) {
    r->findings.push_back({severity, rule, line, std::move(message), std::move(excerpt), ""});
  }

  using Entries = std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>>;

  // The required fields the engine does not write: the model's to provide.
  static std::vector<std::string> ModelFields(const ValidationContext& ctx) {
    const auto& required = ctx.frontmatter_fields.empty() ? DefaultFrontmatterFields() : ctx.frontmatter_fields;
    std::vector<std::string> out;
    for (const auto& f : required)
      if (!IsEngineField(f)) out.push_back(f);
    return out;
  }

  // No frontmatter, or an empty block: fine when the engine writes every
  // required field (an info), an error when the model had some to write.
  static void NoFields(const ValidationContext& ctx, const char* rule, int line, std::string excerpt,
                       ValidationResult* r) {
    std::vector<std::string> model = ModelFields(ctx);
    if (model.empty()) {
      Add(r, rule, line, "no frontmatter fields: the engine writes the envelope (" + Join(EngineFields(), ", ") + ")",
          std::move(excerpt), Severity::kInfo);
      return;
    }
    Add(r, rule, line,
        "the artifact must start with YAML frontmatter ('---', the fields, '---') carrying " + Join(model, ", ") +
            ", which the engine does not write",
        std::move(excerpt));
  }

  static void Check(const ValidationContext& ctx, std::string_view text, ValidationResult* r) {
    MarkdownLines md(text);
    auto fm = markdown::SplitFrontmatter(text);
    if (!fm.present) return NoFields(ctx, "no-frontmatter", 1, Excerpt(md.At(1).text), r);
    if (!fm.closed) {
      Add(r, "unclosed-frontmatter", 1, "the frontmatter opened on line 1 is never closed with '---'", "---");
      return;
    }
    if (markdown::FrontmatterTooComplex(fm.yaml)) {
      Add(r, "frontmatter-too-complex", fm.yaml_first_line,
          "the frontmatter is too large or too deeply nested to be metadata", "");
      return;
    }
    YAML::Node root;
    try {
      root = YAML::Load(std::string(fm.yaml));
    } catch (const YAML::Exception& e) {
      int line = fm.yaml_first_line + (e.mark.line >= 0 ? e.mark.line : 0);
      line = std::min(line, fm.body_first_line - 2);  // never past the closing fence
      Add(r, "yaml-syntax", line, "the frontmatter is not valid YAML: " + e.msg, Excerpt(md.At(line).text));
      return;
    }
    if (!root || root.IsNull()) return NoFields(ctx, "empty-frontmatter", fm.yaml_first_line, "", r);
    if (!root.IsMap()) {
      Add(r, "not-a-map", fm.yaml_first_line, "the frontmatter must be a map of `key: value` lines",
          Excerpt(md.At(fm.yaml_first_line).text));
      return;
    }
    auto line_of = [&](const YAML::Node& n) {
      int l = n.Mark().line;
      return l >= 0 ? fm.yaml_first_line + l : fm.yaml_first_line;
    };
    // Keys as written, with their lines; duplicates noted (yaml-cpp keeps both).
    Entries entries;
    std::map<std::string, int> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
      if (key.empty()) continue;
      if (seen.count(key))
        Add(r, "duplicate-key", line_of(it->first),
            "'" + key + "' appears twice (first on line " + std::to_string(seen[key]) +
                "); readers disagree on which wins",
            Excerpt(md.At(line_of(it->first)).text), Severity::kWarning);
      else
        seen[key] = line_of(it->first);
      entries.push_back({key, {it->first, it->second}});
    }
    std::vector<std::string> fields = ModelFields(ctx);
    fields.insert(fields.begin(), EngineFields().begin(), EngineFields().end());
    for (const auto& field : fields) CheckField(ctx, field, entries, line_of, md, fm.yaml_first_line, r);
  }

  template <typename LineOf>
  static void CheckField(const ValidationContext& ctx, const std::string& field, const Entries& entries,
                         const LineOf& line_of, const MarkdownLines& md, int yaml_first_line, ValidationResult* r) {
    const std::pair<YAML::Node, YAML::Node>* found = nullptr;
    for (const auto& [key, kv] : entries)
      if (key == field) {
        found = &kv;
        break;
      }
    if (!found)
      for (const auto& [key, kv] : entries)
        if (IEquals(key, field)) {
          found = &kv;
          int l = line_of(kv.first);
          Add(r, "key-case", l, "'" + key + "' should be written '" + field + "' (keys are lowercase)",
              Excerpt(md.At(l).text), Severity::kWarning);
          break;
        }
    if (!found) {
      // The engine writes its own fields; only the model's can be missing.
      if (!IsEngineField(field))
        Add(r, "missing-field", yaml_first_line - 1,
            "required field '" + field + "' is missing from the frontmatter; the model must write it (the engine " +
                "writes " + Join(EngineFields(), ", ") + ")",
            "");
      return;
    }
    const YAML::Node& value = found->second;
    int l = line_of(found->first);
    if (!value.IsDefined() || value.IsNull() || (value.IsScalar() && Trim(value.Scalar()).empty())) {
      Add(r, "empty-field", l, "field '" + field + "' is empty", Excerpt(md.At(l).text));
      return;
    }
    if (!value.IsScalar()) {
      Add(r, "field-not-scalar", l, "field '" + field + "' must be a single value, not a list or map",
          Excerpt(md.At(l).text));
      return;
    }
    std::string v(Trim(value.Scalar()));
    if (field == "artifact") {
      std::string want = BaseName(ctx.artifact);
      if (!want.empty() && v != want)
        Add(r, "artifact-mismatch", l, "'artifact: " + v + "' does not name this file (" + want + ")",
            Excerpt(md.At(l).text));
    }
    if (field == "version") {
      bool digits =
          !v.empty() && v.size() < 10 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || std::stoi(v) < 1)
        Add(r, "version-not-integer", l, "'version' should be a whole number from 1 up, got '" + v + "'",
            Excerpt(md.At(l).text), Severity::kWarning);
    }
    if (field == "created" && !LooksIso8601(v))
      Add(r, "created-not-iso", l, "'created' should be an ISO 8601 UTC time such as 2025-03-14T09:26:53Z, got '" +
          v + "'", Excerpt(md.At(l).text), Severity::kWarning);
  }
};

}  // namespace

const Validator& MarkdownFrontmatterValidator() {
  static const MarkdownFrontmatter kInstance;
  return kInstance;
}

}  // namespace specwave::validators
