#include "offline/domain/review.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "offline/domain/component_model.hpp"
#include "offline/input/md_read.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::offline {

int Review::Passed() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const auto& c) { return c.first; }));
}

std::vector<std::string> Review::Gaps() const {
  std::vector<std::string> out;
  for (const auto& [ok, text] : checks)
    if (!ok) out.push_back(text);
  return out;
}

namespace {

std::vector<std::string> ExpectedSections(const std::string& a) {
  if (a == "analysis.md") return {"Problem", "Users", "Goals", "Constraints", "Risks", "Open questions"};
  if (a == "stack.md") return {"Chosen stack", "Rejected options", "Consequences"};
  if (a == "design-tokens.md") return {"Colo", "Contrast pairs", "Spacing", "Typography", "Motion"};
  if (a == "prd.md") return {"Features", "User stories", "Non-goals", "Success metrics"};
  if (a == "architecture.md") return {"Overview", "Components", "Data flow", "Deployment", "Decisions"};
  if (a == "data-model.md") return {"Entities", "Relationships"};
  if (a == "api-spec.md") return {"Endpoints"};
  if (a == "component-mapping.md") return {"Components"};
  return {};
}

const std::string* Other(const std::vector<std::pair<std::string, std::string>>& others, const std::string& name) {
  for (const auto& [n, t] : others)
    if (n == name) return &t;
  return nullptr;
}

// Heading identifiers at a level that start with `prefix` followed by a digit ("F", "E", "T").
std::vector<MdSection> IdSections(const std::string& text, int level, char prefix) {
  std::vector<MdSection> out;
  for (const auto& s : SectionsAt(text, level))
    if (s.heading.size() > 1 && s.heading[0] == prefix && std::isdigit(static_cast<unsigned char>(s.heading[1])))
      out.push_back(s);
  return out;
}

std::string Names(const std::vector<std::string>& v, size_t max = 6) {
  std::string out;
  for (size_t i = 0; i < v.size() && i < max; ++i) out += (i ? ", " : "") + v[i];
  if (v.size() > max) out += " and " + std::to_string(v.size() - max) + " more";
  return out;
}

void KindChecks(const std::string& a, const std::string& text,
                const std::vector<std::pair<std::string, std::string>>& others, Review* r) {
  auto check = [&](bool ok, std::string what) { r->checks.push_back({ok, std::move(what)}); };
  if (a == "prd.md") {
    auto fs = IdSections(text, 3, 'F');
    std::vector<std::string> without;
    for (const auto& s : fs)
      if (!IContains(s.body, "Acceptance")) without.push_back(s.heading.substr(0, s.heading.find(':')));
    check(!fs.empty(), std::to_string(fs.size()) + " features defined as `### F<n>: Title`");
    check(without.empty(), without.empty() ? "every feature has acceptance criteria"
                                           : "features without acceptance criteria: " + Names(without));
  } else if (a == "epics.md") {
    auto es = IdSections(text, 2, 'E');
    check(!es.empty(), std::to_string(es.size()) + " epics defined as `## E<n>: Title`");
    if (const std::string* prd = Other(others, "prd.md")) {
      std::set<int> covered;
      for (const auto& e : es)
        for (int f : FeatureRefs(FieldValue(e.body, "Covers"))) covered.insert(f);
      std::vector<std::string> missing;
      for (const auto& s : IdSections(*prd, 3, 'F')) {
        int id = std::atoi(s.heading.c_str() + 1);
        if (!covered.count(id)) missing.push_back("F" + std::to_string(id));
      }
      check(missing.empty(),
            missing.empty() ? "every PRD feature is covered by an epic" : "PRD features in no epic: " + Names(missing));
    }
  } else if (a == "tasks.md") {
    auto ts = IdSections(text, 3, 'T');
    std::vector<std::string> orphan;
    for (const auto& t : ts)
      if (FieldValue(t.body, "Epic").empty() && FieldValue(t.body, "Parent epic").empty())
        orphan.push_back(t.heading.substr(0, t.heading.find(':')));
    check(!ts.empty(), std::to_string(ts.size()) + " tasks defined as `### T<e>.<n>: Title`");
    check(orphan.empty(), orphan.empty() ? "every task names its epic" : "tasks without `Epic:`: " + Names(orphan));
  } else if (a == "data-model.md") {
    auto es = SectionsAt(text, 3);
    std::vector<std::string> bare;
    for (const auto& e : es)
      if (Tables(e.body).empty()) bare.push_back(e.heading);
    check(!es.empty(), std::to_string(es.size()) + " entities defined");
    check(bare.empty(),
          bare.empty() ? "every entity has a field table" : "entities without a field table: " + Names(bare));
  } else if (a == "api-spec.md") {
    auto eps = SectionsAt(text, 3);
    std::set<std::string> entities;
    if (const std::string* dm = Other(others, "data-model.md"))
      for (const auto& e : SectionsAt(*dm, 3)) entities.insert(e.heading);
    std::vector<std::string> unknown, no_resources;
    for (const auto& e : eps) {
      auto res = ListValue(FieldValue(e.body, "Resources"));
      if (res.empty()) no_resources.push_back(e.heading);
      for (const auto& x : res)
        if (!entities.empty() && !entities.count(x) && std::find(unknown.begin(), unknown.end(), x) == unknown.end())
          unknown.push_back(x);
    }
    check(!eps.empty(), std::to_string(eps.size()) + " endpoints defined as `### METHOD /path`");
    check(no_resources.empty(), no_resources.empty() ? "every endpoint names its resources"
                                                     : "endpoints without `Resources:`: " + Names(no_resources));
    if (!entities.empty())
      check(unknown.empty(), unknown.empty() ? "every resource is an entity of data-model.md"
                                             : "resources missing from data-model.md: " + Names(unknown));
  } else if (a == "component-mapping.md") {
    auto cs = SectionsAt(text, 3);
    check(!cs.empty(), std::to_string(cs.size()) + " components defined");
    if (const std::string* dt = Other(others, "design-tokens.md")) {
      DesignTokens defined = ParseDesignTokens(*dt);
      std::vector<std::string> unknown;
      for (const auto& c : cs)
        for (const auto& t : ListValue(FieldValue(c.body, "Tokens")))
          if (t.find('.') != std::string::npos && !defined.Defines(t) && !std::count(unknown.begin(), unknown.end(), t))
            unknown.push_back(t);
      check(unknown.empty(), unknown.empty() ? "every token used is defined in design-tokens.md"
                                             : "tokens not in design-tokens.md: " + Names(unknown));
    }
  } else if (a == "journey-maps.md") {
    auto js = SectionsAt(text, 2);
    check(!js.empty(), std::to_string(js.size()) + " journeys");
    std::vector<int> refs = FeatureRefs(text);
    check(!refs.empty(), std::to_string(refs.size()) + " distinct features exercised by the steps");
  } else if (a == "design-tokens.md") {
    DesignTokens t = ParseDesignTokens(text);
    check(t.colors.size() >= 3, std::to_string(t.colors.size()) + " colour tokens");
    check(!t.contrast_pairs.empty(), std::to_string(t.contrast_pairs.size()) + " contrast pairs");
    check(!t.spacing.empty(), std::to_string(t.spacing.size()) + " spacing tokens");
    // Sizes by value: the table and the css block define the same four.
    std::vector<std::string> sizes;
    for (const auto& s : t.type_sizes)
      if (!std::count(sizes.begin(), sizes.end(), s.value)) sizes.push_back(s.value);
    check(sizes.size() == 4, std::to_string(sizes.size()) + " type sizes (four expected)");
    check(text.find("```css") != std::string::npos, "a css code block with the custom properties");
  } else if (a == "dependencies.md") {
    size_t rows = 0;
    for (const auto& t : Tables(BodyOf(text))) rows += t.rows.size();
    check(rows > 0, std::to_string(rows) + " packages in the table");
  } else if (a == "stack.md") {
    check(!FrontmatterValue(text, "stack").empty(), "frontmatter names the stack id (`stack:`)");
  }
}

}  // namespace

