// Ids two people cannot make collide (interop/id_map.hpp): after the first
// export a new feature gets a number drawn from its content in the folder,
// so two branches that each add "the sixth feature" write two different
// numbers; merged with Git (git merge-file, both sides kept as a person
// would), each person's sync brings in the other's feature under its own
// next display id.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "interop/interop_test_util.hpp"
#include "interop/pack_view.hpp"
#include "interop/sync.hpp"

using namespace specwave;
using namespace specwave::interop;
namespace fs = std::filesystem;

namespace {

const std::string kSpec = "specs/001-tidewater/spec.md";

Pack WithFeature(Pack pack, const std::string& title, const std::string& statement) {
  std::string& prd = pack.artifacts["prd.md"];
  size_t at = prd.find("## User stories");
  REQUIRE(at != std::string::npos);
  prd.insert(at, "### F6: " + title + "\n\n" + statement + "\n\nAcceptance:\n- " + statement + "\n\n");
  return pack;
}

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A three-way merge of each file as Git makes it; where both sides inserted
// at the same place, both insertions are kept (git merge-file --union), which
// is what a person resolving the conflict by keeping both does.
FileTree GitMerge(const FileTree& base, const FileTree& ours, const FileTree& theirs) {
  fs::path dir = fs::path(test::ScratchDir()) / "interop" / "merge";
  fs::remove_all(dir);
  fs::create_directories(dir);
  FileTree out;
  std::set<std::string> paths;
  for (const auto* t : {&base, &ours, &theirs})
    for (const auto& [p, text] : *t) paths.insert(p);
  for (const std::string& p : paths) {
    auto get = [&](const FileTree& t) { return t.count(p) ? t.at(p) : std::string(); };
    std::string b = get(base), o = get(ours), t = get(theirs);
    if (o == t || t == b) {
      out[p] = o;
    } else if (o == b) {
      out[p] = t;
    } else if (p == kManifestPath) {
      out[p] = o;  // derived; either side does (docs/interop.md)
    } else {
      Write(dir / "ours", o);
      Write(dir / "base", b);
      Write(dir / "theirs", t);
      std::string cmd = "git merge-file --union " + (dir / "ours").string() + " " + (dir / "base").string() + " " +
                        (dir / "theirs").string();
      REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
      out[p] = Read(dir / "ours");
    }
  }
  return out;
}

std::vector<std::string> FrIds(const std::string& spec) {
  std::vector<std::string> out;
  std::regex fr(R"(\*\*FR-(\d+)\*\*)");
  for (auto it = std::sregex_iterator(spec.begin(), spec.end(), fr); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

std::vector<std::string> FeatureTitles(const Pack& p) {
  std::vector<std::string> out;
  for (const Feature& f : ViewOf(p).features) out.push_back("F" + std::to_string(f.number) + " " + f.title);
  return out;
}

struct Copy {
  std::string name;
  Pack project;
  CopyBase base;
};

// A copy's sync of `folder`: apply the plan's edits to its project, write back.
FileTree SyncInto(Copy* c, const FileTree& folder) {
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, c->project, c->base, Prefer::kNone);
  for (const auto& e : plan.errors) FAIL_CHECK(e.ToString());
  for (const auto& x : plan.conflicts) FAIL_CHECK("conflict " << x.artifact << " > " << x.section);
  for (const auto& [artifact, text] : plan.edits) c->project.artifacts[artifact] = text;
  SyncWrite w = FinishSync(Format::kSpecKit, folder, c->project, c->base, plan.ids, c->name, c->name, plan.changed_files);
  c->base = w.base;
  FileTree after = folder;
  for (const auto& [p, t] : w.files) after[p] = t;
  return after;
}

}  // namespace

TEST_CASE("Ids.ANewFeatureAfterTheFirstExportGetsAContentNumber") {
  ExportResult first = ExportPack(Format::kSpecKit, test::Tidewater(), ExportOptions{"alice", "alice", std::nullopt});
  Pack grown = WithFeature(test::Tidewater(), "Weather window", "Show the wind along the route.");
  ExportResult second = ExportPack(Format::kSpecKit, grown, ExportOptions{"alice", "alice", first.base});
  std::vector<std::string> ids = FrIds(second.files.at(kSpec));
  REQUIRE(ids.size() == 6);
  CHECK(ids[4] == "005");
  CHECK(ids[5].size() == 5);  // 10000..99999
  CHECK(std::stoi(ids[5]) == ContentNumber("alice", 'F', "Weather window"));
  CHECK(second.base.ids.features.at(6) == std::stoi(ids[5]));
  // Read back by the same copy, it is F6 again.
  ImportResult back = ImportPack(Format::kSpecKit, second.files, {}, grown, second.base.ids);
  CHECK(FeatureTitles(back.pack).back() == "F6 Weather window");
}

TEST_CASE("Ids.TwoBranchesAddingAFeatureDoNotCollide") {
  // The shared start: Alice exports, Bob imports the folder into his own project.
  Copy alice{"alice", test::Tidewater(), {}};
  ExportResult start = ExportPack(Format::kSpecKit, alice.project, ExportOptions{"alice", "alice", std::nullopt});
  alice.base = start.base;
  ImportResult imported = ImportPack(Format::kSpecKit, start.files, {}, Pack{}, IdSpace{});
  REQUIRE(imported.errors.empty());
  Copy bob{"bob", imported.pack, MakeBase(Format::kSpecKit, "bob", start.files, imported.pack, imported.pack, imported.ids)};
  FileTree shared = start.files;
  shared[BasePath("bob")] = BaseJson(bob.base);

  // Each adds a sixth feature in their own project and syncs on their own branch.
  alice.project = WithFeature(alice.project, "Weather window", "Show the wind along the route.");
  bob.project = WithFeature(bob.project, "Tide alarm", "Warn an hour before the tide turns.");
  FileTree branch_a = SyncInto(&alice, shared);
  FileTree branch_b = SyncInto(&bob, shared);
  std::vector<std::string> a_ids = FrIds(branch_a.at(kSpec)), b_ids = FrIds(branch_b.at(kSpec));
  REQUIRE(a_ids.size() == 6);
  REQUIRE(b_ids.size() == 6);
  CHECK(a_ids[5] != b_ids[5]);  // the same display id F6, two folder ids

  // Git merges the branches; each syncs the merge.
  FileTree merged = GitMerge(shared, branch_a, branch_b);
  std::vector<std::string> merged_ids = FrIds(merged.at(kSpec));
  CHECK(merged_ids.size() == 7);
  SyncInto(&alice, merged);
  SyncInto(&bob, merged);
  std::vector<std::string> a_titles = FeatureTitles(alice.project), b_titles = FeatureTitles(bob.project);
  REQUIRE(a_titles.size() == 7);
  REQUIRE(b_titles.size() == 7);
  // Each keeps its own sixth feature as F6 and gets the other's as F7 (placed
  // where the merged folder has it).
  auto has = [](const std::vector<std::string>& v, const std::string& t) { return std::find(v.begin(), v.end(), t) != v.end(); };
  CHECK(has(a_titles, "F6 Weather window"));
  CHECK(has(a_titles, "F7 Tide alarm"));
  CHECK(has(b_titles, "F6 Tide alarm"));
  CHECK(has(b_titles, "F7 Weather window"));
  // Each copy maps the other's folder number to its own display id.
  CHECK(alice.base.ids.features.at(7) == std::stoi(b_ids[5]));
  CHECK(bob.base.ids.features.at(7) == std::stoi(a_ids[5]));
}

TEST_CASE("Ids.TheSameIdTypedTwiceIsReportedNotMerged") {
  ExportResult ex = ExportPack(Format::kSpecKit, test::Tidewater(), {});
  FileTree folder = ex.files;
  std::string& spec = folder[kSpec];
  size_t fr5 = spec.find("- **FR-005**");
  spec.insert(fr5, "- **FR-006**: Show the wind.\n- **FR-006**: Warn before the tide turns.\n");
  size_t s5 = spec.find("### User Story 5");
  spec.insert(s5, "### User Story 6 - Weather window (Priority: P3)\n\nWind.\n\n### User Story 6 - Tide alarm (Priority: P3)\n\nAlarm.\n\n");
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, test::Tidewater(), ex.base, Prefer::kNone);
  REQUIRE(plan.errors.size() == 1);
  CHECK(plan.errors[0].message.find("F6 is defined twice") != std::string::npos);
  CHECK(plan.edits.empty());
}
