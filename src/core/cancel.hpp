// CancelToken: a shared flag that long operations poll (model calls, streams,
// retries' back-off waits, the scheduler). Cheap to copy; cancelling one copy
// cancels all. Thread-safe.
#pragma once

#include <atomic>
#include <memory>

namespace specwave {

class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void Cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool IsCancelled() const { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace specwave