Review ReviewArtifact(const std::string& artifact, const std::string& text,
                      const std::vector<std::pair<std::string, std::string>>& others) {
  Review r;
  auto split = markdown::SplitFrontmatter(text);
  std::vector<std::string> missing_fields;
  for (const char* k : {"title", "artifact", "phase", "agent", "version"})
    if (FrontmatterValue(text, k).empty()) missing_fields.push_back(k);
  r.checks.push_back({split.present && split.closed && missing_fields.empty(),
                      !split.present           ? "no frontmatter"
                      : missing_fields.empty() ? "frontmatter has title, artifact, phase, agent and version"
                                               : "frontmatter lacks " + Names(missing_fields)});
  auto expected = ExpectedSections(artifact);
  if (!expected.empty()) {
    auto sections = SectionsAt(text, 2);
    std::vector<std::string> missing;
    for (const auto& e : expected) {
      bool found = false;
      for (const auto& s : sections)
        found = found || (s.heading.size() >= e.size() && IEquals(s.heading.substr(0, e.size()), e));
      if (!found) missing.push_back("## " + (e == "Colo" ? std::string("Colour") : e));
    }
    r.checks.push_back({missing.empty(), std::to_string(expected.size() - missing.size()) + " of " +
                                             std::to_string(expected.size()) + " expected sections" +
                                             (missing.empty() ? "" : " (missing: " + Names(missing) + ")")});
  }
  KindChecks(artifact, text, others, &r);
  return r;
}

}  // namespace specwave::offline
