// markdown_frontmatter: the artifact opens with YAML frontmatter that parses,
// is a map, and carries every required field with a non-empty scalar value;
// `artifact:` names the file itself. Fields and rules: docs/validators.md.
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

// yaml-cpp recurses once per nesting level; a hostile "[[[[..." must not
// overflow the stack of a worker thread, so deep flow nesting is refused first.
constexpr size_t kMaxYamlBytes = 64 * 1024;
constexpr int kMaxFlowDepth = 64;

int FlowDepth(std::string_view yaml) {
  int depth = 0, max = 0;
  for (char c : yaml) {
    if (c == '[' || c == '{')
      max = std::max(max, ++depth);
    else if ((c == ']' || c == '}') && depth > 0)
      --depth;
  }
  return max;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
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

  static void Check(const ValidationContext& ctx, std::string_view text, ValidationResult* r) {
    MarkdownLines md(text);
    auto fm = markdown::SplitFrontmatter(text);
    if (!fm.present) {
      Add(r, "no-frontmatter", 1,
          "the artifact must start with YAML frontmatter: a line '---', the fields, and a closing '---'",
          Excerpt(md.At(1).text));
      return;
    }
    if (!fm.closed) {
      Add(r, "unclosed-frontmatter", 1, "the frontmatter opened on line 1 is never closed with '---'", "---");
      return;
    }
    if (fm.yaml.size() > kMaxYamlBytes || FlowDepth(fm.yaml) > kMaxFlowDepth) {
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
    if (!root || root.IsNull()) {
      Add(r, "empty-frontmatter", fm.yaml_first_line, "the frontmatter is empty; it needs the required fields", "");
      return;
    }
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
    std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>> entries;
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
    const auto& required = ctx.frontmatter_fields.empty() ? DefaultFrontmatterFields() : ctx.frontmatter_fields;
    for (const auto& field : required) {
      const std::pair<YAML::Node, YAML::Node>* found = nullptr;
      std::string written;
      for (const auto& [key, kv] : entries)
        if (key == field) {
          found = &kv;
          written = key;
          break;
        }
      if (!found)
        for (const auto& [key, kv] : entries)
          if (IEquals(key, field)) {
            found = &kv;
            written = key;
            int l = line_of(kv.first);
            Add(r, "key-case", l, "'" + key + "' should be written '" + field + "' (keys are lowercase)",
                Excerpt(md.At(l).text), Severity::kWarning);
            break;
          }
      if (!found) {
        Add(r, "missing-field", fm.yaml_first_line - 1,
            "required field '" + field + "' is missing from the frontmatter (required: " + Join(required, ", ") + ")",
            "");
        continue;
      }
      const YAML::Node& value = found->second;
      int l = line_of(found->first);
      if (!value.IsDefined() || value.IsNull() || (value.IsScalar() && Trim(value.Scalar()).empty())) {
        Add(r, "empty-field", l, "field '" + field + "' is empty", Excerpt(md.At(l).text));
        continue;
      }
      if (!value.IsScalar()) {
        Add(r, "field-not-scalar", l, "field '" + field + "' must be a single value, not a list or map",
            Excerpt(md.At(l).text));
        continue;
      }
      if (field == "artifact") {
        std::string want = BaseName(ctx.artifact), got = std::string(Trim(value.Scalar()));
        if (!want.empty() && got != want)
          Add(r, "artifact-mismatch", l, "'artifact: " + got + "' does not name this file (" + want + ")",
              Excerpt(md.At(l).text));
      }
      if (field == "version") {
        std::string v(Trim(value.Scalar()));
        bool digits =
            !v.empty() && v.size() < 10 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || std::stoi(v) < 1)
          Add(r, "version-not-integer", l, "'version' should be a whole number from 1 up, got '" + v + "'",
              Excerpt(md.At(l).text), Severity::kWarning);
      }
    }
  }
};

}  // namespace

const Validator& MarkdownFrontmatterValidator() {
  static const MarkdownFrontmatter kInstance;
  return kInstance;
}

}  // namespace specwave::validators
