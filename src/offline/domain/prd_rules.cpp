#include "offline/domain/prd_rules.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

std::string ThirdPerson(const std::string& base) {
  if (base.empty()) return base;
  if (EndsWith(base, "s") || EndsWith(base, "sh") || EndsWith(base, "ch") || EndsWith(base, "x")) return base + "es";
  if (base.size() > 1 && base.back() == 'y' &&
      std::string_view("aeiou").find(base[base.size() - 2]) == std::string_view::npos)
    return base.substr(0, base.size() - 1) + "ies";
  return base + "s";
}

std::string FirstClause(const std::string& d) { return std::string(Trim(d.substr(0, d.find(';')))); }

std::string Article(const std::string& noun) {
  return (!noun.empty() && std::string_view("aeiouAEIOU").find(noun[0]) != std::string_view::npos ? "an " : "a ") +
         noun;
}

// Index of the verb after a leading subject ("a patient joins ...", "staff see ..."), or npos.
size_t SubjectVerb(const std::vector<std::string>& low) {
  for (size_t i = 1; i < low.size() && i < 5; ++i) {
    if (!IsWordToken(low[i - 1]) || IsFunctionWord(low[i - 1]) || IsKnownVerb(low[i - 1])) return std::string::npos;
    if (IsKnownVerb(low[i])) return i;
  }
  return std::string::npos;
}

// "for each leg of the route, warn when ..." -> index of the comma before the verb, or npos.
size_t LeadingPhrase(const std::vector<std::string>& low) {
  if (low.empty() || !IsFunctionWord(low[0])) return std::string::npos;
  auto comma = std::find(low.begin(), low.end(), ",");
  size_t k = static_cast<size_t>(comma - low.begin());
  return k + 1 < low.size() && IsKnownVerb(low[k + 1]) ? k : std::string::npos;
}

bool SystemVerb(const std::string& v) {
  return v == "show" || v == "warn" || v == "display" || v == "alert" || v == "notify" || v == "calculate" ||
         v == "update" || v == "send" || v == "highlight";
}

std::string Sentence(std::string s) {
  s = Capitalize(std::string(Trim(s)));
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  return s + ".";
}

std::string StripEnd(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string ClauseCriterion(const std::string& c, const Feature& f, const Role& role) {
  auto raw = Tokenize(c, true);
  auto low = Tokenize(c);
  if (low.empty()) return "";
  if (IsKnownVerb(low[0])) {
    if (low[0] == "show" || low[0] == "see" || low[0] == "view" || low[0] == "display")
      return Sentence("the screen shows " + Detokenize(raw, 1, raw.size()));
    return Sentence(RoleWithArticle(role) + " can " + Lowercase1(c));
  }
  if (size_t k = LeadingPhrase(low); k != std::string::npos) {
    const std::string& v = low[k + 1];
    std::string who = SystemVerb(v) ? "the app " + ThirdPerson(v) : RoleWithArticle(role) + " can " + v;
    return Sentence(Detokenize(raw, 0, k) + ", " + who + " " + Detokenize(raw, k + 2, raw.size()));
  }
  if (SubjectVerb(low) != std::string::npos) return Sentence(c);
  return Sentence("the " + Lowercase1(f.title) + " shows " + c);
}

// The main clause as a verb phrase for the role that performs the feature.
std::string OwnerWant(const Feature& f) {
  std::string c = FirstClause(f.description);
  auto raw = Tokenize(c, true);
  auto low = Tokenize(c);
  if (low.empty()) return "to use " + Lowercase1(f.title);
  if (IsKnownVerb(low[0]))
    return "to " + (low[0] == "show" ? std::string("see") : low[0]) + " " + StripEnd(Detokenize(raw, 1, raw.size()));
  if (size_t v = SubjectVerb(low); v != std::string::npos)
    return "to " + BaseVerb(low[v]) + " " + StripEnd(Detokenize(raw, v + 1, raw.size()));
  if (size_t k = LeadingPhrase(low); k != std::string::npos) {
    std::string verb = low[k + 1] == "show" ? "see" : low[k + 1] == "warn" ? "be warned" : low[k + 1];
    return "to " + verb + " " + StripEnd(Detokenize(raw, k + 2, raw.size())) + ", " + Lowercase1(Detokenize(raw, 0, k));
  }
  return "to see " + StripEnd(Lowercase1(c));
}

}  // namespace

