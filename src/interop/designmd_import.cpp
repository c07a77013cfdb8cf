// DESIGN.md import -> design-tokens.md and component-mapping.md. The
// sections come back as the sections they were (Colors -> Colour and its
// Contrast pairs, Layout -> Spacing, Shapes -> Radius, Components -> the
// mapping); the YAML tokens are normative (DESIGN.md's rule), so a colour,
// spacing, size or line height whose YAML value differs from the table row
// of the same token replaces the row's value and the css block's custom
// property, and a token the tables lack gets a row. A DESIGN.md written
// elsewhere, with prose and no tables, gets its tables from the YAML.
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <map>
#include <set>

#include "design/color.hpp"
#include "core/text.hpp"
#include "interop/artifact_header.hpp"
#include "interop/carry.hpp"
#include "interop/designmd_layout.hpp"
#include "interop/format.hpp"
#include "interop/specwave_model.hpp"

namespace specwave::interop {
namespace {

constexpr const char* kGenerator = "import:design-md";

struct Typo {
  std::string family, size, line_height;
};

struct Tokens {
  std::vector<std::pair<std::string, std::string>> colors, spacing, rounded;  // key, value (file order)
  std::vector<std::pair<std::string, Typo>> typography;
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> components;
  std::string name;
};

std::string Scalar(const YAML::Node& n) { return n.IsScalar() ? n.as<std::string>() : ""; }

// yaml-cpp throws on malformed input: caught here, reported as a value.
bool ReadYaml(const std::string& yaml, Tokens* out, std::string* error) {
  try {
    YAML::Node root = YAML::Load(yaml);
    if (!root.IsMap()) {
      *error = "the front matter is not a YAML mapping";
      return false;
    }
    if (root["name"]) out->name = Scalar(root["name"]);
    auto pairs = [](const YAML::Node& m, std::vector<std::pair<std::string, std::string>>* into) {
      if (!m || !m.IsMap()) return;
      for (auto it = m.begin(); it != m.end(); ++it) into->push_back({it->first.as<std::string>(), Scalar(it->second)});
    };
    pairs(root["colors"], &out->colors);
    pairs(root["spacing"], &out->spacing);
    pairs(root["rounded"], &out->rounded);
    if (YAML::Node t = root["typography"]; t && t.IsMap())
      for (auto it = t.begin(); it != t.end(); ++it) {
        Typo ty;
        if (it->second.IsMap()) {
          if (it->second["fontFamily"]) ty.family = Scalar(it->second["fontFamily"]);
          if (it->second["fontSize"]) ty.size = Scalar(it->second["fontSize"]);
          if (it->second["lineHeight"]) ty.line_height = Scalar(it->second["lineHeight"]);
        }
        out->typography.push_back({it->first.as<std::string>(), ty});
      }
    if (YAML::Node c = root["components"]; c && c.IsMap())
      for (auto it = c.begin(); it != c.end(); ++it) {
        std::vector<std::pair<std::string, std::string>> props;
        pairs(it->second, &props);
        out->components.push_back({it->first.as<std::string>(), props});
      }
  } catch (const YAML::Exception& e) {
    *error = std::string("the YAML front matter does not parse: ") + e.what();
    return false;
  }
  return true;
}

std::vector<std::string> Cells(std::string_view row) {
  std::vector<std::string> cells;
  std::string_view s = Trim(row);
  if (!StartsWith(s, "|")) return cells;
  size_t start = 0;
  while (true) {
    size_t end = s.find('|', start + 1);
    if (end == std::string_view::npos) break;
    cells.emplace_back(Trim(s.substr(start + 1, end - start - 1)));
    start = end;
  }
  return cells;
}

std::string Unticked(std::string s) {
  while (!s.empty() && s.front() == '`') s.erase(0, 1);
  while (!s.empty() && s.back() == '`') s.pop_back();
  return s;
}

bool SameValue(const std::string& a, const std::string& b) {
  if (Trim(a) == Trim(b)) return true;
  auto ca = ParseCssColor(a), cb = ParseCssColor(b);
  if (ca && cb) return std::fabs(ca->r - cb->r) + std::fabs(ca->g - cb->g) + std::fabs(ca->b - cb->b) < 3e-3;
  return false;
}

// Sets column `col` of the table row for `token` in `body`; false if there is no such row.
bool SetCell(std::string* body, const std::string& token, size_t col, const std::string& value) {
  std::vector<std::string> lines = Lines(*body);
  for (std::string& l : lines) {
    std::vector<std::string> cells = Cells(l);
    if (cells.size() <= col || !IEquals(Unticked(cells[0]), token)) continue;
    if (!SameValue(cells[col], value)) {
      cells[col] = value;
      l = "| " + Join(cells, " | ") + " |";
    }
    *body = NormBody(Join(lines, "\n"));
    return true;
  }
  return false;
}

// Adds rows after the body's last table line, or a table with `header` when there is none.
void AddRows(std::string* body, const std::string& header, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return;
  std::vector<std::string> lines = Lines(*body);
  size_t last = lines.size();
  size_t columns = 0;
  for (size_t i = 0; i < lines.size(); ++i)
    if (StartsWith(Trim(lines[i]), "|")) last = i, columns = std::max(columns, Cells(lines[i]).size());
  std::vector<std::string> add;
  if (last == lines.size()) {
    columns = Cells(header).size();
    add.push_back(header);
    add.push_back("|" + [&] { std::string s; for (size_t i = 0; i < columns; ++i) s += "---|"; return s; }());
  }
  for (std::vector<std::string> r : rows) {
    r.resize(std::max(columns, r.size()), "—");
    add.push_back("| " + Join(r, " | ") + " |");
  }
  if (last == lines.size()) *body = JoinBlocks({*body, Join(add, "\n")});
  else {
    lines.insert(lines.begin() + static_cast<long>(last) + 1, add.begin(), add.end());
    *body = NormBody(Join(lines, "\n"));
  }
}

// "--color-accent: X;" lines of a css block follow the YAML.
void SetCss(MdNode* css, const std::string& property, const std::string& value) {
  if (!css) return;
  std::vector<std::string> lines = Lines(css->body);
  bool changed = false;
  for (std::string& l : lines) {
    std::string_view t = Trim(l);
    if (!StartsWith(t, property + ":")) continue;
    std::string old(Trim(t.substr(property.size() + 1)));
    if (!old.empty() && old.back() == ';') old.pop_back();
    if (SameValue(old, value)) continue;
    l = l.substr(0, l.find(property)) + property + ": " + value + ";";
    changed = true;
  }
  if (changed) css->body = NormBody(Join(lines, "\n"));
}

struct Sections {
  MdNode* colour = nullptr;
  MdNode* spacing = nullptr;
  MdNode* typography = nullptr;
  MdNode* radius = nullptr;
  MdNode* css = nullptr;
};

MdNode* Ensure(MdNode* dt, MdNode*& slot, const char* heading) {
  if (!slot) {
    dt->children.push_back(MakeNode(2, heading));
    slot = &dt->children.back();
  }
  return slot;
}

void ApplyTokens(const Tokens& t, MdNode* dt) {
  // Sections may be added below, so find them by title each time through a stable index.
  auto find = [&](const char* title) -> MdNode* { return dt->Child(title); };
  Sections s;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, value] : t.colors) {
    if (StartsWith(Trim(value), "{")) continue;  // an alias such as primary: "{colors.accent}"
    s.colour = find("Colour");
    std::string token = designmd::ColorToken(key);
    if (!(s.colour && (SetCell(&s.colour->body, token, 1, value) || SetCell(&s.colour->body, key, 1, value))))
      rows.push_back({token, value});
    SetCss(find("CSS"), "--color-" + key, value);
  }
  if (!rows.empty()) AddRows(&Ensure(dt, s.colour = find("Colour"), "Colour")->body, "| token | value | role | share |", rows);
  rows.clear();
  for (const auto& [key, value] : t.spacing) {
    s.spacing = find("Spacing");
    std::string token = designmd::SpacingToken(key);
    if (!(s.spacing && SetCell(&s.spacing->body, token, 1, value))) rows.push_back({token, value});
    SetCss(find("CSS"), "--space-" + key, value);
  }
  if (!rows.empty()) AddRows(&Ensure(dt, s.spacing = find("Spacing"), "Spacing")->body, "| token | value |", rows);
  rows.clear();
  std::set<std::string> families;
  for (const auto& [key, ty] : t.typography) {
    s.typography = find("Typography");
    std::string token = designmd::TypeToken(key);
    bool found = s.typography && !ty.size.empty() && SetCell(&s.typography->body, token, 1, ty.size);
    if (found && !ty.line_height.empty()) SetCell(&s.typography->body, token, 2, ty.line_height);
    if (!found && !ty.size.empty()) rows.push_back({token, ty.size, ty.line_height.empty() ? "—" : ty.line_height});
    if (!ty.family.empty()) families.insert(ty.family);
    SetCss(find("CSS"), "--type-" + key, ty.size);
    if (!ty.line_height.empty()) SetCss(find("CSS"), "--type-" + key + "-line-height", ty.line_height);
  }
  if (!rows.empty()) AddRows(&Ensure(dt, s.typography = find("Typography"), "Typography")->body,
                             "| token | size | line height | use |", rows);
  if (s.typography || (s.typography = find("Typography")))
    if (!IContains(s.typography->body, "font stack") && !families.empty()) {
      std::string lines;
      int n = 0;
      for (const std::string& f : families)
        lines += "Font stack (" + std::string(n++ == 0 ? "body" : "headings") + "): `" + f + "`\n\n";
      s.typography->body = JoinBlocks({s.typography->body, lines});
    }
  rows.clear();
  for (const auto& [key, value] : t.rounded) {
    s.radius = find("Radius");
    std::string token = designmd::RadiusToken(key);
    if (!(s.radius && SetCell(&s.radius->body, token, 1, value))) rows.push_back({token, value});
  }
  if (!rows.empty()) AddRows(&Ensure(dt, s.radius = find("Radius"), "Radius")->body, "| token | value |", rows);
}

