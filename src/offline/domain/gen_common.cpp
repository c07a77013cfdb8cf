#include "offline/domain/gen_common.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "engine/fan_out.hpp"
#include "engine/spec.hpp"
#include "offline/input/md_read.hpp"
#include "offline/domain/stack_catalog.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

std::string GenInput::PhaseName() const { return ctx && ctx->phase ? ctx->phase->name : "UNNAMED_PHASE"; }
std::string GenInput::Agent() const {
  return ctx && ctx->phase && !ctx->phase->agent.empty() ? ctx->phase->agent : "offline";
}
std::string GenInput::Description() const { return ctx && ctx->phase ? ctx->phase->description : ""; }

const std::string* GenInput::Input(std::string_view name) const {
  if (!ctx) return nullptr;
  for (const auto& [n, text] : ctx->inputs)
    if (n == name) return &text;
  return nullptr;
}

std::vector<Feature> FeaturesFromBrief(const Brief& brief) {
  std::vector<Feature> out;
  for (size_t i = 0; i < brief.features.size(); ++i)
    out.push_back({static_cast<int>(i + 1), brief.features[i].title, brief.features[i].description});
  return out;
}

std::vector<Feature> FeaturesFromPrd(std::string_view prd) {
  std::vector<Feature> out;
  for (int level : {3, 2, 4}) {
    for (const auto& s : SectionsAt(prd, level)) {
      std::string_view h = s.heading;
      if (StartsWith(h, "Feature ")) h.remove_prefix(8);
      if (h.size() < 2 || h[0] != 'F' || !std::isdigit(static_cast<unsigned char>(h[1]))) continue;
      size_t j = 1;
      int n = 0;
      while (j < h.size() && std::isdigit(static_cast<unsigned char>(h[j])) && n < 100000) n = n * 10 + (h[j++] - '0');
      while (j < h.size() && (h[j] == ':' || h[j] == '.' || h[j] == '-' || h[j] == ' ')) ++j;
      if (StartsWith(h.substr(j), "\xE2\x80\x94")) j += 3;
      Feature f{n, std::string(Trim(h.substr(j))), ""};
      for (auto line : SplitLines(s.body)) {  // the first paragraph line is the description
        std::string_view t = Trim(line);
        if (t.empty() || StartsWith(t, "-") || StartsWith(t, "|") || t.find(':') == t.size() - 1) continue;
        f.description = StripMarks(t);
        break;
      }
      out.push_back(f);
    }
    if (!out.empty()) break;
  }
  return out;
}

std::vector<Feature> Features(const GenInput& in) {
  if (const std::string* prd = in.Input("prd.md")) {
    auto f = FeaturesFromPrd(*prd);
    if (!f.empty()) return f;
  }
  return FeaturesFromBrief(in.brief);
}

std::vector<Role> Roles(const Brief& brief) {
  std::vector<Role> out;
  for (const auto& u : brief.users) {
    Role r;
    r.bullet = u;
    r.name = RoleName(u);
    auto words = Tokenize(r.name, true);
    std::string last = words.empty() ? "user" : ToLower(words.back());
    r.key = Singular(last);
    r.singular = r.name.substr(0, r.name.size() >= last.size() ? r.name.size() - last.size() : 0) + r.key;
    out.push_back(r);
  }
  if (out.empty()) out.push_back({"Users", "Users", "User", "user"});
  return out;
}

RoleUse UseOf(const Role& role, const Feature& f) {
  auto t = Tokenize(f.description);
  bool named = false;
  size_t clause_start = 0;
  bool first_clause = true;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ";") {
      first_clause = false;
      clause_start = i + 1;
      continue;
    }
    if (Singular(t[i]) != role.key) continue;
    named = true;
    // The subject: at most a determiner and two modifier words before it, a verb after it.
    bool subject = i + 1 < t.size() && IsKnownVerb(t[i + 1]) && i - clause_start <= 3;
    for (size_t k = clause_start; k < i && subject; ++k)
      subject = IsWordToken(t[k]) && !IsFunctionWord(t[k]) && !IsKnownVerb(t[k]);
    if (subject && first_clause) return RoleUse::kActor;
  }
  return named ? RoleUse::kRecipient : RoleUse::kNone;
}

size_t OwnerRole(const std::vector<Role>& roles, const Feature& f) {
  for (size_t r = 0; r < roles.size(); ++r)
    if (UseOf(roles[r], f) == RoleUse::kActor) return r;
  std::string t = ToLower(f.title + " " + f.description);
  bool managing = false;
  for (std::string_view w :
       {"report", "export", "board", "dashboard", "admin", "manage", "reorder", "statistic", "analytics"})
    managing = managing || t.find(w) != std::string::npos;
  if (managing)
    for (size_t r = 0; r < roles.size(); ++r)
      for (std::string_view k : {"staff", "admin", "administrator", "manager", "leader", "organiser", "organizer",
                                 "owner", "operator", "coordinator", "lead"})
        if (roles[r].key == k) return r;
  return 0;
}

std::vector<int> FeaturesForRole(const std::vector<Role>& roles, size_t role, const std::vector<Feature>& features) {
  std::vector<int> mine;
  for (const auto& f : features)
    if (OwnerRole(roles, f) == role || (role < roles.size() && UseOf(roles[role], f) == RoleUse::kRecipient))
      mine.push_back(f.id);
  if (mine.empty() && role != 0) return FeaturesForRole(roles, 0, features);
  return mine;
}

std::string FeatureList(const std::vector<int>& ids) {
  std::vector<std::string> v;
  for (int id : ids) v.push_back("F" + std::to_string(id));
  return Join(v, ", ");
}

std::string StackIdFor(const GenInput& in) {
  for (const char* name : {"stack.md", "architecture.md"})
    if (const std::string* text = in.Input(name)) {
      std::string id = FrontmatterValue(*text, "stack");
      if (!id.empty()) return id;
    }
  return ChooseStack(in.brief).id;
}

std::string InferenceNote(const Brief& brief) {
  if (brief.inferences.empty()) return "";
  std::string out;
  for (const auto& s : brief.inferences) out += "> Inferred: " + s + "\n";
  return out + "\n";
}

std::string RuleText(const Brief& brief) {
  std::string t = brief.AllText();
  for (const auto& c : brief.constraints) t += "\n" + c;
  return ToLower(t);
}

bool Mentions(std::string_view text, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases)
    if (text.find(p) != std::string_view::npos) return true;
  return false;
}

}  // namespace specwave::offline
