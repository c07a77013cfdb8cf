// The sentence rules behind prd.md (prd_rules.cpp): acceptance criteria from a
// feature sentence, a user story per role and feature, non-goals.
#pragma once

#include <string>
#include <vector>

#include "offline/domain/gen_common.hpp"

namespace specwave::offline {

std::vector<std::string> AcceptanceCriteria(const Feature& f, const Role& primary, const Brief& brief, bool offline);
// "As a patient, I want to ... (F1) so that ..." for roles[r].
std::string UserStory(const std::vector<Role>& roles, size_t r, const Feature& f);
// What roles[r] wants from the feature, as a verb phrase: "to join the queue with a name ..."; a
// receiving role wants what its own clause says ("to get a text message") or to receive the result.
std::string WantPhrase(const std::vector<Role>& roles, size_t r, const Feature& f);
// "a patient", "a member of front-desk staff".
std::string RoleWithArticle(const Role& role);
std::vector<std::string> NonGoals(const Brief& brief, bool offline);

// "joins" -> "join", "watches" -> "watch" (third person to base form).
std::string BaseVerb(const std::string& word);

}  // namespace specwave::offline
