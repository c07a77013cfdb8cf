#include "engine/fan_out_items.hpp"

#include <cctype>

namespace specwave {
namespace {

bool Digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool Alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// After the id's digits: the end, a separator or a space; not "2nd" or "3D".
bool EndsId(std::string_view s, size_t i) {
  while (i < s.size() && (Digit(s[i]) || s[i] == '.')) ++i;
  return i == s.size() || !Alpha(s[i]);
}

}  // namespace

bool StartsWithItemId(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && (t[i] == '*' || t[i] == '_' || t[i] == '`' || t[i] == ' ')) ++i;
  t.remove_prefix(i);
  if (t.empty()) return false;
  if (Digit(t[0])) return EndsId(t, 0);  // "2. Routes", "3 Routes"
  // A short uppercase code with digits: E2, F1, FR-001, US-3, T1.2.
  size_t letters = 0;
  while (letters < t.size() && std::isupper(static_cast<unsigned char>(t[letters]))) ++letters;
  if (letters >= 1 && letters <= 5) {
    size_t j = letters;
    if (j < t.size() && (t[j] == '-' || t[j] == '_')) ++j;
    if (j < t.size() && Digit(t[j])) return EndsId(t, j);
  }
  // A word and a number: "Epic 2", "Story 1.1", "Phase 3", "Feature 4".
  size_t w = 0;
  while (w < t.size() && Alpha(t[w])) ++w;
  if (w >= 3 && w + 1 < t.size() && t[w] == ' ' && Digit(t[w + 1])) return EndsId(t, w + 1);
  return false;
}

std::vector<FanOutItem> NumberedItemsOnly(std::vector<FanOutItem> items, std::vector<std::string>* dropped) {
  size_t numbered = 0;
  for (const auto& it : items) numbered += StartsWithItemId(it.title);
  if (numbered == 0 || numbered == items.size()) return items;
  std::vector<FanOutItem> out;
  for (auto& it : items) {
    if (StartsWithItemId(it.title))
      out.push_back(std::move(it));
    else if (dropped)
      dropped->push_back(it.title);
  }
  return out;
}

}  // namespace specwave
