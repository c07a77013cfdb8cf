// data-model.md: the entities DeriveDomain finds in the PRD's features
// (domain_model.hpp states the rules), each with a field table, then the
// relationships its references imply and the modelling decisions made.
#include "core/text.hpp"
#include "offline/domain/domain_model.hpp"
#include "offline/writers/generators.hpp"
#include "offline/domain/stack_catalog.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

std::string GenerateDataModel(const GenInput& in) {
  StackProfile stack = StackById(StackIdFor(in), in.brief);
  DomainModel m = DeriveDomain(Features(in), in.brief, stack.offline_first);
  std::string out = Header(in, "Data model");
  out += "\n" + std::to_string(m.entities.size()) +
         " entities, derived from the nouns of the PRD's features: a noun becomes an entity when a feature title "
         "names it or the brief names it at least twice; attribute nouns (name, time, distance, ...) become fields.\n";

  out += "\n## Entities\n";
  for (const auto& e : m.entities) {
    out += "\n### " + e.name + "\n\n" + e.origin + ".";
    if (!e.features.empty()) out += " Used by " + FeatureList(e.features) + ".";
    out += "\n\n| field | type | notes |\n|---|---|---|\n";
    for (const auto& f : e.fields) out += "| " + f.name + " | " + f.type + " | " + f.notes + " |\n";
  }

  out += "\n## Relationships\n\n";
  bool any = false;
  for (const auto& e : m.entities)
    for (const auto& r : e.refs) {
      out += "- Each " + e.name + " belongs to one " + r + " (`" + SnakeFromPascal(e.name) + "." + SnakeFromPascal(r) +
             "_id`); a " + r + " has many " + e.name + " records.\n";
      any = true;
    }
  if (!any) out += "- None: the features name no two entities together.\n";
  for (const auto& n : m.notes) out += "- " + n + "\n";
  if (stack.offline_first)
    out += "- Identifiers are UUIDs generated on the device, so records can be created with no connection.\n";
  return out;
}

}  // namespace specwave::offline
