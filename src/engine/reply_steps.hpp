// Internal to the reply cleaner: the steps that clean one document's lines
// (reply_document.cpp) and one fan-out item (reply_item.cpp). The rules they
// follow are written down once, in reply_cleaner.hpp.
#pragma once

#include <string>
#include <vector>

#include "engine/cleaning.hpp"
#include "engine/reply_cleaner.hpp"
#include "engine/reply_text.hpp"

namespace specwave::reply {

// Where a step records what it removed.
struct Context {
  std::string file;  // the document being cleaned; "" = the reply as a whole
  std::vector<Cleaning>* cleanings = nullptr;
  const std::vector<std::string>* produces = nullptr;
  bool item = false;  // a fan-out item: frontmatter and refusals are removed too
};

// Records lines[begin, end) as removed.
void Note(const Context& ctx, CleaningKind kind, const Lines& lines, size_t begin, size_t end, std::string detail,
          std::string message);
// "reply line 4" or "reply lines 4-9".
std::string LineRange(int first, int last);

// Each returns true when it removed something.
bool StripClosing(Lines* lines, const Context& ctx);
bool StripPreamble(Lines* lines, const Context& ctx);
bool UnwrapWholeFence(Lines* lines, const Context& ctx);
bool RemoveLeadingFrontmatter(Lines* lines, const Context& ctx);
bool RemoveSecondFrontmatter(Lines* lines, const Context& ctx);
bool RemoveRefusals(Lines* lines, const Context& ctx);

// Steps 1-5 of reply_cleaner.hpp (and, for an item, its frontmatter and
// refusals); the result has no blank lines at either end.
Lines CleanDocumentLines(Lines lines, const Context& ctx);

// No heading, list, table or fence, and every paragraph is a remark.
bool OnlyRemarks(const Lines& lines);
// The first paragraph is a refusal and nothing looks like a document.
bool IsWholeRefusal(const Lines& lines);

// A fan-out item: markers, segments, cleaning and its heading.
void CleanItem(const Lines& lines, const ReplyShape& shape, CleanedReply* out);

// What a refusal said, trimmed to about 400 bytes.
std::string RefusalWords(const Lines& lines, size_t begin, size_t end);

}  // namespace specwave::reply
