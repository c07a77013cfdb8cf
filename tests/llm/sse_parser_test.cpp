#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "llm/sse_parser.hpp"

using specwave::SseEvent;
using specwave::SseParser;

namespace {

std::vector<SseEvent> FeedInPieces(const std::string& stream, size_t piece) {
  SseParser p;
  std::vector<SseEvent> out;
  for (size_t i = 0; i < stream.size(); i += piece)
    p.Feed(std::string_view(stream).substr(i, piece), [&](const SseEvent& e) { out.push_back(e); });
  return out;
}

}  // namespace

TEST_CASE("SseParser.EventsSurviveAnySplit") {
  const std::string stream =
      "event: message_start\ndata: {\"a\":1}\n\n"
      ": keep-alive comment\n\n"
      "data: line one\r\ndata: line two\r\n\r\n"
      "event: ping\rdata: {}\r\r"
      "id: 7\ndata:no-space\n\n";
  for (size_t piece : {1u, 2u, 3u, 7u, 64u, 4096u}) {
    auto events = FeedInPieces(stream, piece);
    REQUIRE(events.size() == 4);
    CHECK(events[0].event == "message_start");
    CHECK(events[0].data == "{\"a\":1}");
    CHECK(events[1].event.empty());
    CHECK(events[1].data == "line one\nline two");
    CHECK(events[2].event == "ping");
    CHECK(events[2].data == "{}");
    CHECK(events[3].id == "7");
    CHECK(events[3].data == "no-space");
  }
}

TEST_CASE("SseParser.PartialEventAtEndIsVisible") {
  SseParser p;
  int n = 0;
  p.Feed("data: {\"x\":1}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"he", [&](const SseEvent&) { ++n; });
  CHECK(n == 1);
  CHECK(p.HasPartialEvent());  // cut mid-event: the caller must treat the stream as broken

  SseParser q;
  q.Feed("data: [DONE]\n\n", [&](const SseEvent&) { ++n; });
  CHECK_FALSE(q.HasPartialEvent());

  SseParser r;  // a field line received, blank line not yet: still an open event
  r.Feed("data: x\n", [&](const SseEvent&) { ++n; });
  CHECK(r.HasPartialEvent());
}

TEST_CASE("SseParser.UnknownFieldsAndRetryAreIgnored") {
  auto events = FeedInPieces("retry: 1000\nfoo: bar\ndata: ok\n\n", 5);
  REQUIRE(events.size() == 1);
  CHECK(events[0].data == "ok");
}

TEST_CASE("SseParser.EndlessLineStopsAtTheCap") {
  SseParser p;
  std::string chunk(1 << 20, 'x');
  for (int i = 0; i < 17 && !p.overflowed(); ++i) p.Feed(chunk, [](const SseEvent&) {});
  CHECK(p.overflowed());
}
