// Whether a text is UTF-8 text, and where it stops being so. A brief is read
// as markdown and sent to models; random bytes are not a brief (issue #14.9:
// they once produced a whole spec pack), so front ends refuse them with the
// byte offset a person can look at.
//
//   if (auto at = FirstNonTextByte(brief)) error("not UTF-8 text at byte " + std::to_string(*at));
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace specwave {

// The offset of the first byte that is not part of well-formed UTF-8 (no
// overlong forms, no surrogates, nothing past U+10FFFF) or is a NUL or
// another C0 control other than tab, LF, CR and form feed; nullopt when the
// whole text is UTF-8 text.
std::optional<size_t> FirstNonTextByte(std::string_view text);

// "brief.md is not UTF-8 text: byte 1234 (0xFF) ..." or "" when it is text.
std::string NotTextMessage(std::string_view text, const std::string& what);

}  // namespace specwave