std::string PascalCase(const std::string& kebab) {
  std::string out;
  bool up = true;
  for (char c : kebab) {
    if (c == '-' || c == '_') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

// "{colors.accent}" -> "color.accent".
std::string TokenOfReference(const std::string& ref) {
  std::string r(Trim(ref));
  if (r.size() < 3 || r.front() != '{' || r.back() != '}') return "";
  r = r.substr(1, r.size() - 2);
  size_t dot = r.find('.');
  if (dot == std::string::npos) return "";
  std::string group = r.substr(0, dot), key = r.substr(dot + 1);
  if (group == "colors") return designmd::ColorToken(key);
  if (group == "spacing") return designmd::SpacingToken(key);
  if (group == "typography") return designmd::TypeToken(key);
  if (group == "rounded") return designmd::RadiusToken(key);
  return "";
}

}  // namespace

std::string NotDesignMd(const FileTree& files) {
  return files.count(designmd::kFile) ? "" : "no DESIGN.md at the top of the folder";
}

CodecImport ImportDesignMd(const FileTree& files, const ImportOptions& options) {
  CodecImport out;
  if (std::string why = NotDesignMd(files); !why.empty()) {
    out.errors.push_back({Severity::kError, "", 0, 0, "", "not a DESIGN.md folder: " + why, ""});
    return out;
  }
  MdDoc doc = ParseMd(files.at(designmd::kFile));
  Tokens tokens;
  std::string error;
  if (doc.has_frontmatter && !ReadYaml(doc.frontmatter, &tokens, &error)) {
    out.errors.push_back({Severity::kError, designmd::kFile, 2, 0, "", error, ""});
    return out;
  }
  std::string project = !options.project_name.empty() ? options.project_name : tokens.name;
  if (project.empty()) project = "Design system";
  out.pack.project_name = project;
  const MdNode& top = Top(doc);
  MdNode dt = MakeNode(1, DefaultTitle("design-tokens.md", project));
  MdNode cm = MakeNode(1, DefaultTitle("component-mapping.md", project));
  MdNode comps = MakeNode(2, "Components");
  bool have_components = false;
  std::set<std::string> seen;
  for (const MdNode& s : top.children) {
    std::string t = ToLower(s.title);
    if (!seen.insert(t).second) {
      out.errors.push_back({Severity::kError, designmd::kFile, 0, 0, "", "the section \"" + s.title +
                            "\" appears twice (DESIGN.md allows each section once)", ""});
      return out;
    }
    if (t == "overview" || t == "brand & style") {
      dt.body = s.body;
    } else if (t == "colors" || t == "colours" || t == "colour") {
      MdNode colour = s;
      colour.heading = colour.title = "Colour";
      colour.children.clear();
      MdNode pairs;
      for (const MdNode& c : s.children) {
        if (StartsWith(ToLower(c.title), "contrast pairs")) pairs = c;
        else colour.children.push_back(c);
      }
      dt.children.push_back(colour);
      if (!pairs.heading.empty()) {
        ShiftLevels(&pairs, -1);
        dt.children.push_back(pairs);
      }
    } else if (t == "layout" || t == "layout & spacing") {
      MdNode sp = s;
      sp.heading = sp.title = "Spacing";
      dt.children.push_back(sp);
    } else if (t == "shapes") {
      MdNode r = s;
      r.heading = r.title = "Radius";
      dt.children.push_back(r);
    } else if (t == "components") {
      have_components = true;
      cm.body = s.body;
      comps.children = s.children;
    } else if (StartsWith(s.heading, designmd::kComponentPrefix)) {
      MdNode c = s;
      c.heading = c.title = s.heading.substr(std::string(designmd::kComponentPrefix).size());
      cm.children.push_back(c);
    } else {
      dt.children.push_back(s);
    }
  }
  ApplyTokens(tokens, &dt);
  // Components the YAML defines and the prose does not.
  std::set<std::string> described;
  for (const MdNode& c : comps.children) described.insert(designmd::ComponentKey(c.title));
  for (const auto& [key, props] : tokens.components) {
    if (described.count(key)) continue;
    std::vector<std::string> names;
    for (const auto& [prop, value] : props)
      if (std::string tok = TokenOfReference(value); !tok.empty()) names.push_back(tok);
    comps.children.push_back(MakeNode(3, PascalCase(key), names.empty() ? "" : "Tokens: " + Join(names, ", ")));
    have_components = true;
  }
  out.pack.artifacts["design-tokens.md"] = BuildArtifact("design-tokens.md", project, kGenerator, dt);
  if (have_components) {
    cm.children.insert(cm.children.begin(), comps);
    out.pack.artifacts["component-mapping.md"] = BuildArtifact("component-mapping.md", project, kGenerator, cm);
  }
  return out;
}

}  // namespace specwave::interop
