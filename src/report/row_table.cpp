#include "report/row_table.hpp"

#include <stdexcept>
#include <string>

namespace muyield::report {

RowTable::RowTable(const io::OutputRows& rows) : columns_(rows.columns()), rows_(rows.size()) {
  for (std::size_t i = 0; i < rows_.size(); ++i) rows.fill(i, rows_[i]);
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
  for (const io::Column& c : columns_)
    if (c.key == key) return true;
  return false;
}

std::size_t RowTable::column(std::string_view key) const {
  for (std::size_t k = 0; k < columns_.size(); ++k)
    if (columns_[k].key == key) return k;
  throw std::out_of_range("no output column " + std::string(key));
}

}  // namespace muyield::report
