// The per-document steps of the reply cleaner: closing remarks, preamble,
// a fence around the whole document, extra frontmatter, refusals. Each works
// on whole lines, so the raw line numbers it records stay exact.
#include <algorithm>

#include "core/text.hpp"
#include "engine/fan_out_items.hpp"
#include "engine/reply_patterns.hpp"
#include "engine/reply_steps.hpp"

namespace specwave::reply {
namespace {

bool AnyStructural(const Lines& lines, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (IsStructuralLine(lines[i].text)) return true;
  return false;
}

const std::vector<std::string>& Names(const Context& ctx) {
  static const std::vector<std::string> kNone;
  return ctx.produces ? *ctx.produces : kNone;
}

// The line only names one of the declared files.
bool NamesDeclared(std::string_view line, const Context& ctx) {
  std::string name = LabelName(line);
  if (name.empty() || LeavesFolder(name)) return false;
  for (const auto& p : Names(ctx))
    if (IEquals(BaseName(name), BaseName(p))) return true;
  return false;
}

bool IsRemovableRefusal(const std::string& text) { return IsRemarkSized(text, true) && IsRefusal(text); }

// The trailing run of non-blank prose lines (stops at a blank or structural
// line): the part of a reply a closing remark can be.
size_t TrailingProseStart(const Lines& lines) {
  size_t b = lines.size();
  while (b > 0 && !IsBlank(lines[b - 1].text) && !IsStructuralLine(lines[b - 1].text)) --b;
  return b;
}

// Index of the first heading, fence, rule or frontmatter line; lines.size() if none.
size_t FirstStructuralStart(const Lines& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    if (AtxLevel(t) > 0 || FenceOpener(t) || IsRule(t)) return i;  // IsRule covers a frontmatter `---`
  }
  return lines.size();
}

// The inside of a wrapper looks like a document: a heading or frontmatter (or,
// around a whole multi-file reply, a file marker) outside its own fences.
bool HasDocumentShape(const Lines& inner) {
  Lines trimmed = TrimBlankLines(inner);
  if (FrontmatterBlockEnd(trimmed, 0) >= 0) return true;
  std::vector<bool> mask = FenceMask(trimmed);
  for (size_t i = 0; i < trimmed.size(); ++i)
    if (!mask[i] && (AtxLevel(trimmed[i].text) > 0 || ParseMarker(trimmed[i].text))) return true;
  return false;
}

// Erases lines[begin, end) and a blank line left doubled by it.
void EraseWithBlank(Lines* lines, size_t begin, size_t end) {
  Lines& l = *lines;
  if (end < l.size() && IsBlank(l[end].text) && (begin == 0 || IsBlank(l[begin - 1].text))) ++end;
  l.erase(l.begin() + static_cast<long>(begin), l.begin() + static_cast<long>(end));
}

bool IsWrapperInfo(const std::string& info) { return info.empty() || info == "markdown" || info == "md"; }

bool UnwrapAt(Lines* lines, size_t open_at, const Context& ctx) {
  Lines& l = *lines;
  if (l.size() < open_at + 2) return false;
  auto open = FenceOpener(l[open_at].text);
  if (!open || !IsWrapperInfo(open->info) || !ClosesFence(l.back().text, *open)) return false;
  Lines inner = Slice(l, open_at + 1, l.size() - 1);
  if (!FencesBalanced(inner) || !HasDocumentShape(inner)) return false;
  std::string opener(Trim(l[open_at].text));
  Cleaning c;
  c.kind = CleaningKind::kFenceRemoved;
  c.file = ctx.file;
  c.first_line = l[open_at].raw;
  c.last_line = l.back().raw;
  c.detail = opener;
  c.excerpt = opener;
  c.message =
      "removed the fence '" + opener + "' around the whole document (" + LineRange(c.first_line, c.last_line) + ")";
  ctx.cleanings->push_back(c);
  Lines out = Slice(l, 0, open_at);
  out.insert(out.end(), inner.begin(), inner.end());
  *lines = TrimBlankLines(out);
  return true;
}

}  // namespace

std::string LineRange(int first, int last) {
  if (first <= 0) return "no line";
  return first == last || last <= 0 ? "reply line " + std::to_string(first)
                                    : "reply lines " + std::to_string(first) + "-" + std::to_string(last);
}

void Note(const Context& ctx, CleaningKind kind, const Lines& lines, size_t begin, size_t end, std::string detail,
          std::string message) {
  Cleaning c;
  c.kind = kind;
  c.file = ctx.file;
  if (begin < end && end <= lines.size()) {
    c.first_line = lines[begin].raw;
    c.last_line = lines[end - 1].raw;
    c.excerpt = ShortExcerpt(JoinLines(lines, begin, end));
  }
  c.detail = std::move(detail);
  c.message = std::move(message) + " (" + LineRange(c.first_line, c.last_line) + ")";
  ctx.cleanings->push_back(std::move(c));
}

