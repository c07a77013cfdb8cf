// A fan-out item's reply: the same cleaning as a document, plus what items
// bring — a nested marker for the artifact, frontmatter of their own, refusal
// paragraphs, and the heading the item must start with (reply_cleaner.hpp).
#include <cctype>

#include "core/text.hpp"
#include "engine/reply_patterns.hpp"
#include "engine/reply_steps.hpp"

namespace specwave::reply {
namespace {

struct ItemHeading {
  int level = 2;
  std::string text;  // "E2: Route sketch"
  std::string line;  // "## E2: Route sketch"
};

ItemHeading ParseItemHeading(std::string_view heading) {
  int level = AtxLevel(heading);
  if (level == 0) return {2, std::string(Trim(heading)), "## " + std::string(Trim(heading))};
  return {level, HeadingText(heading), std::string(Trim(heading))};
}

// The identifier a heading starts with, in one spelling: "E2: Route sketch",
// "Epic 2 — Routes" and "**E2**" give "e2"; "T1.2" gives "t1.2"; a heading
// without one ("Route sketch") gives "".
std::string ItemId(std::string_view text) {
  std::string key = ToLower(Trim(text));
  size_t i = 0;
  while (i < key.size() && (key[i] == '*' || key[i] == '`' || key[i] == '_')) ++i;
  std::string letters;
  while (i < key.size() && std::isalpha(static_cast<unsigned char>(key[i]))) letters += key[i++];
  if (letters.empty() || letters.size() > 8) return "";
  if (i < key.size() && (key[i] == ' ' || key[i] == '-')) ++i;
  std::string digits;
  while (i < key.size() &&
         (std::isdigit(static_cast<unsigned char>(key[i])) || (key[i] == '.' && !digits.empty() && i + 1 < key.size() &&
                                                               std::isdigit(static_cast<unsigned char>(key[i + 1])))))
    digits += key[i++];
  if (digits.empty() || (i < key.size() && std::isalnum(static_cast<unsigned char>(key[i])))) return "";
  if (letters == "epic") letters = "e";
  if (letters == "task") letters = "t";
  if (letters == "feature") letters = "f";
  return letters + digits;
}

std::string Family(const std::string& id) {
  size_t k = 0;
  while (k < id.size() && std::isalpha(static_cast<unsigned char>(id[k]))) ++k;
  return id.substr(0, k);
}

std::string TextKey(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool SameItem(std::string_view a, std::string_view b) {
  std::string ia = ItemId(a), ib = ItemId(b);
  if (!ia.empty() && !ib.empty()) return ia == ib;
  return TextKey(a) == TextKey(b);
}

bool NamesArtifact(const Marker& m, const std::string& artifact) {
  return !LeavesFolder(m.name) && IEquals(BaseName(m.name), BaseName(artifact));
}

// The item's text without markers: the artifact's own marker is removed and
// the text kept; another file's marker and its text are ignored.
std::vector<Lines> ItemSegments(const Lines& all, const std::string& artifact, const Context& ctx) {
  std::vector<Lines> segments(1);
  std::vector<bool> mask = ReplyFenceMask(all);
  std::vector<size_t> marker_at;
  for (size_t i = 0; i < all.size(); ++i) {
    auto m = mask[i] ? std::nullopt : ParseMarker(all[i].text);
    if (m && (NamesArtifact(*m, artifact) || m->file_keyword || LooksLikeFileName(m->name))) marker_at.push_back(i);
  }
  bool skipping = false;
  size_t next_marker = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (next_marker < marker_at.size() && marker_at[next_marker] == i) {
      ++next_marker;
      Marker m = *ParseMarker(all[i].text);
      size_t end = next_marker < marker_at.size() ? marker_at[next_marker] : all.size();
      skipping = !NamesArtifact(m, artifact);
      if (skipping)
        Note(ctx, CleaningKind::kUndeclaredFileIgnored, all, i, end, m.name,
             "ignored undeclared file '" + m.name + "' in the fan-out item" +
                 (LeavesFolder(m.name) ? ": the name points outside the project folder" : ""));
      else
        Note(ctx, CleaningKind::kNestedMarkerRemoved, all, i, i + 1, m.name,
             "removed a nested '" + std::string(Trim(all[i].text)) + "' marker from the fan-out item");
      segments.emplace_back();
      continue;
    }
    if (!skipping) segments.back().push_back(all[i]);
  }
  return segments;
}

// Puts the item's heading first; false (with an error) when the reply is another item's.
bool ApplyHeading(Lines* lines, const ItemHeading& want, const Context& ctx, CleanedReply* out) {
  Lines& l = *lines;
  int level = AtxLevel(l[0].text);
  // A title above the item ("# Tasks") is the artifact's, which the engine writes.
  if (level > 0 && level < want.level && l.size() > 1 && !SameItem(HeadingText(l[0].text), want.text)) {
    Note(ctx, CleaningKind::kTitleRemoved, l, 0, 1, HeadingText(l[0].text),
         "removed the title '" + std::string(Trim(l[0].text)) +
             "' from the fan-out item; the engine writes the artifact's");
    l.erase(l.begin());
    l = TrimBlankLines(l);
    level = l.empty() ? 0 : AtxLevel(l[0].text);
  }
  // The item's own heading further down: what comes before it is not the item.
  if (level == 0 || !SameItem(HeadingText(l[0].text), want.text)) {
    std::vector<bool> mask = FenceMask(l);
    for (size_t j = 1; j < l.size(); ++j) {
      int lj = AtxLevel(l[j].text);
      if (mask[j] || lj == 0 || lj > want.level + 1 || !SameItem(HeadingText(l[j].text), want.text)) continue;
      size_t end = j;
      while (end > 1 && IsBlank(l[end - 1].text)) --end;
      Note(ctx, CleaningKind::kTextBeforeHeadingIgnored, l, 0, end, "",
           "ignored text before the item's heading '" + std::string(Trim(l[j].text)) + "'");
      l.erase(l.begin(), l.begin() + static_cast<long>(j));
      level = lj;
      break;
    }
  }
  if (level > 0) {
    std::string got = HeadingText(l[0].text), got_id = ItemId(got), want_id = ItemId(want.text);
    bool same = SameItem(got, want.text);
    if (!same && !got_id.empty() && !want_id.empty() && level <= want.level) {
      out->errors.push_back({ReplyErrorKind::kWrongItem, ctx.file, l[0].raw,
                             "the reply for item '" + want.text + "' starts with another item's heading '" +
                                 std::string(Trim(l[0].text)) + "' (reply line " + std::to_string(l[0].raw) + ")",
                             std::string(Trim(l[0].text))});
      return false;
    }
    if (same || (level == want.level && (got_id.empty() || want_id.empty()))) {
      if (Trim(l[0].text) != want.line) {
        Note(ctx, CleaningKind::kHeadingReplaced, l, 0, 1, got,
             "replaced the item's heading '" + std::string(Trim(l[0].text)) + "' with '" + want.line + "'");
        l[0].text = want.line;
      }
      return true;
    }
  }
  Cleaning c;
  c.kind = CleaningKind::kHeadingAdded;
  c.file = ctx.file;
  c.first_line = l.empty() ? 0 : l[0].raw;
  c.detail = want.line;
  c.message = "put the item's heading '" + want.line + "' first; the reply did not start with it";
  ctx.cleanings->push_back(c);
  l.insert(l.begin(), {Line{want.line, 0}, Line{"", 0}});
  return true;
}

// Item-level headings of the same kind as the item's ("## E3" in E2's reply):
// in a fence they stay code (never an item); outside one they are kept, reported.
void NoteOtherItems(const Lines& l, const ItemHeading& want, const Context& ctx) {
  std::string want_id = ItemId(want.text), family = Family(want_id);
  if (family.empty()) return;
  std::vector<bool> mask = FenceMask(l);
  for (size_t i = 1; i < l.size(); ++i) {
    if (AtxLevel(l[i].text) != want.level) continue;
    std::string id = ItemId(HeadingText(l[i].text));
    if (id.empty() || Family(id) != family || (id == want_id && !mask[i])) continue;
    if (mask[i])
      Note(ctx, CleaningKind::kFencedItemHeading, l, i, i + 1, HeadingText(l[i].text),
           "kept '" + std::string(Trim(l[i].text)) + "' as code: a heading inside a code fence is not an item");
    else
      Note(ctx, CleaningKind::kForeignItemHeading, l, i, i + 1, HeadingText(l[i].text),
           "the reply for '" + want.text + "' also has the heading '" + std::string(Trim(l[i].text)) + "'");
  }
}

}  // namespace

void CleanItem(const Lines& all, const ReplyShape& shape, CleanedReply* out) {
  const std::string artifact = shape.produces.empty() ? std::string() : shape.produces[0];
  Context ctx{artifact, &out->cleanings, &shape.produces, true};
  const ItemHeading want = ParseItemHeading(shape.item_heading);  // outlives `joined`, which points into it
  const std::string what = shape.item_heading.empty() ? "the fan-out item" : "item '" + want.text + "'";
  size_t refusals_before = out->cleanings.size();
  Lines joined;
  for (const Lines& segment : ItemSegments(all, artifact, ctx)) {
    Lines cleaned = CleanDocumentLines(segment, ctx);
    if (cleaned.empty()) continue;
    if (!joined.empty()) joined.push_back({"", 0});
    joined.insert(joined.end(), cleaned.begin(), cleaned.end());
  }
  if (joined.empty()) {
    std::string words;
    for (size_t k = refusals_before; k < out->cleanings.size(); ++k)
      if (out->cleanings[k].kind == CleaningKind::kRefusalRemoved)
        words += (words.empty() ? "" : " ") +
                 (out->cleanings[k].detail.empty() ? out->cleanings[k].excerpt : out->cleanings[k].detail);
    if (!words.empty())
      out->errors.push_back(
          {ReplyErrorKind::kRefusal, artifact, 0, "the model refused " + what + ": \"" + words + "\"", words});
    else
      out->errors.push_back({ReplyErrorKind::kEmptyDocument, artifact, 0, "the reply for " + what + " is empty", ""});
    return;
  }
  if (OnlyRemarks(joined)) {
    std::string text = ShortExcerpt(JoinLines(joined), 200);
    out->errors.push_back({ReplyErrorKind::kOnlyRemarks, artifact, joined.front().raw,
                           "the reply for " + what + " holds no content, only a remark: \"" + text + "\"", text});
    return;
  }
  if (!shape.item_heading.empty()) {
    if (!ApplyHeading(&joined, want, ctx, out)) return;
    NoteOtherItems(joined, want, ctx);
  }
  int first = 0;
  for (const auto& l : joined)
    if (l.raw > 0) {
      first = l.raw;
      break;
    }
  out->documents.push_back({artifact, JoinLines(joined), first});
}

}  // namespace specwave::reply
