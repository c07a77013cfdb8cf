#include "engine/prompt_builder.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "engine/agents.hpp"
#include "engine/envelope.hpp"

namespace specwave {

std::string ArtifactGuidance(const std::string& artifact) {
  static const std::map<std::string, std::string> kGuidance = {
      {"analysis.md", "Sections: ## Problem, ## Users (bullets), ## Goals, ## Constraints, ## Risks, ## Open questions."},
      {"stack.md", "Sections: ## Chosen stack (bullets '- Layer: choice — reason'), ## Rejected options, "
                   "## Consequences. Frontmatter also has 'stack:' with a short id."},
      {"design-tokens.md",
       "Sections: ## Colour (table | token | value | role | share | with oklch() values and 60/30/10 shares), "
       "## Contrast pairs (table | text | background | use | where use is body or large), ## Spacing (table "
       "| token | value |), ## Typography (exactly four sizes: table | token | size | line height | use |, and the "
       "font stack), ## Motion, and a ```css block with the same values as custom properties."},
      {"prd.md", "Sections: ## Features with one '### F<n>: Title' per feature (a paragraph, then 'Acceptance:' "
                 "bullets), ## User stories, ## Non-goals, ## Success metrics."},
      {"architecture.md", "Sections: ## Overview, ## Components, ## Data flow, ## Deployment, ## Decisions."},
      {"data-model.md", "## Entities with one '### EntityName' each and a table | field | type | notes |; "
                        "## Relationships."},
      {"api-spec.md", "## Endpoints with one '### METHOD /path' each, then a line 'Resources: Entity, Entity' "
                      "naming only entities of data-model.md, then request/response notes."},
      {"component-mapping.md", "## Components with one '### ComponentName' each, a line 'Stack: <element>' and a "
                               "line 'Tokens: token.a, token.b' naming only tokens defined in design-tokens.md."},
      {"journey-maps.md", "One '## Journey: Name' per journey, numbered steps, each naming the feature (F<n>) it "
                          "exercises."},
      {"dependencies.md", "A table | package | version policy | licence | purpose | risk |."},
      {"epics.md", "One '## E<n>: Title' per epic with a line 'Covers: F1, F3'; every feature is covered."},
      {"tasks.md", "For this epic only: '## E<n>: Title', then one '### T<n>.<k>: Title' per task, each with a line "
                   "'Epic: E<n>' and a line 'Touches:' naming endpoints, entities and components."},
      {"validation-report.md", "A review of one artifact: what is consistent and every gap, with lines."},
  };
  auto it = kGuidance.find(artifact);
  return it == kGuidance.end() ? "" : it->second;
}

namespace {

std::string SystemPrompt(const AgentProfile& agent, const WorkflowSpec& spec) {
  std::string s = "You are " + (agent.known ? "the " + agent.title : agent.title) + " on a product team.\n";
  s += agent.persona + "\n";
  if (!agent.expertise.empty()) s += "Expertise: " + Join(agent.expertise, ", ") + ".\n";
  if (!agent.rules.empty()) {
    s += "\nRules for your output:\n";
    for (const auto& r : agent.rules) s += "- " + r + "\n";
  }
  s += "\nHouse conventions (every document):\n";
  // The engine writes the envelope (envelope.hpp); the model is asked only
  // for what the engine cannot know (issue 14: never ask for what it knows).
  std::vector<std::string> model_fields;
  for (const auto& f : spec.frontmatter_fields)
    if (f != "title" && std::find(EnvelopeKeys().begin(), EnvelopeKeys().end(), f) == EnvelopeKeys().end())
      model_fields.push_back(f);
  s += "- Markdown, starting with a '# Title' heading. The engine writes the frontmatter fields " +
       Join(EnvelopeKeys(), ", ") + " itself: do not write them.";
  s += model_fields.empty() ? std::string(" Frontmatter (YAML between '---' lines) is only for a field a document "
                                          "asks for.\n")
                            : " Start with YAML frontmatter between '---' lines carrying: " + Join(model_fields, ", ") +
                                  ".\n";
  s += "- Identifiers: features F<n>, epics E<n>, tasks T<e>.<n>, entities PascalCase, endpoints 'METHOD /path', "
       "design tokens dotted (color.accent).\n";
  s += "- When asked for several files, introduce each with a line '=== FILE: <name> ===' alone on its line.\n";
  s += "- Write only the documents: no preamble, no closing remarks, no code fence around a whole document.\n";
  return s;
}

}  // namespace

BuiltPrompt BuildPrompt(const WorkflowSpec& spec, const GenerationContext& ctx) {
  BuiltPrompt out;
  const PhaseSpec& phase = *ctx.phase;
  const AgentProfile agent = FindAgent(phase.agent);
  out.system = SystemPrompt(agent, spec);
  out.label = phase.name;
  if (ctx.fan_out_index >= 0) out.label += "[" + std::to_string(ctx.fan_out_index) + "]";

  std::string u = "# Project brief\n\n" + std::string(Trim(ctx.brief)) + "\n\n";
  if (!ctx.inputs.empty()) {
    u += "# Upstream artifacts\n\n";
    for (const auto& [name, content] : ctx.inputs) u += "=== FILE: " + name + " ===\n" + content + "\n";
    u += "\n";
  }
  u += "# Your task\n\nPHASE: " + phase.name + "\n";
  if (!phase.prompt.empty()) {
    std::string t = phase.prompt;
    auto replace = [&](const std::string& key, const std::string& value) {
      for (size_t pos; (pos = t.find(key)) != std::string::npos;) t.replace(pos, key.size(), value);
    };
    replace("{{phase}}", phase.name);
    replace("{{description}}", phase.description);
    replace("{{produces}}", Join(phase.produces, ", "));
    replace("{{item}}", ctx.fan_out_item);
    u += t + "\n";
  } else {
    u += phase.description + "\n";
  }
  if (ctx.fan_out_index >= 0) {
    u += "ITEM: " + ctx.fan_out_item + " (" + std::to_string(ctx.fan_out_index + 1) + " of " +
         std::to_string(ctx.fan_out_count) + ")\n";
    if (!ctx.fan_out_item_body.empty()) u += "\n" + ctx.fan_out_item_body + "\n";
    u += "\nWrite only the part of " + Join(phase.produces, ", ") +
         " for this item: no frontmatter, starting with its heading.\n";
    for (const auto& a : phase.produces)
      if (auto g = ArtifactGuidance(a); !g.empty()) u += "Format: " + g + "\n";
    out.user = u;
    return out;
  }
  u += "\nProduce " + std::string(phase.produces.size() == 1 ? "this file" : "these files") + ":\n";
  for (const auto& a : phase.produces) {
    u += "- " + a;
    if (auto g = ArtifactGuidance(a); !g.empty()) u += " — " + g;
    u += "\n";
  }
  out.user = u;
  return out;
}

}  // namespace specwave
