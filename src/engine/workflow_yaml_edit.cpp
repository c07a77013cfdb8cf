#include "engine/workflow_yaml_edit.hpp"

#include <algorithm>

namespace specwave {
namespace {

using Lines = std::vector<std::string>;

int Indent(const std::string& l) {
  int n = 0;
  while (n < static_cast<int>(l.size()) && l[n] == ' ') ++n;
  return n;
}

bool BlankOrComment(const std::string& l) {
  const size_t i = l.find_first_not_of(" \t");
  return i == std::string::npos || l[i] == '#';
}
bool Blank(const std::string& l) { return l.find_first_not_of(" \t") == std::string::npos; }

// The key of a `key: value` line (plain or quoted), and where its value starts.
bool KeyOf(const std::string& l, std::string* key, size_t* rest) {
  size_t i = Indent(l);
  if (i >= l.size()) return false;
  size_t end;
  if (l[i] == '"' || l[i] == '\'') {
    end = l.find(l[i], i + 1);
    if (end == std::string::npos) return false;
    *key = l.substr(i + 1, end - i - 1);
    ++end;
  } else {
    end = i;
    while (end < l.size() && !(l[end] == ':' && (end + 1 == l.size() || l[end + 1] == ' '))) ++end;
    if (end >= l.size()) return false;
    *key = l.substr(i, end - i);
    while (!key->empty() && key->back() == ' ') key->pop_back();
  }
  if (end >= l.size() || l[end] != ':') return false;
  *rest = end + 1;
  return true;
}

// Splits a one-line value from its trailing comment (" # …" outside quotes and brackets).
void SplitComment(const std::string& rest, std::string* value, std::string* comment) {
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    char c = rest[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') ++depth;
    else if (c == ']' || c == '}') --depth;
    else if (c == '#' && depth <= 0 && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      size_t v_end = i;
      while (v_end > 0 && (rest[v_end - 1] == ' ' || rest[v_end - 1] == '\t')) --v_end;
      *value = rest.substr(0, v_end);
      // Keep the spacing before the comment as the person aligned it.
      *comment = rest.substr(v_end);
      return;
    }
  }
  size_t v_end = rest.find_last_not_of(" \t");
  *value = v_end == std::string::npos ? "" : rest.substr(0, v_end + 1);
  comment->clear();
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

bool NeedsQuotes(const std::string& s, bool in_flow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return true;
  static const std::string kLead = "-?:,[]{}#&*!|>'\"%@`";
  if (kLead.find(s.front()) != std::string::npos) return true;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':') return true;
  if (in_flow && s.find_first_of(",[]{}") != std::string::npos) return true;
  std::string lower = s;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  static const char* kWords[] = {"true", "false", "yes", "no", "on", "off", "null", "~"};
  for (const char* w : kWords)
    if (lower == w) return true;
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20; });
}

std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20) {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string Scalar(const std::string& s, bool in_flow) { return NeedsQuotes(s, in_flow) ? Quoted(s) : s; }

std::string FlowList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Scalar(items[i], true);
  return out + "]";
}

Lines SplitLines(const std::string& text, std::string* eol, bool* final_newline) {
  *eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  Lines out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  *final_newline = !text.empty() && text.back() == '\n';
  return out;
}

std::string JoinLines(const Lines& lines, const std::string& eol, bool final_newline) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 < lines.size() || final_newline) out += eol;
  }
  return out;
}

std::string AtLine(size_t index) { return " (line " + std::to_string(index + 1) + ")"; }

}  // namespace

const char* PhaseSettingKey(PhaseSetting::Field field) {
  switch (field) {
    case PhaseSetting::Field::kPrompt: return "prompt";
    case PhaseSetting::Field::kCritical: return "critical";
    case PhaseSetting::Field::kApprovalGates: return "approval_gates";
    case PhaseSetting::Field::kValidators: return "validators";
  }
  return "";
}

