// Candidate entities and their scores (rules 1-3 and 6 of domain_model.hpp);
// fields and references are added in domain_fields.cpp.
#include "offline/domain/domain_model.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "offline/domain/domain_internal.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

const Entity* DomainModel::Find(const std::string& name) const {
  for (const auto& e : entities)
    if (e.name == name) return &e;
  return nullptr;
}

std::string CollectionPath(const std::string& entity) {
  std::string kebab = KebabFromPascal(entity);
  size_t dash = kebab.rfind('-');
  std::string head = dash == std::string::npos ? kebab : kebab.substr(dash + 1);
  return "/" + kebab.substr(0, kebab.size() - head.size()) + Plural(head);
}

namespace {

bool Skippable(const std::string& w) {
  return IsModifier(w) || (w.size() > 4 && (EndsWith(w, "ed") || EndsWith(w, "ing"))) || w == "chosen";
}

// The entity a noun phrase names, or "" (attribute, vague or view head).
std::vector<std::string> EntityWords(std::vector<std::string> words) {
  if (words.empty()) return {};
  words.back() = Singular(words.back());
  const std::string& head = words.back();
  if (IsAttributeNoun(head) || IsVagueNoun(head) || IsViewNoun(head) || head.size() < 3) return {};
  if (words.size() >= 2) {
    const std::string& mod = words[words.size() - 2];
    if (!IsAttributeNoun(mod) && !IsVagueNoun(mod) && !IsViewNoun(Singular(mod)) && !IsKnownVerb(mod))
      return {mod, head};
  }
  return {head};
}

}  // namespace

FeatureNouns ReadFeatureNouns(const Feature& f) {
  FeatureNouns out;
  // Rule 1: the title.
  std::vector<std::string> tw;
  for (const auto& w : Tokenize(f.title))
    if (IsWordToken(w) && !IsFunctionWord(w) && !IsDeterminer(w) && !IsModifier(w) && !IsKnownVerb(w)) tw.push_back(w);
  if (!tw.empty() && IsViewNoun(Singular(tw.back()))) tw.pop_back();
  if (tw.size() > 2) tw.erase(tw.begin(), tw.end() - 2);
  out.title = EntityWords(tw);
  // Rule 2: noun phrases of the sentence.
  auto t = Tokenize(f.description);
  int clause = 0;
  bool seen_verb = false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ";" || t[i] == ":") ++clause;
    bool det = IsDeterminer(t[i]);
    bool verb = IsKnownVerb(t[i]) && !IsFunctionWord(t[i]);
    if (!det && !verb) continue;
    size_t j = i + 1;
    if (verb && j < t.size() && IsDeterminer(t[j])) continue;  // the determiner starts the phrase itself
    while (j < t.size() && IsWordToken(t[j]) && Skippable(t[j]) && !IsFunctionWord(t[j])) ++j;
    std::vector<std::string> words;
    size_t k = j;
    for (; k < t.size() && words.size() < 3; ++k) {
      const std::string& w = t[k];
      if (!IsWordToken(w) || IsFunctionWord(w) || IsDeterminer(w) || IsKnownVerb(w)) break;
      if (k + 1 < t.size() && t[k + 1] == "than") break;  // "faster than": a comparison, not a noun
      words.push_back(w);
    }
    bool plural = !words.empty() && Singular(words.back()) != words.back();
    auto ew = EntityWords(words);
    if (ew.empty()) {
      if (verb) seen_verb = true;
      continue;
    }
    NounMention m;
    m.words = ew;
    m.plural = plural;
    m.negated = t[i] == "no";
    m.clause = clause;
    m.event = t[i] == "a" || t[i] == "an" ? (i > 0 && IsKnownVerb(t[i - 1]) && seen_verb) : false;
    if (k + 1 < t.size() && t[k] == "of") {  // "each leg of the route"
      size_t p = k + 1;
      if (IsDeterminer(t[p])) ++p;
      std::vector<std::string> pw;
      while (p < t.size() && IsWordToken(t[p]) && !IsFunctionWord(t[p]) && !IsDeterminer(t[p]) && pw.size() < 2)
        pw.push_back(t[p++]);
      m.parent = EntityWords(pw);
    }
    out.mentions.push_back(m);
    if (verb) seen_verb = true;
    if (det && i > 0 && IsKnownVerb(t[i - 1])) seen_verb = true;
    i = k > i ? k - 1 : i;
  }
  return out;
}

