// The traceability check's parts (internal): the documents and what was read
// from them (TraceInput), where gaps are collected (GapSink), and one
// function per group of checks, run by CheckTraceability in this order:
//
//   trace_coverage.cpp  requirements -> epics (coverage), epics -> tasks,
//                       the requirements tasks cite
//   trace_links.cpp     endpoint resources -> entities, component tokens ->
//                       design tokens, task Touches: -> entities, endpoints,
//                       components
//   trace_styles.cpp    which identifier style each artifact uses
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "design/text_scan.hpp"
#include "validators/trace_parse.hpp"
#include "validators/traceability.hpp"

namespace specwave::validators {

struct TraceDoc {
  std::string name;  // the base name ("prd.md")
  std::string_view text;
  bool present = false;
};

struct TraceInput {
  TraceDoc prd, epics, tasks, api, model, components, tokens;
  std::vector<FeatureDef> features;
  std::vector<EpicDef> epic_defs;
  std::vector<TaskDef> task_defs;
  std::vector<EndpointDef> endpoints;
  std::vector<NamedDef> entities;
  std::vector<ComponentDef> component_defs;
};

class GapSink {
 public:
  explicit GapSink(TraceabilityReport* report) : report_(report) {}
  void Add(const char* rule, Severity severity, std::string message, std::vector<TraceLocation> where,
           const TraceDoc& excerpt_doc);
  // Both present: go on. One missing: say so and stop. Neither: stop quietly.
  bool Pair(const TraceDoc& a, const TraceDoc& b, const std::string& what);
  TraceabilityReport& report() { return *report_; }

 private:
  std::string LineText(const TraceDoc& doc, int line);
  TraceabilityReport* report_;
  std::map<std::string, MarkdownLines> lines_;  // built once per file, for excerpts
};

// " (Title)" or "".
std::string TitleSuffix(const std::string& title);

void CheckCoverage(const TraceInput& in, GapSink& gaps);
void CheckTasks(const TraceInput& in, GapSink& gaps);
void CheckResources(const TraceInput& in, GapSink& gaps);
void CheckComponentTokens(const TraceInput& in, GapSink& gaps);
void CheckTouches(const TraceInput& in, GapSink& gaps);
std::vector<IdStyle> CollectStyles(const TraceInput& in);

}  // namespace specwave::validators
