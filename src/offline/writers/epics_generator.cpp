// epics.md: the PRD's features grouped into epics. Rule: walk the features in
// order; a feature joins the earlier epic it shares the most nouns with (its
// title's nouns found in the other's text, or nouns both sentences name), as
// long as that epic has fewer than three features; otherwise it starts a new
// epic. Every feature is therefore covered exactly once. Only epics are `##`
// headings: the engine fans SOLUTIONING_TASKS out over every `##` section.
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "offline/writers/generators.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

std::set<std::string> Nouns(const std::string& text, bool keep_view_words) {
  std::set<std::string> out;
  for (const auto& w : Tokenize(text)) {
    std::string s = Singular(w);
    if (!IsWordToken(s) || s.size() < 3 || IsFunctionWord(s) || IsDeterminer(s) || IsModifier(s) || IsKnownVerb(w) ||
        IsVagueNoun(s) || IsAttributeNoun(s) || (!keep_view_words && IsViewNoun(s)))
      continue;
    out.insert(s);
  }
  return out;
}

int Link(const Feature& a, const Feature& b) {
  auto ta = Nouns(a.title, false), tb = Nouns(b.title, false);
  auto da = Nouns(a.title + " " + a.description, false), db = Nouns(b.title + " " + b.description, false);
  int n = 0;
  for (const auto& w : da) n += db.count(w) ? 1 : 0;
  for (const auto& w : ta) n += db.count(w) && !da.count(w) ? 1 : 0;
  for (const auto& w : tb) n += da.count(w) && !db.count(w) ? 1 : 0;
  return n;
}

}  // namespace

std::string GenerateEpics(const GenInput& in) {
  auto features = Features(in);
  std::vector<std::vector<Feature>> epics;
  for (const auto& f : features) {
    int best = -1, best_score = 0;
    for (size_t e = 0; e < epics.size(); ++e) {
      if (epics[e].size() >= 3) continue;
      int score = 0;
      for (const auto& g : epics[e]) score = std::max(score, Link(f, g));
      if (score > best_score) best = static_cast<int>(e), best_score = score;
    }
    if (best < 0)
      epics.push_back({f});
    else
      epics[best].push_back(f);
  }

  std::string out = Header(in, "Epics");
  out += "\n" + std::to_string(epics.size()) + " epics cover " + std::to_string(features.size()) +
         " features. Rule: a feature joins the earlier epic whose features share the most nouns with it (at most "
         "three features per epic); otherwise it starts a new one.\n";
  for (size_t e = 0; e < epics.size(); ++e) {
    std::vector<std::string> titles, ids;
    for (size_t i = 0; i < epics[e].size(); ++i) {
      titles.push_back(i == 0 ? epics[e][i].title : Lowercase1(epics[e][i].title));
      ids.push_back("F" + std::to_string(epics[e][i].id));
    }
    out += "\n## E" + std::to_string(e + 1) + ": " + JoinList(titles) + "\n\n";
    out += "Covers: " + Join(ids, ", ") + "\n\n";
    for (const auto& f : epics[e]) {
      std::string d = f.description.size() > 160 ? f.description.substr(0, 157) + "..." : f.description;
      out += "- F" + std::to_string(f.id) + " " + f.title + (d.empty() ? "" : " \xE2\x80\x94 " + d) + "\n";
    }
    out += "\nDone when every acceptance criterion of " + JoinList(ids) +
           " passes in an end-to-end test on the chosen stack.\n";
  }
  return out;
}

}  // namespace specwave::offline
