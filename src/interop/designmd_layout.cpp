#include "interop/designmd_layout.hpp"

#include <cctype>

#include "core/text.hpp"
#include "interop/artifact_header.hpp"

namespace specwave::interop::designmd {
namespace {

std::string Strip(std::string_view token, std::initializer_list<std::string_view> prefixes) {
  std::string t(Trim(token));
  while (!t.empty() && t.front() == '`') t.erase(0, 1);
  while (!t.empty() && t.back() == '`') t.pop_back();
  for (std::string_view p : prefixes)
    if (StartsWith(ToLower(t), p)) return t.substr(p.size());
  if (StartsWith(t, "--")) t = t.substr(2);
  for (char& c : t)
    if (c == '.') c = '-';
  return t;
}

}  // namespace

std::string ColorKey(std::string_view t) { return Strip(t, {"color.", "colour.", "--color-", "colors."}); }
std::string SpacingKey(std::string_view t) { return Strip(t, {"space.", "spacing.", "--space-", "--spacing-"}); }
std::string TypeKey(std::string_view t) { return Strip(t, {"type.", "typography.", "--type-", "font-size."}); }
std::string RadiusKey(std::string_view t) { return Strip(t, {"radius.", "rounded.", "--radius-", "--rounded-"}); }

bool IsRadiusName(std::string_view token) {
  std::string t = ToLower(Trim(token));
  return StartsWith(t, "radius.") || StartsWith(t, "rounded.") || StartsWith(t, "--radius") || StartsWith(t, "--rounded");
}

std::string ComponentKey(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && !out.empty() && out.back() != '-') out += '-';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string YamlScalar(std::string_view value) {
  std::string v(Trim(value));
  bool plain = !v.empty();
  for (char c : v)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) plain = false;
  // Bare only for numbers and dimensions ("4px", "1.5", "1.125rem").
  if (plain && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '.' || v[0] == '-')) return v;
  return Quoted(v);
}

std::string YamlKey(std::string_view key) {
  std::string k(Trim(key));
  bool word = !k.empty() && std::isalpha(static_cast<unsigned char>(k[0]));
  for (char c : k)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) word = false;
  return word ? k : Quoted(k);
}

}  // namespace specwave::interop::designmd
