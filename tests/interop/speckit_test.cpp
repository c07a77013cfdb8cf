// Spec Kit: export of a real pack, the round trip, and import of a feature
// folder written the way Spec Kit's own commands write one.
#include <doctest/doctest.h>

#include <cstdlib>

#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("SpecKit.RoundTripKeepsIdsAndCarriedSections") {
  ExportResult ex;
  Pack back = test::RoundTripped(Format::kSpecKit, test::Tidewater(), &ex);
  RoundTrip r = CompareRoundTrip(test::Tidewater(), back, CodecFor(Format::kSpecKit).held);
  test::PrintRoundTrip("speckit", r);
  for (const auto& id : r.ids_lost) INFO("lost id " << id);
  CHECK(r.ids_kept == r.ids_total);
  for (const auto& a : r.artifacts)
    for (const auto& s : a.lost) MESSAGE(a.artifact << " lost " << s);
}

TEST_CASE("Interop.DebugDump" * doctest::skip()) {
  ExportResult ex;
  const char* fmt = std::getenv("FMT");
  Pack back = test::RoundTripped(*ParseFormat(fmt ? fmt : "speckit"), test::Tidewater(), &ex);
  std::string dir = "/tmp/sk_dump/";
  std::system(("rm -rf " + dir).c_str());
  for (auto& [p, t] : ex.files) { std::string f = dir + "out/" + p; std::system(("mkdir -p $(dirname " + f + ")").c_str()); WriteFileAtomic(f, t, nullptr); }
  for (auto& [p, t] : back.artifacts) { std::string f = dir + "back/" + p; std::system(("mkdir -p $(dirname " + f + ")").c_str()); WriteFileAtomic(f, t, nullptr); }
}
