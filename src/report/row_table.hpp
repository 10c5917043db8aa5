// The rows of an io::OutputRows with their columns found by key, so that the workbook and the
// report choose and order columns by name and take labels and values from the schema every
// writer shares (io/output_rows.hpp). Rows are filled on demand into one buffer, not held:
// a province's 10⁶ enterprise rows of ~60 values each would take gigabytes per writer.
#pragma once

#include <string_view>
#include <vector>

#include "io/output_rows.hpp"

namespace muyield::report {

// How a numeric column reads: counts, ratios shown as percentages (coverage, idle rate, R&D
// intensity, area deviation), figures with two decimals (FAR, scores), amounts and areas.
enum class NumberStyle { integer, percent, decimal, amount };
NumberStyle number_style(const io::Column& column);

// Not thread-safe: one RowTable per writer thread.
class RowTable {
 public:
  explicit RowTable(const io::OutputRows& rows);
  const std::vector<io::Column>& columns() const { return rows_.columns(); }
  std::size_t size() const { return rows_.size(); }
  // Row i; the reference stays valid (and its values those of row i) until row() is called
  // with another index.
  const std::vector<io::Value>& row(std::size_t i) const;
  // Index of the column `key`; throws std::out_of_range naming the key when absent.
  std::size_t column(std::string_view key) const;
  bool has(std::string_view key) const;
  const io::Value& at(std::size_t i, std::string_view key) const { return row(i)[column(key)]; }

 private:
  const io::OutputRows& rows_;
  mutable std::vector<io::Value> buffer_;
  mutable std::size_t buffered_ = static_cast<std::size_t>(-1);
};

}  // namespace muyield::report
