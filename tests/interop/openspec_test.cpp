// OpenSpec: export of a real pack, the round trip, and import of a spec folder
// written the way OpenSpec's spec workflow writes one.
#include <doctest/doctest.h>

#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("OpenSpec.RoundTripKeepsIdsAndCarriedSections") {
  ExportResult ex;
  Pack back = test::RoundTripped(Format::kOpenSpec, test::Tidewater(), &ex);
  RoundTrip r = CompareRoundTrip(test::Tidewater(), back, CodecFor(Format::kOpenSpec).held);
  test::PrintRoundTrip("openspec", r);
  for (const auto& id : r.ids_lost) INFO("lost id " << id);
  CHECK(r.ids_kept == r.ids_total);
  for (const auto& a : r.artifacts)
    for (const auto& s : a.lost) MESSAGE(a.artifact << " lost " << s);
}
