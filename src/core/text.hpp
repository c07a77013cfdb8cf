// Small text helpers shared by the engine: line splitting, trimming,
// normalisation of line endings, case-insensitive comparison. std only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave {

std::string_view Trim(std::string_view s);
std::string_view TrimRight(std::string_view s);
std::string ToLower(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IEquals(std::string_view a, std::string_view b);
bool IContains(std::string_view haystack, std::string_view needle);

// Splits on '\n'; a trailing "\r" is removed from each line. The last line is
// kept even when empty only if the text does not end with a newline.
std::vector<std::string_view> SplitLines(std::string_view text);

// CRLF/CR -> LF, trailing whitespace removed from each line, trailing blank
// lines removed, exactly one final newline (none for empty text). Two texts
// that differ only in these ways are "the same artifact".
std::string NormalizeText(std::string_view text);

std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// A stable, URL/file-safe slug: lowercase ASCII letters, digits and '-'.
std::string Slugify(std::string_view s);

// Levenshtein distance, for "did you mean" suggestions.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace specwave
