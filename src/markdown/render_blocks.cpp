#include "markdown/render_blocks.hpp"

#include <md4c.h>

#include <algorithm>
#include <climits>

#include "markdown/frontmatter.hpp"
#include "markdown/md_common.hpp"
#include "markdown/source_text.hpp"

namespace specwave::markdown {
namespace {

struct ListState {
  bool ordered = false;
  int next = 1;
};

// Turns md4c's nested callbacks into flat blocks. Text goes to `target_`
// (a block, or a cell of a table-row block); line numbers come from the
// text pointers, and blocks that never get text are placed afterwards.
class Flattener {
 public:
  explicit Flattener(const SourceText& src) : src_(src) {}

  std::vector<RenderBlock> Take() {
    ResolvePending(src_.line_count());
    return std::move(blocks_);
  }

  void AddFrontmatter(std::string_view yaml) {
    RenderBlock b;
    b.kind = BlockKind::kCode;
    b.language = "yaml";
    b.line = 1;
    b.text = std::string(yaml);
    if (!b.text.empty() && b.text.back() == '\n') b.text.pop_back();
    blocks_.push_back(std::move(b));
  }

  int Enter(MD_BLOCKTYPE type, void* detail) {
    if (type != MD_BLOCK_P) li_open_ = false;
    switch (type) {
      case MD_BLOCK_QUOTE:
        ++quote_depth_;
        break;
      case MD_BLOCK_UL:
        lists_.push_back({false, 1});
        break;
      case MD_BLOCK_OL:
        lists_.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)});
        break;
      case MD_BLOCK_LI: {
        auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        RenderBlock& b = Open(BlockKind::kListItem);
        if (!lists_.empty()) {
          b.ordered = lists_.back().ordered;
          if (b.ordered) b.number = lists_.back().next++;
        }
        b.task = li->is_task != 0;
        b.task_done = b.task && (li->task_mark == 'x' || li->task_mark == 'X');
        li_open_ = true;  // its first paragraph becomes the item's text
        break;
      }
      case MD_BLOCK_P:
        if (li_open_) {
          li_open_ = false;
          target_ = static_cast<int>(blocks_.size()) - 1;
        } else {
          Open(quote_depth_ > 0 ? BlockKind::kQuote : BlockKind::kParagraph);
        }
        break;
      case MD_BLOCK_H:
        Open(BlockKind::kHeading).level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE: {
        auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        RenderBlock& b = Open(BlockKind::kCode);
        b.language.assign(code->lang.text ? code->lang.text : "", code->lang.size);
        fenced_ = code->fence_char != 0;
        if (code->info.size > 0 && src_.Contains(code->info.text))
          Place(static_cast<int>(blocks_.size()) - 1, src_.LineOf(code->info.text));
        break;
      }
      case MD_BLOCK_HTML:
        Open(BlockKind::kCode).language = "html";
        fenced_ = false;
        break;
      case MD_BLOCK_HR:
        Open(BlockKind::kRule);
        target_ = -1;
        break;
      case MD_BLOCK_THEAD:
        in_head_ = true;
        break;
      case MD_BLOCK_TR:
        Open(BlockKind::kTableRow).header_row = in_head_;
        target_ = -1;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (!blocks_.empty() && blocks_.back().kind == BlockKind::kTableRow) {
          blocks_.back().cells.emplace_back();
          target_ = static_cast<int>(blocks_.size()) - 1;
        }
        break;
      default:
        break;
    }
    return 0;
  }

  int Leave(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE:
        --quote_depth_;
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (!lists_.empty()) lists_.pop_back();
        break;
      case MD_BLOCK_LI:
        li_open_ = false;
        target_ = -1;
        break;
      case MD_BLOCK_THEAD:
        in_head_ = false;
        break;
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        if (target_ >= 0 && !Target().text.empty() && Target().text.back() == '\n') Target().text.pop_back();
        target_ = -1;
        break;
      case MD_BLOCK_H:
        // A setext underline is no rule: blocks placed later must look past it.
        if (target_ >= 0 && Target().line != 0 && !IsAtxLine(src_.Line(Target().line)) &&
            IsUnderline(src_.Line(last_line_ + 1)))
          ++last_line_;
        target_ = -1;
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        target_ = -1;
        break;
      default:
        break;
    }
    return 0;
  }

  int Span(MD_SPANTYPE type, bool enter) {
    const int step = enter ? 1 : -1;
    switch (type) {
      case MD_SPAN_STRONG:
        bold_ += step;
        break;
      case MD_SPAN_EM:
        italic_ += step;
        break;
      case MD_SPAN_CODE:
        code_ += step;
        break;
      case MD_SPAN_A:
        link_ += step;
        break;
      case MD_SPAN_DEL:
        strike_ += step;
        break;
      default:
        break;
    }
    return 0;
  }

  int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    const bool in_source = size > 0 && src_.Contains(text);
    if (target_ < 0) {
      if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR || !in_source) return 0;
      // Text after a nested block in a tight list item: a paragraph of its own.
      Open(quote_depth_ > 0 ? BlockKind::kQuote : BlockKind::kParagraph);
    }
    if (in_source) {
      const int line = src_.LineOf(text);
      const RenderBlock& t = Target();
      // The fence is the line before a fenced code block's first line.
      if (t.line == 0) Place(target_, t.kind == BlockKind::kCode && fenced_ ? line - 1 : line);
      last_line_ = std::max(last_line_, src_.LineOf(text + size - 1));
    }
    RenderBlock& t = Target();
    const bool verbatim = t.kind == BlockKind::kCode;
    switch (type) {
      case MD_TEXT_NULLCHAR:
        Append(t, "\xEF\xBF\xBD");
        break;
      case MD_TEXT_BR:
        Append(t, verbatim ? std::string_view(text, size) : "\n");
        break;
      case MD_TEXT_SOFTBR:
        Append(t, verbatim ? std::string_view(text, size) : " ");
        break;
      case MD_TEXT_ENTITY: {
        std::string decoded;
        detail::AppendEntity(&decoded, std::string_view(text, size));
        Append(t, decoded);
        break;
      }
      case MD_TEXT_HTML:
        if (verbatim) Append(t, std::string_view(text, size));  // inline tags are dropped
        break;
      default:
        Append(t, std::string_view(text, size));
        break;
    }
    return 0;
  }

 private:
  RenderBlock& Open(BlockKind kind) {
    RenderBlock b;
    b.kind = kind;
    b.list_depth = static_cast<int>(lists_.size());
    b.quote_depth = quote_depth_;
    blocks_.push_back(std::move(b));
    target_ = static_cast<int>(blocks_.size()) - 1;
    pending_.push_back(target_);
    pending_from_.push_back(last_line_ + 1);
    return blocks_.back();
  }

  RenderBlock& Target() { return blocks_[static_cast<size_t>(target_)]; }

  // Gives block `index` its line; blocks still without one before it get
  // theirs from the lines between the previous text and this one.
  void Place(int index, int line) {
    RenderBlock& b = blocks_[static_cast<size_t>(index)];
    if (b.line != 0) return;
    // Never before a block already placed: the UI relies on source order.
    b.line = std::max({line, 1, placed_max_});
    // Up to this line inclusive: a list item or quote starts on its first child's line.
    ResolvePending(b.line, index);
    placed_max_ = b.line;
  }

  void ResolvePending(int hi, int stop = INT_MAX) {
    size_t kept = 0;
    int floor = placed_max_;  // nested blocks may share a line; lines never go back
    for (size_t k = 0; k < pending_.size(); ++k) {
      RenderBlock& b = blocks_[static_cast<size_t>(pending_[k])];
      if (b.line != 0) continue;  // placed by its own text
      if (pending_[k] >= stop) {
        pending_[kept] = pending_[k];
        pending_from_[kept++] = pending_from_[k];
        continue;
      }
      // Between the text before it and `hi`, never before a block placed earlier.
      const int top = std::max(hi, placed_max_);
      const int lo = std::min(std::max({pending_from_[k], floor, 1}), top);
      int found = 0;
      for (int l = lo; l <= hi && !found; ++l)
        if (Plausible(b.kind, src_.Line(l))) found = l;
      b.line = std::min(found ? found : lo, top);
      floor = b.kind == BlockKind::kListItem ? b.line : b.line + 1;  // only an item shares its line with its content
    }
    pending_.resize(kept);
    pending_from_.resize(kept);
  }

  // Could a block of this kind without text start on this line?
  static bool Plausible(BlockKind kind, std::string_view l) {
    if (kind == BlockKind::kRule) return IsRuleLine(l);
    size_t i = l.find_first_not_of(" \t>");
    if (i == std::string_view::npos) return false;
    return kind != BlockKind::kHeading || l[i] == '#';
  }

  // The line's text after quote and list markers starts an ATX heading.
  static bool IsAtxLine(std::string_view l) {
    size_t i = 0;
    for (;;) {
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '>')) ++i;
      size_t j = i;
      while (j < l.size() && j - i < 9 && l[j] >= '0' && l[j] <= '9') ++j;
      if (j < l.size() &&
          ((j > i && (l[j] == '.' || l[j] == ')')) || (j == i && (l[j] == '-' || l[j] == '*' || l[j] == '+'))) &&
          (j + 1 == l.size() || l[j + 1] == ' ' || l[j + 1] == '\t')) {
        i = j + 1;
        continue;
      }
      return i < l.size() && l[i] == '#';
    }
  }

  // `===` or `---` without inner spaces, possibly inside a quote.
  static bool IsUnderline(std::string_view l) {
    size_t i = l.find_first_not_of(" \t>");
    if (i == std::string_view::npos || (l[i] != '=' && l[i] != '-')) return false;
    size_t e = l.find_last_not_of(" \t");
    return l.substr(i, e - i + 1).find_first_not_of(l[i]) == std::string_view::npos;
  }

  // `---`, `***`, `___` (spaces allowed), possibly inside a quote or list item.
  static bool IsRuleLine(std::string_view l) {
    size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '>')) ++i;
    char c = 0;
    int n = 0;
    for (; i < l.size(); ++i) {
      if (l[i] == ' ' || l[i] == '\t') continue;
      if (l[i] != '-' && l[i] != '*' && l[i] != '_') return false;
      if (c && l[i] != c) return false;
      c = l[i];
      ++n;
    }
    return n >= 3;
  }

  void Append(RenderBlock& b, std::string_view s) {
    if (s.empty()) return;
    const bool cell = b.kind == BlockKind::kTableRow && !b.cells.empty();
    std::string& text = cell ? b.cells.back().text : b.text;
    std::vector<InlineSpan>& spans = cell ? b.cells.back().spans : b.spans;
    const int begin = static_cast<int>(text.size());
    text.append(s);
    if (b.kind == BlockKind::kCode) return;
    InlineSpan span{begin, static_cast<int>(text.size()), bold_ > 0, italic_ > 0, code_ > 0, link_ > 0, strike_ > 0};
    if (!span.bold && !span.italic && !span.code && !span.link && !span.strike) return;
    if (!spans.empty()) {
      InlineSpan& last = spans.back();
      if (last.end == begin && last.bold == span.bold && last.italic == span.italic && last.code == span.code &&
          last.link == span.link && last.strike == span.strike) {
        last.end = span.end;
        return;
      }
    }
    spans.push_back(span);
  }

  const SourceText& src_;
  std::vector<RenderBlock> blocks_;
  std::vector<int> pending_, pending_from_;  // blocks without a line yet, and where to look for it
  std::vector<ListState> lists_;
  int target_ = -1;
  int quote_depth_ = 0;
  int last_line_ = 0;   // last source line any text came from
  int placed_max_ = 1;  // line of the last block placed
  bool li_open_ = false;
  bool in_head_ = false;
  bool fenced_ = false;
  int bold_ = 0, italic_ = 0, code_ = 0, link_ = 0, strike_ = 0;
};

