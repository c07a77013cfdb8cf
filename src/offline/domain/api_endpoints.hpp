// The endpoints api-spec.md lists, derived from the domain model: the
// collection and item endpoints of every entity, plus the actions some
// features ask for (share by link, export, live updates, one-tap actions,
// reorder) and, for offline-first stacks, one sync endpoint. `resources` only
// ever names entities of the model, which is what the traceability check and
// the tasks' `Touches:` lines rely on.
#pragma once

#include <string>
#include <vector>

#include "offline/domain/domain_model.hpp"
#include "offline/domain/stack_catalog.hpp"

namespace specwave::offline {

struct Endpoint {
  std::string method;                  // GET, POST, PATCH, DELETE
  std::string path;                    // /trips/{id}
  std::vector<std::string> resources;  // entity names
  std::vector<int> serves;             // feature ids
  std::string summary;
  std::string request;  // may be empty
  std::string response;
  std::string Key() const { return method + " " + path; }
};

std::vector<Endpoint> DeriveEndpoints(const DomainModel& model, const std::vector<Feature>& features,
                                      const StackProfile& stack);

}  // namespace specwave::offline
