#include "interop/scenario_text.hpp"

#include <cctype>

#include "core/text.hpp"
#include "interop/carry.hpp"
#include "interop/specwave_model.hpp"

namespace specwave::interop {
namespace {

bool TakePrefix(std::string_view* s, std::string_view prefix) {
  if (s->size() < prefix.size() || !IEquals(s->substr(0, prefix.size()), prefix)) return false;
  s->remove_prefix(prefix.size());
  return true;
}

bool HasWord(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    size_t end = at + word.size();
    bool right = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
    if (left && right) return true;
  }
  return false;
}

}  // namespace

std::string Unbold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size() && ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_'))) {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string GivenWhenThen(std::string_view title, std::string_view criterion) {
  return "**Given** " + std::string(title) + " is available, **When** a person uses it, **Then** " +
         LowerFirst(criterion);
}

std::string FromGivenWhenThen(std::string_view title, std::string_view scenario) {
  std::string_view s = Trim(scenario);
  std::string frame = "**Given** " + std::string(title) + " is available, **When** a person uses it, **Then** ";
  if (TakePrefix(&s, frame)) return UpperFirst(s);
  // A scenario written in Spec Kit: one sentence, "Given ..., when ..., then ...".
  std::string out = UpperFirst(Unbold(s));
  for (const char* word : {", When ", ", Then ", ", And "}) {
    std::string lower = word;
    lower[2] = static_cast<char>(lower[2] - 'A' + 'a');
    for (size_t at = out.find(word); at != std::string::npos; at = out.find(word, at + 1)) out.replace(at, lower.size(), lower);
  }
  return out;
}

std::string Ears(std::string_view title, std::string_view criterion) {
  return "WHEN " + std::string(title) + " is used THEN THE SYSTEM SHALL ensure that " + LowerFirst(criterion);
}

std::string FromEars(std::string_view title, std::string_view statement) {
  std::string_view s = Trim(statement);
  std::string frame = "WHEN " + std::string(title) + " is used THEN THE SYSTEM SHALL ensure that ";
  if (TakePrefix(&s, frame)) return UpperFirst(s);
  return std::string(s);
}

WhenThen ToWhenThen(std::string_view title, std::string_view criterion) {
  WhenThen w;
  w.name = ShortName(criterion, 8);
  w.when = std::string(title) + " is used";
  w.then.push_back(LowerFirst(criterion));
  return w;
}

std::string FromWhenThen(std::string_view title, const WhenThen& s) {
  if (s.given.empty() && s.then.size() == 1 && s.when == std::string(title) + " is used") return UpperFirst(s.then[0]);
  std::string out = s.name.empty() ? "" : s.name + ": ";
  if (!s.given.empty()) out += "Given " + s.given + ", ";
  out += (s.given.empty() ? "When " : "when ") + s.when;
  for (size_t i = 0; i < s.then.size(); ++i) out += (i == 0 ? ", then " : "; and ") + s.then[i];
  return out;
}

std::string Shall(std::string_view statement) {
  std::string s(Trim(statement));
  if (HasWord(s, "SHALL") || HasWord(s, "MUST")) return s;
  return "The system SHALL " + LowerFirst(s);
}

std::string FromShall(std::string_view text) {
  std::string_view s = Trim(text);
  if (TakePrefix(&s, "The system SHALL ") && !HasWord(s, "SHALL") && !HasWord(s, "MUST")) return UpperFirst(s);
  return std::string(Trim(text));
}

}  // namespace specwave::interop
