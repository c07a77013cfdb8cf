// Entities derived from the features' nouns, with fields and references —
// the shared model behind data-model.md, api-spec.md and architecture.md
// (one SPEC_ARCHITECT response, so all three name the same entities).
//
//   DomainModel m = DeriveDomain(features, brief, /*offline_first=*/true);
//   for (const Entity& e : m.entities) ...   // Trip, Route, Waypoint, FloatPlan, ...
//   m.primary[4];                            // the entity feature F4 is mostly about
//
// The rules, in order (each entity records which fired in `origin`):
//  1. A feature title names an entity unless its head is a view word
//     ("Route sketch" -> Route) or an attribute ("Live position" -> a field).
//  2. Noun phrases after a determiner or a verb in the feature sentence are
//     candidates ("a shore contact" -> ShoreContact); "X of the Y" makes X a
//     child of Y; a plural makes a collection.
//  3. A candidate stays if it scores 2 or more: title 3, each mention 1, each
//     mention elsewhere in the brief 1, plural 1, child-of 1, compound 1.
//     A single word that ends a kept compound merges into it (Plan -> FloatPlan).
//  4. Attribute nouns (name, time, distance, ...) become typed fields of the
//     feature's primary entity; a feature with no entity of its own only reads
//     others, and its values are computed, not stored.
//  5. References: the primary entity refers to the other singular entities of
//     its feature; plural or child entities refer to the primary; "verb a X"
//     after the first clause makes X an event of the entity before it.
//  6. An Account entity only when the brief mentions accounts or sign-in, and
//     never when it says "no account".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "offline/input/brief_reader.hpp"
#include "offline/domain/gen_common.hpp"

namespace specwave::offline {

struct EntityField {
  std::string name;  // snake_case
  std::string type;  // "uuid", "text", "timestamp", ...
  std::string notes;
};

struct Entity {
  std::string name;                 // PascalCase
  std::vector<int> features;        // ids of the features that mention it
  std::vector<EntityField> fields;  // id first, then attributes, references, bookkeeping
  std::vector<std::string> refs;    // entities it holds a reference to
  std::string origin;               // which rule made it
};

struct DomainModel {
  std::vector<Entity> entities;                  // in order of first mention
  std::map<int, std::string> primary;            // feature id -> entity name
  std::map<int, std::vector<std::string>> uses;  // feature id -> every entity it touches
  std::vector<std::string> notes;                // decisions worth stating (no Account, computed values)
  const Entity* Find(const std::string& name) const;
};

DomainModel DeriveDomain(const std::vector<Feature>& features, const Brief& brief, bool offline_first);

// "FloatPlan" -> "/float-plans"
std::string CollectionPath(const std::string& entity);

}  // namespace specwave::offline
