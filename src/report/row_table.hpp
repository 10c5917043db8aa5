// The rows of an io::OutputRows held in memory with their columns found by key, so that the
// workbook and the report choose and order columns by name and take labels and values from
// the schema every writer shares (io/output_rows.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "io/output_rows.hpp"

namespace muyield::report {

// How a numeric column reads: counts, ratios shown as percentages (coverage, idle rate, R&D
// intensity, area deviation), figures with two decimals (FAR, scores), amounts and areas.
enum class NumberStyle { integer, percent, decimal, amount };
NumberStyle number_style(const io::Column& column);

class RowTable {
 public:
  explicit RowTable(const io::OutputRows& rows);
  const std::vector<io::Column>& columns() const { return columns_; }
  std::size_t size() const { return rows_.size(); }
  const std::vector<io::Value>& row(std::size_t i) const { return rows_[i]; }
  // Index of the column `key`; throws std::out_of_range naming the key when absent.
  std::size_t column(std::string_view key) const;
  bool has(std::string_view key) const;
  const io::Value& at(std::size_t i, std::string_view key) const { return rows_[i][column(key)]; }

 private:
  std::vector<io::Column> columns_;
  std::vector<std::vector<io::Value>> rows_;
};

}  // namespace muyield::report
