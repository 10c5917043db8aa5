// batch_summary.csv: one row per review of a batch, failed ones included with their reason.
#pragma once

#include "io/batch_outcome.hpp"
#include "io/output_rows.hpp"

namespace muyield::io {

// Columns: park, year, status (ok/failed), error, folder, parcels, enterprises, A, B, C, D,
// unrated, flagged_parcels, rejects, warnings, errors, total_mu, occupied_mu, tax_per_mu.
// No times, so that the same batch writes the same file (the times are in each run.json).
class BatchSummaryRows final : public OutputRows {
 public:
  explicit BatchSummaryRows(const std::vector<ReviewSummary>& reviews);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return reviews_.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const std::vector<ReviewSummary>& reviews_;
  std::vector<Column> columns_;
};

}  // namespace muyield::io
