// What an artifact built by an importer starts with: the frontmatter every
// Specwave artifact carries (docs/artifact-formats.md) and its H1 title. The
// producing phase and agent are those of the default workflow
// (assets/workflows/default.yml); the generator says where the text came
// from ("import:speckit"), never a model.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "interop/md_tree.hpp"

namespace specwave::interop {

// "Product requirements — Tidewater" (tasks.md: "Tasks", as the agents write it).
std::string DefaultTitle(const std::string& artifact, const std::string& project);

// The frontmatter block ("---\n...\n---\n"); `extra` adds fields such as
// {"stack", "web-pwa-sqlite"}.
std::string ArtifactFrontmatter(const std::string& artifact, const std::string& project, const std::string& generator,
                                const std::vector<std::pair<std::string, std::string>>& extra = {});

// Frontmatter + "# <h1.heading>" + the H1's body and sections.
std::string BuildArtifact(const std::string& artifact, const std::string& project, const std::string& generator,
                          const MdNode& h1, const std::vector<std::pair<std::string, std::string>>& extra = {});

// A YAML/JSON-safe double-quoted string.
std::string Quoted(const std::string& s);

}  // namespace specwave::interop
