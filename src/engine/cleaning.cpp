#include "engine/cleaning.hpp"

#include "core/text.hpp"

namespace specwave {

std::string_view CleaningKindName(CleaningKind kind) {
  switch (kind) {
    case CleaningKind::kLineEndsNormalised: return "line-ends-normalised";
    case CleaningKind::kByteOrderMarkRemoved: return "byte-order-mark-removed";
    case CleaningKind::kReasoningRemoved: return "reasoning-removed";
    case CleaningKind::kPreambleRemoved: return "preamble-removed";
    case CleaningKind::kClosingRemoved: return "closing-removed";
    case CleaningKind::kRuleRemoved: return "rule-removed";
    case CleaningKind::kFenceRemoved: return "fence-removed";
    case CleaningKind::kTextOutsideFilesIgnored: return "text-outside-files-ignored";
    case CleaningKind::kLabelAsMarker: return "label-as-marker";
    case CleaningKind::kUndeclaredFileIgnored: return "undeclared-file-ignored";
    case CleaningKind::kDuplicateFile: return "duplicate-file";
    case CleaningKind::kNestedMarkerRemoved: return "nested-marker-removed";
    case CleaningKind::kFrontmatterRemoved: return "frontmatter-removed";
    case CleaningKind::kRefusalRemoved: return "refusal-removed";
    case CleaningKind::kTitleRemoved: return "title-removed";
    case CleaningKind::kTextBeforeHeadingIgnored: return "text-before-heading-ignored";
    case CleaningKind::kHeadingAdded: return "heading-added";
    case CleaningKind::kHeadingReplaced: return "heading-replaced";
    case CleaningKind::kFencedItemHeading: return "fenced-item-heading";
    case CleaningKind::kForeignItemHeading: return "foreign-item-heading";
    case CleaningKind::kEnvelopeFieldReplaced: return "envelope-field-replaced";
    case CleaningKind::kFrontmatterUnreadable: return "frontmatter-unreadable";
    case CleaningKind::kFrontmatterKeyDropped: return "frontmatter-key-dropped";
  }
  return "cleaning";
}

Severity CleaningSeverity(CleaningKind kind) {
  return kind == CleaningKind::kLineEndsNormalised || kind == CleaningKind::kByteOrderMarkRemoved ? Severity::kInfo
                                                                                                  : Severity::kWarning;
}

Diagnostic ToDiagnostic(const Cleaning& c, const std::string& subject) {
  Diagnostic d;
  d.severity = CleaningSeverity(c.kind);
  d.file = c.file;
  d.line = 0;  // c.first_line counts lines of the reply, not of the file; the message says where
  d.subject = subject;
  d.message = c.message;
  d.excerpt = c.excerpt;
  return d;
}

std::string ShortExcerpt(std::string_view text, size_t max) {
  std::string_view first;
  for (auto line : SplitLines(text))
    if (!Trim(line).empty()) {
      first = Trim(line);
      break;
    }
  if (first.size() <= max) return std::string(first);
  size_t cut = max;
  // Back up to the start of a UTF-8 sequence so the excerpt stays valid text.
  while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
  return std::string(first.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace specwave
