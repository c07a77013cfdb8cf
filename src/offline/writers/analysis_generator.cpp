// analysis.md: the brief restated — problem, users, goals, constraints — plus
// risks and open questions found by keyword rules. Every risk quotes the
// words of the brief that raised it; everything not in the brief is marked
// "Inferred:" (the analyst's rule in engine/agents.cpp).
#include "core/text.hpp"
#include "offline/writers/generators.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

struct Rule {
  std::initializer_list<std::string_view> any;
  const char* text;
};

// The first sentence of the brief (constraints, features, prose) containing `phrase`.
std::string Evidence(const Brief& b, std::string_view phrase) {
  std::vector<std::string> pool = b.constraints;
  for (const auto& f : b.features) pool.push_back(f.title + ": " + f.description);
  for (const auto& s : Sentences(b.intro)) pool.push_back(s);
  pool.push_back(b.platform);
  for (const auto& s : pool)
    if (IContains(s, phrase)) return s.size() > 140 ? s.substr(0, 137) + "..." : s;
  return std::string(phrase);
}

const Rule kRisks[] = {
    {{"offline", "no signal", "no connection", "no network"},
     "**Sync conflicts** \xE2\x80\x94 records edited on two devices while offline must be merged on reconnect; without "
     "an explicit rule, edits are silently lost."},
    {{"offline", "no signal"},
     "**Device storage eviction** \xE2\x80\x94 browsers may clear offline data under storage pressure, taking plans "
     "that were never synced with it."},
    {{"text message", "sms"},
     "**Message delivery** \xE2\x80\x94 texts can be delayed or fail, and the provider can change price or terms; "
     "delivery status must be visible to the people relying on it."},
    {{"old android", "old phones", "slow connection", "low-end"},
     "**Performance on low-end devices** \xE2\x80\x94 heavy pages make the product unusable for the people who need "
     "it most."},
    {{"patient", "medical", "health", "clinic"},
     "**Privacy** \xE2\x80\x94 even a name and a phone number tied to a clinic visit is sensitive; retention and "
     "access must be limited and stated."},
    {{"wcag", "accessib"},
     "**Accessibility regressions** \xE2\x80\x94 without checks on every build, contrast and keyboard access erode."},
    {{"by link", "share"},
     "**Shared links leak** \xE2\x80\x94 anyone holding a link can open it; links need unguessable tokens and an "
     "expiry."},
    {{"predict", "harmonic", "estimate"},
     "**Accuracy** \xE2\x80\x94 predicted or estimated numbers can be wrong; show their source, age and uncertainty."},
    {{"strand", "alarm", "overdue", "safety", "emergency"},
     "**Safety** \xE2\x80\x94 a wrong or missing value can put people in danger; defaults must be conservative and "
     "warnings impossible to miss."},
    {{"live ", "real-time", "updates as"},
     "**Live updates under load** \xE2\x80\x94 every open screen holds a connection; a busy day multiplies them."},
    {{"public", "no paid"},
     "**Third-party data availability** \xE2\x80\x94 a free public source can change format or disappear; keep a "
     "cached copy and a fallback."},
    {{"csv", "export"},
     "**Exported data** \xE2\x80\x94 files leave the system's access control; CSV cells must be escaped against "
     "formula injection."},
    {{"payment", "card", "checkout"},
     "**Payments** \xE2\x80\x94 card data brings PCI DSS obligations; use a hosted payment page."},
};

struct Question {
  std::string_view word;
  const char* text;
};
const Question kQuestions[] = {
    {"urgent", "Who decides what is urgent, and by which rule?"},
    {"estimate", "How accurate must the estimate be, and how is it shown when it is uncertain?"},
    {"limit", "Who sets the limit, and what is the default?"},
    {"replaceable", "Which provider comes first, and what must a replacement support?"},
    {"daily", "Which time zone defines a day?"},
    {"link", "How long does a shared link stay valid, and can it be revoked?"},
    {"no-show", "After how long is a patient marked as a no-show?"},
    {"overdue", "Who is alerted when a plan is overdue, and how?"},
};

}  // namespace

