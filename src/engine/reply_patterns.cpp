#include "engine/reply_patterns.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <vector>

#include "core/text.hpp"

namespace specwave::reply {
namespace {

using Words = std::span<const std::string_view>;

// clang-format off
// Interjections that open a reply; counted only when punctuation follows
// ("Sure!", "Certainly —", "Okay,"), so "Great tides make..." is content.
constexpr std::string_view kInterjections[] = {
    "sure", "certainly", "of course", "absolutely", "great", "okay", "ok", "alright", "all right", "yes",
    "perfect", "excellent", "thanks", "thank you", "understood"};
// Phrases that are conversational whatever follows them.
constexpr std::string_view kConversational[] = {
    "sure thing", "no problem", "got it", "you got it", "with pleasure", "happy to", "glad to", "i'd be happy",
    "i would be happy", "i'd be glad", "as requested", "as you requested", "per your request"};
// Pointing at what follows; counted when the paragraph ends with ':' or '!',
// names the document, or is one of the bare "here you go" forms.
constexpr std::string_view kDeictic[] = {
    "here is", "here's", "here are", "here you go", "here it is", "here they are", "below is", "below are",
    "below you", "below, you", "the following is", "attached is"};
constexpr std::string_view kBareDeictic[] = {"here you go", "here it is", "here they are"};
// Words that name a document (the declared file names are added).
constexpr std::string_view kDocumentWords[] = {
    "document", "doc", "draft", "file", "spec", "specification", "prd", "analysis", "architecture", "data model",
    "api", "plan", "version", "update", "revision", "revised", "outline", "report", "tasks", "epics", "tokens",
    "mapping", "journey", "dependencies", "stack", "summary", "write-up", "requirements", "artifact", "markdown"};
// Weaker openings: they count only when they point at the document.
constexpr std::string_view kWeakOpeners[] = {
    "i've", "i have", "i'll", "i will", "let me", "let's", "based on", "following", "using", "after reviewing",
    "i reviewed", "i read", "i went", "i put", "i created", "i wrote", "i drafted", "i updated", "i revised",
    "i prepared", "now"};
constexpr std::string_view kPointers[] = {
    "here is", "here's", "here are", "below", "the following", "as follows", "creat", "writ", "wrote", "draft",
    "prepar", "put together", "produc", "generat", "outlin", "updat", "revis"};
// Closing phrases, matched at a sentence start; each refers to the assistant
// or the exchange, never to the product.
constexpr std::string_view kClosings[] = {
    "let me know", "hope this helps", "hope that helps", "hope this is helpful", "i hope this", "i hope that",
    "i hope it", "feel free to", "would you like me", "would you like any", "do you want me", "want me to",
    "shall i", "should i", "i can also", "i could also", "i can help", "i can adjust", "i can expand",
    "i can refine", "i can add", "i can draft", "i'd be happy", "i'd be glad", "i would be happy", "i'm happy to",
    "i am happy to", "happy to help", "happy to adjust", "happy to refine", "happy to expand", "happy to iterate",
    "if you'd like, i", "if you would like, i", "if you want, i", "if you need anything",
    "if you have any questions", "if you have questions", "just say the word", "good luck with",
    "is there anything else", "tell me if", "next, i can", "ready for the next"};
constexpr std::string_view kRefusalStarts[] = {
    "i'm sorry", "i am sorry", "sorry, but i", "sorry, i", "i apologize", "i apologise", "my apologies",
    "i cannot", "i can't", "i can not", "i won't", "i will not", "i'm unable", "i am unable", "i'm not able",
    "i am not able", "unfortunately, i", "unfortunately i", "i'm afraid i", "i am afraid i", "i'm not comfortable",
    "i am not comfortable", "i don't feel comfortable", "i do not feel comfortable"};
constexpr std::string_view kRefusalAlone[] = {"as an ai", "i must decline"};
constexpr std::string_view kRefusalVerbs[] = {
    "can't", "cannot", "can not", "unable", "not able", "won't", "will not", "decline", "not comfortable",
    "not appropriate", "not allowed", "refuse", "not going to"};
// clang-format on

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

// The phrase of `phrases` a sentence of `key` starts with, or "".
std::string_view SentenceStartingWith(std::string_view key, Words phrases) {
  for (size_t at : SentenceStarts(key))
    for (std::string_view p : phrases)
      if (WordAt(key, at, p)) return p;
  return {};
}

bool InterjectionFirst(std::string_view key) {
  for (std::string_view w : kInterjections) {
    if (!StartsWith(key, w)) continue;
    size_t next = w.size();
    if (next >= key.size()) return true;
    unsigned char c = static_cast<unsigned char>(key[next]);
    if (c == '!' || c == ',' || c == '.' || c == ':' || c == ';' || c == '-' || c == 0xE2) return true;
    if (c == ' ' && next + 1 < key.size() && (key[next + 1] == '-' || key[next + 1] == '\xE2')) return true;
  }
  return false;
}

bool NamesADocument(std::string_view key, const std::vector<std::string>& names) {
  if (ContainsAny(key, kDocumentWords)) return true;
  for (const auto& n : names) {
    std::string stem = ToLower(n.substr(0, n.rfind('.')));
    for (auto& c : stem)
      if (c == '-' || c == '_') c = ' ';
    if (!stem.empty() && (key.find(ToLower(n)) != std::string_view::npos || key.find(stem) != std::string_view::npos))
      return true;
  }
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

bool IsOpenerRemark(std::string_view paragraph, const std::vector<std::string>& names) {
  std::string key = ProseKey(paragraph);
  if (key.empty()) return false;
  if (InterjectionFirst(key) || StartsWithAny(key, kConversational)) return true;
  if (std::string_view d = SentenceStartingWith(key, kDeictic); !d.empty())
    return key.back() == ':' || key.back() == '!' || StartsWithAny(d, kBareDeictic) || NamesADocument(key, names);
  return StartsWithAny(key, kWeakOpeners) &&
         (key.back() == ':' || ContainsAny(key, kPointers) || NamesADocument(key, names));
}

bool IsClosingRemark(std::string_view paragraph) {
  std::string key = ProseKey(paragraph);
  return !key.empty() && !SentenceStartingWith(key, kClosings).empty();
}

bool IsRefusal(std::string_view paragraph) {
  std::string key = ProseKey(paragraph);
  if (key.empty()) return false;
  if (StartsWithAny(key, kRefusalAlone)) return true;
  return StartsWithAny(key, kRefusalStarts) && ContainsAny(key, kRefusalVerbs);
}

}  // namespace specwave::reply
