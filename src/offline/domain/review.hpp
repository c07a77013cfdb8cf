// Rules-based review of one artifact (the VALIDATE phase's fan-out items):
// expected sections, identifiers and counts, and the cross-references to the
// other artifacts that are inputs. Not a language model's opinion; the text
// says so.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace specwave::offline {

struct Review {
  std::vector<std::pair<bool, std::string>> checks;  // passed?, what was checked and found
  int Passed() const;
  std::vector<std::string> Gaps() const;  // the failed checks' texts
};

// `others` are the artifacts the review may compare against (name, text).
Review ReviewArtifact(const std::string& artifact, const std::string& text,
                      const std::vector<std::pair<std::string, std::string>>& others);

}  // namespace specwave::offline