YamlEdit SetPhaseSetting(const std::string& yaml, const PhaseSetting& s) {
  YamlEdit out;
  std::string eol;
  bool final_newline = false;
  Lines lines = SplitLines(yaml, &eol, &final_newline);
  const std::string key_name = PhaseSettingKey(s.field);
  std::string key;
  size_t rest = 0;

  // The top-level `phases:` and its block.
  size_t phases_line = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    if (Indent(lines[i]) == 0 && KeyOf(lines[i], &key, &rest) && key == "phases") {
      phases_line = i;
      break;
    }
  if (phases_line == lines.size()) {
    out.error = "the workflow has no top-level 'phases:' written in block style";
    return out;
  }
  int phase_indent = -1;
  size_t phase_line = lines.size(), phases_end = lines.size();
  for (size_t i = phases_line + 1; i < lines.size(); ++i) {
    if (BlankOrComment(lines[i])) continue;
    int ind = Indent(lines[i]);
    if (ind == 0) {
      phases_end = i;
      break;
    }
    if (phase_indent < 0) phase_indent = ind;
    if (ind == phase_indent && KeyOf(lines[i], &key, &rest) && key == s.phase && phase_line == lines.size())
      phase_line = i;
  }
  if (phase_line == lines.size()) {
    out.error = "no phase '" + s.phase + "' under 'phases:'";
    return out;
  }
  KeyOf(lines[phase_line], &key, &rest);
  std::string head_value, head_comment;
  SplitComment(lines[phase_line].substr(rest), &head_value, &head_comment);
  if (!Trim(head_value).empty()) {
    out.error = "phase '" + s.phase + "' is written on one line" + AtLine(phase_line) +
                "; change its " + key_name + " in the workflow editor";
    return out;
  }

  // The phase's block: up to the next line at its indentation or less.
  size_t block_end = phases_end;
  for (size_t i = phase_line + 1; i < phases_end; ++i)
    if (!BlankOrComment(lines[i]) && Indent(lines[i]) <= phase_indent) {
      block_end = i;
      break;
    }
  // Its last line of its own (comments before the next phase belong to that phase).
  size_t last = phase_line;
  for (size_t i = phase_line + 1; i < block_end; ++i)
    if (!Blank(lines[i]) && (Indent(lines[i]) > phase_indent)) last = i;
  int field_indent = -1;
  for (size_t i = phase_line + 1; i <= last && i < block_end; ++i)
    if (!BlankOrComment(lines[i])) {
      field_indent = Indent(lines[i]);
      break;
    }
  if (field_indent < 0) field_indent = phase_indent + 2;
  const std::string pad(field_indent, ' ');

  size_t field_line = lines.size();
  for (size_t i = phase_line + 1; i <= last; ++i)
    if (!BlankOrComment(lines[i]) && Indent(lines[i]) == field_indent && KeyOf(lines[i], &key, &rest) &&
        key == key_name) {
      field_line = i;
      break;
    }

  // The field's current form: one line (value + comment) or a block below it.
  std::string value, comment;
  size_t field_end = field_line;  // last line of the field (inclusive)
  bool block_scalar = false, block_list = false;
  int content_indent = field_indent + 2;
  if (field_line < lines.size()) {
    SplitComment(lines[field_line].substr(rest), &value, &comment);
    value = Trim(value);
    block_scalar = !value.empty() && (value[0] == '|' || value[0] == '>');
    for (size_t j = field_line + 1; j <= last; ++j) {
      const std::string& l = lines[j];
      bool more = Blank(l) || Indent(l) > field_indent;
      bool same_indent_item = value.empty() && Indent(l) == field_indent && l.compare(field_indent, 2, "- ") == 0;
      if (!more && !same_indent_item) break;
      field_end = j;
    }
    if (!block_scalar)
      while (field_end > field_line && BlankOrComment(lines[field_end])) --field_end;
    else
      while (field_end > field_line && Blank(lines[field_end])) --field_end;
    for (size_t j = field_line + 1; j <= field_end; ++j)
      if (!Blank(lines[j])) {
        content_indent = Indent(lines[j]);
        break;
      }
    block_list = value.empty() && field_end > field_line &&
                 lines[field_line + 1].compare(Indent(lines[field_line + 1]), 1, "-") == 0;
    if (block_scalar) comment.clear();  // a comment after "|" stays only if we keep the indicator line
  }

  // A one-line value that grows or shrinks keeps its comment in the column
  // the person aligned it to (at least one space before the '#').
  auto with_comment = [&](const std::string& head) {
    if (comment.empty() || field_line >= lines.size()) return head + comment;
    const size_t old_len = lines[field_line].size() - comment.size();
    size_t spaces = comment.find('#');
    long target = static_cast<long>(old_len + spaces) - static_cast<long>(head.size());
    return head + std::string(static_cast<size_t>(std::max(1L, target)), ' ') + comment.substr(spaces);
  };

  // The new lines of the field.
  Lines repl;
  switch (s.field) {
    case PhaseSetting::Field::kCritical:
      repl.push_back(with_comment(pad + key_name + ": " + (s.flag ? "true" : "false")));
      break;
    case PhaseSetting::Field::kApprovalGates:
    case PhaseSetting::Field::kValidators:
      if (block_list && !s.items.empty()) {
        repl.push_back(with_comment(pad + key_name + ":"));
        for (const auto& item : s.items) repl.push_back(std::string(content_indent, ' ') + "- " + Scalar(item, false));
      } else {
        repl.push_back(block_list ? pad + key_name + ": " + FlowList(s.items)
                                  : with_comment(pad + key_name + ": " + FlowList(s.items)));
      }
      break;
    case PhaseSetting::Field::kPrompt: {
      if (s.text.empty()) break;  // removes the field
      // One line without a newline stays a one-line scalar; anything else
      // (lines, or a final newline to keep) is a literal block.
      if (s.text.find('\n') == std::string::npos && !block_scalar) {
        repl.push_back(with_comment(pad + key_name + ": " + Scalar(s.text, false)));
        break;
      }
      std::string body = s.text;
      const bool ends_nl = !body.empty() && body.back() == '\n';
      if (ends_nl) body.pop_back();
      std::string body_eol;
      bool body_final = false;
      Lines body_lines = SplitLines(body, &body_eol, &body_final);
      std::string indicator = ends_nl ? "|" : "|-";
      if (!body_lines.empty() && !body_lines[0].empty() && body_lines[0][0] == ' ')
        indicator += std::to_string(content_indent - field_indent);
      repl.push_back(pad + key_name + ": " + indicator);
      for (const auto& bl : body_lines) repl.push_back(bl.empty() ? "" : std::string(content_indent, ' ') + bl);
      break;
    }
  }

  Lines result;
  if (field_line < lines.size()) {
    result.assign(lines.begin(), lines.begin() + field_line);
    result.insert(result.end(), repl.begin(), repl.end());
    result.insert(result.end(), lines.begin() + field_end + 1, lines.end());
  } else {
    result.assign(lines.begin(), lines.begin() + last + 1);
    result.insert(result.end(), repl.begin(), repl.end());
    result.insert(result.end(), lines.begin() + last + 1, lines.end());
  }
  out.text = JoinLines(result, eol, final_newline);
  out.ok = true;
  return out;
}

}  // namespace specwave
