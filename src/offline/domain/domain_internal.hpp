// Internal steps of DeriveDomain (domain_model.hpp), split so each file stays
// small: reading a feature's noun phrases, and choosing the entities.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "offline/domain/gen_common.hpp"

namespace specwave::offline {

struct NounMention {
  std::vector<std::string> words;   // {"shore", "contact"}
  std::vector<std::string> parent;  // "X of the Y": Y's words
  bool plural = false;
  bool negated = false;  // "no account"
  bool event = false;    // "gets a text message": created by the action of the clause
  int clause = 0;        // index of the ';'-separated clause
};

struct FeatureNouns {
  std::vector<std::string> title;  // entity words named by the title, or empty
  std::vector<NounMention> mentions;
};

FeatureNouns ReadFeatureNouns(const Feature& feature);

// Entity names in order of first mention; `canonical` maps every candidate
// name to the kept entity it became ("" when dropped), `origin` says why each stayed.
std::vector<std::string> SelectEntities(const std::vector<Feature>& features, const std::vector<FeatureNouns>& nouns,
                                        const Brief& brief, std::map<std::string, std::string>* canonical,
                                        std::map<std::string, std::string>* origin);

}  // namespace specwave::offline
