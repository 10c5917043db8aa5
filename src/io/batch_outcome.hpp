// What a batch produced, review by review and comparison by comparison: the rows of
// batch_summary.csv, the links of index.html and the table printed at the end.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "io/compare_runs.hpp"

namespace muyield::io {

struct ReviewSummary {
  std::string park;
  int year = 0;
  std::string folder;  // relative to the batch output folder: <park_dir>/<year>
  bool ok = false;
  std::string error;  // why it failed: names the file (and key, row, field) where known
  double seconds = 0;
  int parcels = 0, enterprises = 0, flagged_parcels = 0;
  std::array<int, 5> classes{};  // A, B, C, D, unrated (both groups)
  std::size_t rejects = 0, warnings = 0, errors = 0;
  std::optional<double> total_mu, occupied_mu, tax_per_mu;  // the review's "all" row of parks.csv
};

struct ComparisonSummary {
  std::string park;
  int from_year = 0, to_year = 0;
  std::string folder;  // relative: <park_dir>/compare_<from>_<to>
  bool ok = false;
  std::string error;
  CompareCounts counts;
};

struct BatchOutcome {
  std::vector<ReviewSummary> reviews;          // in plan order
  std::vector<ComparisonSummary> comparisons;  // per park, consecutive years
  double seconds = 0;
};

}  // namespace muyield::io
