// The agents a workflow can name, each with a persona, a perspective, its
// expertise and rules. Agent names in a workflow are free text: a name not
// listed here gets a generic persona built from the name (and the phase's
// `prompt` template, if it has one).
#pragma once

#include <string>
#include <vector>

namespace specwave {

struct AgentProfile {
  std::string id;            // as written in workflows, e.g. "designer"
  std::string title;         // "Head of Design"
  std::string perspective;   // "head_of_design"
  std::vector<std::string> expertise;
  std::string persona;       // who they are and how they work
  std::vector<std::string> rules;  // hard rules for their output
  bool known = false;
};

// The profile for `agent_id`; a generic one for unknown ids.
AgentProfile FindAgent(const std::string& agent_id);

// The design agent's rules, spelled out, each saying what to do:
// DesignForbiddenRules are the generic looks to avoid (and what to do
// instead), DesignRequiredRules what every design system has.
const std::vector<std::string>& DesignForbiddenRules();
const std::vector<std::string>& DesignRequiredRules();

}  // namespace specwave
