// Line-based readers for the identifiers docs/artifact-formats.md defines, in
// the styles real documents use (trace_ids.hpp): requirements (prd.md),
// epics and what they cover (epics.md), tasks, their epic, what they touch
// and the requirements they cite (tasks.md), endpoints and their resources
// (api-spec.md: headings, bold lines, table rows), entities (data-model.md)
// and components with their tokens (component-mapping.md). They accept the
// listed variations: "F1 —", "F1.", "F1 -", "Feature F1:", headings a level
// deeper or shallower, the coverage keys (Covers:, FRs Addressed:,
// _Requirements: 1.1_, ...), Epic:/Parent epic:, bold or code identifiers,
// case-insensitive keys. Internal to the traceability check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validators/trace_ids.hpp"

namespace specwave::validators {

struct IdRef {
  std::string id;  // canonical: "F3", "E1", "T1.2"; names as written
  int line = 0;
};

// A requirement cited in a coverage line (family and number, as written).
struct ReqRef {
  ReqId id;
  int line = 0;
};

struct FeatureDef {
  std::string id, title;  // id: the canonical key, "F3", "FR3", "REQ3"
  int line = 0;
  std::string label;  // as written: "FR-003", "Requirement 3"
  std::string style;  // "FR-<nnn>", "Requirement <n>", ...
  std::string form;   // "heading", "list item", "table row", "line"
  ReqFamily family = ReqFamily::kF;
  int number = 0;
  int criteria = 0;  // numbered acceptance criteria under its heading (Kiro's 3.1, 3.2, ...)
};

struct EpicDef {
  std::string id, title;  // id: "E1" whatever the style
  int line = 0;
  std::vector<ReqRef> covers;  // from coverage lines in its section and from coverage maps
  int covers_line = 0;         // first such line, 0 if none
  std::string label;           // as written: "E1", "Epic 1"
  std::string style;           // "E<n>", "Epic <n>"
  std::string covers_key;      // the key of its first coverage line, as written ("FRs Addressed")
  int level = 0;
};

struct TaskDef {
  std::string id, title;  // id: canonical ("T1.2", "T14", "S1.1", "K1.2")
  int line = 0;
  std::optional<IdRef> epic;  // from an Epic:/Parent epic: line or an [E1] label
  std::string section_epic;   // the epic heading it sits under ("E2"), "" if none
  std::string label;          // as written: "T014", "Story 1.1", "Task 1.2" (Kiro's "1.2")
  std::string style;
  std::string form;  // "heading", "bold line", "checkbox", "list item"
  bool native = false;   // T<e>.<n>: needs its Epic: line
  int implied_epic = 0;  // Story 2.1 belongs to epic 2
  std::vector<IdRef> touches;  // names as written
  std::vector<ReqRef> requirements;
};

struct EndpointDef {
  std::string method, path;
  int line = 0;
  std::vector<IdRef> resources;  // names as written (id = the name)
  bool has_resources_line = false;
  std::string form;    // "heading", "line", "table row"
  int table_line = 0;  // a table row from a table without a resources column: the table's header line
};

struct NamedDef {
  std::string name;
  int line = 0;
};

struct ComponentDef {
  std::string name;
  int line = 0;
  std::vector<IdRef> tokens;  // names as written
  bool has_tokens_line = false;
};

// "### F2: Route sketch" -> {"F2", "Route sketch"}; prefix 'F', 'E' or 'T'
// (T takes "T<e>.<n>"). nullopt if the heading does not start with such an id.
std::optional<std::pair<std::string, std::string>> ParseIdHeading(std::string_view heading, char prefix);

// "Covers: F1, **F3**, `F4`" with keys {"covers", "features", "implements"}:
// the value after the colon if the line is such a key line, else nullopt.
std::optional<std::string> KeyLineValue(std::string_view line, const std::vector<std::string_view>& keys);

// Every <prefix><digits> in text ("F1, F3-F5" -> F1 F3 F4 F5; ranges up to 50).
std::vector<std::string> IdsIn(std::string_view text, char prefix);

// The keys of the lines the readers look for (all compared ignoring case).
const std::vector<std::string_view>& CoverageKeys();  // covers, features, frs addressed, requirements, ...
const std::vector<std::string_view>& EpicKeys();      // epic, parent epic, ...
const std::vector<std::string_view>& TouchesKeys();   // touches, affects, ...
const std::vector<std::string_view>& ResourceKeys();  // resources, entities, ...

// The list marker of a bullet, numbered or checkbox line removed.
std::string_view StripListMarker(std::string_view line);
// Splits a list value on commas, semicolons and " and "; "Trip (read)" ->
// "Trip". "none", "n/a", "-" and the like give an empty list.
std::vector<std::string> ListItems(std::string_view value);
// The epic a value names: "E2", "Epic 2 — Booking" and "2" give "E2";
// anything else comes back trimmed (a title, matched later).
std::string EpicRefIn(std::string_view value);

std::vector<FeatureDef> ReadFeatures(std::string_view prd);
std::vector<EpicDef> ReadEpics(std::string_view epics);
std::vector<TaskDef> ReadTasks(std::string_view tasks);
std::vector<EndpointDef> ReadEndpoints(std::string_view api_spec);
std::vector<NamedDef> ReadEntities(std::string_view data_model);
std::vector<ComponentDef> ReadComponents(std::string_view component_mapping);

// "`TideWindow`" -> "tidewindow": entity names compared case-insensitively,
// letters and digits only.
std::string EntityKey(std::string_view name);
// The same entity, allowing a plural on one side: Trip/Trips, Address/
// Addresses, Category/Categories.
bool SameEntity(std::string_view a, std::string_view b);

}  // namespace specwave::validators
