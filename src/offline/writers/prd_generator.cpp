// prd.md: one `### F<n>: Title` per brief feature with a paragraph and
// `Acceptance:` bullets (the feature sentence made observable, plus bullets
// its keywords and the brief's constraints call for), user stories per user
// role, non-goals (the brief's "no ..." phrases, the platform) and success
// metrics (the brief's Success section, or derived and marked as inferred).
#include "core/text.hpp"
#include "offline/writers/generators.hpp"
#include "offline/domain/prd_rules.hpp"
#include "offline/domain/stack_catalog.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

std::string GeneratePrd(const GenInput& in) {
  const Brief& b = in.brief;
  auto features = FeaturesFromBrief(b);
  auto roles = Roles(b);
  bool offline = ChooseStack(b).offline_first;
  std::string out = Header(in, "Product requirements") + "\n" + InferenceNote(b);
  out += std::to_string(features.size()) + " features, numbered in the brief's order.\n";

  out += "\n## Features\n";
  for (const auto& f : features) {
    std::vector<std::string> users;
    for (size_t r = 0; r < roles.size(); ++r)
      for (int id : FeaturesForRole(roles, r, features))
        if (id == f.id) users.push_back(roles[r].name);
    out += "\n### F" + std::to_string(f.id) + ": " + f.title + "\n\n";
    std::string d = std::string(Trim(f.description));
    if (d.empty()) d = "The brief names this feature without details";
    out += Capitalize(d) + (EndsWith(d, ".") ? "" : ".") + "\n\nUsed by: " + JoinList(users) + "." +
           (f.id >= 1 && f.id <= static_cast<int>(b.features.size()) && b.features[f.id - 1].inferred
                ? " (Inferred from the brief's text.)"
                : "") +
           "\n\n";
    out += "Acceptance:\n";
    for (const auto& a : AcceptanceCriteria(f, roles[OwnerRole(roles, f)], b, offline)) out += "- " + a + "\n";
  }

  out += "\n## User stories\n\n";
  for (size_t r = 0; r < roles.size(); ++r)
    for (int id : FeaturesForRole(roles, r, features))
      for (const auto& f : features)
        if (f.id == id) out += "- " + UserStory(roles, r, f) + "\n";

  out += "\n## Non-goals\n\n";
  for (const auto& n : NonGoals(b, offline)) out += "- " + n + "\n";

  out += "\n## Success metrics\n\n";
  for (const auto& s : b.success) out += "- " + s + " (from the brief)\n";
  if (b.success.empty() && !features.empty()) {
    out += "- Inferred: a first-time user completes " + Lowercase1(features[0].title) +
           " (F1) unassisted in under two minutes in usability tests.\n";
    out += "- Inferred: fewer than 1% of actions fail with an error, measured weekly.\n";
    out += "- Inferred: at least half of first-week users come back in their second week.\n";
  }
  return out;
}

}  // namespace specwave::offline
