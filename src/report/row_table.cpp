#include "report/row_table.hpp"

#include <stdexcept>
#include <string>

namespace muyield::report {

RowTable::RowTable(const io::OutputRows& rows) : rows_(rows), buffer_(rows.columns().size()) {}

const std::vector<io::Value>& RowTable::row(std::size_t i) const {
  if (i != buffered_) {
    rows_.fill(i, buffer_);
    buffered_ = i;
  }
  return buffer_;
}

NumberStyle number_style(const io::Column& c) {
  if (c.type == io::ColumnType::integer) return NumberStyle::integer;
  for (const char* k : {"rd_intensity", "area_deviation", "idle_rate", "coverage"})
    if (c.key == k) return NumberStyle::percent;
  if (c.key == "far" || c.key == "far_min" || c.key.starts_with("s_") || c.key == "total" ||
      c.key == "bonus" || c.key == "deduction")
    return NumberStyle::decimal;
  return NumberStyle::amount;
}

bool RowTable::has(std::string_view key) const {
  for (const io::Column& c : columns())
    if (c.key == key) return true;
  return false;
}

std::size_t RowTable::column(std::string_view key) const {
  for (std::size_t k = 0; k < columns().size(); ++k)
    if (columns()[k].key == key) return k;
  throw std::out_of_range("no output column " + std::string(key));
}

}  // namespace muyield::report