int EnterBlock(MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Flattener*>(u)->Enter(t, d); }
int LeaveBlock(MD_BLOCKTYPE t, void*, void* u) { return static_cast<Flattener*>(u)->Leave(t); }
int EnterSpan(MD_SPANTYPE t, void*, void* u) { return static_cast<Flattener*>(u)->Span(t, true); }
int LeaveSpan(MD_SPANTYPE t, void*, void* u) { return static_cast<Flattener*>(u)->Span(t, false); }
int Text(MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<Flattener*>(u)->Text(t, s, n); }

}  // namespace

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kCode:
      return "code";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kTableRow:
      return "table_row";
    case BlockKind::kRule:
      return "rule";
  }
  return "?";
}

std::vector<RenderBlock> RenderBlocks(std::string_view markdown) {
  SourceText src(markdown);
  Flattener flat(src);
  std::string_view body = src.text();
  FrontmatterSplit fm = SplitFrontmatter(body);
  if (fm.present && fm.closed) {
    flat.AddFrontmatter(fm.yaml);
    body = fm.body;
  }
  if (!body.empty() && body.size() <= UINT_MAX) {
    MD_PARSER parser{};
    parser.flags = detail::RenderParserFlags();
    parser.enter_block = EnterBlock;
    parser.leave_block = LeaveBlock;
    parser.enter_span = EnterSpan;
    parser.leave_span = LeaveSpan;
    parser.text = Text;
    md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &flat);  // on failure: what was built so far
  }
  return flat.Take();
}

}  // namespace specwave::markdown
