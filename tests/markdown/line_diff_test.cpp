#include "markdown/line_diff.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "markdown/source_text.hpp"

using namespace specwave::markdown;

namespace {

// "=1,1 +0,2 -3,0 ~4,3" per row.
std::string Rows(const LineDiff& d) {
  std::string out;
  for (const auto& r : d.rows) {
    const char* k = r.kind == LineKind::kEqual    ? "="
                    : r.kind == LineKind::kInsert ? "+"
                    : r.kind == LineKind::kDelete ? "-"
                                                  : "~";
    if (!out.empty()) out += ' ';
    out += k + std::to_string(r.old_line) + "," + std::to_string(r.new_line);
  }
  return out;
}

// Every line once, in order, and equal rows really equal.
void CheckCovers(const std::string& a, const std::string& b, const LineDiff& d) {
  auto la = SplitSourceLines(a), lb = SplitSourceLines(b);
  int next_old = 1, next_new = 1;
  for (const auto& r : d.rows) {
    if (r.old_line) REQUIRE(r.old_line == next_old++);
    if (r.new_line) REQUIRE(r.new_line == next_new++);
    if (r.kind == LineKind::kEqual) REQUIRE(la[size_t(r.old_line - 1)] == lb[size_t(r.new_line - 1)]);
  }
  CHECK(next_old == static_cast<int>(la.size()) + 1);
  CHECK(next_new == static_cast<int>(lb.size()) + 1);
}

size_t LcsLength(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

std::string RandomDoc(std::mt19937& rng, int lines, int alphabet) {
  std::string s;
  for (int i = 0; i < lines; ++i) s += "line " + std::to_string(rng() % static_cast<unsigned>(alphabet)) + "\n";
  return s;
}

}  // namespace

TEST_CASE("LineDiff.EqualTexts") {
  LineDiff d = DiffLines("a\nb\nc\n", "a\nb\nc\n");
  CHECK(Rows(d) == "=1,1 =2,2 =3,3");
  CHECK(d.equal == 3);
  CHECK_FALSE(d.approximate);
}

TEST_CASE("LineDiff.InsertDeleteAndChangeRows") {
  CHECK(Rows(DiffLines("a\nc\n", "a\nb\nc\n")) == "=1,1 +0,2 =2,3");
  CHECK(Rows(DiffLines("a\nb\nc\n", "a\nc\n")) == "=1,1 -2,0 =3,2");
  LineDiff d = DiffLines("a\nold1\nold2\nold3\nz\n", "a\nnew1\nnew2\nz\n");
  CHECK(Rows(d) == "=1,1 ~2,2 ~3,3 -4,0 =5,4");
  CHECK(d.changed == 2);
  CHECK(d.deleted == 1);
  CHECK(d.inserted == 0);
  CHECK(d.equal == 2);
  CHECK(std::string(LineKindName(LineKind::kChange)) == "change");
}

TEST_CASE("LineDiff.LineEndingsAndTrailingWhitespace") {
  CHECK(Rows(DiffLines("a\nb  \n", "a\r\nb\r\n")) == "=1,1 =2,2");
  CHECK(Rows(DiffLines("a\rb\r", "a\nb\n")) == "=1,1 =2,2");  // a lone CR ends a line
  LineDiffOptions exact;
  exact.ignore_trailing_whitespace = false;
  CHECK(Rows(DiffLines("a\nb  \n", "a\nb\n", exact)) == "=1,1 ~2,2");
}

TEST_CASE("LineDiff.EmptySides") {
  CHECK(Rows(DiffLines("", "")).empty());
  CHECK(Rows(DiffLines("", "x\ny")) == "+0,1 +0,2");
  CHECK(Rows(DiffLines("x\ny\n", "")) == "-1,0 -2,0");
}

TEST_CASE("LineDiff.MinimalOnSmallInputs") {
  // Under the caps the diff is a longest common subsequence: compare with DP.
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string a = RandomDoc(rng, static_cast<int>(rng() % 40), 6);
    std::string b = RandomDoc(rng, static_cast<int>(rng() % 40), 6);
    LineDiff d = DiffLines(a, b);
    CheckCovers(a, b, d);
    CHECK_FALSE(d.approximate);
    CHECK(static_cast<size_t>(d.equal) == LcsLength(SplitSourceLines(a), SplitSourceLines(b)));
  }
}

TEST_CASE("LineDiff.CappedWorkStaysCorrect") {
  // Two large documents that differ everywhere, with a tiny work budget: the
  // diff settles for an approximate answer, still covering every line.
  std::mt19937 rng(11);
  std::string a = RandomDoc(rng, 20000, 50), b = RandomDoc(rng, 20000, 50);
  LineDiffOptions tight;
  tight.max_work = 10000;
  LineDiff d = DiffLines(a, b, tight);
  CHECK(d.approximate);
  CheckCovers(a, b, d);
  // With the default budget the same input is matched far better.
  LineDiff full = DiffLines(a, b);
  CheckCovers(a, b, full);
  CHECK(full.equal > d.equal);
}

TEST_CASE("LineDiff.LinesUniqueToOneSideAreSetAsideExactly") {
  // Lines that exist on one side only never match; removing them first must
  // not change the result.
  std::string a, b;
  for (int i = 0; i < 300; ++i) {
    a += "common " + std::to_string(i) + "\nold only " + std::to_string(i) + "\n";
    b += "new only " + std::to_string(i) + "\ncommon " + std::to_string(i) + "\n";
  }
  LineDiff d = DiffLines(a, b);
  CheckCovers(a, b, d);
  CHECK(d.equal == 300);
  CHECK_FALSE(d.approximate);
}
