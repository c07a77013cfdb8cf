// CleanReply: line ends, whole-reply refusals, file markers and the split
// into declared documents. The per-document steps are in reply_document.cpp,
// fan-out items in reply_item.cpp; the rules are in reply_cleaner.hpp.
#include "engine/reply_cleaner.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "engine/reply_patterns.hpp"
#include "engine/reply_steps.hpp"
#include "markdown/source_text.hpp"

namespace specwave {
namespace {

using reply::Context;
using reply::Lines;

struct MarkerAt {
  size_t index = 0;
  std::string written;
  int declared = -1;  // index into produces, -1 = undeclared
};

int DeclaredIndex(std::string_view name, const std::vector<std::string>& produces) {
  if (reply::LeavesFolder(name)) return -1;
  std::string_view base = reply::BaseName(name);
  for (size_t k = 0; k < produces.size(); ++k)
    if (IEquals(base, reply::BaseName(produces[k]))) return static_cast<int>(k);
  return -1;
}

// The marker lines outside fences; `declared_in_fence` is set when a marker
// naming a declared file sits inside one.
std::vector<MarkerAt> FindMarkers(const Lines& lines, const std::vector<std::string>& produces,
                                  bool* declared_in_fence) {
  std::vector<MarkerAt> out;
  std::vector<bool> mask = reply::ReplyFenceMask(lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    auto m = reply::ParseMarker(lines[i].text);
    if (!m) continue;
    int d = DeclaredIndex(m->name, produces);
    if (mask[i]) {
      *declared_in_fence |= d >= 0;
      continue;
    }
    if (d < 0 && !m->file_keyword && !reply::LooksLikeFileName(m->name)) continue;  // "=== Runtime ===": content
    out.push_back({i, m->name, d});
  }
  return out;
}

Lines ToLines(std::string_view raw, std::vector<Cleaning>* cleanings) {
  if (StartsWith(raw, "\xEF\xBB\xBF")) {
    raw.remove_prefix(3);
    cleanings->push_back(
        {CleaningKind::kByteOrderMarkRemoved, "", 1, 1, "", "", "removed a byte-order mark before the first line"});
  }
  Lines lines;
  int n = 0;
  for (auto view : markdown::SplitSourceLines(raw)) lines.push_back({view, ++n});
  if (size_t crs = static_cast<size_t>(std::count(raw.begin(), raw.end(), '\r')); crs > 0)
    cleanings->push_back({CleaningKind::kLineEndsNormalised, "", 1, n, std::to_string(crs), "",
                          "turned " + std::to_string(crs) + " CR line end" + (crs == 1 ? "" : "s") + " into LF"});
  return lines;
}

// Reasoning models served through OpenAI-compatible APIs (DeepSeek R1, QwQ
// on Ollama) put their chain of thought first, in <think>...</think>.
void StripReasoning(Lines* lines, std::vector<Cleaning>* cleanings) {
  Lines& l = *lines;
  size_t i = 0;
  while (i < l.size() && reply::IsBlank(l[i].text)) ++i;
  if (i == l.size()) return;
  std::string first = ToLower(Trim(l[i].text));
  for (std::string tag : {"think", "thinking", "reasoning"}) {
    if (!StartsWith(first, "<" + tag + ">")) continue;
    const std::string close = "</" + tag + ">";
    for (size_t j = i; j < l.size(); ++j) {
      size_t at = ToLower(l[j].text).find(close);  // ASCII lowering keeps byte offsets
      if (at == std::string::npos) continue;
      Context ctx{"", cleanings, nullptr, false};
      reply::Note(ctx, CleaningKind::kReasoningRemoved, l, i, j + 1, tag,
                  "removed the model's <" + tag + "> block before its reply");
      std::string_view rest = Trim(l[j].text.substr(at + close.size()));
      if (!rest.empty()) l[j].text = rest;
      l.erase(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(rest.empty() ? j + 1 : j));
      return;
    }
    return;  // never closed: not a reasoning block we can tell from the reply
  }
}

// No `=== FILE ===` marker for any declared file: headings (or bold or code
// lines) that only name a declared file ("### `api-spec.md`") stand in.
std::vector<MarkerAt> FindLabelMarkers(const Lines& lines, const std::vector<std::string>& produces,
                                       std::vector<Cleaning>* cleanings) {
  std::vector<MarkerAt> out;
  std::vector<bool> mask = reply::ReplyFenceMask(lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = Trim(lines[i].text), bare = reply::StripEnumerator(t);
    if (mask[i] || t.empty() || (reply::AtxLevel(t) == 0 && bare[0] != '*' && bare[0] != '`')) continue;
    std::string name = reply::LabelName(t);
    int d = name.empty() ? -1 : DeclaredIndex(name, produces);
    if (d < 0) continue;
    out.push_back({i, name, d});
    Context ctx{produces[d], cleanings, nullptr, false};
    reply::Note(ctx, CleaningKind::kLabelAsMarker, lines, i, i + 1, name,
                "used '" + std::string(t) + "' as the file marker for " + produces[d] +
                    " (the reply has no '=== FILE: name ===' markers)");
  }
  return out;
}

void AddError(CleanedReply* out, ReplyErrorKind kind, std::string file, int line, std::string message,
              std::string excerpt = "") {
  out->errors.push_back({kind, std::move(file), line, std::move(message), std::move(excerpt)});
}

// A whole reply in one fence around its file markers: unwrapped when it is
// exactly that (remarks around the fence allowed), else left alone.
bool UnwrapWholeReply(Lines* lines, const std::vector<std::string>& produces, std::vector<Cleaning>* cleanings) {
  std::vector<Cleaning> scratch;
  Context ctx{"", &scratch, &produces, false};
  Lines work = *lines;
  reply::StripClosing(&work, ctx);
  reply::StripPreamble(&work, ctx);
  if (!reply::UnwrapWholeFence(&work, ctx)) return false;
  *lines = work;
  cleanings->insert(cleanings->end(), scratch.begin(), scratch.end());
  return true;
}

// Text before the first marker: remarks are removed, anything else ignored, both recorded.
void NoteTextBeforeMarkers(const Lines& lines, size_t end, const std::vector<std::string>& produces,
                           std::vector<Cleaning>* cleanings) {
  Context ctx{"", cleanings, nullptr, false};
  for (const auto& p : reply::Paragraphs(lines, 0, end)) {
    std::string text = reply::JoinLines(lines, p.begin, p.end);
    bool structural = false;
    for (size_t i = p.begin; i < p.end; ++i) structural |= reply::IsStructuralLine(lines[i].text);
    bool refusal = !structural && reply::IsRemarkSized(text, true) && reply::IsRefusal(text);
    bool remark = !structural && reply::IsRemarkSized(text) &&
                  (reply::IsOpenerRemark(text, produces) || reply::IsClosingRemark(text));
    if (p.end == p.begin + 1 && reply::IsRule(lines[p.begin].text))
      reply::Note(ctx, CleaningKind::kRuleRemoved, lines, p.begin, p.end, "", "removed a rule before the files");
    else if (refusal)
      reply::Note(ctx, CleaningKind::kRefusalRemoved, lines, p.begin, p.end, "", "removed a refusal before the files");
    else if (remark)
      reply::Note(ctx, CleaningKind::kPreambleRemoved, lines, p.begin, p.end, "",
                  "removed a preamble before the files");
    else
      reply::Note(ctx, CleaningKind::kTextOutsideFilesIgnored, lines, p.begin, p.end, "",
                  "ignored text before the first '=== FILE: name ===' marker");
  }
}

void NoteUndeclared(const MarkerAt& m, const Lines& lines, size_t end, const std::vector<std::string>& produces,
                    std::vector<Cleaning>* cleanings) {
  Context ctx{"", cleanings, nullptr, false};
  std::string why = reply::LeavesFolder(m.written) ? ": the name points outside the project folder"
                                                   : ": the phase produces " + Join(produces, ", ");
  reply::Note(ctx, CleaningKind::kUndeclaredFileIgnored, lines, m.index, end, m.written,
              "ignored undeclared file '" + m.written + "'" + why);
}

// One declared file's lines, cleaned, checked and added to `out`.
void AddDocument(const std::string& name, const Lines& segment, const std::vector<std::string>& produces,
                 CleanedReply* out) {
  Context ctx{name, &out->cleanings, &produces, false};
  int first = segment.empty() ? 0 : segment.front().raw;
  Lines doc = reply::CleanDocumentLines(segment, ctx);
  if (doc.empty())
    return AddError(out, ReplyErrorKind::kEmptyDocument, name, first, "'" + name + "' is empty in the reply");
  if (reply::IsWholeRefusal(doc))
    return AddError(out, ReplyErrorKind::kRefusal, name, doc.front().raw,
                    "the model refused to write '" + name + "': \"" + reply::RefusalWords(doc, 0, doc.size()) + "\"",
                    reply::RefusalWords(doc, 0, doc.size()));
  if (reply::OnlyRemarks(doc))
    return AddError(
        out, ReplyErrorKind::kOnlyRemarks, name, doc.front().raw,
        "'" + name + "' holds no document, only a remark: \"" + ShortExcerpt(reply::JoinLines(doc), 200) + "\"",
        ShortExcerpt(reply::JoinLines(doc), 200));
  out->documents.push_back({name, reply::JoinLines(doc), doc.front().raw});
}

void SplitDocuments(const Lines& all, const std::vector<MarkerAt>& markers, const std::vector<std::string>& produces,
                    CleanedReply* out) {
  bool any_declared = std::any_of(markers.begin(), markers.end(), [](const MarkerAt& m) { return m.declared >= 0; });
  size_t first_marker = markers.empty() ? all.size() : markers.front().index;
  std::vector<const MarkerAt*> chosen(produces.size(), nullptr);
  std::vector<Lines> segments(produces.size());
  // One declared file and no marker for it: the text before any marker is the document.
  const bool whole = !any_declared && produces.size() == 1;
  if (whole)
    segments[0] = reply::Slice(all, 0, first_marker);
  else
    NoteTextBeforeMarkers(all, first_marker, produces, &out->cleanings);
  for (size_t k = 0; k < markers.size(); ++k) {
    const MarkerAt& m = markers[k];
    size_t end = k + 1 < markers.size() ? markers[k + 1].index : all.size();
    if (m.declared < 0) {
      NoteUndeclared(m, all, end, produces, &out->cleanings);
      continue;
    }
    if (const MarkerAt* prev = chosen[m.declared]) {
      Context ctx{produces[m.declared], &out->cleanings, nullptr, false};
      reply::Note(ctx, CleaningKind::kDuplicateFile, all, prev->index, prev->index + 1, m.written,
                  "'" + produces[m.declared] + "' is given twice; the later one (reply line " +
                      std::to_string(all[m.index].raw) + ") is kept");
    }
    chosen[m.declared] = &m;
    segments[m.declared] = reply::Slice(all, m.index + 1, end);
  }
  for (size_t k = 0; k < produces.size(); ++k) {
    if (!chosen[k] && !whole) {
      AddError(out, ReplyErrorKind::kMissingFile, produces[k], 0,
               "missing '" + produces[k] + "': the reply has no '=== FILE: " + produces[k] + " ===' marker");
      continue;
    }
    AddDocument(produces[k], segments[k], produces, out);
  }
}

}  // namespace

ReplyShape ReplyShape::Single(std::string name) { return {ReplyKind::kSingle, {std::move(name)}, ""}; }
ReplyShape ReplyShape::Multi(std::vector<std::string> names) { return {ReplyKind::kMulti, std::move(names), ""}; }
ReplyShape ReplyShape::ForPhase(std::vector<std::string> names) {
  ReplyKind kind = names.size() == 1 ? ReplyKind::kSingle : ReplyKind::kMulti;
  return {kind, std::move(names), ""};
}
ReplyShape ReplyShape::FanOutItem(std::string artifact, std::string heading) {
  return {ReplyKind::kFanOutItem, {std::move(artifact)}, std::move(heading)};
}

const CleanedDocument* CleanedReply::Find(std::string_view name) const {
  for (const auto& d : documents)
    if (d.name == name) return &d;
  return nullptr;
}

CleanedReply CleanReply(std::string_view raw, const ReplyShape& shape) {
  CleanedReply out;
  Lines all = ToLines(raw, &out.cleanings);
  StripReasoning(&all, &out.cleanings);
  Lines content = reply::TrimBlankLines(all);
  if (content.empty()) {
    AddError(&out, ReplyErrorKind::kEmptyReply, "", 0, "the reply is empty");
    return out;
  }
  if (reply::IsWholeRefusal(content)) {
    std::string words = reply::RefusalWords(content, 0, content.size());
    std::string what = shape.kind == ReplyKind::kFanOutItem && !shape.item_heading.empty()
                           ? " item '" + reply::HeadingText(shape.item_heading) + "'"
                           : "";
    AddError(&out, ReplyErrorKind::kRefusal, "", content.front().raw,
             "the model refused" + what + ": \"" + words + "\"", words);
    return out;
  }
  if (shape.kind == ReplyKind::kFanOutItem) {
    reply::CleanItem(all, shape, &out);
    return out;
  }
  bool declared_in_fence = false;
  std::vector<MarkerAt> markers = FindMarkers(all, shape.produces, &declared_in_fence);
  auto has_declared = [&] {
    return std::any_of(markers.begin(), markers.end(), [](const MarkerAt& m) { return m.declared >= 0; });
  };
  if (!has_declared() && declared_in_fence && UnwrapWholeReply(&all, shape.produces, &out.cleanings)) {
    declared_in_fence = false;
    markers = FindMarkers(all, shape.produces, &declared_in_fence);
  }
  if (!has_declared() && shape.produces.size() > 1) {
    std::vector<MarkerAt> labels = FindLabelMarkers(all, shape.produces, &out.cleanings);
    markers.insert(markers.end(), labels.begin(), labels.end());
    std::sort(markers.begin(), markers.end(), [](const MarkerAt& a, const MarkerAt& b) { return a.index < b.index; });
  }
  if (!has_declared() && shape.produces.size() > 1) {
    for (size_t k = 0; k < markers.size(); ++k)
      NoteUndeclared(markers[k], all, k + 1 < markers.size() ? markers[k + 1].index : all.size(), shape.produces,
                     &out.cleanings);
    AddError(&out, ReplyErrorKind::kNoMarkers, "", 0,
             "the reply has no '=== FILE: name ===' markers but the phase produces " +
                 std::to_string(shape.produces.size()) + " files (" + Join(shape.produces, ", ") + ")" +
                 (declared_in_fence ? "; its markers are inside code fences, where a marker is content" : ""));
    return out;
  }
  SplitDocuments(all, markers, shape.produces, &out);
  return out;
}

Diagnostic ToDiagnostic(const ReplyError& e, const std::string& subject) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.file = e.file;
  d.line = 0;  // e.line counts lines of the reply, not of the file; the message says where
  d.subject = subject;
  d.message = e.message;
  d.excerpt = e.kind == ReplyErrorKind::kRefusal ? "" : e.excerpt;  // the message already quotes a refusal
  return d;
}

std::string_view ReplyErrorKindName(ReplyErrorKind kind) {
  switch (kind) {
    case ReplyErrorKind::kEmptyReply: return "empty-reply";
    case ReplyErrorKind::kRefusal: return "refusal";
    case ReplyErrorKind::kNoMarkers: return "no-markers";
    case ReplyErrorKind::kMissingFile: return "missing-file";
    case ReplyErrorKind::kEmptyDocument: return "empty-document";
    case ReplyErrorKind::kOnlyRemarks: return "only-remarks";
    case ReplyErrorKind::kWrongItem: return "wrong-item";
  }
  return "error";
}

}  // namespace specwave
