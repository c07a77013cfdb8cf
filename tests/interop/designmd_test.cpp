// DesignMd: export of a real pack, the round trip, and import of a spec folder
// written the way DesignMd's spec workflow writes one.
#include <doctest/doctest.h>

#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("DesignMd.RoundTripKeepsIdsAndCarriedSections") {
  ExportResult ex;
  Pack back = test::RoundTripped(Format::kDesignMd, test::Tidewater(), &ex);
  RoundTrip r = CompareRoundTrip(test::Tidewater(), back, CodecFor(Format::kDesignMd).held);
  test::PrintRoundTrip("design-md", r);
  for (const auto& id : r.ids_lost) INFO("lost id " << id);
  CHECK(r.ids_kept == r.ids_total);
  for (const auto& a : r.artifacts)
    for (const auto& s : a.lost) MESSAGE(a.artifact << " lost " << s);
}
