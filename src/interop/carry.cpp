#include "interop/carry.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"

namespace specwave::interop {

const MdNode& Top(const MdDoc& doc) {
  const MdNode* h1 = doc.H1();
  return h1 ? *h1 : doc.root;
}

const MdNode* ChildWithPrefix(const MdNode& parent, std::string_view prefix) {
  for (const MdNode& c : parent.children)
    if (c.title.size() >= prefix.size() && IEquals(std::string_view(c.title).substr(0, prefix.size()), prefix))
      return &c;
  return nullptr;
}

std::vector<MdNode> OtherSections(const MdNode& parent, std::initializer_list<std::string_view> except) {
  std::vector<MdNode> out;
  for (const MdNode& c : parent.children) {
    bool skip = false;
    for (std::string_view e : except)
      if (c.title.size() >= e.size() && IEquals(std::string_view(c.title).substr(0, e.size()), e)) skip = true;
    if (!skip) out.push_back(c);
  }
  return out;
}

void ShiftLevels(MdNode* node, int delta) {
  if (node->level > 0) node->level = std::clamp(node->level + delta, 1, 6);
  for (MdNode& c : node->children) ShiftLevels(&c, delta);
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view l : SplitLines(text)) out.emplace_back(l);
  return out;
}

std::string Indent(std::string_view text, int spaces) {
  std::string pad(static_cast<size_t>(spaces), ' '), out;
  for (std::string_view l : SplitLines(text)) out += (TrimRight(l).empty() ? std::string() : pad + std::string(l)) + "\n";
  return out;
}

std::string Dedent(std::string_view text, int spaces) {
  std::string out;
  for (std::string_view l : SplitLines(text)) {
    size_t i = 0;
    while (i < l.size() && i < static_cast<size_t>(spaces) && l[i] == ' ') ++i;
    out += std::string(l.substr(i)) + "\n";
  }
  return out;
}

std::string Numbered(int n, const std::string& slug) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", n);
  return std::string(buf) + "-" + slug;
}

std::string ShortName(std::string_view text, size_t max_words) {
  std::string_view s = Trim(text);
  size_t cut = s.find_first_of(".;:(—");
  if (cut != std::string_view::npos && cut > 0) s = Trim(s.substr(0, cut));
  std::string out;
  size_t words = 0;
  for (size_t i = 0; i < s.size() && words < max_words;) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) {
      out += (out.empty() ? "" : " ") + std::string(s.substr(i, j - i));
      ++words;
    }
    i = j + 1;
  }
  while (!out.empty() && (out.back() == ',' || out.back() == '.')) out.pop_back();
  return out;
}

}  // namespace specwave::interop
