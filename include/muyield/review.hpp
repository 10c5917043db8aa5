// The core's entry point: one review from inputs already read to every figure of METHOD.md.
#pragma once

#include <stdexcept>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/progress.hpp"
#include "muyield/result.hpp"

namespace muyield {

// The review cannot run at all (no year, a CRS PROJ does not know); a message for the planner.
class ReviewError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RunOptions {
  int threads = 0;  // 0 = hardware concurrency
  Progress* progress = nullptr;
  // &input, when the caller needs no geometry as read after the review: the parcels' shapes are
  // freed once repaired and measured, the buildings once prepared for the overlay (at a
  // province's size ~0.2 and ~0.8 GB the review would otherwise hold twice).
  ReviewInput* spent = nullptr;
};

// Runs METHOD.md §1–§9 in order. Records that cannot be used become issues in the result;
// throws ReviewError only when nothing can be computed.
ReviewResult run_review(const ReviewInput& input, const ReviewConfig& config,
                        const RunOptions& options = {});

// The review year: the configured one, else the latest year in the enterprise rows.
int review_year(const ReviewInput& input, const ReviewConfig& config);

}  // namespace muyield