std::string RefusalWords(const Lines& lines, size_t begin, size_t end) {
  std::string words(Trim(JoinLines(lines, begin, end)));
  if (words.size() > 400) words = ShortExcerpt(words, 400);
  return words;
}

bool StripClosing(Lines* lines, const Context& ctx) {
  bool removed = false;
  for (int round = 0; round < 3; ++round) {
    *lines = TrimBlankLines(*lines);
    Lines& l = *lines;
    size_t b = TrailingProseStart(l);
    if (b == 0 || b == l.size()) break;  // the remark would be the whole document, or there is none
    std::string text = JoinLines(l, b, l.size());
    bool refusal = IsRemovableRefusal(text);
    if (!refusal && !(IsRemarkSized(text) && IsClosingRemark(text))) break;
    size_t cut = b;
    // A `---` rule that only separated the remark from the document goes with it.
    size_t before = cut;
    while (before > 0 && IsBlank(l[before - 1].text)) --before;
    if (before > 1 && IsRule(l[before - 1].text) && FrontmatterBlockEnd(l, 0) != static_cast<int>(before - 1))
      cut = before - 1;
    Note(ctx, refusal ? CleaningKind::kRefusalRemoved : CleaningKind::kClosingRemoved, l, b, l.size(), "",
         refusal ? "removed a refusal after the document" : "removed a closing remark after the document");
    if (cut < b)
      Note(ctx, CleaningKind::kRuleRemoved, l, cut, cut + 1, "", "removed the rule before the closing remark");
    l.resize(cut);
    *lines = TrimBlankLines(l);
    // "## Next steps" left with nothing under it was the remark's own heading;
    // "### T2.1: Draw the route" is the document's (an item id), and stays.
    if (!refusal && lines->size() > 1 && AtxLevel(lines->back().text) > 0 &&
        !StartsWithItemId(HeadingText(lines->back().text))) {
      Note(ctx, CleaningKind::kClosingRemoved, *lines, lines->size() - 1, lines->size(), "",
           "removed the heading of the closing remark");
      lines->pop_back();
    }
    removed = true;
  }
  *lines = TrimBlankLines(*lines);
  return removed;
}

bool StripPreamble(Lines* lines, const Context& ctx) {
  *lines = TrimBlankLines(*lines);
  Lines& l = *lines;
  size_t start = FirstStructuralStart(l);
  // A heading that only names the file ("### `prd.md`") over a whole-document
  // fence is a label, part of the preamble.
  size_t label = l.size();
  if (start < l.size() && AtxLevel(l[start].text) > 0 && NamesDeclared(l[start].text, ctx)) {
    size_t next = start + 1;
    while (next < l.size() && IsBlank(l[next].text)) ++next;
    if (next < l.size() && FenceOpener(l[next].text)) {
      label = start;
      start = next;
    }
  }
  if (start == 0 || start >= l.size()) return false;
  std::vector<Span> paras = Paragraphs(l, 0, std::min(start, label));
  if (paras.empty() || paras.size() > 3) return false;
  std::vector<bool> refusal(paras.size(), false);
  for (size_t k = 0; k < paras.size(); ++k) {
    if (AnyStructural(l, paras[k].begin, paras[k].end)) return false;
    std::string text = JoinLines(l, paras[k].begin, paras[k].end);
    refusal[k] = IsRemovableRefusal(text);
    bool bare_label = paras[k].end == paras[k].begin + 1 && NamesDeclared(text, ctx);  // "**prd.md**"
    if (!refusal[k] && !bare_label && !(IsRemarkSized(text) && IsOpenerRemark(text, Names(ctx)))) return false;
  }
  for (size_t k = 0; k < paras.size(); ++k)
    Note(ctx, refusal[k] ? CleaningKind::kRefusalRemoved : CleaningKind::kPreambleRemoved, l, paras[k].begin,
         paras[k].end, "",
         refusal[k] ? "removed a refusal before the document" : "removed a preamble before the document");
  if (label < l.size())
    Note(ctx, CleaningKind::kPreambleRemoved, l, label, label + 1, "",
         "removed the label '" + std::string(Trim(l[label].text)) + "' before the document");
  l.erase(l.begin(), l.begin() + static_cast<long>(start));
  // "Here it is:\n\n---\n\n# PRD": a rule left first would read as frontmatter.
  if (!l.empty() && IsRule(l[0].text) && FrontmatterBlockEnd(l, 0) < 0) {
    Note(ctx, CleaningKind::kRuleRemoved, l, 0, 1, "", "removed the rule after the preamble");
    l.erase(l.begin());
  }
  *lines = TrimBlankLines(l);
  return true;
}

