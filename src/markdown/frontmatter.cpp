#include "markdown/frontmatter.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace specwave::markdown {

bool FrontmatterTooComplex(std::string_view yaml) {
  constexpr size_t kMaxYamlBytes = 64 * 1024;
  constexpr int kMaxFlowDepth = 64;
  if (yaml.size() > kMaxYamlBytes) return true;
  int depth = 0, max = 0;
  for (char c : yaml) {
    if (c == '[' || c == '{')
      max = std::max(max, ++depth);
    else if ((c == ']' || c == '}') && depth > 0)
      --depth;
  }
  return max > kMaxFlowDepth;
}

FrontmatterSplit SplitFrontmatter(std::string_view text) {
  FrontmatterSplit out;
  out.body = text;
  // Skip a UTF-8 byte-order mark; editors on some platforms add one.
  size_t pos = StartsWith(text, "\xEF\xBB\xBF") ? 3 : 0;
  size_t eol = text.find('\n', pos);
  std::string_view first = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
  if (TrimRight(first) != "---") return out;
  out.present = true;
  out.yaml_first_line = 2;
  if (eol == std::string_view::npos) {
    out.yaml = {};
    out.body = {};
    return out;
  }
  size_t yaml_start = eol + 1;
  size_t line_start = yaml_start;
  int line_no = 2;
  while (line_start <= text.size()) {
    size_t nl = text.find('\n', line_start);
    std::string_view line = text.substr(line_start, nl == std::string_view::npos ? std::string_view::npos : nl - line_start);
    std::string_view t = TrimRight(line);
    if (t == "---" || t == "...") {
      out.closed = true;
      out.yaml = text.substr(yaml_start, line_start - yaml_start);
      out.body = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      out.body_first_line = line_no + 1;
      return out;
    }
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
    ++line_no;
  }
  // Unclosed: the whole rest is treated as YAML; callers report it.
  out.yaml = text.substr(yaml_start);
  out.body = {};
  out.body_first_line = line_no + 1;
  return out;
}

}  // namespace specwave::markdown
