#include "io/batch_summary_rows.hpp"

namespace muyield::io {

BatchSummaryRows::BatchSummaryRows(const std::vector<ReviewSummary>& reviews) : reviews_(reviews) {
  columns_ = {
      {"park", "园区", ColumnType::text},
      {"year", "年度", ColumnType::integer},
      {"status", "状态", ColumnType::text},
      {"error", "失败原因", ColumnType::text},
      {"folder", "输出目录", ColumnType::text},
      {"parcels", "宗地数", ColumnType::integer},
      {"enterprises", "企业数", ColumnType::integer},
      {"A", "A类", ColumnType::integer},
      {"B", "B类", ColumnType::integer},
      {"C", "C类", ColumnType::integer},
      {"D", "D类", ColumnType::integer},
      {"unrated", "不参评", ColumnType::integer},
      {"flagged_parcels", "有问题标记宗地数", ColumnType::integer},
      {"rejects", "拒收", ColumnType::integer},
      {"warnings", "警告", ColumnType::integer},
      {"errors", "错误", ColumnType::integer},
      {"total_mu", "总面积（亩）", ColumnType::real},
      {"occupied_mu", "已使用面积（亩）", ColumnType::real},
      {"tax_per_mu", "亩均税收（万元/亩）", ColumnType::real},
  };
}

void BatchSummaryRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  for (Value& v : row) v.clear();
  const ReviewSummary& r = reviews_[i];
  std::size_t k = 0;
  row[k++].set_text(r.park);
  row[k++].set(r.year);
  row[k++].set_text(r.ok ? "ok" : "failed");
  row[k++].set_text(r.error);
  row[k++].set_text(r.folder);
  if (!r.ok) return;  // counts of a review that did not run are unknown, not 0
  row[k++].set(r.parcels);
  row[k++].set(r.enterprises);
  for (int c : r.classes) row[k++].set(c);
  row[k++].set(r.flagged_parcels);
  row[k++].set(static_cast<double>(r.rejects));
  row[k++].set(static_cast<double>(r.warnings));
  row[k++].set(static_cast<double>(r.errors));
  row[k++].set(r.total_mu);
  row[k++].set(r.occupied_mu);
  row[k++].set(r.tax_per_mu);
}

}  // namespace muyield::io
