#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "session/command_queue.hpp"

using namespace specwave;

TEST_CASE("CommandQueue.RunsCommandsInOrderOnItsOwnThread") {
  std::vector<int> order;
  std::vector<std::thread::id> threads;
  CommandQueue q(false, nullptr);
  for (int i = 0; i < 50; ++i)
    q.Post([&, i] {
      order.push_back(i);
      threads.push_back(std::this_thread::get_id());
      CHECK(q.OnCommandThread());
    });
  q.Drain();
  REQUIRE(order.size() == 50);
  for (int i = 0; i < 50; ++i) CHECK(order[i] == i);
  for (auto t : threads) {
    CHECK(t != std::this_thread::get_id());
    CHECK(t == threads[0]);
  }
  CHECK_FALSE(q.OnCommandThread());
}

TEST_CASE("CommandQueue.SynchronousRunsInlineOnTheCaller") {
  int ran = 0;
  CommandQueue q(true, nullptr);
  q.Post([&] {
    ++ran;
    CHECK(q.OnCommandThread());
  });
  CHECK(ran == 1);  // before Post returned
}

TEST_CASE("CommandQueue.AnEscapingExceptionIsReportedAndTheQueueGoesOn") {
  std::string reported;
  std::atomic<int> after{0};
  CommandQueue q(false, [&](const std::string& what) { reported = what; });
  q.Post([] { throw std::runtime_error("boom"); });
  q.Post([&] { ++after; });
  q.Drain();
  CHECK(reported == "internal error: boom");
  CHECK(after == 1);
}

TEST_CASE("CommandQueue.StoppedTakesNoMoreCommands") {
  std::atomic<int> ran{0};
  CommandQueue q(false, nullptr);
  q.Stop();
  q.Post([&] { ++ran; });
  q.Drain();  // returns: stopped
  q.Join();
  CHECK(ran == 0);
}
