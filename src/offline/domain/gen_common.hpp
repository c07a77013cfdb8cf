// What every offline generator receives and the domain they share: the
// features (from the PRD when it is an input, else from the
// brief, numbered the same way), the user roles and the chosen stack id.
//
// A generator is a function GenInput -> markdown. It reads only the
// GenerationContext (brief, direct inputs, fan-out item), never the prompt
// text, and is deterministic: no clock, no randomness, no unordered iteration.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/llm_port.hpp"
#include "offline/input/brief_reader.hpp"

namespace specwave::offline {

struct GenInput {
  const GenerationContext* ctx = nullptr;
  Brief brief;
  std::string artifact;  // the artifact being written, e.g. "prd.md"

  std::string PhaseName() const;
  std::string Agent() const;
  std::string Description() const;  // the phase's description (may be empty)
  // The latest text of an upstream artifact, or nullptr when it is not an input.
  const std::string* Input(std::string_view name) const;
};

struct Feature {
  int id = 0;  // n of F<n>
  std::string title;
  std::string description;  // the brief's sentence (or the PRD's first paragraph)
};
// From `### F<n>: Title` sections of prd.md when it is an input; else the brief's features as F1..Fn.
std::vector<Feature> Features(const GenInput& in);
std::vector<Feature> FeaturesFromBrief(const Brief& brief);
std::vector<Feature> FeaturesFromPrd(std::string_view prd);

struct Role {
  std::string bullet;    // "Patients who walk in or check in from home"
  std::string name;      // "Patients"
  std::string singular;  // "Patient"
  std::string key;       // "patient": matched against feature text
};
std::vector<Role> Roles(const Brief& brief);

// How a feature's sentence names a role: as the subject of its first clause
// ("a clinician calls the next patient": the clinician acts), or elsewhere
// ("... the patient gets a text message": the patient receives).
enum class RoleUse { kNone, kActor, kRecipient };
RoleUse UseOf(const Role& role, const Feature& f);
// The role that performs a feature: the actor; else, for reports, boards and
// exports, the first staff-like role (staff, admin, manager, leader, ...);
// else the first role.
size_t OwnerRole(const std::vector<Role>& roles, const Feature& f);
// Features a role performs or receives, in order; a role no feature names
// does what the first role does.
std::vector<int> FeaturesForRole(const std::vector<Role>& roles, size_t role, const std::vector<Feature>& features);

// {1, 3} -> "F1, F3"
std::string FeatureList(const std::vector<int>& ids);

// The stack id: stack.md's or architecture.md's frontmatter when an input, else chosen from the brief.
std::string StackIdFor(const GenInput& in);

// A "> Inferred: ..." note listing what the brief reader had to infer ("" when nothing).
std::string InferenceNote(const Brief& brief);

// The brief's text that keyword rules look at, lowercased (frontmatter values, body).
std::string RuleText(const Brief& brief);
bool Mentions(std::string_view lowered_text, std::initializer_list<std::string_view> phrases);

}  // namespace specwave::offline
