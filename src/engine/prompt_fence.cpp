#include "engine/prompt_fence.hpp"

#include <cstdio>

#include "core/sha256.hpp"

namespace specwave {

namespace {

std::string MarkerName(std::string name) {
  for (char& c : name)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
  return name.empty() ? "data" : name;
}

}  // namespace

std::string FenceCode(const std::string& name, const std::string& text) {
  std::string material = "specwave-fence-v1";
  material += '\0';
  material += name;
  material += '\0';
  material += text;
  return Sha256Hex(material).substr(0, 16);
}

std::string Fence(const std::string& name, const std::string& text) {
  const std::string n = MarkerName(name);
  std::string body = text;
  if (body.empty() || body.back() != '\n') body += '\n';
  const std::string code = FenceCode(n, body);
  return "<<<BEGIN " + n + " " + code + ">>>\n" + body + "<<<END " + n + " " + code + ">>>\n";
}

std::string NumberLines(const std::string& text) {
  std::string out;
  int line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    char num[16];
    std::snprintf(num, sizeof num, "%4d | ", ++line);
    out += num;
    out.append(text, pos, end - pos);
    out += '\n';
    pos = end + 1;
  }
  return out;
}

}  // namespace specwave
