// How firmly each rated firm holds its class: the group is re-scored, re-ranked and re-classed
// `runs` times with every weight and every benchmark multiplied by its own factor
// 1 + U(−spread, +spread) per run (StabilityConfig). Per firm: the share of runs keeping the
// review's class, the best and worst class seen, and the 5th–95th percentile of its rank.
//
// Run r draws its factors from a generator seeded with (seed, r, group) only, and the per-firm
// summaries (counts, extremes, order statistics) do not depend on the order runs are folded in,
// so the result is the same whatever the thread count.
#pragma once

#include <vector>

#include "core/method/group_model.hpp"
#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/progress.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// One group: `grades` are the review's classes of the model's firms (in model order).
std::vector<ClassStability> group_stability(const GroupModel& model,
                                            const std::vector<Grade>& grades,
                                            const ClassConfig& classes,
                                            const StabilityConfig& config, int threads,
                                            Progress* progress = nullptr);

// Sets EnterpriseResult::stability of every rated firm of both groups (needs ranked firms).
void assess_stability(const std::vector<Enterprise>& inputs,
                      std::vector<EnterpriseResult>& enterprises, const ReviewConfig& config,
                      int threads, Progress* progress = nullptr);

// The nearest-rank percentile positions used for rank_p5 / rank_p95 with `runs` samples:
// the k-th smallest with k = ⌈runs × p / 100⌉.
int nearest_rank(int runs, int percent);

}  // namespace muyield::method
