#include "engine/section_patch.hpp"

#include "core/text.hpp"
#include "markdown/outline.hpp"
#include "markdown/section_diff.hpp"

namespace specwave {
namespace {

using markdown::Outline;
using markdown::Section;

constexpr std::string_view kPatch = "=== PATCH:";
constexpr std::string_view kEnd = "=== END PATCH ===";

std::vector<std::string> SplitKeep(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  return out;  // text == Join(out, "\n")
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  return out;
}

// "=== REPLACE: A > B ===" -> op and path.
bool ParseOpLine(std::string_view line, PatchOp* op, std::string* path) {
  line = Trim(line);
  if (!StartsWith(line, "=== ") || line.size() < 8 || line.substr(line.size() - 4) != " ===") return false;
  std::string_view inner = line.substr(4, line.size() - 8);
  size_t colon = inner.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view name = Trim(inner.substr(0, colon));
  if (name == "REPLACE") *op = PatchOp::kReplace;
  else if (name == "INSERT AFTER") *op = PatchOp::kInsertAfter;
  else if (name == "DELETE") *op = PatchOp::kDelete;
  else return false;
  *path = std::string(Trim(inner.substr(colon + 1)));
  return !path->empty();
}

// A section's own lines, 0-based [begin, end): its heading to the next heading.
std::pair<int, int> OwnSpan(const Section& s) {
  int begin = s.heading_line - 1;
  int end = std::max(s.last_line, s.first_line - 1);
  return {begin, std::max(end, begin + 1)};
}

// The section and its subsections.
std::pair<int, int> TreeSpan(const Outline& o, const Section& s) {
  auto span = OwnSpan(s);
  for (const auto& t : o.sections)
    if (StartsWith(t.path, s.path + " > ")) span.second = std::max(span.second, OwnSpan(t).second);
  return span;
}

int TrailingBlanks(const std::vector<std::string>& lines, int begin, int end) {
  int n = 0;
  for (int i = end - 1; i > begin && Trim(lines[i]).empty(); --i) ++n;
  return n;
}

std::vector<std::string> Body(const std::string& text) {
  std::vector<std::string> out = SplitKeep(std::string(TrimRight(text)));
  while (!out.empty() && Trim(out.front()).empty()) out.erase(out.begin());
  return out;
}

}  // namespace

ParsedPatches ParseSectionPatches(const std::string& reply) {
  ParsedPatches out;
  std::vector<std::string> lines = SplitKeep(reply);
  SectionPatch* current = nullptr;
  SectionEdit* edit = nullptr;
  bool closed = true;
  for (const auto& raw : lines) {
    std::string_view line = TrimRight(raw);
    std::string_view t = Trim(line);
    if (StartsWith(t, kPatch)) {
      if (!closed) {
        out.error = "a PATCH block is not closed by '=== END PATCH ===' before the next one";
        return out;
      }
      out.is_patch = true;
      std::string_view name = Trim(t.substr(kPatch.size()));
      if (name.size() >= 3 && name.substr(name.size() - 3) == "===") name = Trim(name.substr(0, name.size() - 3));
      out.patches.push_back({std::string(name), {}});
      current = &out.patches.back();
      edit = nullptr;
      closed = false;
      continue;
    }
    if (!current || closed) {
      if (!t.empty() && out.is_patch) {
        out.error = "text outside a PATCH block: '" + std::string(t.substr(0, 60)) + "'";
        return out;
      }
      continue;  // prose before the first patch
    }
    if (t == kEnd) {
      closed = true;
      edit = nullptr;
      continue;
    }
    PatchOp op;
    std::string path;
    if (StartsWith(t, "=== ") && t.size() > 8 && t.substr(t.size() - 4) == " ===") {
      if (!ParseOpLine(t, &op, &path)) {
        out.error = "unknown patch line '" + std::string(t) + "' (REPLACE, INSERT AFTER or DELETE)";
        return out;
      }
      current->edits.push_back({op, path, ""});
      edit = &current->edits.back();
      continue;
    }
    if (!edit) {
      if (!t.empty()) {
        out.error = "text in " + current->artifact + "'s patch before its first REPLACE, INSERT AFTER or DELETE";
        return out;
      }
      continue;
    }
    if (edit->op == PatchOp::kDelete) {
      if (!t.empty()) {
        out.error = "a DELETE of '" + edit->path + "' carries text";
        return out;
      }
      continue;
    }
    edit->text += std::string(line) + "\n";
  }
  if (!out.is_patch) return out;
  if (!closed) {
    out.error = "the last PATCH block is not closed by '=== END PATCH ==='";
    return out;
  }
  for (const auto& p : out.patches)
    for (const auto& e : p.edits)
      if (e.op != PatchOp::kDelete) {
        auto body = Body(e.text);
        if (body.empty() || Trim(body.front()).empty() || Trim(body.front())[0] != '#') {
          out.error = p.artifact + ": the new text of '" + e.path + "' does not start with its heading line";
          return out;
        }
      }
  out.ok = true;
  return out;
}

PatchResult ApplySectionPatch(const std::string& current, const SectionPatch& patch) {
  PatchResult r;
  std::string text = current;
  for (const auto& e : patch.edits) {
    Outline o = markdown::ParseOutline(text);
    const Section* s = o.Find(e.path);
    if (!s || s->kind == markdown::SectionKind::kFrontmatter) {
      r.error = patch.artifact + " has no section '" + e.path + "'";
      return r;
    }
    std::vector<std::string> lines = SplitKeep(text);
    std::vector<std::string> body = Body(e.text);
    if (e.op == PatchOp::kReplace) {
      auto [b, en] = OwnSpan(*s);
      en = std::min<int>(en, static_cast<int>(lines.size()));
      int blanks = TrailingBlanks(lines, b, en);
      for (int i = 0; i < blanks; ++i) body.push_back("");
      lines.erase(lines.begin() + b, lines.begin() + en);
      lines.insert(lines.begin() + b, body.begin(), body.end());
      ++r.replaced;
    } else if (e.op == PatchOp::kInsertAfter) {
      auto [b, en] = TreeSpan(o, *s);
      en = std::min<int>(en, static_cast<int>(lines.size()));
      std::vector<std::string> add;
      if (en > 0 && !Trim(lines[en - 1]).empty()) add.push_back("");
      add.insert(add.end(), body.begin(), body.end());
      if (en < static_cast<int>(lines.size()) && !Trim(lines[en]).empty()) add.push_back("");  // before the next heading
      lines.insert(lines.begin() + en, add.begin(), add.end());
      ++r.inserted;
    } else {
      auto [b, en] = TreeSpan(o, *s);
      en = std::min<int>(en, static_cast<int>(lines.size()));
      lines.erase(lines.begin() + b, lines.begin() + en);
      ++r.deleted;
    }
    text = JoinLines(lines);
  }
  r.ok = true;
  r.text = text;
  return r;
}

SectionPatch MakeSectionPatch(const std::string& artifact, const std::string& current, const std::string& target) {
  SectionPatch p;
  p.artifact = artifact;
  Outline before = markdown::ParseOutline(current), after = markdown::ParseOutline(target);
  std::vector<std::string> target_lines = SplitKeep(target);
  auto own_text = [&](const Section& s) {
    auto [b, e] = OwnSpan(s);
    std::vector<std::string> part(target_lines.begin() + b,
                                  target_lines.begin() + std::min<int>(e, static_cast<int>(target_lines.size())));
    return JoinLines(part) + "\n";
  };
  auto deltas = markdown::DiffOutlines(before, after);
  for (const auto& d : deltas) {
    if (d.section == markdown::kFrontmatterSection) continue;
    if (d.change == markdown::ChangeKind::kDeleted) {
      p.edits.push_back({PatchOp::kDelete, d.section, ""});
      continue;
    }
    const Section* s = after.Find(d.section);
    if (!s || s->kind != markdown::SectionKind::kHeading) continue;
    if (d.change == markdown::ChangeKind::kModified) {
      p.edits.push_back({PatchOp::kReplace, d.section, own_text(*s)});
      continue;
    }
    // Added: after the section before it in the new document (which the
    // edits before this one have put in place).
    const Section* anchor = nullptr;
    for (const auto& t : after.sections) {
      if (&t == s) break;
      if (t.kind == markdown::SectionKind::kHeading) anchor = &t;
    }
    if (!anchor) continue;  // before every heading: cannot be named; the caller compares the result
    p.edits.push_back({PatchOp::kInsertAfter, anchor->path, own_text(*s)});
  }
  return p;
}

std::string FormatSectionPatch(const SectionPatch& patch) {
  std::string out = "=== PATCH: " + patch.artifact + " ===\n";
  for (const auto& e : patch.edits) {
    const char* op = e.op == PatchOp::kReplace ? "REPLACE" : e.op == PatchOp::kInsertAfter ? "INSERT AFTER" : "DELETE";
    out += "=== " + std::string(op) + ": " + e.path + " ===\n";
    if (e.op != PatchOp::kDelete) out += std::string(TrimRight(e.text)) + "\n";
  }
  return out + std::string(kEnd) + "\n";
}

}  // namespace specwave
