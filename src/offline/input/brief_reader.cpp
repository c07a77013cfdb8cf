// yaml-cpp is used here only for the brief's frontmatter; its exceptions stop
// in ParseFrontmatter, which falls back to reading `key: value` lines.
#include "offline/input/brief_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/text.hpp"
#include "offline/input/text_rules.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::offline {

namespace {

enum class SectionKind { kUsers, kFeatures, kConstraints, kSuccess, kOther };

SectionKind Classify(std::string_view heading) {
  auto tokens = Tokenize(heading);
  auto has = [&](std::initializer_list<std::string_view> words) {
    for (const auto& t : tokens)
      for (auto w : words)
        if (t == w) return true;
    return false;
  };
  // Constraints first: "Non-functional requirements" is not a feature list.
  if (has({"constraints", "constraint", "non-functional", "nfr", "nfrs", "limitations"}))
    return SectionKind::kConstraints;
  if (has({"success", "metrics", "metric", "goals", "goal", "kpis", "outcomes", "criteria"}))
    return SectionKind::kSuccess;
  if (has({"users", "user", "audience", "personas", "persona", "stakeholders", "customers"}))
    return SectionKind::kUsers;
  if (has({"features", "feature", "capabilities", "capability", "requirements", "requirement", "scope",
           "functionality"}))
    return SectionKind::kFeatures;
  return SectionKind::kOther;
}

std::string Unquote(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return std::string(v);
}

std::string NormalKey(std::string key) {
  key = ToLower(Trim(key));
  std::replace(key.begin(), key.end(), '-', '_');
  if (key == "brand_colour" || key == "color" || key == "colour" || key == "brand") key = "brand_color";
  return key;
}

std::map<std::string, std::string> ParseFrontmatter(std::string_view yaml) {
  std::map<std::string, std::string> out;
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsMap()) {
      for (const auto& kv : root) {
        if (!kv.first.IsScalar()) continue;
        std::string value;
        if (kv.second.IsScalar()) {
          value = kv.second.Scalar();
        } else if (kv.second.IsSequence()) {
          std::vector<std::string> parts;
          for (const auto& item : kv.second)
            if (item.IsScalar()) parts.push_back(item.Scalar());
          value = Join(parts, ", ");
        }
        out[NormalKey(kv.first.Scalar())] = std::string(Trim(value));
      }
      return out;
    }
  } catch (...) {
    out.clear();  // malformed YAML: read the simple `key: value` lines below
  }
  for (auto line : SplitLines(yaml)) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    out[NormalKey(std::string(line.substr(0, colon)))] = Unquote(line.substr(colon + 1));
  }
  return out;
}

// "**Bold**" and `code` marks are not part of the words.
std::string StripInline(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] == s[i]) {
      ++i;
      continue;
    }
    if (s[i] == '`') continue;
    out += s[i];
  }
  return std::string(Trim(out));
}

bool BulletStart(std::string_view t, std::string_view* rest) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
    *rest = t.substr(2);
    return true;
  }
  size_t d = 0;
  while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  if (d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ') {
    *rest = t.substr(d + 2);
    return true;
  }
  return false;
}

// Bullet items of a section; a section of prose gives its sentences instead.
std::vector<std::string> Items(std::string_view body) {
  std::vector<std::string> items;
  std::string prose;
  for (auto line : SplitLines(body)) {
    std::string_view t = Trim(line);
    std::string_view rest;
    if (BulletStart(t, &rest)) {
      items.push_back(StripInline(rest));
    } else if (!t.empty() && !items.empty() && line.size() > 0 && std::isspace(static_cast<unsigned char>(line[0]))) {
      items.back() += " " + StripInline(t);  // continuation of the bullet above
    } else if (!t.empty()) {
      prose += std::string(t) + " ";
    }
  }
  if (items.empty())
    for (auto& s : Sentences(prose)) items.push_back(StripInline(s));
  return items;
}

BriefFeature SplitFeature(const std::string& item) {
  BriefFeature f;
  for (std::string_view sep : {": ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
    size_t pos = item.find(sep);
    if (pos == std::string::npos || pos == 0) continue;
    std::string title(Trim(item.substr(0, pos)));
    if (Tokenize(title).size() > 8) continue;
    f.title = Capitalize(title);
    f.description = std::string(Trim(item.substr(pos + sep.size())));
    return f;
  }
  f.title = ShortTitle(item);
  f.description = item;
  return f;
}

}  // namespace

