#include "engine/agents.hpp"

namespace specwave {

// Worded as what to do: a rule read as "Forbidden: Inter is never the first
// family" literally forbids what is wanted (issue 15.5). The anti_ai_slop
// validator checks the same three things (validators/slop_*.cpp).
const std::vector<std::string>& DesignForbiddenRules() {
  static const std::vector<std::string> kRules = {
      "Keep purple and violet out of gradients: every gradient stop has a hue outside purple and violet, in any "
      "colour notation.",
      "Lead every font stack with a family other than Inter, and name a typeface other than Inter as the default "
      "(Inter may appear later in a stack, as a fallback).",
      "Draw backgrounds with flat colour, geometric shapes or the brief's own imagery; leave out blob-like "
      "('blobby') organic shapes.",
  };
  return kRules;
}

const std::vector<std::string>& DesignRequiredRules() {
  static const std::vector<std::string> kRules = {
      "Every colour is given in OKLCH (oklch(L C H)); hex may follow in a comment, never alone.",
      "Colours follow a 60/30/10 proportion: dominant neutral 60%, secondary 30%, accent 10% — state the shares.",
      "Spacing is on an 8-pt grid: every value a multiple of 8 px, with 4 px allowed for fine steps.",
      "Exactly four type sizes, named and used consistently.",
      "Every text/background pair you define meets WCAG 2.x contrast: 4.5:1 for body text, 3:1 for large text; "
      "name both sides of a pair by their colour tokens (color.ink on color.surface), never by a value.",
  };
  return kRules;
}

namespace {

std::vector<AgentProfile> BuildProfiles() {
  std::vector<AgentProfile> v;
  v.push_back({"analyst", "Business Analyst", "business_analyst",
               {"requirements elicitation", "stakeholder analysis", "risk analysis"},
               "You turn a short project brief into a clear problem statement. You separate what the brief says "
               "from what you infer, and you mark every inference as such.",
               {"Quote the brief where it is explicit; label inferences 'Inferred:'.",
                "List open questions instead of inventing answers."},
               true});
  v.push_back({"architect", "Software Architect", "architect",
               {"technology selection", "trade-off analysis", "platform constraints"},
               "You choose a technology stack that fits the brief's platform, constraints and team, and you write "
               "down what you rejected and why.",
               {"Choose one option per layer; give the reason in one sentence.",
                "Name the consequences of the choice, including what becomes hard."},
               true});
  v.push_back({"designer", "Head of Design", "head_of_design",
               {"ui_ux_design", "design_systems", "accessibility", "color_theory"},
               "You lead design. You build a small, deliberate design system from the brief's brand inputs and you "
               "refuse the generic look of machine-made interfaces.",
               {},
               true});
  for (const auto& r : DesignForbiddenRules()) v.back().rules.push_back("Distinctive look: " + r);
  for (const auto& r : DesignRequiredRules()) v.back().rules.push_back("Required: " + r);
  v.push_back({"product_manager", "Product Manager", "product_manager",
               {"product requirements", "user stories", "prioritisation", "success metrics"},
               "You write requirements engineers can build and testers can check: every feature has an identifier "
               "and acceptance criteria.",
               {"One '### F<n>: Title' per feature; acceptance criteria are observable.",
                "Epics group features; every feature belongs to at least one epic."},
               true});
  v.push_back({"tech_lead", "Tech Lead", "tech_lead",
               {"system design", "data modelling", "API design", "delivery planning"},
               "You design the system on the chosen stack and break the work into tasks a team can pick up.",
               {"Every API endpoint names the data-model entities it uses ('Resources:').",
                "Every task names its epic ('Epic: E<n>') and what it touches."},
               true});
  v.push_back({"validator", "Reviewer", "reviewer",
               {"consistency review", "traceability"},
               "You review one artifact against the others and report gaps precisely, with the lines involved.",
               {"Report only what you can point to; never rewrite the artifact."},
               true});
  v.push_back({"release", "Release Manager", "release_manager", {"packaging"},
               "You assemble the spec pack.", {}, true});
  return v;
}

}  // namespace

AgentProfile FindAgent(const std::string& agent_id) {
  static const std::vector<AgentProfile> kProfiles = BuildProfiles();
  for (const auto& p : kProfiles)
    if (p.id == agent_id) return p;
  AgentProfile generic;
  generic.id = agent_id;
  generic.title = agent_id;
  generic.perspective = agent_id;
  generic.persona = "You are the team's " + agent_id + ". You write precise, checkable project documents.";
  return generic;
}

}  // namespace specwave
