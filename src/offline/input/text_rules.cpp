#include "offline/input/text_rules.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace specwave::offline {

namespace {

bool IsAlnum(unsigned char c) { return std::isalnum(c) != 0; }

// Curly quotes and dashes arrive as three-byte UTF-8 sequences starting E2 80.
bool IsUtf8Punct(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80;
}
bool IsWordByte(unsigned char c) { return IsAlnum(c) || c >= 0x80; }

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

constexpr std::string_view kDeterminers[] = {"a",    "an",  "the",  "each", "every", "their", "its",     "his",
                                             "her",  "our", "your", "this", "that",  "these", "those",   "any",
                                             "some", "per", "one",  "no",   "my",    "both",  "another", "which"};

constexpr std::string_view kFunctionWords[] = {
    "for",   "with",   "on",       "in",     "at",    "by",      "to",    "from",    "of",      "about",   "against",
    "after", "before", "during",   "into",   "onto",  "over",    "under", "between", "through", "across",  "as",
    "than",  "via",    "without",  "within", "until", "since",   "near",  "and",     "or",      "but",     "nor",
    "so",    "yet",    "when",     "while",  "if",    "because", "that",  "which",   "who",     "whom",    "whose",
    "where", "what",   "how",      "why",    "then",  "once",    "i",     "you",     "he",      "she",     "it",
    "we",    "they",   "them",     "us",     "me",    "him",     "there", "here",    "is",      "are",     "was",
    "were",  "be",     "been",     "being",  "am",    "has",     "have",  "had",     "do",      "does",    "did",
    "can",   "could",  "will",     "would",  "shall", "should",  "may",   "might",   "must",    "not",     "only",
    "also",  "just",   "actually", "enough", "very",  "too",     "more",  "most",    "less",    "already", "still",
    "again", "ever",   "never",    "always", "now"};

constexpr std::string_view kVerbs[] = {
    "join",   "see",      "show",    "call",   "get",     "reorder",  "mark",     "export",  "draw",   "share",
    "record", "warn",     "run",     "update", "move",    "come",     "choose",   "receive", "know",   "raise",
    "copy",   "put",      "keep",    "let",    "walk",    "need",     "use",      "want",    "add",    "edit",
    "delete", "create",   "list",    "send",   "notify",  "pay",      "book",     "track",   "sign",   "invite",
    "upload", "download", "save",    "load",   "open",    "close",    "start",    "stop",    "happen", "strand",
    "lead",   "allow",    "help",    "enable", "give",    "take",     "make",     "find",    "go",     "read",
    "write",  "print",    "compare", "review", "approve", "reject",   "assign",   "remove",  "change", "manage",
    "browse", "select",   "check",   "tap",    "enter",   "register", "schedule", "publish"};

constexpr std::string_view kModifiers[] = {
    "chosen",  "predicted", "expected", "estimated",  "whole",   "next",    "urgent",  "actual",    "set",
    "old",     "slow",      "new",      "live",       "daily",   "weekly",  "monthly", "remote",    "mixed",
    "own",     "public",    "paid",     "single",     "small",   "big",     "large",   "crowded",   "first",
    "last",    "simple",    "quick",    "easy",       "real",    "full",    "local",   "coastal",   "short",
    "long",    "fast",      "clear",    "good",       "bad",     "main",    "primary", "secondary", "other",
    "same",    "different", "multiple", "many",       "few",     "several", "all",     "recent",    "upcoming",
    "past",    "future",    "safe",     "accessible", "offline", "online",  "mobile",  "native",    "shared",
    "private", "personal",  "optional", "required",   "default", "custom",  "basic",   "total",     "front-desk"};

constexpr std::string_view kAttributes[] = {
    "name",  "phone",    "number",      "phone-number", "time",      "wait",       "speed",    "distance", "height",
    "limit", "day",      "date",        "note",         "condition", "count",      "place",    "position", "status",
    "link",  "email",    "address",     "duration",     "score",     "level",      "depth",    "price",    "amount",
    "code",  "title",    "description", "label",        "rate",      "percentage", "age",      "weight",   "size",
    "url",   "token",    "reason",      "comment",      "rating",    "deadline",   "capacity", "quantity", "priority",
    "type",  "category", "language",    "timezone",     "start",     "end",        "minute"};

constexpr std::string_view kViewNouns[] = {
    "sketch",    "board",    "check",  "check-in", "view",    "screen",  "page",   "list",
    "dashboard", "overview", "search", "report",   "log",     "summary", "export", "form",
    "button",    "tap",      "call",   "panel",    "feed",    "tab",     "menu",   "wizard",
    "editor",    "chart",    "map",    "history",  "setting", "import",  "sync",   "display"};

constexpr std::string_view kVague[] = {
    "way",     "thing",      "water",    "signal",      "one",    "part",    "kind",   "lot",       "people",
    "person",  "someone",    "everyone", "today",       "moment", "hour",    "second", "something", "nothing",
    "turn",    "room",       "hand",     "sunlight",    "app",    "website", "data",   "dataset",   "ability",
    "network", "connection", "internet", "mud",         "flat",   "alarm",   "case",   "no-show",   "result",
    "option",  "feature",    "user",     "information", "back",   "up",      "out",    "down",      "away",
    "lot",     "bit",        "side",     "top",         "bottom"};

}  // namespace

bool IsWordToken(std::string_view t) { return !t.empty() && IsWordByte(static_cast<unsigned char>(t[0])); }