std::string ShortTitle(std::string_view clause) {
  auto t = Tokenize(clause, true);
  std::vector<std::string> words;
  for (const auto& tok : t) {
    if (!IsWordToken(tok)) {
      if (!words.empty()) break;
      continue;
    }
    std::string low = ToLower(tok);
    if (words.empty() && (IsFunctionWord(low) || IsDeterminer(low))) continue;
    if (words.size() >= 2 && IsFunctionWord(low) && !IsDeterminer(low)) break;
    words.push_back(tok);
    if (words.size() == 5) break;
  }
  while (!words.empty() && (IsFunctionWord(ToLower(words.back())) || IsDeterminer(ToLower(words.back()))))
    words.pop_back();
  if (words.empty()) return "Untitled capability";
  std::string out = Join(words, " ");
  return Capitalize(out);
}

std::string RoleName(std::string_view bullet) {
  auto t = Tokenize(bullet, true);
  std::vector<std::string> words;
  for (const auto& tok : t) {
    if (!IsWordToken(tok)) break;
    std::string low = ToLower(tok);
    if (!words.empty() && (low == "who" || low == "that" || low == "which" || low == "with" || low == "for" ||
                           low == "in" || low == "at" || low == "on" || EndsWith(low, "ing")))
      break;
    words.push_back(tok);
    if (words.size() == 4) break;
  }
  return words.empty() ? std::string("Users") : Capitalize(Join(words, " "));
}

std::string Brief::AllText() const {
  return name + "\n" + tagline + "\n" + platform + "\n" + audience + "\n" + tone + "\n" + body;
}

// Defined in brief_inference.cpp: the rules for briefs without sections.
void InferMissing(Brief* brief);

Brief ReadBrief(std::string_view markdown) {
  Brief b;
  auto split = markdown::SplitFrontmatter(markdown);
  std::map<std::string, std::string> fm;
  if (split.present && split.closed) fm = ParseFrontmatter(split.yaml);
  b.body = std::string(split.present && split.closed ? split.body : markdown);
  auto get = [&](const char* k) { return fm.count(k) ? fm[k] : std::string(); };
  b.name = get("name");
  b.tagline = get("tagline");
  b.brand_color = get("brand_color");
  b.platform = get("platform");
  b.audience = get("audience");
  b.tone = get("tone");

  std::string title, intro, heading, section;
  bool in_section = false, in_fence = false;
  auto flush = [&]() {
    if (!in_section) return;
    switch (Classify(heading)) {
      case SectionKind::kUsers:
        for (auto& i : Items(section)) b.users.push_back(i);
        break;
      case SectionKind::kFeatures:
        for (auto& i : Items(section)) b.features.push_back(SplitFeature(i));
        break;
      case SectionKind::kConstraints:
        for (auto& i : Items(section)) b.constraints.push_back(i);
        break;
      case SectionKind::kSuccess:
        for (auto& i : Items(section)) b.success.push_back(i);
        break;
      case SectionKind::kOther:
        b.other_sections.push_back({heading, section});
        break;
    }
    section.clear();
  };
  for (auto line : SplitLines(b.body)) {
    std::string_view t = Trim(line);
    if (StartsWith(t, "```") || StartsWith(t, "~~~")) in_fence = !in_fence;
    size_t hashes = 0;
    while (!in_fence && hashes < t.size() && t[hashes] == '#') ++hashes;
    bool is_heading = hashes >= 1 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ';
    if (is_heading && hashes == 1 && title.empty() && !in_section) {
      title = StripInline(t.substr(hashes + 1));
    } else if (is_heading) {
      flush();
      in_section = true;
      heading = StripInline(t.substr(hashes + 1));
    } else if (in_section) {
      section += std::string(line) + "\n";
    } else {
      intro += std::string(line) + "\n";
    }
  }
  flush();
  b.intro = std::string(Trim(intro));
  if (b.name.empty()) b.name = title;
  InferMissing(&b);
  return b;
}

}  // namespace specwave::offline
