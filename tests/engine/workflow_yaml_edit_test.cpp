// Per-phase settings written back as text edits: the field changes, every
// comment and the order of everything else stay, and the loader reads the
// new value.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "engine/spec.hpp"
#include "engine/workflow_yaml_edit.hpp"
#include "support/paths.hpp"

using namespace specwave;

namespace {

const char* kCommented = R"(# A workflow with comments everywhere.
name: Commented   # the name
phases:
  # the first phase
  RESEARCH:
    description: Who the page is for.
    agent: analyst
    phase_type: analysis
    produces: [research.md]   # one file
    validators: [presence]

  # the second phase, with a prompt
  COPY:
    description: Headline and sections.
    agent: copywriter         # a custom agent
    phase_type: spec
    produces: [copy.md]
    depends_on: [RESEARCH]
    prompt: |
      Write {{produces}}.
      Keep it short.
    critical: true            # stop the run if it fails
    # trailing comment of COPY

  # the third phase
  DONE:
    description: Index.
    agent: release
    phase_type: done
    produces: [spec-pack.md]
    depends_on: [COPY]
)";

PhaseSpec PhaseOf(const std::string& yaml, const std::string& name) {
  auto r = LoadWorkflowSpec(yaml, "w.yml");
  INFO(JoinDiagnostics(r.errors));
  REQUIRE(r.ok());
  int i = r.spec->IndexOf(name);
  REQUIRE(i >= 0);
  return r.spec->phases[i];
}

// Every line of `before` that is a comment is still in `after`, in order.
void CheckCommentsKept(const std::string& before, const std::string& after) {
  std::istringstream in(before);
  size_t pos = 0;
  for (std::string line; std::getline(in, line);) {
    size_t hash = line.find('#');
    if (hash == std::string::npos) continue;
    std::string comment = line.substr(hash);
    size_t at = after.find(comment, pos);
    CHECK_MESSAGE(at != std::string::npos, "comment lost or moved: " << comment);
    if (at != std::string::npos) pos = at;
  }
}

}  // namespace

