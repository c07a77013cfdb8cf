#include "offline/domain/component_model.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "offline/input/md_read.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

struct KindRule {
  std::initializer_list<std::string_view> any;
  const char* kind;
  const char* suffix;
};

const KindRule kKinds[] = {
    {{"draw", "sketch", "tapping"}, "editor", "Editor"},
    {{"board", "dashboard"}, "board", "Board"},
    {{"report", "export", "csv"}, "report", "Report"},
    {{"share", "link"}, "share", "ShareSheet"},
    {{"warn", "alert"}, "alert", "Alert"},
    {{"record", " log", "join", "check-in", "form", "enter"}, "form", "Form"},
    {{"call", "one tap"}, "action", "Button"},
    {{"show", "see", "view"}, "view", "View"},
};

// Preferred tokens per kind, in the order they are listed.
std::vector<std::string> Wishes(const std::string& kind) {
  if (kind == "shell") return {"color.background", "color.text", "space.4", "space.5", "type.body", "type.title"};
  if (kind == "button") return {"color.accent", "color.on-accent", "space.2", "space.3", "type.body", "motion.fast"};
  if (kind == "field")
    return {"color.surface", "color.text", "color.border", "color.accent", "space.2", "type.body", "type.caption"};
  if (kind == "banner") return {"color.surface", "color.text", "color.danger", "space.3", "type.body"};
  if (kind == "table")
    return {"color.surface", "color.border", "color.text", "color.text-muted", "space.2", "type.caption", "type.body"};
  if (kind == "map") return {"color.background", "color.accent", "color.text", "space.2", "type.caption"};
  if (kind == "editor")
    return {"color.background", "color.accent", "color.border", "space.2", "type.caption", "motion.base"};
  if (kind == "board") return {"color.surface", "color.text", "color.accent", "space.3", "type.title", "type.body"};
  if (kind == "report") return {"color.surface", "color.text-muted", "space.3", "type.body", "type.caption"};
  if (kind == "share")
    return {"color.surface", "color.text", "color.accent", "color.on-accent", "space.4", "type.body", "motion.base"};
  if (kind == "alert") return {"color.danger", "color.surface", "color.text", "space.3", "type.body", "type.title"};
  if (kind == "form")
    return {"color.surface", "color.text", "color.border", "color.accent", "space.3", "type.body", "type.caption"};
  if (kind == "action") return {"color.accent", "color.on-accent", "space.3", "type.title", "motion.fast"};
  return {"color.surface", "color.text", "color.text-muted", "space.3", "space.4", "type.title", "type.body"};
}

// The wished tokens that are defined (spelled as the upstream spells them); a
// missing one is replaced by an unused defined token of the same family
// (color, space, type, motion), or dropped. Names compare by TokenKey, so
// `color.accent` and `--color-accent` are the same token, as for the checks.
std::vector<std::string> PickTokens(const std::string& kind, const std::vector<std::string>& defined) {
  std::vector<std::string> out;
  auto used = [&](const std::string& t) { return std::find(out.begin(), out.end(), t) != out.end(); };
  for (const auto& w : Wishes(kind)) {
    std::string key = TokenKey(w);
    auto exact = std::find_if(defined.begin(), defined.end(), [&](const std::string& d) { return TokenKey(d) == key; });
    if (exact != defined.end()) {
      if (!used(*exact)) out.push_back(*exact);
      continue;
    }
    std::string family = key.substr(0, key.find('-') + 1);
    for (const auto& d : defined)
      if (StartsWith(TokenKey(d), family) && !used(d)) {
        out.push_back(d);
        break;
      }
  }
  return out;
}

}  // namespace

std::vector<std::string> DefinedTokens(std::string_view md) {
  // The engine's own reader (tables, bullets, prose, css), so what counts as
  // defined here is what the traceability check counts as defined.
  DesignTokens tokens = ParseDesignTokens(md);
  std::vector<std::string> out, keys;
  for (const auto& d : tokens.definitions) {
    if (d.name.empty() || d.name.find(' ') != std::string::npos) continue;  // "Font stack (body)" is a label
    std::string key = TokenKey(d.name);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(key);
    out.push_back(d.name);
  }
  return out;
}

std::string ComponentFile(const StackProfile& stack, const std::string& name) {
  std::string p = stack.ui_file_pattern;
  if (size_t i = p.find("{Name}"); i != std::string::npos) return p.replace(i, 6, name);
  if (size_t i = p.find("{name}"); i != std::string::npos) return p.replace(i, 6, SnakeFromPascal(name));
  return p;
}

std::vector<UiComponent> DeriveComponents(const std::vector<Feature>& features, const StackProfile& stack,
                                          const std::vector<std::string>& defined) {
  std::vector<UiComponent> out;
  auto add = [&](UiComponent c) {
    for (auto& x : out)
      if (x.name == c.name) {
        x.serves.insert(x.serves.end(), c.serves.begin(), c.serves.end());
        return;
      }
    c.tokens = PickTokens(c.kind, defined);
    out.push_back(std::move(c));
  };
  add({"AppShell", "shell", {}, "Layout, navigation and the page frame every screen sits in.", {}});
  for (const auto& f : features) {
    std::string t = " " + ToLower(f.title + " " + f.description);
    const KindRule* rule = &kKinds[std::size(kKinds) - 1];
    for (const auto& k : kKinds) {
      bool hit = false;
      for (auto p : k.any) hit = hit || t.find(p) != std::string::npos;
      if (hit) {
        rule = &k;
        break;
      }
    }
    std::vector<std::string> words;
    for (const auto& w : Tokenize(f.title))
      if (IsWordToken(w) && !IsFunctionWord(w) && !IsDeterminer(w)) words.push_back(w);
    std::string name = PascalCase(words);
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0])))
      name = "Feature" + std::to_string(f.id) + name;
    bool named = false;
    for (const char* end :
         {"Board", "Report", "Log", "Check", "Sheet", "Form", "View", "List", "Editor", "Button", "Alert"})
      named = named || EndsWith(name, end);
    if (!named) name += rule->suffix;
    std::string d = std::string(Trim(f.description.substr(0, f.description.find(';'))));
    while (!d.empty() && d.back() == '.') d.pop_back();
    add({name, rule->kind, {f.id}, d.empty() ? f.title + "." : Capitalize(d) + ".", {}});
  }
  add({"PrimaryButton", "button", {}, "The one main action of a screen.", {}});
  add({"TextField", "field", {}, "Labelled text input with its hint and error message.", {}});
  add({"StatusBanner",
       "banner",
       {},
       stack.offline_first ? "Shows offline state, pending sync and errors." : "Shows errors and confirmations.",
       {}});
  for (const auto& c : out)
    if (c.kind == "board" || c.kind == "report") {
      add({"DataTable", "table", {}, "Rows with sortable columns for boards and reports.", {}});
      break;
    }
  for (const auto& l : stack.layers)
    if (l.layer == "Maps") add({"MapCanvas", "map", {}, "The chart the route editor and views draw on.", {}});
  return out;
}

}  // namespace specwave::offline