std::string GenerateAnalysis(const GenInput& in) {
  const Brief& b = in.brief;
  std::string text = RuleText(b);
  std::string out = Header(in, "Analysis") + "\n" + InferenceNote(b);

  out += "## Problem\n\n";
  if (!b.tagline.empty()) out += b.name + ": " + b.tagline + ".\n\n";
  auto sentences = Sentences(b.intro);
  if (!sentences.empty()) {
    out += "From the brief:\n\n";
    for (size_t i = 0; i < sentences.size() && i < 4; ++i) out += "> " + sentences[i] + "\n";
    out += "\n";
  } else {
    out += "Inferred: the brief states no problem in prose; it is read from the features it lists.\n\n";
  }

  out += "## Users\n\n";
  for (const auto& u : b.users) out += "- " + u + (b.users_inferred ? " (inferred)" : "") + "\n";
  if (!b.audience.empty() && !b.users_inferred) out += "\nAudience (frontmatter): " + b.audience + ".\n";

  out += "\n## Goals\n\n";
  for (const auto& s : b.success) out += "- " + s + "\n";
  auto roles = Roles(b);
  auto features = FeaturesFromBrief(b);
  for (size_t r = 0; r < roles.size(); ++r) {
    std::vector<std::string> titles;
    for (int id : FeaturesForRole(roles, r, features))
      for (const auto& f : features)
        if (f.id == id) titles.push_back(Lowercase1(f.title) + " (F" + std::to_string(id) + ")");
    if (!titles.empty()) out += "- Inferred: " + roles[r].name + " can rely on " + JoinList(titles) + ".\n";
  }

  out += "\n## Constraints\n\n";
  for (const auto& c : b.constraints) out += "- " + c + "\n";
  if (!b.platform.empty()) out += "- Platform: " + b.platform + ".\n";
  if (!b.tone.empty()) out += "- Tone of voice and design: " + b.tone + ".\n";
  if (b.constraints.empty() && b.platform.empty())
    out += "- None stated in the brief. Inferred: a web app, no budget limits known.\n";

  out += "\n## Risks\n\n";
  int risks = 0;
  for (const auto& rule : kRisks) {
    for (auto phrase : rule.any) {
      if (text.find(phrase) == std::string::npos) continue;
      out += "- " + std::string(rule.text) + " (The brief: \"" + Evidence(b, Trim(phrase)) + "\")\n";
      ++risks;
      break;
    }
  }
  if (b.features.size() >= 6)
    out += "- **Scope** \xE2\x80\x94 " + std::to_string(b.features.size()) +
           " features for a first release; order them so the first epic ships on its own.\n";
  if (risks == 0)
    out +=
        "- **Adoption** \xE2\x80\x94 Inferred: no specific risk is named in the brief; the main risk is that the "
        "intended users keep their current way of working.\n";

  out += "\n## Open questions\n\n";
  if (b.success.empty()) out += "- How will success be measured? The brief has no Success section.\n";
  if (b.brand_color.empty())
    out += "- Which brand colour? None is given; the design tokens derive one from the name.\n";
  if (b.platform.empty()) out += "- Which platforms and browsers must be supported?\n";
  if (text.find("no account") != std::string::npos && roles.size() > 1)
    out += "- The brief says \"no account\" for one group; do " + roles[1].name + " sign in?\n";
  for (const auto& q : kQuestions)
    for (const auto& f : features)
      if (IContains(f.description, q.word) || IContains(f.title, q.word)) {
        out += "- F" + std::to_string(f.id) + " (" + f.title + "): " + q.text + "\n";
        break;
      }
  for (const auto& note : b.inferences) out += "- Is this inference right? " + note + "\n";
  return out;
}

}  // namespace specwave::offline
