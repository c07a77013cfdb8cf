// CommandQueue: the session's command thread. Every command a front end sends
// runs here, one at a time, in the order sent — so store calls never happen
// on the caller's (in the browser: the render) thread, and commands never
// race each other.
//
// Synchronous mode (the single-threaded embed viewer, which has no threads):
// a command runs inline, on the caller's thread.
//
// An exception escaping a command is a bug, not an expected failure; it is
// reported through `on_error` and the queue goes on.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace specwave {

class CommandQueue {
 public:
  using OnError = std::function<void(const std::string& what)>;
  CommandQueue(bool synchronous, OnError on_error);
  ~CommandQueue();  // runs no further commands; waits for the one running
  CommandQueue(const CommandQueue&) = delete;
  CommandQueue& operator=(const CommandQueue&) = delete;

  void Post(std::function<void()> fn);
  // Blocks until every command posted so far has run (tests, CLI).
  void Drain();
  // Stops taking commands (called first when the session shuts down).
  void Stop();
  // Waits for the command thread to end (after Stop()).
  void Join();
  bool OnCommandThread() const;

 private:
  void Loop();
  void RunOne(const std::function<void()>& fn);

  const bool synchronous_;
  OnError on_error_;
  std::mutex mu_;
  std::condition_variable cv_, idle_cv_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  int pending_ = 0;                          // guarded by mu_: posted and not finished
  bool stopping_ = false;                    // guarded by mu_
  std::thread thread_;
};

}  // namespace specwave