bool UnwrapWholeFence(Lines* lines, const Context& ctx) {
  *lines = TrimBlankLines(*lines);
  if (UnwrapAt(lines, 0, ctx)) return true;
  // Frontmatter, then the body in a fence.
  int fm_end = FrontmatterBlockEnd(*lines, 0);
  if (fm_end < 0) return false;
  size_t body = static_cast<size_t>(fm_end) + 1;
  while (body < lines->size() && IsBlank((*lines)[body].text)) ++body;
  return body < lines->size() && UnwrapAt(lines, body, ctx);
}

bool RemoveLeadingFrontmatter(Lines* lines, const Context& ctx) {
  *lines = TrimBlankLines(*lines);
  int end = FrontmatterBlockEnd(*lines, 0);
  if (end < 0) return false;
  Note(ctx, CleaningKind::kFrontmatterRemoved, *lines, 0, static_cast<size_t>(end) + 1, "",
       "removed frontmatter from the fan-out item; the engine writes the artifact's");
  lines->erase(lines->begin(), lines->begin() + end + 1);
  *lines = TrimBlankLines(*lines);
  return true;
}

bool RemoveSecondFrontmatter(Lines* lines, const Context& ctx) {
  int first_end = FrontmatterBlockEnd(*lines, 0);
  if (first_end < 0) return false;
  size_t next = static_cast<size_t>(first_end) + 1;
  while (next < lines->size() && IsBlank((*lines)[next].text)) ++next;
  int second_end = FrontmatterBlockEnd(*lines, next);
  if (second_end < 0) return false;
  Note(ctx, CleaningKind::kFrontmatterRemoved, *lines, next, static_cast<size_t>(second_end) + 1, "",
       "removed a second frontmatter block; the first is kept");
  EraseWithBlank(lines, next, static_cast<size_t>(second_end) + 1);
  return true;
}

bool RemoveRefusals(Lines* lines, const Context& ctx) {
  const Lines& l = *lines;
  std::vector<bool> mask = FenceMask(l), drop(l.size(), false);
  bool removed = false;
  for (const Span& p : Paragraphs(l, 0, l.size())) {
    if (mask[p.begin] || AnyStructural(l, p.begin, p.end)) continue;
    if (!IsRemovableRefusal(JoinLines(l, p.begin, p.end))) continue;
    Note(ctx, CleaningKind::kRefusalRemoved, l, p.begin, p.end, RefusalWords(l, p.begin, p.end),
         "removed a refusal from the fan-out item");
    // With the blank line after it, so no doubled blank line is left.
    for (size_t i = p.begin; i < p.end || (i == p.end && i < l.size() && IsBlank(l[i].text)); ++i) drop[i] = true;
    removed = true;
  }
  if (!removed) return false;
  Lines kept;  // one pass: a reply of many refusals stays linear
  for (size_t i = 0; i < l.size(); ++i)
    if (!drop[i]) kept.push_back(l[i]);
  *lines = TrimBlankLines(kept);
  return true;
}

Lines CleanDocumentLines(Lines lines, const Context& ctx) {
  lines = TrimBlankLines(lines);
  StripClosing(&lines, ctx);
  StripPreamble(&lines, ctx);
  if (UnwrapWholeFence(&lines, ctx)) {
    StripClosing(&lines, ctx);
    StripPreamble(&lines, ctx);
  }
  if (ctx.item) {
    if (RemoveLeadingFrontmatter(&lines, ctx)) StripPreamble(&lines, ctx);
    RemoveRefusals(&lines, ctx);
  } else {
    RemoveSecondFrontmatter(&lines, ctx);
  }
  return TrimBlankLines(lines);
}

bool OnlyRemarks(const Lines& lines) {
  if (lines.empty() || AnyStructural(lines, 0, lines.size())) return false;
  for (const Span& p : Paragraphs(lines, 0, lines.size())) {
    std::string text = JoinLines(lines, p.begin, p.end);
    if (!IsRemarkSized(text, true)) return false;
    if (!IsOpenerRemark(text) && !IsClosingRemark(text) && !IsRefusal(text)) return false;
  }
  return true;
}

bool IsWholeRefusal(const Lines& lines) {
  if (FrontmatterBlockEnd(lines, 0) >= 0) return false;
  for (const auto& l : lines)
    if (AtxLevel(l.text) > 0 || FenceOpener(l.text) || ParseMarker(l.text)) return false;
  std::vector<Span> paras = Paragraphs(lines, 0, lines.size());
  return !paras.empty() && IsRemovableRefusal(JoinLines(lines, paras[0].begin, paras[0].end));
}

}  // namespace specwave::reply
