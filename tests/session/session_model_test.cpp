#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "session/session_model.hpp"

using namespace specwave;

TEST_CASE("SessionModel.AChangeReplacesOnlyThePartsItTouched") {
  SessionModel m;
  auto before = m.Snapshot();
  CHECK(m.Snapshot() == before);  // no change, no new snapshot
  m.Change([](SessionModel::Draft& d) { d.Mut<StatusPart>().banner = "hello"; });
  auto after = m.Snapshot();
  CHECK(after->seq == before->seq + 1);
  CHECK(after->status != before->status);
  CHECK(after->status->banner == "hello");
  CHECK(before->status->banner.empty());  // the old snapshot is immutable
  CHECK(after->run == before->run);
  CHECK(after->viewer == before->viewer);
  CHECK(after->stream == before->stream);
  // A transaction that reads but changes nothing publishes nothing.
  m.Change([](SessionModel::Draft& d) { CHECK(d.Read<StatusPart>().banner == "hello"); });
  CHECK(m.Snapshot() == after);
}

TEST_CASE("SessionModel.PartsChangedTogetherArePublishedTogether") {
  SessionModel m;
  std::atomic<bool> stop{false};
  std::atomic<int> torn{0};
  std::thread reader([&] {
    while (!stop) {
      auto s = m.Snapshot();
      // The writer always sets both to the same number.
      if (static_cast<int64_t>(s->run->phases.size()) != s->project->project_id) ++torn;
    }
  });
  for (int i = 1; i <= 2000; ++i)
    m.Change([&](SessionModel::Draft& d) {
      d.Mut<ProjectPart>().project_id = i % 7;
      d.Mut<RunPart>().phases.assign(i % 7, PhaseView{});
    });
  stop = true;
  reader.join();
  CHECK(torn == 0);
}
