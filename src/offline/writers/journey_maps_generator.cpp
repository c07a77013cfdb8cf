// journey-maps.md: one journey per user role of the brief, its numbered steps
// the features that role uses (FeaturesForRole), in PRD order, each naming its
// feature and the component it happens in.
#include "core/text.hpp"
#include "offline/domain/component_model.hpp"
#include "offline/writers/generators.hpp"
#include "offline/domain/prd_rules.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

std::vector<std::string> TokensFor(const GenInput& in, bool* from_input);  // component_mapping_generator.cpp

std::string GenerateJourneyMaps(const GenInput& in) {
  StackProfile stack = StackById(StackIdFor(in), in.brief);
  auto features = Features(in);
  bool from_input = false;
  auto components = DeriveComponents(features, stack, TokensFor(in, &from_input));
  auto roles = Roles(in.brief);
  std::string out = Header(in, "Journey maps");
  out +=
      "\nOne journey per user role of the brief; each step names the feature it exercises and the component it "
      "happens in (component-mapping.md).\n";
  for (size_t r = 0; r < roles.size(); ++r) {
    out += "\n## Journey: " + roles[r].name + "\n\n";
    out += "Who: " + roles[r].bullet + (in.brief.users_inferred ? " (inferred)" : "") + "\n\n";
    int step = 0;
    for (int id : FeaturesForRole(roles, r, features))
      for (const auto& f : features) {
        if (f.id != id) continue;
        std::string where;
        bool receives = OwnerRole(roles, f) != r && UseOf(roles[r], f) == RoleUse::kRecipient;
        for (const auto& c : components)
          if (!receives)
            for (int s : c.serves)
              if (s == id && where.empty()) where = c.name;
        std::string want = WantPhrase(roles, r, f);
        if (StartsWith(want, "to ")) want = want.substr(3);
        out += std::to_string(++step) + ". " + Capitalize(want) + " \xE2\x80\x94 F" + std::to_string(id) + " (" +
               f.title + (where.empty() ? "" : ", in " + where) + ")\n";
      }
    if (stack.offline_first)
      out +=
          "\nWith no connection the same steps work on the device's copy; changes sync when the connection returns.\n";
  }
  return out;
}

}  // namespace specwave::offline
