#include "interop/artifact_header.hpp"

#include <cstdio>

namespace specwave::interop {
namespace {

struct Known {
  const char* artifact;
  const char* title;
  const char* phase;
  const char* agent;
};

// The default workflow's producers, so an imported artifact names the phase
// that would regenerate it.
const Known kKnown[] = {
    {"analysis.md", "Analysis", "ANALYSIS", "analyst"},
    {"stack.md", "Technology stack", "STACK_SELECTION", "architect"},
    {"design-tokens.md", "Design tokens", "SPEC_DESIGN_TOKENS", "designer"},
    {"prd.md", "Product requirements", "SPEC_PM", "product_manager"},
    {"architecture.md", "Architecture", "SPEC_ARCHITECT", "tech_lead"},
    {"data-model.md", "Data model", "SPEC_ARCHITECT", "tech_lead"},
    {"api-spec.md", "API specification", "SPEC_ARCHITECT", "tech_lead"},
    {"component-mapping.md", "Component mapping", "SPEC_DESIGN_COMPONENTS", "designer"},
    {"journey-maps.md", "Journey maps", "SPEC_DESIGN_COMPONENTS", "designer"},
    {"dependencies.md", "Dependencies", "DEPENDENCIES", "tech_lead"},
    {"epics.md", "Epics", "SOLUTIONING_EPICS", "product_manager"},
    {"tasks.md", "Tasks", "SOLUTIONING_TASKS", "tech_lead"},
};

const Known* Find(const std::string& artifact) {
  for (const Known& k : kKnown)
    if (artifact == k.artifact) return &k;
  return nullptr;
}

}  // namespace

std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string DefaultTitle(const std::string& artifact, const std::string& project) {
  const Known* k = Find(artifact);
  if (artifact == "tasks.md") return "Tasks";
  std::string base = k ? k->title : artifact;
  return project.empty() ? base : base + " — " + project;
}

std::string ArtifactFrontmatter(const std::string& artifact, const std::string& project, const std::string& generator,
                                const std::vector<std::pair<std::string, std::string>>& extra) {
  const Known* k = Find(artifact);
  std::string title = k ? std::string(k->title) + (project.empty() ? "" : " — " + project) : artifact;
  std::string out = "---\ntitle: " + Quoted(title) + "\nartifact: " + artifact + "\n";
  if (k) out += std::string("phase: ") + k->phase + "\nagent: " + k->agent + "\n";
  out += "version: 1\ngenerator: " + generator + "\n";
  for (const auto& [key, value] : extra) out += key + ": " + value + "\n";
  return out + "---\n";
}

std::string BuildArtifact(const std::string& artifact, const std::string& project, const std::string& generator,
                          const MdNode& h1, const std::vector<std::pair<std::string, std::string>>& extra) {
  MdNode top = h1;
  top.level = 1;
  return ArtifactFrontmatter(artifact, project, generator, extra) + "\n" + RenderNode(top);
}

}  // namespace specwave::interop
