// Markdown benchmark: times, in one run, on generated ~1 MB PRD-like
// documents (headings, paragraphs, lists, code blocks, tables):
//   1. DiffSections when a few sections changed (5 edited, 1 added, 1 deleted);
//      with what its two SHA-256s and two outline parses take of that;
//   2. DiffLines on the same pair, on a pair where every 10th line changed,
//      and on the same lines shuffled (the capped worst case);
//   3. RenderBlocks of one document, for scale.
// Each figure is the median (and min) of several runs. Not a test: no thresholds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/sha256.hpp"
#include "markdown/line_diff.hpp"
#include "markdown/outline.hpp"
#include "markdown/render_blocks.hpp"
#include "markdown/section_diff.hpp"

using namespace specwave;
using namespace specwave::markdown;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kRuns = 11;

// One feature section; `variant` changes its wording (0 = original).
std::string Feature(int n, int variant) {
  std::string id = std::to_string(n), s = "### F" + id + ": Feature number " + id + "\n\n";
  s += "The system shall let a paddler plan trip " + id + " around the tide windows of station " +
       std::to_string(n * 7 % 101) + ", showing the safe launch and return times.\n";
  if (variant) s += "Revised: the window also accounts for wind over " + std::to_string(variant) + " knots.\n";
  s += "\nAcceptance:\n- Windows are computed from the tide table for feature " + id + ".\n";
  s += "- Times are shown in the site's time zone.\n- The plan can be shared.\n\n";
  if (n % 5 == 0) s += "```yaml\nfeature: F" + id + "\n# a comment, not a heading\nenabled: true\n```\n\n";
  if (n % 7 == 0) s += "| field | type | notes |\n|---|---|---|\n| id | int | feature " + id + " |\n\n";
  return s;
}

// `count` features; `edited` ones get variant text, `skip` is left out,
// `extra` adds one more after the last.
std::string Document(int count, const std::vector<int>& edited, int skip, bool extra) {
  std::string s = "---\ntitle: Product requirements\nversion: 1\n---\n\n# PRD\n\nIntro text.\n\n## Features\n\n";
  for (int n = 1; n <= count + (extra ? 1 : 0); ++n) {
    if (n == skip) continue;
    bool edit = std::find(edited.begin(), edited.end(), n) != edited.end();
    s += Feature(n, edit ? n : 0);
  }
  return s + "## Non-goals\n\n- Live tracking.\n";
}

// How many features make a document of about `bytes`.
int FeaturesFor(size_t bytes) {
  size_t size = 0;
  int n = 0;
  while (size < bytes) size += Feature(++n, 0).size();
  return n;
}

// Every 10th line of `text` replaced.
std::string EveryTenthLineChanged(const std::string& text) {
  std::string out;
  size_t start = 0;
  int line = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string::npos ? text.size() : nl;
    out += ++line % 10 == 0 ? "changed line " + std::to_string(line) : text.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

// The lines of `text` in a fixed pseudo-random order: every line has a
// partner, none in place — the hardest case for the line diff.
std::string ShuffledLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string::npos ? text.size() : nl;
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::mt19937 rng(42);
  std::shuffle(lines.begin(), lines.end(), rng);
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

struct Timing {
  double median_ms, min_ms;
};

Timing Time(const std::function<void()>& fn) {
  std::vector<double> ms;
  for (int i = 0; i < kRuns; ++i) {
    auto t0 = Steady::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front()};
}

void Print(const char* what, Timing t, const std::string& note) {
  std::printf("%-44s median %8.2f ms   min %8.2f ms   %s\n", what, t.median_ms, t.min_ms, note.c_str());
}

}  // namespace

int main() {
  const size_t kBytes = 1 << 20;
  const int features = FeaturesFor(kBytes);
  const std::string a = Document(features, {}, 0, false);
  const std::string b = Document(features, {3, 250, 800, 1500, 2100}, 1200, true);
  const std::string tenth = EveryTenthLineChanged(a);
  const std::string shuffled = ShuffledLines(a);
  std::printf("documents: %zu and %zu bytes, %zu sections; %d runs each\n\n", a.size(), b.size(),
              ParseOutline(a).sections.size(), kRuns);

  ChangeSummary summary;
  Timing t = Time([&] { summary = DiffSections(a, b); });
  Print("DiffSections (5 edited, 1 added, 1 deleted)", t,
        std::to_string(summary.sections.size()) + " section changes, impact " + ImpactName(summary.impact_level));
  t = Time([&] { Sha256Hex(a), Sha256Hex(b); });
  Print("  of which SHA-256 of both raw texts", t, "");
  t = Time([&] { ParseOutline(a), ParseOutline(b); });
  Print("  of which ParseOutline of both", t, "");

  LineDiff lines;
  auto line_note = [&] {
    return std::to_string(lines.rows.size()) + " rows, " + std::to_string(lines.equal) + " equal" +
           (lines.approximate ? ", approximate" : "");
  };
  t = Time([&] { lines = DiffLines(a, b); });
  Print("DiffLines (same pair)", t, line_note());
  t = Time([&] { lines = DiffLines(a, tenth); });
  Print("DiffLines (every 10th line changed)", t, line_note());
  t = Time([&] { lines = DiffLines(a, shuffled); });
  Print("DiffLines (same lines, shuffled)", t, line_note());

  size_t count = 0;
  t = Time([&] { count = RenderBlocks(a).size(); });
  Print("RenderBlocks (one document)", t, std::to_string(count) + " blocks");
  return 0;
}
