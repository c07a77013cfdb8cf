// DeriveDomain: entities from SelectEntities, then fields and references
// (rules 4-6 of domain_model.hpp).
#include <algorithm>

#include "core/text.hpp"
#include "offline/domain/domain_internal.hpp"
#include "offline/domain/domain_model.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

std::string FieldType(const std::string& name, const std::string& head) {
  auto is = [&](std::initializer_list<std::string_view> v) { return std::find(v.begin(), v.end(), head) != v.end(); };
  if (name.find("phone") != std::string::npos) return "text (E.164)";
  // "paddling time", "wait time": a length of time, not a moment.
  std::string mod = name.size() > head.size() ? name.substr(0, name.size() - head.size() - 1) : "";
  if (head == "time" && (EndsWith(mod, "ing") || mod == "wait" || mod == "travel" || mod == "journey" || mod == "trip"))
    return "integer (minutes)";
  if (is({"email"})) return "text (email)";
  if (is({"time", "start", "end", "deadline"})) return "timestamp";
  if (is({"date", "day"})) return "date";
  if (is({"wait", "duration", "minute"})) return "integer (minutes)";
  if (is({"distance", "height", "depth"})) return "numeric (metres)";
  if (is({"count", "quantity", "capacity", "position", "place", "level", "score", "rating", "priority", "age",
          "number"}))
    return "integer";
  if (is({"speed", "limit", "price", "amount", "rate", "percentage", "weight", "size"})) return "numeric";
  if (is({"link", "url"})) return "text (URL)";
  if (is({"token"})) return "text (unguessable token)";
  if (is({"status"})) return "text (enum)";
  return "text";
}

struct Attr {
  std::string name, head, phrase;
};

// Attribute nouns of a feature sentence: "the expected return time" -> return_time.
std::vector<Attr> Attributes(const Feature& f) {
  std::vector<Attr> out;
  auto t = Tokenize(f.description);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!IsWordToken(t[i])) continue;
    std::string head = Singular(t[i]);
    if (!IsAttributeNoun(head)) continue;
    if (i + 1 < t.size() && IsWordToken(t[i + 1]) && IsAttributeNoun(Singular(t[i + 1]))) continue;  // "phone number"
    std::string p = i > 0 ? t[i - 1] : "";
    bool with_p = IsWordToken(p) && !IsFunctionWord(p) && !IsDeterminer(p) && p != "set" && p != "chosen" &&
                  !(IsKnownVerb(p) && !EndsWith(p, "ed") && !EndsWith(p, "ing"));
    Attr a;
    a.head = head;
    a.name = with_p ? SnakeCase({p, head}) : SnakeCase({head});
    // SQL keywords make poor column names.
    if (a.name == "limit") a.name = "limit_value";
    if (a.name == "order") a.name = "sort_order";
    if (a.name == "start") a.name = "starts_at";
    if (a.name == "end") a.name = "ends_at";
    a.phrase = with_p ? p + " " + t[i] : t[i];
    if (std::none_of(out.begin(), out.end(), [&](const Attr& x) { return x.name == a.name; })) out.push_back(a);
  }
  return out;
}

void AddField(Entity* e, EntityField f) {
  for (const auto& x : e->fields)
    if (x.name == f.name) return;
  e->fields.push_back(std::move(f));
}

}  // namespace

