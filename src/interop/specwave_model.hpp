// Specwave's own artifacts (docs/artifact-formats.md) read into the parts the
// formats move around, and written back in the same layout. Exporters read a
// Pack through these; importers build artifacts with them, so an artifact
// that goes out and comes back has the same sections as one the agents wrote.
//
//   Feature f = ParseFeature(node);          // "### F2: Route sketch" and its body
//   MdNode back = FeatureNode(f, 3);         // the same section again
//
// The parsers are lenient in the ways docs/artifact-formats.md lists
// ("F1 —", "Feature F1:", bold ids, Covers:/Features:/Implements:, Epic:/Parent
// epic:); what they do not recognise stays in the verbatim parts (notes,
// after, extra key lines, child sections), so nothing is lost by reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interop/md_tree.hpp"

namespace specwave::interop {

// "F2: Route sketch" / "**Feature F2** — Route sketch" -> {2, "Route sketch"};
// prefix 'F', 'E'; for 'T' the number is "<epic>.<n>" in *sub.
struct IdHeading {
  int number = 0;
  int sub = 0;  // tasks: T<number>.<sub>
  std::string title;
};
std::optional<IdHeading> ParseIdHeading(std::string_view heading, char prefix);

// Every F<n> (or E<n>) in text, in order, without repeats ("F1, F3-F5" gives 1 3 4 5).
std::vector<int> IdNumbersIn(std::string_view text, char prefix);

// "Covers: F1" with keys {"covers","features","implements"}: the value, or nullopt.
std::optional<std::string> KeyValue(std::string_view line, std::initializer_list<std::string_view> keys);

// A body cut at a labelled list: "text\n\nAcceptance:\n- a\n- b\n\nmore".
struct LabeledList {
  bool found = false;
  std::string before;              // normalised
  std::string label;               // the label line as written
  std::vector<std::string> items;  // without markers ("- ", "1. "); continuation lines kept
  std::string after;               // normalised
};
// `labels`: lower-case label texts, compared without bold markers and ':'.
LabeledList SplitAtList(std::string_view body, std::initializer_list<std::string_view> labels);

struct Feature {
  int number = 0;
  std::string title;                    // as written after the id
  std::string statement;                // first paragraph
  std::string notes;                    // the rest before the acceptance list
  std::string acceptance_label;         // "Acceptance:" as written; "" when there is none
  std::vector<std::string> acceptance;  // items without their "- " (continuation lines kept)
  std::string after;                    // text after the list
  std::vector<MdNode> children;         // sub-sections, verbatim
};
Feature ParseFeature(const MdNode& node);
MdNode FeatureNode(const Feature& f, int level);

struct Epic {
  int number = 0;
  std::string title;
  std::vector<int> covers;
  std::string covers_key = "Covers";  // the key as written
  std::string body;                   // the body without the Covers line
  std::vector<MdNode> children;
};
Epic ParseEpic(const MdNode& node);
// "Covers: F1, F3" ("" when it covers nothing).
std::string CoversLine(const Epic& e);
MdNode EpicNode(const Epic& e, int level);

struct Task {
  int epic = 0, number = 0;             // T<epic>.<number>
  std::string title;
  std::vector<std::string> key_lines;   // "Touches: ..." and any other leading "Key: value" lines but Epic:
  std::vector<std::string> touches;     // names on the Touches: line
  std::string prose;                    // the rest of the body
  std::vector<MdNode> children;
};
Task ParseTask(const MdNode& node, int section_epic);
MdNode TaskNode(const Task& t, int level);
// The task's body as it is written under its heading ("Epic: E1" first).
std::string TaskBody(const Task& t);

struct TaskGroup {
  int epic = 0;             // from the "## E<n>: Title" heading
  std::string heading;      // as written
  std::string body;         // text under it before the first task
  std::vector<Task> tasks;
};
std::vector<TaskGroup> ReadTaskGroups(const MdDoc& tasks_md);

// Splits "a, b, c" (commas or semicolons), trimming each and dropping
// backticks and bold markers around names.
std::vector<std::string> SplitNames(std::string_view list);

// First paragraph / everything after it.
std::pair<std::string, std::string> SplitFirstParagraph(std::string_view body);

// Upper- / lower-cases the first letter, for sentences moved into and out of
// templates ("Every number ..." <-> "... SHALL ensure every number ...").
// Lowering leaves acronyms ("WCAG", "iOS") alone.
std::string UpperFirst(std::string_view s);
std::string LowerFirst(std::string_view s);

}  // namespace specwave::interop
