// The stacks the offline generator can choose, and the rules that choose one
// from a brief's platform and constraints. stack.md, architecture.md,
// component-mapping.md and dependencies.md all read the same profile, so a
// package in dependencies.md always belongs to a layer named in stack.md.
//
//   StackProfile s = ChooseStack(brief);   // e.g. id "web-pwa-sqlite" for "web, offline-first"
//   StackProfile t = StackById(s.id, brief);  // the same profile again, from stack.md's `stack:` id
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "offline/input/brief_reader.hpp"

namespace specwave::offline {

struct StackLayer {
  std::string layer;   // "Client"
  std::string choice;  // "TypeScript + React 18, built with Vite"
  std::string reason;  // one sentence
};

struct StackPackage {
  std::string name, version_policy, licence, purpose, risk;
};

struct StackComponent {
  std::string name;            // "Sync engine"
  std::string responsibility;  // one sentence
};

struct StackProfile {
  std::string id;                // "web-pwa-sqlite"
  std::string summary;           // one line
  std::string ui_element;        // how a UI component is realised: "React function component"
  std::string ui_file_pattern;   // "src/components/{Name}.tsx"
  std::vector<std::string> why;  // the rules that fired, in words ("the platform says 'offline-first'")
  std::vector<StackLayer> layers;
  std::vector<std::pair<std::string, std::string>> rejected;  // option, why not
  std::vector<std::string> consequences;
  std::vector<StackPackage> packages;
  std::vector<StackComponent> components;
  std::vector<std::string> data_flow;   // numbered steps in architecture.md
  std::vector<std::string> deployment;  // bullets
  bool offline_first = false;
};

StackProfile ChooseStack(const Brief& brief);
// The profile for a known id (with the brief's add-ons); an unknown id gives ChooseStack(brief).
StackProfile StackById(const std::string& id, const Brief& brief);

// Add-on layers implied by the features (live updates, text messages, maps,
// CSV export, accessibility checks, domain computation); part of both calls above.
void AddFeatureLayers(const Brief& brief, StackProfile* profile);

}  // namespace specwave::offline
