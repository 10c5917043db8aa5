#include "muyield/figure.hpp"

namespace muyield {

const FigureInfo& info(Figure f) {
  static const FigureInfo kInfo[kFigureCount] = {
      {"revenue", "营业收入", "万元"},           {"output_value", "工业总产值", "万元"},
      {"value_added", "工业增加值", "万元"},     {"tax", "税收实际贡献", "万元"},
      {"energy_tce", "综合能耗", "吨标准煤"},    {"electricity_kwh", "用电量", "kWh"},
      {"employees", "年平均职工人数", "人"},     {"rd_expense", "研发经费支出", "万元"},
      {"emissions_t", "主要污染物排放量", "吨"},
  };
  return kInfo[static_cast<int>(f)];
}

}  // namespace muyield
