#include "session/command_queue.hpp"

#include <exception>

namespace specwave {

CommandQueue::CommandQueue(bool synchronous, OnError on_error)
    : synchronous_(synchronous), on_error_(std::move(on_error)) {
  if (!synchronous_) thread_ = std::thread([this] { Loop(); });
}

CommandQueue::~CommandQueue() {
  Stop();
  Join();
}

void CommandQueue::Join() {
  if (thread_.joinable()) thread_.join();
}

void CommandQueue::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  idle_cv_.notify_all();
}

bool CommandQueue::OnCommandThread() const { return synchronous_ || std::this_thread::get_id() == thread_.get_id(); }

void CommandQueue::RunOne(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const std::exception& e) {
    if (on_error_) on_error_(std::string("internal error: ") + e.what());
  }
}

void CommandQueue::Post(std::function<void()> fn) {
  if (synchronous_) {
    RunOne(fn);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    queue_.push_back(std::move(fn));
    ++pending_;
  }
  cv_.notify_one();
}

void CommandQueue::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_cv_.wait(lock, [&] { return pending_ == 0 || stopping_; });
}

void CommandQueue::Loop() {
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      fn = std::move(queue_.front());
      queue_.pop_front();
    }
    RunOne(fn);
    {
      std::lock_guard<std::mutex> lock(mu_);
      --pending_;
    }
    idle_cv_.notify_all();
  }
}

}  // namespace specwave
