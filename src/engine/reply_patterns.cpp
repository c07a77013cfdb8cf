#include "engine/reply_patterns.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <vector>

#include "core/text.hpp"

namespace specwave::reply {
namespace {

using Words = std::initializer_list<std::string_view>;

// `key` has `prefix` at `at`, followed by a non-letter or the end: "sure"
// matches "sure!" and "sure, here" but not "surely the tide".
bool WordAt(std::string_view key, size_t at, std::string_view prefix) {
  if (key.substr(at, prefix.size()) != prefix) return false;
  size_t next = at + prefix.size();
  return next >= key.size() || !std::isalpha(static_cast<unsigned char>(key[next]));
}

bool StartsWithAny(std::string_view key, Words prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return WordAt(key, 0, p); });
}

bool ContainsAny(std::string_view key, Words needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return key.find(n) != std::string_view::npos; });
}

// Where sentences (or clauses after ':' and dashes) start in a ProseKey.
std::vector<size_t> SentenceStarts(std::string_view key) {
  std::vector<size_t> starts = {0};
  for (size_t i = 1; i + 1 < key.size(); ++i) {
    if (key[i] != ' ') continue;
    unsigned char before = static_cast<unsigned char>(key[i - 1]);
    // '.', '!', '?', ':', ';', ')', '-' and the last byte of an em or en dash.
    if (before == '.' || before == '!' || before == '?' || before == ':' || before == ';' || before == ')' ||
        before == '-' || before == 0x94 || before == 0x93)
      starts.push_back(i + 1);
  }
  return starts;
}

bool SentenceStartsWithAny(std::string_view key, Words phrases) {
  for (size_t at : SentenceStarts(key))
    for (std::string_view p : phrases)
      if (WordAt(key, at, p)) return true;
  return false;
}

}  // namespace

std::string ProseKey(std::string_view paragraph) {
  std::string out;
  out.reserve(paragraph.size());
  for (size_t i = 0; i < paragraph.size(); ++i) {
    char c = paragraph[i];
    // Typographic apostrophes (U+2018, U+2019) read as "'": "I’m sorry".
    if (c == '\xE2' && i + 2 < paragraph.size() && paragraph[i + 1] == '\x80' &&
        (paragraph[i + 2] == '\x98' || paragraph[i + 2] == '\x99')) {
      out += '\'';
      i += 2;
      continue;
    }
    if (c == '*' || c == '_' || c == '`') continue;
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  size_t start = 0;
  while (start < out.size() && !std::isalnum(static_cast<unsigned char>(out[start]))) ++start;
  std::string_view t = Trim(std::string_view(out).substr(start));
  return std::string(t);
}

bool IsRemarkSized(std::string_view paragraph, bool refusal) {
  size_t lines = SplitLines(paragraph).size();
  return refusal ? lines <= 8 && paragraph.size() <= 900 : lines <= 4 && paragraph.size() <= 500;
}

bool IsOpenerRemark(std::string_view paragraph) {
  std::string key = ProseKey(paragraph);
  if (key.empty()) return false;
  if (StartsWithAny(key, {"sure",
                          "certainly",
                          "of course",
                          "absolutely",
                          "great",
                          "okay",
                          "ok",
                          "alright",
                          "all right",
                          "yes",
                          "happy to",
                          "glad to",
                          "i'd be happy",
                          "i would be happy",
                          "i'd be glad",
                          "no problem",
                          "got it",
                          "understood",
                          "thanks",
                          "thank you",
                          "perfect",
                          "excellent",
                          "with pleasure",
                          "you got it",
                          "here is",
                          "here's",
                          "here are",
                          "here you go",
                          "here it is",
                          "here they are",
                          "below is",
                          "below are",
                          "below you",
                          "below, you",
                          "as requested",
                          "as you requested",
                          "per your request"}))
    return true;
  // Weaker openings count only when they point at the document that follows.
  if (!StartsWithAny(
          key, {"i've",      "i have",          "i'll",       "i will",     "let me", "let's", "based on",  "following",
                "using",     "after reviewing", "i reviewed", "i read",     "i went", "i put", "i created", "i wrote",
                "i drafted", "i updated",       "i revised",  "i prepared", "now"}))
    return false;
  return key.back() == ':' || ContainsAny(key, {"here is", "here's", "here are", "below", "the following", "as follows",
                                                "drafted", "written", "wrote", "prepared", "put together", "created",
                                                "updated", "revised", "generated", "produced"});
}

bool IsClosingRemark(std::string_view paragraph) {
  std::string key = ProseKey(paragraph);
  if (key.empty()) return false;
  return SentenceStartsWithAny(key, {"let me know",
                                     "hope this helps",
                                     "hope that helps",
                                     "hope this is helpful",
                                     "i hope this",
                                     "i hope that",
                                     "i hope it",
                                     "feel free to",
                                     "would you like me",
                                     "would you like any",
                                     "do you want me",
                                     "want me to",
                                     "shall i",
                                     "should i",
                                     "i can also",
                                     "i could also",
                                     "i can help",
                                     "i can adjust",
                                     "i can expand",
                                     "i can refine",
                                     "i can add",
                                     "i can draft",
                                     "i'd be happy",
                                     "i'd be glad",
                                     "i would be happy",
                                     "i'm happy to",
                                     "i am happy to",
                                     "happy to help",
                                     "happy to adjust",
                                     "happy to refine",
                                     "happy to expand",
                                     "happy to iterate",
                                     "if you'd like, i",
                                     "if you would like, i",
                                     "if you want, i",
                                     "if you need anything",
                                     "if you have any questions",
                                     "if you have questions",
                                     "just say the word",
                                     "good luck with",
                                     "is there anything else",
                                     "tell me if",
                                     "next, i can",
                                     "ready for the next"});
}

bool IsRefusal(std::string_view paragraph) {
  std::string key = ProseKey(paragraph);
  if (key.empty()) return false;
  if (StartsWithAny(key, {"as an ai", "i must decline"})) return true;
  if (!StartsWithAny(key, {"i'm sorry",
                           "i am sorry",
                           "sorry, but i",
                           "sorry, i",
                           "i apologize",
                           "i apologise",
                           "my apologies",
                           "i cannot",
                           "i can't",
                           "i can not",
                           "i won't",
                           "i will not",
                           "i'm unable",
                           "i am unable",
                           "i'm not able",
                           "i am not able",
                           "unfortunately, i",
                           "unfortunately i",
                           "i'm afraid i",
                           "i am afraid i",
                           "i'm not comfortable",
                           "i am not comfortable",
                           "i don't feel comfortable",
                           "i do not feel comfortable"}))
    return false;
  return ContainsAny(key, {"can't", "cannot", "can not", "unable", "not able", "won't", "will not", "decline",
                           "not comfortable", "not appropriate", "not allowed", "refuse", "not going to"});
}

}  // namespace specwave::reply
