// Taskmaster: export of a real pack, the round trip, and import of a spec folder
// written the way Taskmaster's spec workflow writes one.
#include <doctest/doctest.h>

#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("Taskmaster.RoundTripKeepsIdsAndCarriedSections") {
  ExportResult ex;
  Pack back = test::RoundTripped(Format::kTaskmaster, test::Tidewater(), &ex);
  RoundTrip r = CompareRoundTrip(test::Tidewater(), back, CodecFor(Format::kTaskmaster).held);
  test::PrintRoundTrip("taskmaster", r);
  for (const auto& id : r.ids_lost) INFO("lost id " << id);
  CHECK(r.ids_kept == r.ids_total);
  for (const auto& a : r.artifacts)
    for (const auto& s : a.lost) MESSAGE(a.artifact << " lost " << s);
}
