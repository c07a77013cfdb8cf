// The top of every offline document: its frontmatter and first heading, and
// the artifact titles the generators use.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "offline/domain/gen_common.hpp"

namespace specwave::offline {

using Fields = std::vector<std::pair<std::string, std::string>>;  // extra frontmatter (key, already-valid YAML value)

// "---\ntitle: ...\nartifact: ...\nphase: ...\nagent: ...\nversion: 1\ngenerator: offline-rules\n...---\n\n# Title\n"
// plus any further field the phase requires (PhaseSpec::frontmatter_fields).
std::string Header(const GenInput& in, std::string_view kind_title, const Fields& extra = {});

// A YAML scalar: bare when plainly safe, otherwise double-quoted.
std::string YamlScalar(std::string_view s);

// "prd.md" -> "Product requirements"; unknown names via TitleFromArtifactName.
std::string KindTitle(std::string_view artifact);

}  // namespace specwave::offline
