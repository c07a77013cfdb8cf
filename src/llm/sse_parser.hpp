// Incremental parser for server-sent events (the WHATWG "text/event-stream"
// format) as OpenAI and Anthropic stream them. Bytes go in as they arrive,
// in pieces of any size (a chunk may end in the middle of a line, or of a
// UTF-8 sequence); a complete event comes out at each blank line.
//
//   SseParser p;
//   p.Feed(chunk, [&](const SseEvent& e) { ... e.event, e.data ... });
//
// Lines end in \n, \r\n or \r. "data:" lines of one event are joined with
// \n; ":" lines are comments (keep-alives); unknown fields are ignored, as
// the standard says. A stream that ends with an event still open (no blank
// line) is reported by HasPartialEvent(): the caller treats that as a cut.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace specwave {

struct SseEvent {
  std::string event;  // "" when the event had no "event:" field (OpenAI's case)
  std::string data;
  std::string id;
};

class SseParser {
 public:
  using Sink = std::function<void(const SseEvent&)>;

  // Feeds bytes; calls `sink` once per completed event.
  void Feed(std::string_view bytes, const Sink& sink);

  // True if bytes were received after the last complete event (a field line
  // or an unterminated line): the stream stopped in the middle of an event.
  bool HasPartialEvent() const { return !line_.empty() || has_fields_; }

  // Bytes received so far (for error messages that quote a bad stream).
  size_t bytes_seen() const { return bytes_seen_; }

  // Longest line accepted; a longer one is a protocol error (a server that
  // never sends a newline must not make the client buffer without end).
  static constexpr size_t kMaxLine = 16 * 1024 * 1024;
  bool overflowed() const { return overflowed_; }

 private:
  void Line(std::string_view line, const Sink& sink);

  std::string line_;
  bool last_was_cr_ = false;
  bool has_fields_ = false;
  bool overflowed_ = false;
  size_t bytes_seen_ = 0;
  SseEvent current_;
  bool has_data_ = false;
};

}  // namespace specwave
