// What the brief reader does when a brief leaves something out: a name from
// a capitalised word the text repeats, features from "lets X do A, B and C" /
// "X can A" sentences (or a generic set on the text's most frequent noun),
// users from the audience line or the subjects of those sentences. Each rule
// that fires adds a sentence to Brief::inferences so the artifacts can say
// what was inferred rather than pass it off as the brief's own words.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text.hpp"
#include "offline/input/brief_reader.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

bool IsTrigger(const std::string& w) {
  return w == "lets" || w == "let" || w == "allows" || w == "allow" || w == "helps" || w == "help" || w == "enables" ||
         w == "enable";
}
bool IsModal(const std::string& w) { return w == "can" || w == "will" || w == "should" || w == "must" || w == "could"; }
bool IsPronoun(const std::string& w) {
  return w == "it" || w == "they" || w == "you" || w == "we" || w == "he" || w == "she" || w == "this" || w == "i";
}

// Splits "join the queue from their phone, see their place move, and come back"
// into its clauses; " and " splits only before a verb so "a name and a phone
// number" stays whole.
std::vector<std::pair<size_t, size_t>> Clauses(const std::vector<std::string>& low, size_t begin, size_t end) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = begin;
  for (size_t i = begin; i <= end; ++i) {
    bool cut = i == end || low[i] == "," || low[i] == ";" || low[i] == ":";
    bool and_verb = i < end && (low[i] == "and" || low[i] == "or") && i + 1 < end && IsKnownVerb(low[i + 1]);
    if (!cut && !and_verb) continue;
    size_t s = start;
    while (s < i && (low[s] == "and" || low[s] == "or" || low[s] == "then" || low[s] == "to")) ++s;
    if (i > s + 1 && !IsDeterminer(low[s]) && !IsFunctionWord(low[s]) && IsWordToken(low[s])) out.push_back({s, i});
    start = i + 1;
  }
  return out;
}

void FeaturesFromSentences(Brief* b, const std::string& text, std::vector<std::string>* subjects) {
  std::set<std::string> seen;
  for (const auto& sentence : Sentences(text)) {
    auto raw = Tokenize(sentence, true);
    auto low = Tokenize(sentence);
    size_t end = low.size();
    while (end > 0 && !IsWordToken(low[end - 1])) --end;
    for (size_t i = 0; i < end; ++i) {
      size_t start = 0;
      std::string subject;
      if (IsTrigger(low[i])) {
        size_t j = i + 1;
        if (j < end && IsDeterminer(low[j])) ++j;
        size_t subject_begin = j;
        while (j < end && j < subject_begin + 2 && !IsKnownVerb(low[j]) && low[j] != "to" && IsWordToken(low[j])) ++j;
        if (j > subject_begin) subject = low[j - 1];
        if (j < end && low[j] == "to") ++j;
        start = j;
      } else if (IsModal(low[i]) && i > 0 && IsWordToken(low[i - 1])) {
        if (!IsPronoun(low[i - 1]) && !IsFunctionWord(low[i - 1])) subject = low[i - 1];
        start = i + 1;
      } else {
        continue;
      }
      if (!subject.empty() && !IsPronoun(subject)) subjects->push_back(Singular(subject));
      for (auto [s, e] : Clauses(low, start, end)) {
        BriefFeature f;
        f.description = Detokenize(raw, s, e);
        f.title = ShortTitle(f.description);
        f.inferred = true;
        if (seen.insert(ToLower(f.title)).second && b->features.size() < 8) b->features.push_back(f);
      }
      break;  // one trigger per sentence
    }
  }
}

// Most frequent nouns, ties broken by first appearance (deterministic).
std::vector<std::string> TopNouns(const std::string& text, size_t n) {
  std::map<std::string, std::pair<int, size_t>> counts;  // word -> (count, first position)
  auto low = Tokenize(text);
  for (size_t i = 0; i < low.size(); ++i) {
    std::string w = Singular(low[i]);
    if (!IsWordToken(w) || w.size() < 4 || IsFunctionWord(w) || IsDeterminer(w) || IsKnownVerb(low[i]) ||
        IsModifier(w) || IsVagueNoun(w) || IsAttributeNoun(w) || IsViewNoun(w) || EndsWith(w, "ly") ||
        std::isdigit(static_cast<unsigned char>(w[0])))
      continue;
    auto& c = counts[w];
    if (c.first++ == 0) c.second = i;
  }
  std::vector<std::pair<std::string, std::pair<int, size_t>>> v(counts.begin(), counts.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first : a.second.second < b.second.second;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size() && out.size() < n; ++i) out.push_back(v[i].first);
  return out;
}

