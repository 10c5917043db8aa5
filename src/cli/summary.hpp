// The few lines a planner reads after a run: counts, classes, the top of each ranking, and
// where the files are.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::cli {

void print_summary(std::ostream& out, const ReviewInput& input, const ReviewResult& result,
                   const ReviewConfig& config, const std::string& out_dir, int top,
                   const std::vector<std::string>& outputs);

}  // namespace muyield::cli