std::vector<std::string> SelectEntities(const std::vector<Feature>& features, const std::vector<FeatureNouns>& nouns,
                                        const Brief& brief, std::map<std::string, std::string>* canonical,
                                        std::map<std::string, std::string>* origin) {
  struct Cand {
    std::vector<std::string> words;
    int score = 0;
    size_t first = 0;
    std::vector<std::string> why;  // in the order the rules fired
  };
  std::map<std::string, Cand> cands;
  std::vector<std::string> order;
  auto add = [&](const std::vector<std::string>& w, int points, size_t pos, const std::string& why) {
    std::string name = PascalCase(w);
    auto [it, fresh] = cands.try_emplace(name);
    if (fresh) {
      it->second.words = w;
      it->second.first = pos;
      order.push_back(name);
    }
    it->second.score += points;
    if (!std::count(it->second.why.begin(), it->second.why.end(), why)) it->second.why.push_back(why);
  };
  std::set<std::string> negated;
  for (size_t fi = 0; fi < nouns.size(); ++fi) {
    std::string fid = "F" + std::to_string(features[fi].id);
    if (!nouns[fi].title.empty()) add(nouns[fi].title, 3, fi * 1000, "the title of " + fid);
    for (size_t mi = 0; mi < nouns[fi].mentions.size(); ++mi) {
      const auto& m = nouns[fi].mentions[mi];
      if (m.negated) {
        negated.insert(PascalCase(m.words));
        continue;
      }
      int pts = 1 + (m.plural ? 1 : 0) + (m.words.size() > 1 ? 1 : 0);
      add(m.words, pts, fi * 1000 + mi + 1, "named in " + fid);
      if (!m.parent.empty()) {
        add(m.parent, 1, fi * 1000 + mi + 1, "named in " + fid);
        cands[PascalCase(m.words)].score += 1;  // a child of something is worth modelling
      }
    }
  }
  // Mentions elsewhere in the brief (intro, users, constraints, success).
  std::string rest = brief.intro + "\n" + brief.tagline;
  for (const auto& s : {brief.users, brief.constraints, brief.success})
    for (const auto& x : s) rest += "\n" + x;
  std::vector<std::string> rt;
  for (const auto& w : Tokenize(rest)) rt.push_back(Singular(w));
  for (auto& [name, c] : cands) {
    for (size_t i = 0; i + c.words.size() <= rt.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < c.words.size() && match; ++k)
        match = rt[i + k] == (k + 1 == c.words.size() ? c.words[k] : Singular(c.words[k]));
      if (match) {
        ++c.score;
        if (!std::count(c.why.begin(), c.why.end(), "named elsewhere in the brief"))
          c.why.push_back("named elsewhere in the brief");
      }
    }
  }
  // Keep, then merge single words into the compounds they end.
  std::vector<std::string> kept;
  for (const auto& name : order)
    if (cands[name].score >= 2 && !negated.count(name)) kept.push_back(name);
  for (const auto& name : order) (*canonical)[name] = std::count(kept.begin(), kept.end(), name) ? name : "";
  for (const auto& single : kept) {
    if (cands[single].words.size() != 1) continue;
    for (const auto& compound : kept)
      if (cands[compound].words.size() == 2 && cands[compound].words[1] == cands[single].words[0]) {
        for (auto& [from, to] : *canonical)
          if (to == single) to = compound;
        break;
      }
  }
  std::vector<std::string> result;
  for (const auto& name : kept)
    if ((*canonical)[name] == name && result.size() < 12) {
      result.push_back(name);
      (*origin)[name] = Capitalize(JoinList(cands[name].why));
    }
  for (auto& [from, to] : *canonical)
    if (std::find(result.begin(), result.end(), to) == result.end()) to = "";
  std::sort(result.begin(), result.end(),
            [&](const std::string& a, const std::string& b) { return cands[a].first < cands[b].first; });
  return result;
}

}  // namespace specwave::offline
