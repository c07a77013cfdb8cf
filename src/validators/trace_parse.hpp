// Line-based readers for the identifiers docs/artifact-formats.md defines:
// features (prd.md), epics and what they cover (epics.md), tasks and their
// epic (tasks.md), endpoints and their resources (api-spec.md), entities
// (data-model.md) and components with their tokens (component-mapping.md).
// They accept the listed variations: "F1 —", "F1.", "F1 -", "Feature F1:",
// headings a level deeper or shallower, Covers:/Features:/Implements:,
// Epic:/Parent epic:, bold or code identifiers, case-insensitive keys.
// Internal to the traceability check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::validators {

struct IdRef {
  std::string id;  // canonical: "F3", "E1", "T1.2"
  int line = 0;
};

struct FeatureDef {
  std::string id, title;
  int line = 0;
};

struct EpicDef {
  std::string id, title;
  int line = 0;
  std::vector<IdRef> covers;  // from Covers:/Features:/Implements: lines
  int covers_line = 0;        // first such line, 0 if none
};

struct TaskDef {
  std::string id, title;
  int line = 0;
  std::optional<IdRef> epic;  // from an Epic:/Parent epic: line
  std::string section_epic;   // the "## E<n>" heading it sits under, "" if none
};

struct EndpointDef {
  std::string method, path;
  int line = 0;
  std::vector<IdRef> resources;  // names as written (id = the name)
  bool has_resources_line = false;
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
