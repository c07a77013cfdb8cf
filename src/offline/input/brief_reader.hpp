// Reads a project brief (assets/briefs/README.md) into structured inputs for
// the offline generator:
//
//   Brief b = ReadBrief(markdown);
//   b.name;                  // frontmatter `name`, else the `# Title`, else inferred
//   b.features[0].title;     // "Remote check-in" (from "- Remote check-in: a patient ...")
//   for (auto& note : b.inferences) ...  // what was inferred and how, for the artifacts to say
//
// Sections are found by heading, case-insensitively, with synonyms (Users /
// Audience / Personas, Features / Capabilities / Requirements / Scope,
// Constraints / Non-functional, Success / Metrics / Goals). A brief with no
// sections works too: features come from its sentences ("lets a patient join
// the queue, see ...") or, failing that, from a generic set built on its most
// frequent nouns; every such inference is recorded. Never throws.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace specwave::offline {

struct BriefFeature {
  std::string title;        // "Tide windows"
  std::string description;  // "for a chosen launch site and day, show when ..." (may be empty)
  bool inferred = false;    // not written as a feature item in the brief
};

struct Brief {
  std::string name;
  std::string tagline;
  std::string brand_color;  // as written, any CSS notation; empty when absent
  std::string platform;
  std::string audience;
  std::string tone;
  std::string intro;  // prose before the first section (the whole text of a free-form brief)
  std::vector<std::string> users;
  std::vector<BriefFeature> features;
  std::vector<std::string> constraints;
  std::vector<std::string> success;
  std::vector<std::pair<std::string, std::string>> other_sections;  // heading, body
  bool name_inferred = false;
  bool users_inferred = false;
  bool features_inferred = false;
  std::vector<std::string> inferences;  // sentences for the artifacts: "Features were inferred from ..."
  std::string body;                     // the brief without frontmatter, for keyword rules

  // Everything a keyword rule may look at: frontmatter values and the body.
  std::string AllText() const;
};

Brief ReadBrief(std::string_view markdown);

// A short title for a clause: "join the queue from their phone" -> "Join the queue".
std::string ShortTitle(std::string_view clause);

// The role a user bullet names: "Patients who walk in ..." -> "Patients".
std::string RoleName(std::string_view user_bullet);

}  // namespace specwave::offline