std::vector<std::string> Tokenize(std::string_view s, bool keep_case) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (IsUtf8Punct(s, i)) {
      out.emplace_back(s.substr(i, 3));
      i += 3;
    } else if (IsWordByte(c)) {
      std::string w;
      while (i < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[i]);
        if (IsUtf8Punct(s, i)) break;
        bool joiner = (d == '-' || d == '\'') && i + 1 < s.size() && IsAlnum(static_cast<unsigned char>(s[i + 1]));
        if (!IsWordByte(d) && !joiner) break;
        w += keep_case ? static_cast<char>(d) : static_cast<char>(std::tolower(d));
        ++i;
      }
      out.push_back(std::move(w));
    } else {
      out.emplace_back(1, static_cast<char>(c));
      ++i;
    }
  }
  return out;
}

std::string Detokenize(const std::vector<std::string>& t, size_t begin, size_t end) {
  std::string out;
  end = std::min(end, t.size());
  for (size_t i = begin; i < end; ++i) {
    bool glue = !IsWordToken(t[i]) && t[i] != "(" && t[i].size() == 1;
    if (i > begin && !glue && t[i - 1] != "(") out += ' ';
    out += t[i];
  }
  return out;
}

std::string Singular(std::string_view w) {
  std::string s(w);
  if (s == "people") return "person";
  if (s == "children") return "child";
  if (s.size() < 4 || s == "staff" || s == "data" || s == "series" || s == "news") return s;
  auto ends = [&](std::string_view suf) {
    return s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("ss") || ends("us") || ends("is")) return s;
  if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
  if (ends("ches") || ends("shes") || ends("sses") || ends("xes") || ends("zes")) return s.substr(0, s.size() - 2);
  if (ends("s")) return s.substr(0, s.size() - 1);
  return s;
}

std::string Plural(std::string_view w) {
  std::string s(w);
  if (s.empty() || s == "staff" || s == "data" || s == "series") return s;
  if (s == "person") return "people";
  auto ends = [&](std::string_view suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (s.size() > 1 && s.back() == 'y' && std::string_view("aeiou").find(s[s.size() - 2]) == std::string_view::npos)
    return s.substr(0, s.size() - 1) + "ies";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return s + "es";
  return s + "s";
}

std::string PascalCase(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    bool up = true;
    for (char c : w) {
      if (c == '-' || c == '\'' || c == '_' || c == ' ') {
        up = true;
        continue;
      }
      out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      up = false;
    }
  }
  return out;
}

std::string SnakeCase(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += '_';
    for (char c : w)
      out += (c == '-' || c == ' ' || c == '\'') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

static std::string SplitPascal(std::string_view p, char sep) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (std::isupper(c) && i > 0 && !std::isupper(static_cast<unsigned char>(p[i - 1]))) out += sep;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::string KebabFromPascal(std::string_view p) { return SplitPascal(p, '-'); }
std::string SnakeFromPascal(std::string_view p) { return SplitPascal(p, '_'); }

std::string Capitalize(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string Lowercase1(std::string_view s) {
  std::string out(s);
  bool acronym = out.size() > 1 && std::isupper(static_cast<unsigned char>(out[1]));
  if (!out.empty() && !acronym) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    cur += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    bool end = (c == '.' || c == '!' || c == '?') &&
               (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (end) {
      std::string t(cur);
      size_t b = t.find_first_not_of(' ');
      if (b != std::string::npos) out.push_back(t.substr(b));
      cur.clear();
    }
  }
  size_t b = cur.find_first_not_of(' ');
  if (b != std::string::npos) {
    size_t e = cur.find_last_not_of(' ');
    out.push_back(cur.substr(b, e - b + 1));
  }
  return out;
}

bool IsDeterminer(std::string_view w) { return In(kDeterminers, w); }
bool IsFunctionWord(std::string_view w) { return In(kFunctionWords, w); }
bool IsModifier(std::string_view w) { return In(kModifiers, w); }
bool IsAttributeNoun(std::string_view w) { return In(kAttributes, w); }
bool IsViewNoun(std::string_view w) { return In(kViewNouns, w); }
bool IsVagueNoun(std::string_view w) { return In(kVague, w); }

bool IsKnownVerb(std::string_view w) {
  std::string s(w);
  auto ends = [&](std::string_view suf) {
    return s.size() > suf.size() + 1 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  std::vector<std::string> bases = {s};
  if (ends("ies")) bases.push_back(s.substr(0, s.size() - 3) + "y");
  if (ends("es")) bases.push_back(s.substr(0, s.size() - 2));
  if (ends("s")) bases.push_back(s.substr(0, s.size() - 1));
  if (ends("ed")) {
    bases.push_back(s.substr(0, s.size() - 2));
    bases.push_back(s.substr(0, s.size() - 1));
  }
  if (ends("ing")) {
    bases.push_back(s.substr(0, s.size() - 3));
    bases.push_back(s.substr(0, s.size() - 3) + "e");
  }
  // "tapping", "tapped": a doubled final consonant.
  for (size_t cut : {size_t{3}, size_t{2}})
    if (s.size() > cut + 2 && s[s.size() - cut - 1] == s[s.size() - cut - 2] && (ends("ing") || ends("ed")))
      bases.push_back(s.substr(0, s.size() - cut - 1));
  if (s == "saw" || s == "seen" || s == "got" || s == "ran" || s == "came" || s == "drew" || s == "drawn" ||
      s == "sent")
    return true;
  for (const auto& b : bases)
    if (In(kVerbs, b)) return true;
  return false;
}

uint32_t StableHash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string JoinList(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? std::string(last_sep) : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string YamlQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) break;  // other control characters are dropped
        out += c;
    }
  }
  return out + "\"";
}

}  // namespace specwave::offline
