#include "llm/sse_parser.hpp"

namespace specwave {

void SseParser::Feed(std::string_view bytes, const Sink& sink) {
  bytes_seen_ += bytes.size();
  for (char c : bytes) {
    if (overflowed_) return;
    if (c == '\n' && last_was_cr_) {  // the \n of a \r\n: the line already ended at \r
      last_was_cr_ = false;
      continue;
    }
    last_was_cr_ = c == '\r';
    if (c == '\n' || c == '\r') {
      std::string line;
      line.swap(line_);
      Line(line, sink);
      continue;
    }
    if (line_.size() >= kMaxLine) {
      overflowed_ = true;
      return;
    }
    line_ += c;
  }
}

void SseParser::Line(std::string_view line, const Sink& sink) {
  if (line.empty()) {  // dispatch
    if (has_data_ || !current_.event.empty()) sink(current_);
    current_ = SseEvent{};
    has_data_ = false;
    has_fields_ = false;
    return;
  }
  if (line[0] == ':') return;  // comment / keep-alive
  has_fields_ = true;
  std::string_view field = line, value;
  if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    field = line.substr(0, colon);
    value = line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (has_data_) current_.data += '\n';
    current_.data.append(value);
    has_data_ = true;
  } else if (field == "event") {
    current_.event.assign(value);
  } else if (field == "id") {
    current_.id.assign(value);
  }
  // "retry" and unknown fields: ignored (we do our own retries).
}

}  // namespace specwave
