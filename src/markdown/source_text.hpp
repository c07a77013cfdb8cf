// The text the markdown layer works on, and the line numbering every part of
// it shares (outline, section diff, line diff, render blocks).
//
//   SourceText src(raw_markdown);          // LF-only view, BOM dropped
//   int n = src.line_count();
//   std::string_view third = src.Line(3);  // without its '\n'
//
// md4c ends a line at CR, LF or CRLF, and NormalizeText turns all three into
// LF; SourceText does the same up front so that md4c's view, our line numbers
// and the normalised text agree. When the input has no CR and no BOM (the
// usual case) nothing is copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::markdown {

class SourceText {
 public:
  explicit SourceText(std::string_view raw);
  // text() may point into this object: neither copied nor moved.
  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;

  std::string_view text() const { return text_; }
  int line_count() const { return static_cast<int>(starts_.size()); }

  // 1-based line holding byte `offset` of text() (a line's '\n' belongs to it);
  // offsets past the end give the last line; 0 for an empty text.
  int LineAt(size_t offset) const;
  // 1-based line of a pointer into text(); 0 if it points elsewhere (md4c
  // passes static strings for line breaks and NUL replacements).
  int LineOf(const char* p) const;
  bool Contains(const char* p) const { return p >= text_.data() && p < text_.data() + text_.size(); }

  // Byte offset where `line` starts; line_count()+1 (or more) gives text().size().
  size_t LineStart(int line) const;
  // Line `line` without its '\n'; empty outside [1, line_count()].
  std::string_view Line(int line) const;
  // Lines first..last inclusive, with their '\n's; empty if first > last.
  std::string_view Lines(int first, int last) const;

 private:
  std::string owned_;
  std::string_view text_;
  std::vector<size_t> starts_;
};

// The lines of `raw` as SourceText numbers them (CR, LF and CRLF end a line;
// a final line ending does not start a new line), without their endings.
std::vector<std::string_view> SplitSourceLines(std::string_view raw);

// NormalizeText(a) == NormalizeText(b), without building either string.
bool SameAfterNormalize(std::string_view a, std::string_view b);

// NormalizeText for text that is already LF-only (as SourceText::text() is),
// with leading blank lines dropped too: a section body "\n\ntext" and "text"
// are the same content. Faster than NormalizeText: one pass, one allocation.
std::string NormalizeBody(std::string_view lf_text);

// A fast 64-bit content hash for equality checks and grouping (not
// cryptographic, never persisted; use Sha256Hex for stored identities).
uint64_t ContentHash(std::string_view data);

}  // namespace specwave::markdown
