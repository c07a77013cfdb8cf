#include <doctest/doctest.h>

#include "core/utf8.hpp"

using namespace specwave;

TEST_CASE("Utf8.TextPassesAndTheFirstBadByteIsNamed") {
  CHECK_FALSE(FirstNonTextByte("# Tidewater\r\n\tTide times — für Kähne 🌊\n").has_value());
  CHECK(FirstNonTextByte(std::string("abc\xFF") + "def") == 3u);
  CHECK(FirstNonTextByte(std::string("ab\0c", 4)) == 2u);    // NUL is not text
  CHECK(FirstNonTextByte("x\xC0\xAF") == 1u);               // overlong '/'
  CHECK(FirstNonTextByte("x\xED\xA0\x80") == 1u);           // a UTF-16 surrogate
  CHECK(FirstNonTextByte("ok \xE2\x82") == 3u);             // cut short at the end
  CHECK(FirstNonTextByte("\xF4\x90\x80\x80") == 0u);        // past U+10FFFF
  std::string msg = NotTextMessage("Tide\x89PNG", "brief.md");
  CHECK(msg.find("brief.md is not UTF-8 text: byte 4 (0x89)") == 0);
  CHECK(NotTextMessage("fine", "brief.md").empty());
}