TEST_CASE("WorkflowYamlEdit.PromptBlockReplacedCommentsKept") {
  PhaseSetting s{"COPY", PhaseSetting::Field::kPrompt};
  s.text = "Write {{produces}} for {{phase}}.\nName every section.\n";
  YamlEdit e = SetPhaseSetting(kCommented, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(PhaseOf(e.text, "COPY").prompt == s.text);
  CheckCommentsKept(kCommented, e.text);
  CHECK(e.text.find("Keep it short.") == std::string::npos);
  // Nothing outside the prompt's lines moved.
  CHECK(e.text.find("    critical: true            # stop the run if it fails\n") != std::string::npos);
  CHECK(PhaseOf(e.text, "COPY").critical);
}

TEST_CASE("WorkflowYamlEdit.CriticalKeepsItsTrailingComment") {
  PhaseSetting s{"COPY", PhaseSetting::Field::kCritical};
  s.flag = false;
  YamlEdit e = SetPhaseSetting(kCommented, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  // The comment stays in its column.
  CHECK(e.text.find("    critical: false           # stop the run if it fails\n") != std::string::npos);
  CHECK_FALSE(PhaseOf(e.text, "COPY").critical);
  CheckCommentsKept(kCommented, e.text);
  // Only that line differs.
  std::string expected = kCommented;
  expected.replace(expected.find("critical: true  "), 16, "critical: false ");
  CHECK(e.text == expected);
}

TEST_CASE("WorkflowYamlEdit.MissingFieldIsAddedAfterThePhasesLastField") {
  PhaseSetting s{"RESEARCH", PhaseSetting::Field::kApprovalGates};
  s.items = {"research_signed_off"};
  YamlEdit e = SetPhaseSetting(kCommented, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(e.text.find("    validators: [presence]\n    approval_gates: [research_signed_off]\n\n  # the second phase") !=
        std::string::npos);
  CHECK(PhaseOf(e.text, "RESEARCH").approval_gates == std::vector<std::string>{"research_signed_off"});
  CheckCommentsKept(kCommented, e.text);
}

TEST_CASE("WorkflowYamlEdit.FieldAddedBeforeTheNextPhasesComment") {
  PhaseSetting s{"COPY", PhaseSetting::Field::kValidators};
  s.items = {"presence", "anti_ai_slop"};
  YamlEdit e = SetPhaseSetting(kCommented, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(PhaseOf(e.text, "COPY").validators == s.items);
  CHECK(PhaseOf(e.text, "DONE").validators.empty());
  CheckCommentsKept(kCommented, e.text);
  // Added inside COPY, after its own trailing comment, before DONE's comment.
  CHECK(e.text.find("# trailing comment of COPY\n    validators: [presence, anti_ai_slop]\n\n  # the third phase") !=
        std::string::npos);
}

TEST_CASE("WorkflowYamlEdit.BlockListStaysABlockList") {
  std::string yaml = R"(phases:
  A:
    description: a
    agent: analyst
    phase_type: analysis
    produces: [a.md]
    validators:
      - presence   # always
      - markdown_frontmatter
    priority: 1
)";
  PhaseSetting s{"A", PhaseSetting::Field::kValidators};
  s.items = {"presence"};
  YamlEdit e = SetPhaseSetting(yaml, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(e.text.find("    validators:\n      - presence\n    priority: 1\n") != std::string::npos);
  CHECK(PhaseOf(e.text, "A").validators == std::vector<std::string>{"presence"});
  CHECK(PhaseOf(e.text, "A").priority == 1);
}

TEST_CASE("WorkflowYamlEdit.EmptyPromptRemovesTheField") {
  PhaseSetting s{"COPY", PhaseSetting::Field::kPrompt};
  YamlEdit e = SetPhaseSetting(kCommented, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(e.text.find("prompt:") == std::string::npos);
  CHECK(e.text.find("Keep it short.") == std::string::npos);
  CHECK(PhaseOf(e.text, "COPY").prompt.empty());
  CheckCommentsKept(kCommented, e.text);
}

TEST_CASE("WorkflowYamlEdit.ValuesThatNeedQuotesAreQuoted") {
  PhaseSetting s{"RESEARCH", PhaseSetting::Field::kPrompt};
  s.text = "Answer: {{phase}} # not a comment";
  YamlEdit e = SetPhaseSetting(kCommented, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(PhaseOf(e.text, "RESEARCH").prompt == s.text);
  PhaseSetting g{"RESEARCH", PhaseSetting::Field::kApprovalGates};
  g.items = {"yes", "a, b"};
  e = SetPhaseSetting(e.text, g);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(PhaseOf(e.text, "RESEARCH").approval_gates == g.items);
}

TEST_CASE("WorkflowYamlEdit.CrlfFilesStayCrlf") {
  std::string yaml = kCommented;
  std::string crlf;
  for (char c : yaml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  PhaseSetting s{"COPY", PhaseSetting::Field::kPrompt};
  s.text = "One line\nTwo lines\n";
  YamlEdit e = SetPhaseSetting(crlf, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CHECK(e.text.find("      One line\r\n      Two lines\r\n") != std::string::npos);
  size_t bare = 0;
  for (size_t i = 0; i < e.text.size(); ++i)
    if (e.text[i] == '\n' && (i == 0 || e.text[i - 1] != '\r')) ++bare;
  CHECK(bare == 0);
}

TEST_CASE("WorkflowYamlEdit.UnknownPhaseAndFlowMapsAreRefused") {
  PhaseSetting s{"NOPE", PhaseSetting::Field::kCritical};
  YamlEdit e = SetPhaseSetting(kCommented, s);
  CHECK_FALSE(e.ok);
  CHECK(e.error.find("NOPE") != std::string::npos);
  std::string flow = "phases:\n  A: {description: a, agent: analyst, phase_type: analysis, produces: [a.md]}\n";
  s.phase = "A";
  e = SetPhaseSetting(flow, s);
  CHECK_FALSE(e.ok);
  CHECK(e.error.find("line 2") != std::string::npos);
}

TEST_CASE("WorkflowYamlEdit.DefaultWorkflowEditsKeepItsComments") {
  std::ifstream f(test::SourcePath("assets/workflows/default.yml"));
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string yaml = ss.str();
  PhaseSetting s{"SPEC_ARCHITECT", PhaseSetting::Field::kApprovalGates};
  s.items = {"architecture_approved", "security_reviewed"};
  YamlEdit e = SetPhaseSetting(yaml, s);
  REQUIRE_MESSAGE(e.ok, e.error);
  CheckCommentsKept(yaml, e.text);
  CHECK(PhaseOf(e.text, "SPEC_ARCHITECT").approval_gates == s.items);
  // Everything else loads the same.
  auto before = LoadWorkflowSpec(yaml, "d.yml"), after = LoadWorkflowSpec(e.text, "d.yml");
  REQUIRE(after.ok());
  REQUIRE(before.spec->phases.size() == after.spec->phases.size());
  for (size_t i = 0; i < before.spec->phases.size(); ++i) {
    CHECK(before.spec->phases[i].name == after.spec->phases[i].name);
    CHECK(before.spec->phases[i].prompt == after.spec->phases[i].prompt);
    CHECK(before.spec->phases[i].validators == after.spec->phases[i].validators);
  }
}
