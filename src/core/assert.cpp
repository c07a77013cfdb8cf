#include "core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace specwave {

void AssertionFailed(const char* condition, const char* message, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: Specwave invariant broken: %s (%s)\n", file, line, message, condition);
  std::fflush(stderr);
  std::abort();
}

}  // namespace specwave
