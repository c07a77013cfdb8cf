// Forbidden: blob ("blobby", organic) background shapes. Found as
// border-radius values with three or more different corner percentages or
// an elliptical '/' form whose corners differ ("30% 70% 70% 30% / 30% 30%
// 70% 70%"), also as Tailwind rounded-[...] and custom properties; as
// `.blob` selectors, class lists and blob*.svg files; and as "blob" in a
// sentence about backgrounds, shapes or decoration. "Blob storage" and SQL
// BLOB columns are data, not shapes.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.hpp"
#include "validators/slop_rules.hpp"

namespace specwave::validators {
namespace {

// The corner radii of one side of a border-radius value ("30% 70% 70% 30%").
struct Radii {
  std::set<long> nonzero;  // distinct non-zero values, in hundredths
  bool percent = false;
  int count = 0;
};

Radii ReadRadii(std::string_view side) {
  Radii r;
  size_t i = 0;
  while (i < side.size()) {
    while (i < side.size() && (side[i] == ' ' || side[i] == '\t' || side[i] == '\n')) ++i;
    size_t b = i;
    while (i < side.size() && side[i] != ' ' && side[i] != '\t' && side[i] != '\n') ++i;
    std::string_view w = side.substr(b, i - b);
    if (w.empty()) break;
    double v = 0;
    size_t used = ParseCssNumber(w, &v);
    if (!used) continue;
    ++r.count;
    if (w.substr(used) == "%") r.percent = true;
    long key = std::lround(v * 100);
    if (key != 0) r.nonzero.insert(key);
  }
  return r;
}

// Organic: an elliptical form whose corners differ on either side, or three or
// more different corner percentages. A circle (50%), a pill (50% / 10%), a
// leaf (50% 0) and one radius per corner in px are all fine.
bool IsOrganicRadius(std::string_view value) {
  std::string v(value);
  std::replace(v.begin(), v.end(), '_', ' ');  // Tailwind arbitrary values
  if (size_t imp = ToLower(v).find("!important"); imp != std::string::npos) v.resize(imp);
  auto sides = SplitTopLevel(v, '/');
  if (sides.size() == 2) {
    Radii a = ReadRadii(sides[0]), b = ReadRadii(sides[1]);
    return (a.percent || b.percent) && (a.nonzero.size() >= 2 || b.nonzero.size() >= 2);
  }
  Radii a = ReadRadii(v);
  return a.percent && a.nonzero.size() >= 3;
}

bool VisualContext(std::string_view s) {
  static const std::vector<std::string_view> kWords = {
      "background", "backgrounds", "backdrop", "shape",        "shapes",  "decor",     "decoration",
      "decorative", "svg",         "hero",     "illustration", "organic", "wallpaper", "ornament",
      "ornamental", "floating",    "gradient", "behind",       "morph",   "morphing",  "amoeba",
      "layer",      "layers",      "blur",     "blurred",      "visual",  "visuals",   "pattern"};
  return ContainsAnyWord(s, kWords);
}

bool DataContext(std::string_view s) {
  static const std::vector<std::string_view> kWords = {"storage", "binary",  "bytes",  "column", "sql",   "database",
                                                       "upload",  "uploads", "object", "git",    "s3",    "blobstore",
                                                       "bucket",  "file",    "files",  "mime",   "stream"};
  return ContainsAnyWord(s, kWords);
}

void Add(const SlopInput& in, size_t offset, std::string message, std::vector<Finding>* out) {
  int line = in.md->LineOf(offset);
  out->push_back({Severity::kError, "blob-shape", line, std::move(message), Excerpt(in.md->At(line).text), ""});
}

}  // namespace

void CheckBlobs(const SlopInput& in, std::vector<Finding>* out) {
  std::string_view t = in.text;
  std::set<int> lines;  // one finding per line
  auto add = [&](size_t offset, std::string message) {
    if (lines.insert(in.md->LineOf(offset)).second) Add(in, offset, std::move(message), out);
  };
  // 1. border-radius and radius/shape custom properties.
  for (const auto& d : in.declarations) {
    bool radius = d.property.find("radius") != std::string::npos ||
                  (StartsWith(d.property, "--") &&
                   (d.property.find("blob") != std::string::npos || d.property.find("shape") != std::string::npos));
    if (radius && IsOrganicRadius(ResolveVar(d.value, in.properties)))
      add(d.offset,
          "an organic border-radius (" + std::string(d.value) + ") draws a blob; use one radius from the radius scale");
  }
  // 2. Tailwind rounded-[...].
  for (size_t at = t.find("rounded"); at != std::string_view::npos; at = t.find("rounded", at + 7)) {
    size_t open = t.find("-[", at);
    if (open == std::string_view::npos || open > at + 12) continue;
    size_t close = t.find(']', open);
    if (close == std::string_view::npos || close - open > 200) continue;
    if (IsOrganicRadius(t.substr(open + 2, close - open - 2)))
      add(at, "an organic rounded-[...] radius draws a blob; use one radius from the radius scale");
  }
  // 3. The word.
  int class_line = -1;
  bool line_has_class = false;
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    if (!IEquals(t.substr(i, 4), "blob") || (i > 0 && IsAsciiLetter(t[i - 1]))) continue;
    size_t n = 4;
    while (i + n < t.size() && IsAsciiLetter(t[i + n])) ++n;
    std::string word = ToLower(t.substr(i, n));
    if (word != "blob" && word != "blobs" && word != "blobby" && word != "blobbies" && word != "blobbed") continue;
    const int line = in.md->LineOf(i);
    const MdLine& l = in.md->At(line);
    if (l.in_frontmatter || lines.count(line)) continue;  // one finding per line: skip the sentence work
    Span s = SentenceAround(t, i);
    std::string_view sentence = t.substr(s.begin, s.end - s.begin);
    std::string_view before = t.substr(s.begin, i - s.begin),
                     after = t.substr(i + n, s.end > i + n ? s.end - i - n : 0);
    bool selector = i > 0 && t[i - 1] == '.' && (i < 2 || !IsAsciiAlnum(t[i - 2]));
    std::string rest = ToLower(t.substr(i + n, std::min<size_t>(40, t.size() - i - n)));
    size_t svg = rest.find(".svg");
    bool file = svg != std::string::npos && rest.find_first_of(" \t\n\"')") > svg;
    // Whether the line mentions "class" is asked once per line, not once per
    // match: a long line with many matches stays linear.
    if (line != class_line) {
      class_line = line;
      line_has_class = IContains(l.text, "class");
    }
    bool css_class = line_has_class && !DataContext(sentence);
    if (selector || file || css_class || word == "blobby" || word == "blobbies") {
      if (!NegatedBefore(before))
        add(i,
            "blob shapes (\"" + std::string(t.substr(i, n)) + "\") are decoration without meaning; use flat surfaces");
      continue;
    }
    if (VisualContext(sentence) && !DataContext(sentence) && !NegatedBefore(before) && !NegatedAfter(after))
      add(i, "blob background shapes are decoration without meaning; use flat surfaces");
  }
}

}  // namespace specwave::validators
