#include "muyield/config.hpp"

#include <charconv>
#include <sstream>

namespace muyield::detail {
extern const char* const kBuiltinFarTableCsv;
}

namespace muyield {

std::string_view group_key(Group g) { return g == Group::above ? "above" : "below"; }

std::vector<FarMinimum> builtin_far_minimums() {
  // division_2017,name_zh,far_min,source_division_2002 (the header line is skipped)
  std::vector<FarMinimum> rows;
  std::istringstream in(detail::kBuiltinFarTableCsv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (cells.size() < 3) continue;
    double far = 0;  // from_chars: '.' whatever the locale of the host program
    std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), far);
    rows.push_back({cells[0], cells[1], far});
  }
  return rows;
}

ReviewConfig ReviewConfig::defaults() {
  ReviewConfig c;
  using I = Indicator;
  c.scoring.above.indicators = {{I::tax_per_mu, 30, {}},         {I::va_per_mu, 20, {}},
                                {I::va_per_energy, 20, {}},      {I::va_per_emission, 10, {}},
                                {I::labor_productivity, 10, {}}, {I::rd_intensity, 10, {}}};
  c.scoring.below.indicators = {
      {I::tax_per_mu, 50, {}}, {I::tax_per_kwh, 30, {}}, {I::revenue_per_mu, 20, {}}};
  c.building.far_minimums = builtin_far_minimums();
  return c;
}

}  // namespace muyield
