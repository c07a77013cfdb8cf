// yaml-cpp throws on malformed input; its exceptions stop in
// ReadModelFrontmatter and become `error`.
#include "engine/envelope_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/text.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::envelope_detail {
namespace {

// The first line that is not blank or a comment is `key:` (or `"key":`, or an
// inline `{...}` map) — so a `---` rule followed by prose or a heading is not
// taken for frontmatter.
bool KeyShaped(std::string_view yaml) {
  for (auto line : SplitLines(yaml)) {
    std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t[0] == '{') return true;  // a map written inline
    if (t[0] == '"' || t[0] == '\'') {
      size_t close = t.find(t[0], 1);
      return close != std::string_view::npos && close + 1 < t.size() && t[close + 1] == ':';
    }
    size_t k = 0;
    while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '_' || t[k] == '-')) ++k;
    return k > 0 && k < t.size() && t[k] == ':';
  }
  return false;
}

std::string Emit(const YAML::Node& key, const YAML::Node& value) {
  YAML::Emitter e;
  e << YAML::BeginMap << YAML::Key << key << YAML::Value << value << YAML::EndMap;
  return std::string(e.c_str()) + "\n";
}

// Each top-level entry with the lines it was written on (block style), or
// emitted again when the map is written inline (`{title: x, owner: y}`).
void ReadEntries(const YAML::Node& root, std::string_view yaml, int yaml_first_line, ModelFrontmatter* m) {
  std::vector<std::string_view> lines = SplitLines(yaml);
  std::vector<std::pair<YAML::Node, YAML::Node>> kv;
  for (auto it = root.begin(); it != root.end(); ++it) kv.push_back({it->first, it->second});
  bool by_lines = root.Style() != YAML::EmitterStyle::Flow;
  for (size_t k = 0; k < kv.size() && by_lines; ++k) {
    const YAML::Mark mark = kv[k].first.Mark();
    by_lines = mark.line >= 0 && mark.column == 0 && static_cast<size_t>(mark.line) < lines.size() &&
               (k == 0 || mark.line > kv[k - 1].first.Mark().line);
  }
  for (size_t k = 0; k < kv.size(); ++k) {
    const auto& [key, value] = kv[k];
    if (!key.IsScalar()) continue;
    ModelEntry e;
    e.key = key.Scalar();
    e.line = yaml_first_line + std::max(0, key.Mark().line);
    e.scalar = value.IsScalar() || value.IsNull();
    e.value = value.IsScalar() ? std::string(Trim(value.Scalar())) : value.IsNull() ? "" : YAML::Dump(value);
    if (by_lines) {
      size_t from = static_cast<size_t>(key.Mark().line);
      size_t to = k + 1 < kv.size() ? static_cast<size_t>(kv[k + 1].first.Mark().line) : lines.size();
      while (to > from + 1 && Trim(lines[to - 1]).empty()) --to;
      for (size_t i = from; i < to; ++i) {
        e.text.append(lines[i]);
        e.text += '\n';
      }
    } else {
      e.text = Emit(key, value);
    }
    m->entries.push_back(std::move(e));
  }
}

bool NeedsQuotes(std::string_view v) {
  if (v.empty() || v.front() == ' ' || v.back() == ' ') return true;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos) return true;
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos || v.back() == ':') return true;
  for (char c : v)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  static const char* kWords[] = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"};
  for (const char* w : kWords)
    if (IEquals(v, w)) return true;
  // Anything a YAML reader could take for a number: 12, 1.5, -3, 1e5, 0x1F, .inf
  return v.find_first_not_of("0123456789+-.eExXabcdefABCDEFinfINFaN_o") == std::string_view::npos &&
         v.find_first_of("0123456789") != std::string_view::npos;
}

}  // namespace

ModelFrontmatter ReadModelFrontmatter(std::string_view doc) {
  ModelFrontmatter m;
  m.body = doc;
  markdown::FrontmatterSplit fm = markdown::SplitFrontmatter(doc);
  if (!fm.present || !KeyShaped(fm.yaml)) return m;
  if (!fm.closed) {
    m.unclosed = true;
    return m;
  }
  m.found = true;
  m.first_line = 1;
  m.last_line = fm.body_first_line - 1;
  m.yaml = fm.yaml;
  m.body = fm.body;
  if (markdown::FrontmatterTooComplex(fm.yaml)) {
    m.error = "too large or too deeply nested to be metadata";
    return m;
  }
  try {
    YAML::Node root = YAML::Load(std::string(fm.yaml));
    if (!root.IsMap()) {
      m.error = "not a map of `key: value` lines";
      return m;
    }
    ReadEntries(root, fm.yaml, fm.yaml_first_line, &m);
    m.readable = true;
  } catch (const YAML::Exception& e) {
    m.entries.clear();
    m.error = "not valid YAML: " + e.msg +
              (e.mark.line >= 0 ? " at line " + std::to_string(fm.yaml_first_line + e.mark.line) : "");
  } catch (const std::exception& e) {
    m.entries.clear();
    m.error = std::string("not readable: ") + e.what();
  }
  return m;
}

std::string YamlScalar(std::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace specwave::envelope_detail
