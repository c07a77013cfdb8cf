// Word-level rules the offline generator builds artifacts with: tokenising a
// sentence, singular/plural, identifier casing, and the small lexicons that
// tell a noun worth modelling ("route") from an attribute ("distance"), a
// view word ("sketch") or a modifier ("daily"). English only, ASCII only;
// anything else passes through unchanged. Every function is total: no input
// makes it throw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::offline {

// A token is a lowercase word (letters, digits, inner '-' or '\'') or a single
// punctuation mark (",", ";", ":", ".", "(", ")", ...).
// With keep_case the words keep their original letters (for quoting the brief).
std::vector<std::string> Tokenize(std::string_view text, bool keep_case = false);
// Tokens back into text: a space between words, none before , ; : . ) and after (.
std::string Detokenize(const std::vector<std::string>& tokens, size_t begin, size_t end);
bool IsWordToken(std::string_view token);

std::string Singular(std::string_view word);
std::string Plural(std::string_view word);  // lowercase in, lowercase out

std::string PascalCase(const std::vector<std::string>& words);  // {"float","plan"} -> FloatPlan
std::string SnakeCase(const std::vector<std::string>& words);   // {"phone","number"} -> phone_number
std::string KebabFromPascal(std::string_view pascal);           // FloatPlan -> float-plan
std::string SnakeFromPascal(std::string_view pascal);           // FloatPlan -> float_plan
std::string Capitalize(std::string_view s);                     // first letter upper-cased
std::string Lowercase1(std::string_view s);                     // first letter lower-cased unless an acronym

// Sentences of a paragraph (split on . ! ? followed by space or end).
std::vector<std::string> Sentences(std::string_view text);

// Lexicons (all take lowercase singular words).
bool IsDeterminer(std::string_view w);     // a, the, each, their, ...
bool IsFunctionWord(std::string_view w);   // prepositions, conjunctions, pronouns, auxiliaries
bool IsKnownVerb(std::string_view w);      // common verbs in briefs, any inflection
bool IsModifier(std::string_view w);       // adjectives that never head an entity: daily, live, next, ...
bool IsAttributeNoun(std::string_view w);  // becomes a field: name, time, distance, ...
bool IsViewNoun(std::string_view w);       // names a screen or an action: sketch, board, check, report, ...
bool IsVagueNoun(std::string_view w);      // never an entity: way, thing, water, ...

// FNV-1a: a stable hash for defaults derived from text (never std::hash, whose
// value may differ between standard libraries and so between native and web).
uint32_t StableHash(std::string_view s);

// "a, b and c"
std::string JoinList(const std::vector<std::string>& items, std::string_view last_sep = " and ");

// Double-quoted YAML scalar with escapes, so any title is valid frontmatter.
std::string YamlQuote(std::string_view s);

}  // namespace specwave::offline