DomainModel DeriveDomain(const std::vector<Feature>& features, const Brief& brief, bool offline_first) {
  std::vector<FeatureNouns> nouns;
  for (const auto& f : features) nouns.push_back(ReadFeatureNouns(f));
  std::map<std::string, std::string> canonical, origin;
  std::vector<std::string> names = SelectEntities(features, nouns, brief, &canonical, &origin);
  DomainModel m;

  std::string low = ToLower(brief.AllText());
  for (const auto& c : brief.constraints) low += "\n" + ToLower(c);
  std::string negation;
  for (std::string_view p :
       {"no account", "without an account", "no login", "no sign-in", "no sign up", "no registration"})
    if (negation.empty() && low.find(p) != std::string::npos) negation = std::string(p);
  bool wants = false;
  for (std::string_view p : {"account", "sign in", "sign-in", "log in", "login", "password", "profile"})
    wants = wants || low.find(p) != std::string::npos;
  if (!negation.empty()) {
    m.notes.push_back("No Account entity: the brief says \"" + negation + "\".");
  } else if (wants && std::find(names.begin(), names.end(), "Account") == names.end()) {
    names.push_back("Account");
    origin["Account"] = "The brief mentions accounts or signing in";
  }
  if (names.empty()) {
    names.push_back("Item");
    origin["Item"] = "No entity could be read from the features; one generic entity holds their records";
  }
  for (const auto& n : names) {
    Entity e;
    e.name = n;
    e.origin = origin[n];
    e.fields.push_back({"id", "uuid", "primary key"});
    m.entities.push_back(e);
  }
  auto entity = [&](const std::string& n) -> Entity* {
    for (auto& e : m.entities)
      if (e.name == n) return &e;
    return nullptr;
  };
  auto canon = [&](const std::vector<std::string>& w) -> std::string {
    if (w.empty()) return "";
    auto it = canonical.find(PascalCase(w));
    return it == canonical.end() ? "" : it->second;
  };
  std::vector<std::string> role_keys;
  for (const auto& r : Roles(brief)) role_keys.push_back(r.key);
  auto is_role = [&](const std::string& name) {
    std::string kebab = KebabFromPascal(name);
    return std::count(role_keys.begin(), role_keys.end(), kebab.substr(kebab.rfind('-') + 1)) > 0;
  };
  auto add_ref = [&](const std::string& from, const std::string& to) {
    Entity* a = entity(from);
    Entity* b = entity(to);
    if (!a || !b || from == to) return;
    if (is_role(from) && is_role(to)) return;  // people do not belong to people: an event entity links them
    if (std::count(b->refs.begin(), b->refs.end(), from) || std::count(a->refs.begin(), a->refs.end(), to)) return;
    a->refs.push_back(to);
  };

  for (size_t fi = 0; fi < features.size(); ++fi) {
    const Feature& f = features[fi];
    std::string primary = canon(nouns[fi].title);
    std::vector<std::string> uses;
    if (!primary.empty()) uses.push_back(primary);
    for (const auto& mn : nouns[fi].mentions) {
      std::string c = canon(mn.words);
      if (!c.empty() && std::find(uses.begin(), uses.end(), c) == uses.end()) uses.push_back(c);
    }
    bool own = !uses.empty();
    if (primary.empty() && own) primary = uses[0];
    auto attrs = Attributes(f);
    if (!own) {
      // Reads the most-used entity so far; its numbers are computed from stored records.
      std::string most = m.entities[0].name;
      size_t best = 0;
      for (const auto& e : m.entities)
        if (e.features.size() > best) best = e.features.size(), most = e.name;
      primary = most;
      uses.push_back(most);
      std::vector<std::string> an;
      for (const auto& a : attrs) an.push_back(a.name);
      m.notes.push_back(
          "F" + std::to_string(f.id) + " (" + f.title + ") stores no entity of its own: it reads " + most +
          (an.empty() ? "." : "; " + JoinList(an) + (an.size() == 1 ? " is" : " are") + " computed, not stored."));
    }
    m.primary[f.id] = primary;
    m.uses[f.id] = uses;
    for (const auto& u : uses) entity(u)->features.push_back(f.id);
    if (own)
      for (const auto& a : attrs)
        AddField(entity(primary),
                 {a.name, FieldType(a.name, a.head), "F" + std::to_string(f.id) + ": \"" + a.phrase + "\""});
    std::vector<std::string> parents;  // "each leg of the route": the route is reached through the leg
    for (const auto& mn : nouns[fi].mentions)
      if (!canon(mn.parent).empty()) parents.push_back(canon(mn.parent));
    std::string previous = primary;
    int previous_clause = 0;
    for (const auto& mn : nouns[fi].mentions) {
      std::string c = canon(mn.words);
      if (c.empty()) continue;
      if (mn.clause != previous_clause) previous = primary, previous_clause = mn.clause;
      if (c != primary) {
        std::string parent = canon(mn.parent);
        if (mn.event) {
          add_ref(c, previous);
        } else if (!parent.empty()) {
          add_ref(c, parent);
          if (parent != primary) add_ref(primary, c);
        } else if (mn.plural) {
          add_ref(c, primary);
        } else if (!std::count(parents.begin(), parents.end(), c)) {
          add_ref(primary, c);
        }
      }
      previous = c;
    }
  }
  for (auto& e : m.entities) {
    if (e.fields.size() == 1)  // only the id: people and things are at least called something
      AddField(&e, {"name", "text", "what people call it (inferred: the brief names no attribute)"});
    for (const auto& r : e.refs) AddField(&e, {SnakeFromPascal(r) + "_id", "uuid", "references " + r});
    AddField(&e, {"created_at", "timestamp", "set by the server"});
    AddField(&e, {"updated_at", "timestamp", "set on every change"});
    if (offline_first) AddField(&e, {"revision", "integer", "sync revision, incremented on every change"});
  }
  return m;
}

}  // namespace specwave::offline
