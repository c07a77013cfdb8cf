// Section-level changes applied to a person's text: replace, insert or
// delete whole sections (keyed as in sections.hpp) and leave every other
// byte as it was, so a sync's edit of one section shows in the project's
// history as exactly that section.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace specwave::interop {

struct SectionOp {
  std::string key;
  std::optional<std::string> text;  // the new body; nullopt deletes the section
  std::string heading_line;         // for an added section: its heading line as the folder wrote it
  std::string after_key;            // for an added section: the section it follows ("" = the start)
};

// Ops on keys the text does not have are additions (placed after
// `after_key`, or at the end when that is not there either).
std::string ApplySectionOps(const std::string& text, const std::vector<SectionOp>& ops);

}  // namespace specwave::interop
