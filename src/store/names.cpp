#include "store/names.hpp"

#include <cctype>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace specwave {

bool IsSafeArtifactName(std::string_view name, std::string* why) {
  auto fail = [&](const std::string& reason) {
    if (why) *why = reason;
    return false;
  };
  if (name.empty()) return fail("the name is empty");
  if (name.size() > 200) return fail("the name is longer than 200 bytes");
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return fail("the name contains a control character");
    if (std::string_view("\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos)
      return fail(std::string("the name contains '") + static_cast<char>(c) + "'");
  }
  if (name.front() == '/') return fail("the name is an absolute path");
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    std::string_view seg = name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg.empty()) return fail("the name has an empty path segment");
    if (seg == "." || seg == "..")
      return fail("the name contains '" + std::string(seg) + "' (it would leave the folder)");
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0, n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += len;
  }
  return true;
}

namespace {

std::vector<std::string> Words(std::string_view key) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < key.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    // camelCase hump: "apiKey" -> api, key.
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(key[i - 1]))) flush();
    cur.push_back(static_cast<char>(std::tolower(c)));
  }
  flush();
  return words;
}

}  // namespace

bool IsSecretKeyName(std::string_view key) {
  static const char* const kWords[] = {"key",           "apikey", "token",      "secret",      "password", "passwd",
                                       "authorization", "bearer", "credential", "credentials", "cookie"};
  for (const auto& w : Words(key))
    for (const char* s : kWords)
      if (w == s) return true;
  return false;
}

bool LooksLikeSecretValue(std::string_view v) {
  auto starts = [&](std::string_view p) { return v.substr(0, p.size()) == p; };
  return (starts("sk-") && v.size() >= 20) || starts("Bearer ") || starts("bearer ");
}

namespace {

// Depth-limited so that hostile input cannot exhaust the stack.
bool Scrub(nlohmann::json& j, int depth, int* removed) {
  if (depth > 64) return false;
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end();) {
      bool secret =
          IsSecretKeyName(it.key()) || (it->is_string() && LooksLikeSecretValue(it->get_ref<const std::string&>()));
      if (secret) {
        it = j.erase(it);
        ++*removed;
        continue;
      }
      if (!Scrub(*it, depth + 1, removed)) return false;
      ++it;
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size();) {
      if (j[i].is_string() && LooksLikeSecretValue(j[i].get_ref<const std::string&>())) {
        j.erase(i);
        ++*removed;
        continue;
      }
      if (!Scrub(j[i], depth + 1, removed)) return false;
      ++i;
    }
  }
  return true;
}

}  // namespace

bool ScrubSecrets(const std::string& settings_json, std::string* out, int* removed, std::string* why) {
  *removed = 0;
  try {
    nlohmann::json j =
        settings_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(settings_json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      if (why) *why = "settings are not a JSON object";
      return false;
    }
    if (!Scrub(j, 0, removed)) {
      if (why) *why = "settings are nested more than 64 levels deep";
      return false;
    }
    *out = j.dump();
    return true;
  } catch (const std::exception& e) {  // dump() throws on invalid UTF-8
    if (why) *why = std::string("settings could not be read: ") + e.what();
    return false;
  }
}

}  // namespace specwave
