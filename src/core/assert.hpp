// Invariant checks with a message, in every build (the engine's asserts guard
// indices and states whose violation would otherwise be dropped silently or
// read out of bounds). A failed check prints where and why, then aborts: it
// is a bug in Specwave, never a reaction to bad input — bad input gets a
// Diagnostic or a StoreError.
//
//   SPECWAVE_ASSERT(phase < phases.size(), "phase index out of range");
#pragma once

namespace specwave {

[[noreturn]] void AssertionFailed(const char* condition, const char* message, const char* file, int line);

}  // namespace specwave

#define SPECWAVE_ASSERT(cond, message)                                            \
  do {                                                                            \
    if (!(cond)) ::specwave::AssertionFailed(#cond, message, __FILE__, __LINE__); \
  } while (0)
