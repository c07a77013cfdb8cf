#include "validators/traceability.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "design/text_scan.hpp"
#include "validators/builtin.hpp"
#include "validators/trace_check.hpp"
#include "validators/trace_parse.hpp"

namespace specwave::validators {
namespace {

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

TraceDoc Lookup(const NamedTexts& all, std::string_view name) {
  for (const auto& [n, text] : all)
    if (IEquals(BaseName(n), name)) return {BaseName(n), text, true};
  return {std::string(name), {}, false};
}

TraceInput Read(const NamedTexts& all) {
  TraceInput in;
  in.prd = Lookup(all, "prd.md");
  in.epics = Lookup(all, "epics.md");
  in.tasks = Lookup(all, "tasks.md");
  in.api = Lookup(all, "api-spec.md");
  in.model = Lookup(all, "data-model.md");
  in.components = Lookup(all, "component-mapping.md");
  in.tokens = Lookup(all, "design-tokens.md");
  if (in.prd.present) in.features = ReadFeatures(in.prd.text);
  if (in.epics.present) in.epic_defs = ReadEpics(in.epics.text);
  if (in.tasks.present) in.task_defs = ReadTasks(in.tasks.text);
  if (in.api.present) in.endpoints = ReadEndpoints(in.api.text);
  if (in.model.present) in.entities = ReadEntities(in.model.text);
  if (in.components.present) in.component_defs = ReadComponents(in.components.text);
  return in;
}

std::string Where(const std::vector<TraceLocation>& where, bool code) {
  std::vector<std::string> parts;
  const char* q = code ? "`" : "";
  for (const auto& w : where) parts.push_back(q + w.artifact + (w.line > 0 ? ":" + std::to_string(w.line) : "") + q);
  return Join(parts, ", ");
}

// "prd.md: 14 requirements as `FR<n>` (list items)".
std::string StyleLine(const IdStyle& s, bool code = false) {
  const char* q = code ? "`" : "";
  std::string what = s.what;
  if (s.count == 1 && !what.empty() && what.back() == 's') what.pop_back();
  if (s.count <= 0) {
    std::string note = s.artifact + ": " + what + " " + s.style;  // the style quotes its keys in markdown
    if (!code) note.erase(std::remove(note.begin(), note.end(), '`'), note.end());
    return note;
  }
  return s.artifact + ": " + std::to_string(s.count) + " " + what + " as " + q + s.style + q +
         (s.form.empty() ? "" : " (" + s.form + ")");
}

class Traceability final : public Validator {
 public:
  std::string_view Name() const override { return "traceability"; }

  ValidationResult Run(const ValidationContext& ctx) const override {
    ValidationResult r{"traceability", ctx.artifact, {}};
    NamedTexts single;
    const NamedTexts* all = ctx.artifacts;
    if (!all) {
      if (ctx.content) single.push_back({ctx.artifact, std::string(*ctx.content)});
      all = &single;
    }
    TraceabilityReport report = CheckTraceability(*all);
    r.findings = GapsToFindings(report);
    // Which style each artifact's identifiers were read in, so a person can
    // see what was (and was not) recognised.
    for (const auto& s : report.styles)
      r.findings.push_back({Severity::kInfo, "id-style", 0, StyleLine(s), "", s.artifact});
    return r;
  }
};

}  // namespace

int TraceabilityReport::errors() const {
  return static_cast<int>(
      std::count_if(gaps.begin(), gaps.end(), [](const Gap& g) { return g.severity == Severity::kError; }));
}

void GapSink::Add(const char* rule, Severity severity, std::string message, std::vector<TraceLocation> where,
                  const TraceDoc& excerpt_doc) {
  Gap g;
  g.rule = rule;
  g.severity = severity;
  g.message = std::move(message);
  g.excerpt = where.empty() ? "" : LineText(excerpt_doc, where[0].line);
  g.where = std::move(where);
  report_->gaps.push_back(std::move(g));
}

std::string GapSink::LineText(const TraceDoc& doc, int line) {
  if (line <= 0) return "";
  auto it = lines_.find(doc.name);
  if (it == lines_.end()) it = lines_.emplace(doc.name, MarkdownLines(doc.text)).first;
  return Excerpt(it->second.At(line).text);
}

bool GapSink::Pair(const TraceDoc& a, const TraceDoc& b, const std::string& what) {
  if (a.present && b.present) return true;
  if (!a.present && !b.present) return false;
  const TraceDoc& have = a.present ? a : b;
  const TraceDoc& missing = a.present ? b : a;
  Add("missing-artifact", Severity::kWarning, missing.name + " is missing, so " + what + " cannot be checked",
      {{have.name, 0}, {missing.name, 0}}, have);
  return false;
}

std::string TitleSuffix(const std::string& t) { return t.empty() ? "" : " (" + t + ")"; }

TraceabilityReport CheckTraceability(const NamedTexts& artifacts) {
  TraceInput in = Read(artifacts);
  TraceabilityReport report;
  GapSink gaps(&report);
  CheckCoverage(in, gaps);
  CheckTasks(in, gaps);
  CheckResources(in, gaps);
  CheckComponentTokens(in, gaps);
  CheckTouches(in, gaps);
  report.styles = CollectStyles(in);
  return report;
}

std::string RenderGapsMarkdown(const TraceabilityReport& report) {
  if (report.gaps.empty()) return "No gaps found.\n";
  std::string out;
  for (const auto& g : report.gaps) {
    out += "- **" + g.rule + "**";
    if (g.severity != Severity::kError) out += std::string(" (") + SeverityName(g.severity) + ")";
    out += ": " + g.message + " \xE2\x80\x94 " + Where(g.where, true) + "\n";
  }
  return out;
}

std::string RenderStylesMarkdown(const TraceabilityReport& report) {
  std::string out;
  for (const auto& s : report.styles) out += "- " + StyleLine(s, true) + "\n";
  return out;
}

std::vector<Finding> GapsToFindings(const TraceabilityReport& report) {
  std::vector<Finding> out;
  for (const auto& g : report.gaps) {
    Finding f;
    f.severity = g.severity;
    f.rule = g.rule;
    f.line = g.where.empty() ? 0 : g.where[0].line;
    f.artifact = g.where.empty() ? "" : g.where[0].artifact;
    f.message = g.message + " (" + Where(g.where, false) + ")";
    f.excerpt = g.excerpt;
    out.push_back(std::move(f));
  }
  return out;
}

const Validator& TraceabilityValidator() {
  static const Traceability kInstance;
  return kInstance;
}

}  // namespace specwave::validators