void GenericFeatures(Brief* b, const std::string& text) {
  auto nouns = TopNouns(text, 2);
  std::string n1 = nouns.empty() ? "item" : nouns[0];
  std::string why = nouns.empty() ? "the brief names no recurring noun, so the generic noun 'item' is used"
                                  : "built on the brief's most frequent noun, '" + n1 + "'";
  auto add = [&](std::string title, std::string desc) {
    for (const auto& f : b->features)
      if (IEquals(f.title, title)) return;
    b->features.push_back({std::move(title), std::move(desc), true});
  };
  add("Create " + Plural(n1), "create, edit and remove " + Plural(n1) + " (a generic capability " + why + ")");
  add("Browse " + Plural(n1), "find " + Plural(n1) + " by searching and filtering, newest first");
  add("Share " + Plural(n1), "share a " + n1 + " with another person by link");
  if (nouns.size() > 1) add("Track " + Plural(nouns[1]), "see the status of each " + nouns[1] + " as it changes");
}

}  // namespace

void InferMissing(Brief* b) {
  std::string prose = b->intro;
  for (const auto& [h, body] : b->other_sections) prose += "\n" + body;

  if (Trim(b->name).empty()) {
    std::map<std::string, int> caps;
    std::vector<std::string> order;
    for (const auto& w : Tokenize(prose, true)) {
      if (!IsWordToken(w) || w.size() < 3 || !std::isupper(static_cast<unsigned char>(w[0]))) continue;
      std::string low = ToLower(w);
      if (IsFunctionWord(low) || IsDeterminer(low) || IsPronoun(low)) continue;
      if (caps[w]++ == 0) order.push_back(w);
    }
    for (const auto& w : order)
      if (caps[w] >= 2) {
        b->name = w;
        break;
      }
    // "Queueless lets a patient ...": a capitalised first word followed by a verb of enabling names the product.
    auto first = Tokenize(prose, true);
    if (b->name.empty() && first.size() > 1 && IsWordToken(first[0]) &&
        std::isupper(static_cast<unsigned char>(first[0][0])) && !IsFunctionWord(ToLower(first[0])) &&
        !IsDeterminer(ToLower(first[0])) && (IsTrigger(ToLower(first[1])) || ToLower(first[1]) == "is"))
      b->name = first[0];
    if (b->name.empty()) b->name = "Untitled project";
    b->name_inferred = true;
    b->inferences.push_back(
        "The brief gives no name; \"" + b->name + "\" was " +
        (b->name == "Untitled project" ? "used as a placeholder." : "taken from the capitalised word that names it."));
  }

  std::vector<std::string> subjects;
  if (b->features.empty()) {
    FeaturesFromSentences(b, prose, &subjects);
    if (!b->features.empty())
      b->inferences.push_back(
          "The brief has no Features section; features were inferred from its sentences "
          "(\"lets ... do A, B and C\", \"... can ...\").");
    if (b->features.size() < 2) {
      GenericFeatures(b, prose + "\n" + b->tagline);
      b->inferences.push_back(
          "Too few features could be read from the brief's sentences; a generic set was "
          "derived from its most frequent nouns.");
    }
    b->features_inferred = true;
  }

  if (b->users.empty()) {
    b->users_inferred = true;
    if (!Trim(b->audience).empty()) {
      std::string a = b->audience;
      for (std::string_view sep : {" and the ", " and ", ";"})
        for (size_t p; (p = a.find(sep)) != std::string::npos;) a.replace(p, sep.size(), ",");
      size_t start = 0;
      while (start <= a.size()) {
        size_t comma = a.find(',', start);
        std::string item(
            Trim(std::string_view(a).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (!item.empty()) b->users.push_back(Capitalize(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      b->inferences.push_back("The brief has no Users section; users were taken from its `audience` line.");
    } else {
      std::set<std::string> seen;
      for (const auto& s : subjects)
        if (seen.insert(s).second && !IsVagueNoun(s)) b->users.push_back(Capitalize(Plural(s)));
      if (!b->users.empty()) {
        b->inferences.push_back(
            "The brief has no Users section; users were inferred from the subjects of its "
            "sentences.");
      } else {
        b->users.push_back("Primary users of " + b->name);
        b->inferences.push_back("The brief names no users; one generic user type is assumed.");
      }
    }
  }
}

}  // namespace specwave::offline
