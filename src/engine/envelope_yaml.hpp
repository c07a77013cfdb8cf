// Internal to envelope.cpp: the model's frontmatter as entries (read with
// yaml-cpp in envelope_yaml.cpp, no yaml-cpp type here) and YAML scalar
// quoting for the values the engine writes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave::envelope_detail {

struct ModelEntry {
  std::string key;      // as written
  std::string text;     // the entry as written: "key: value\n" and its continuation lines
  bool scalar = false;  // a single value (an empty `key:` is the empty scalar)
  std::string value;    // the scalar, or the YAML text of a list or map
  int line = 0;         // document line of the key
};

struct ModelFrontmatter {
  bool found = false;                 // a closed `---` block whose first line is `key:`-shaped
  bool unclosed = false;              // such a block that is never closed (left in the body)
  bool readable = false;              // found, and YAML key/values
  std::string error;                  // why it is not readable
  int first_line = 0, last_line = 0;  // the block's document lines, fences included
  std::string_view yaml;
  std::vector<ModelEntry> entries;
  std::string_view body;  // after the block; the whole document when !found
};

// `doc` must outlive the result (views into it).
ModelFrontmatter ReadModelFrontmatter(std::string_view doc);

// A value as a YAML scalar: plain when it reads back as the same string,
// else double-quoted with escapes ("PRD: v2" -> "\"PRD: v2\"", "yes" -> "\"yes\"").
std::string YamlScalar(std::string_view value);

}  // namespace specwave::envelope_detail