std::string BaseVerb(const std::string& w) {
  if (EndsWith(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  for (const char* suf : {"ches", "shes", "sses", "xes", "oes"})
    if (EndsWith(w, suf)) return w.substr(0, w.size() - 2);
  if (EndsWith(w, "s") && !EndsWith(w, "ss")) return w.substr(0, w.size() - 1);
  return w;
}

std::vector<std::string> AcceptanceCriteria(const Feature& f, const Role& role, const Brief& b, bool offline) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < f.description.size()) {
    size_t semi = f.description.find(';', start);
    std::string c(Trim(
        std::string_view(f.description).substr(start, semi == std::string::npos ? std::string::npos : semi - start)));
    if (!c.empty()) out.push_back(ClauseCriterion(c, f, role));
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  if (out.empty())
    out.push_back(Sentence(RoleWithArticle(role) + " can use " + Lowercase1(f.title) + " from the main screen"));
  std::string t = ToLower(f.title + " " + f.description);
  struct K {
    std::initializer_list<std::string_view> any;
    const char* text;
  };
  static const K kKeywords[] = {
      {{"no account"}, "No account or password is asked for at any step."},
      {{"live", "updates", "moves"},
       "A change made elsewhere appears on an open screen within 5 seconds, without a reload."},
      {{"text message", "sms"}, "The text message is sent within 30 seconds; a failed delivery is shown on screen."},
      {{"csv", "export"},
       "The export has a header row, opens in a spreadsheet application and escapes cells starting with =, +, - or @."},
      {{"warn"}, "The warning names what crossed the limit and by how much, and stays visible until dismissed."},
      {{"link"}, "The link opens without an account, shows only what was shared and can be revoked."},
      {{"one tap"}, "The action takes one tap and can be undone for 10 seconds."},
      {{"reorder"}, "A new order is saved at once and shown on every open screen."},
      {{"tapping", "draw"}, "Each tap adds a point; the last point can be undone."},
      {{"record", "log"}, "Whatever is typed is kept if the app closes before it is saved."},
      {{"distance", "height", "speed", "time"}, "Every number on screen shows its unit."},
  };
  size_t keyword_bullets = 0;
  for (const auto& k : kKeywords)
    for (auto p : k.any)
      if (keyword_bullets < 3 && t.find(p) != std::string::npos) {
        out.push_back(k.text);
        ++keyword_bullets;
        break;
      }
  std::string all = ToLower(b.AllText());
  for (const auto& c : b.constraints) all += " " + ToLower(c);
  if (offline)
    out.push_back("Works with the network switched off once the data has been loaded.");
  else if (all.find("slow connection") != std::string::npos || all.find("old android") != std::string::npos)
    out.push_back("Usable on a slow 3G connection on an old phone: the screen responds within 5 seconds.");
  if (all.find("wcag") != std::string::npos)
    out.push_back("Usable by keyboard and screen reader; text meets WCAG 2.2 AA contrast.");
  return out;
}

std::string RoleWithArticle(const Role& role) {
  std::string noun = Lowercase1(role.singular);
  for (std::string_view mass : {"staff", "personnel", "crew", "security"})
    if (role.key == mass) return "a member of " + noun;
  return Article(noun);
}

std::string WantPhrase(const std::vector<Role>& roles, size_t r, const Feature& f) {
  if (r >= roles.size() || OwnerRole(roles, f) == r || UseOf(roles[r], f) != RoleUse::kRecipient) return OwnerWant(f);
  // A receiving role: what its own clause says ("the patient gets a text message"), else the result.
  size_t start = f.description.find(';');
  while (start != std::string::npos) {
    size_t end = f.description.find(';', start + 1);
    std::string c(Trim(std::string_view(f.description)
                           .substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1)));
    auto raw = Tokenize(c, true);
    auto low = Tokenize(c);
    size_t v = SubjectVerb(low);
    if (v != std::string::npos && Singular(low[v - 1]) == roles[r].key)
      return "to " + BaseVerb(low[v]) + " " + StripEnd(Detokenize(raw, v + 1, raw.size()));
    start = end;
  }
  return "to receive the " + Lowercase1(f.title) + " from " + Lowercase1(roles[OwnerRole(roles, f)].name);
}

std::string UserStory(const std::vector<Role>& roles, size_t r, const Feature& f) {
  std::string want = WantPhrase(roles, r, f);
  std::string t = ToLower(FirstClause(f.description));
  std::string benefit = "I can get it done without a workaround";
  if (t.find("share") != std::string::npos || t.find("send") != std::string::npos ||
      t.find("export") != std::string::npos || t.find("call") != std::string::npos ||
      t.find("text message") != std::string::npos)
    benefit = "the people who need it get it without extra steps";
  else if (t.find("show") != std::string::npos || t.find("see") != std::string::npos ||
           t.find("warn") != std::string::npos)
    benefit = "I can decide with the facts in front of me";
  else if (t.find("reorder") != std::string::npos || t.find("mark") != std::string::npos)
    benefit = "the list stays right as things change";
  else if (t.find("record") != std::string::npos || t.find("draw") != std::string::npos ||
           t.find("join") != std::string::npos)
    benefit = "what I enter is captured once and kept";
  if (want.find("to receive") == 0 || want.find("to get") == 0) benefit = "I know what to expect and when to act";
  return "As " + RoleWithArticle(roles[r]) + ", I want " + want + " (F" + std::to_string(f.id) + ") so that " +
         benefit + ".";
}

std::vector<std::string> NonGoals(const Brief& b, bool offline) {
  std::vector<std::string> out;
  std::vector<std::string> pool = b.constraints;
  for (const auto& f : b.features) pool.push_back(f.description);
  for (const auto& s : pool) {
    auto raw = Tokenize(s, true);
    auto low = Tokenize(s);
    for (size_t i = 0; i < low.size(); ++i) {
      if (low[i] != "no" || (i > 0 && (low[i - 1] == "with" || low[i - 1] == "without"))) continue;
      size_t e = i + 1;
      while (e < low.size() && IsWordToken(low[e])) ++e;
      while (e > i + 1 && (low[e - 1] == "needed" || low[e - 1] == "required" || low[e - 1] == "allowed")) --e;
      if (e == i + 1) continue;
      out.push_back(Capitalize(Detokenize(raw, i + 1, e)) + " \xE2\x80\x94 ruled out by the brief (\"" + s + "\").");
    }
  }
  std::string platform = ToLower(b.platform);
  if (platform.find("web") != std::string::npos) out.push_back("Native app-store apps: the platform is the web.");
  if (offline) out.push_back("Live collaboration while offline: edits merge when the connection returns.");
  out.push_back("Features not in this list: each needs its own F number and acceptance criteria first.");
  return out;
}

}  // namespace specwave::offline
