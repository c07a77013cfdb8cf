// api-spec.md: one `### METHOD /path` per endpoint from DeriveEndpoints, each
// with `Resources:` (only data-model entities), `Serves:` (the features it is
// for) and request/response notes.
#include "core/text.hpp"
#include "offline/domain/api_endpoints.hpp"
#include "offline/writers/generators.hpp"

namespace specwave::offline {

std::string GenerateApiSpec(const GenInput& in) {
  StackProfile stack = StackById(StackIdFor(in), in.brief);
  auto features = Features(in);
  DomainModel m = DeriveDomain(features, in.brief, stack.offline_first);
  auto endpoints = DeriveEndpoints(m, features, stack);
  std::string out = Header(in, "API specification");
  out += "\nJSON over HTTPS under `/api/v1`; " + std::to_string(endpoints.size()) + " endpoints for the " +
         std::to_string(m.entities.size()) +
         " entities of data-model.md. Errors are `{ \"error\": { \"code\", \"message\", \"fields\" } }`. "
         "Every endpoint names the entities it reads or writes under Resources.\n";
  out += "\n## Endpoints\n";
  for (const auto& e : endpoints) {
    out += "\n### " + e.Key() + "\n\n";
    out += "Resources: " + Join(e.resources, ", ") + "\n";
    if (!e.serves.empty()) out += "Serves: " + FeatureList(e.serves) + "\n";
    out += "\n" + e.summary + "\n";
    if (!e.request.empty()) out += "\nRequest: " + e.request + "\n";
    out += "\nResponse: " + e.response + "\n";
  }
  return out;
}

}  // namespace specwave::offline
