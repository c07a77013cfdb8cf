// architecture.md: the chosen stack's components (stack_catalog.hpp), how
// data flows between them, deployment and the decisions taken, with the
// feature-to-entity map from the domain model so every feature has a home.
#include "core/text.hpp"
#include "offline/domain/api_endpoints.hpp"
#include "offline/writers/generators.hpp"

namespace specwave::offline {

std::string GenerateArchitecture(const GenInput& in) {
  StackProfile stack = StackById(StackIdFor(in), in.brief);
  auto features = Features(in);
  DomainModel m = DeriveDomain(features, in.brief, stack.offline_first);
  auto endpoints = DeriveEndpoints(m, features, stack);
  std::string out = Header(in, "Architecture", {{"stack", YamlScalar(stack.id)}});

  out += "\n## Overview\n\n" + in.brief.name + " on `" + stack.id + "`: " + stack.summary + " " +
         std::to_string(features.size()) + " features (prd.md) rest on " + std::to_string(m.entities.size()) +
         " entities (data-model.md) and " + std::to_string(endpoints.size()) + " endpoints (api-spec.md).\n";

  out += "\n## Components\n\n";
  for (const auto& c : stack.components) out += "- **" + c.name + "** \xE2\x80\x94 " + c.responsibility + "\n";
  out += "\nWhere each feature lives:\n\n";
  for (const auto& f : features) {
    auto it = m.uses.find(f.id);
    std::string ents = it == m.uses.end() ? "" : Join(it->second, ", ");
    out += "- F" + std::to_string(f.id) + " " + f.title + ": " + (ents.empty() ? "no stored data" : ents) + "\n";
  }

  out += "\n## Data flow\n\n";
  for (size_t i = 0; i < stack.data_flow.size(); ++i) out += std::to_string(i + 1) + ". " + stack.data_flow[i] + "\n";

  out += "\n## Deployment\n\n";
  for (const auto& d : stack.deployment) out += "- " + d + "\n";

  out += "\n## Decisions\n\n";
  out += "- Stack `" + stack.id + "`: " + stack.why.front() + ".\n";
  if (stack.offline_first)
    out +=
        "- Conflicts: per-field last-writer-wins by revision; the losing value is kept in the record's history "
        "and shown to the person who made it.\n";
  out += "- API: versioned under `/api/v1`; breaking changes get a new prefix.\n";
  for (const auto& n : m.notes) out += "- " + n + "\n";
  return out;
}

}  // namespace specwave::offline
