#include "interop/openspec_changes.hpp"

#include <ctime>
#include <set>

#include "core/text.hpp"
#include "markdown/section_diff.hpp"

namespace specwave::interop {
namespace {

enum class Delta { kAdded, kModified, kRemoved };

std::string Date(int64_t unix_ms) {
  if (unix_ms <= 0) return "";
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Feature number of a section path "... > Features > F2: Route sketch > ...".
int FeatureIn(const std::string& path) {
  size_t at = 0;
  for (;;) {
    size_t next = path.find(" > ", at);
    std::string part = path.substr(at, next == std::string::npos ? std::string::npos : next - at);
    if (auto id = ParseIdHeading(part, 'F')) return id->number;
    if (next == std::string::npos) return 0;
    at = next + 3;
  }
}

std::map<int, Delta> FeatureDeltas(const std::string& old_text, const std::string& new_text) {
  std::map<int, Delta> out;
  std::map<int, std::set<markdown::ChangeKind>> kinds;
  for (const markdown::SectionDelta& d : markdown::DiffSections(old_text, new_text).sections) {
    int f = FeatureIn(d.section);
    if (f == 0) continue;
    std::string last = d.section.substr(d.section.rfind(" > ") == std::string::npos ? 0 : d.section.rfind(" > ") + 3);
    bool own = ParseIdHeading(last, 'F').has_value();
    kinds[f].insert(own ? d.change : markdown::ChangeKind::kModified);
  }
  for (const auto& [f, k] : kinds) {
    if (k.size() == 1 && *k.begin() == markdown::ChangeKind::kAdded) out[f] = Delta::kAdded;
    else if (k.size() == 1 && *k.begin() == markdown::ChangeKind::kDeleted) out[f] = Delta::kRemoved;
    else out[f] = Delta::kModified;
  }
  return out;
}

std::string ChangeTitle(const PackVersion& v) {
  if (!v.regeneration_reason.empty()) return v.regeneration_reason;
  if (v.author == "user") return "A person edited prd.md";
  return "The product manager agent rewrote prd.md";
}

}  // namespace

std::map<std::string, std::string> OpenSpecChanges(const Pack& pack, const openspec::Capabilities& caps) {
  std::map<std::string, std::string> files;
  auto hist = pack.history.find("prd.md");
  if (hist == pack.history.end() || hist->second.size() < 2) return files;
  const std::vector<PackVersion>& versions = hist->second;
  for (size_t k = 1; k < versions.size(); ++k) {
    const PackVersion& before = versions[k - 1];
    const PackVersion& after = versions[k];
    std::map<int, Delta> deltas = FeatureDeltas(before.content, after.content);
    if (deltas.empty()) continue;
    PackView old_view = ViewOf(Pack{"", {{"prd.md", before.content}}, {}, {}});
    PackView new_view = ViewOf(Pack{"", {{"prd.md", after.content}}, {}, {}});
    std::string date = Date(after.created_at);
    std::string name = (date.empty() ? "" : date + "-") + "prd-v" + std::to_string(after.version);
    std::string dir = std::string(openspec::kArchiveDir) + name + "/";
    // Per capability: the three delta sections.
    std::map<std::string, std::map<Delta, std::vector<MdNode>>> per_cap;
    std::string what, task_lines;
    int task = 0;
    for (const auto& [number, delta] : deltas) {
      const Feature* now = new_view.FeatureNumber(number);
      const Feature* was = old_view.FeatureNumber(number);
      const Feature* f = now ? now : was;
      if (!f) continue;
      auto cap_it = caps.of_feature.find(number);
      std::string cap = cap_it != caps.of_feature.end() ? cap_it->second : (caps.order.empty() ? "product" : caps.order[0]);
      const char* word = delta == Delta::kAdded ? "ADDED" : delta == Delta::kModified ? "MODIFIED" : "REMOVED";
      what += "- **" + std::string(word) + "** " + f->title + " (F" + std::to_string(number) + ")\n";
      task_lines += "- [x] 1." + std::to_string(++task) + " " +
                    (delta == Delta::kAdded ? "Add" : delta == Delta::kModified ? "Update" : "Remove") +
                    " requirement \"" + f->title + "\"\n";
      if (delta == Delta::kRemoved) {
        per_cap[cap][delta].push_back(MakeNode(3, "Requirement: " + f->title,
                                               "**Reason**: removed from prd.md in version " +
                                                   std::to_string(after.version) +
                                                   "\n**Migration**: none recorded in the Specwave project"));
      } else {
        per_cap[cap][delta].push_back(openspec::RequirementNode(*f));
      }
    }
    std::string caps_list;
    for (auto& [cap, by_delta] : per_cap) {
      MdNode top;
      for (Delta d : {Delta::kAdded, Delta::kModified, Delta::kRemoved}) {
        auto it = by_delta.find(d);
        if (it == by_delta.end()) continue;
        MdNode sec = MakeNode(2, std::string(d == Delta::kAdded ? "ADDED" : d == Delta::kModified ? "MODIFIED" : "REMOVED") +
                                     " Requirements");
        sec.children = it->second;
        top.children.push_back(std::move(sec));
      }
      files[dir + "specs/" + cap + "/spec.md"] = RenderBelow(top);
      caps_list += "- `" + cap + "`: requirements changed in prd.md version " + std::to_string(after.version) + "\n";
    }
    std::string why = ChangeTitle(after) + "; Specwave recorded it as prd.md version " + std::to_string(after.version) +
                      " (after version " + std::to_string(before.version) + ").";
    MdNode proposal;
    proposal.children.push_back(MakeNode(2, "Why", why));
    proposal.children.push_back(MakeNode(2, "What Changes", what));
    MdNode capabilities = MakeNode(2, "Capabilities");
    capabilities.children.push_back(MakeNode(3, "Modified Capabilities", caps_list));
    proposal.children.push_back(std::move(capabilities));
    proposal.children.push_back(MakeNode(2, "Impact",
                                         "- Specwave: prd.md v" + std::to_string(before.version) + " -> v" +
                                             std::to_string(after.version) +
                                             "; the impact on the rest of the pack is in the project's change log"));
    files[dir + "proposal.md"] = RenderBelow(proposal);
    files[dir + "tasks.md"] = "## 1. Specwave\n\n" + task_lines;
    files[dir + ".openspec.yaml"] = "schema: spec-driven\n" + (date.empty() ? "" : "created: " + date + "\n");
  }
  return files;
}

}  // namespace specwave::interop
