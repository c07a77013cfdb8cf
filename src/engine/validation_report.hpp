// The body of validation-report.md: the deterministic cross-artifact checks
// first (their count and the gaps), then the per-artifact reviews, each
// labelled with what wrote it — a language model's judgement is shown beside
// the deterministic checks, never instead of them.
#pragma once

#include <string>
#include <vector>

#include "engine/phase_checks.hpp"

namespace specwave {

struct ReviewAuthor {
  bool language_model = false;
  std::string provider, model;  // for a language model
};

std::string ValidationReportBody(size_t artifacts_checked, const CrossCheckResult& cross,
                                 const std::vector<std::string>& reviews, const ReviewAuthor& author);

}  // namespace specwave
