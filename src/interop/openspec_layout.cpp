#include "interop/openspec_layout.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "interop/carry.hpp"
#include "interop/scenario_text.hpp"

namespace specwave::interop::openspec {
namespace {

// "Route sketch, current check and float plan" -> "route-sketch-current-check":
// at most five words, no trailing "and"/"of"/... .
std::string CapabilityName(const std::string& title) {
  std::string s = Slugify(ShortName(title, 5));
  for (bool again = true; again;) {
    again = false;
    for (const char* w : {"-and", "-or", "-the", "-of", "-with", "-for", "-a", "-to"})
      if (EndsWith(s, w)) s.resize(s.size() - std::string(w).size()), again = true;
  }
  return s.empty() ? "capability" : s;
}

}  // namespace

Capabilities CapabilitiesOf(const PackView& v, const std::string& project_slug) {
  Capabilities c;
  for (const Epic& e : v.epics) {
    std::string name = CapabilityName(e.title);
    for (int k = 2; c.epic.count(name); ++k) name = CapabilityName(e.title) + "-" + std::to_string(k);
    c.order.push_back(name);
    c.epic[name] = e.number;
    for (int f : e.covers)
      if (!c.of_feature.count(f)) c.of_feature[f] = name;
  }
  for (const Feature& f : v.features)
    if (!c.of_feature.count(f.number)) {
      std::string rest = project_slug.empty() ? "product" : project_slug;
      if (!c.epic.count(rest)) {
        c.order.push_back(rest);
        c.epic[rest] = 0;
      }
      c.of_feature[f.number] = rest;
    }
  return c;
}

MdNode RequirementNode(const Feature& f) {
  MdNode r = MakeNode(3, "Requirement: " + f.title, JoinBlocks({Shall(f.statement), f.notes, f.after}));
  for (const std::string& a : f.acceptance) {
    WhenThen w = ToWhenThen(f.title, a);
    std::string lines = "- **WHEN** " + w.when + "\n";
    for (const std::string& t : w.then) lines += "- **THEN** " + t + "\n";
    MdNode s = MakeNode(4, "Scenario: " + w.name, lines);
    // Two bullets can start alike; keep scenario names unique in a requirement.
    for (int k = 2; std::any_of(r.children.begin(), r.children.end(), [&](const MdNode& o) { return o.heading == s.heading; }); ++k)
      s.heading = "Scenario: " + w.name + " (" + std::to_string(k) + ")";
    s.title = s.heading;
    r.children.push_back(std::move(s));
  }
  return r;
}

}  // namespace specwave::interop::openspec
