#include "io/compare_rows.hpp"

namespace muyield::io {

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

void set_delta(std::vector<Value>& row, std::size_t& k, const compare::Delta& d) {
  row[k++].set(d.from);
  row[k++].set(d.to);
  row[k++].set(d.change());
}

void add_delta_columns(std::vector<Column>& columns, const std::string& key) {
  columns.push_back({key + "_from", key + "（前）", ColumnType::real});
  columns.push_back({key + "_to", key + "（后）", ColumnType::real});
  columns.push_back({key + "_change", key + "（变化）", ColumnType::real});
}

}  // namespace

EnterpriseChangeRows::EnterpriseChangeRows(const compare::EnterpriseChanges& changes)
    : changes_(changes) {
  columns_ = {
      {"uscc", "统一社会信用代码", ColumnType::text},
      {"name", "企业名称", ColumnType::text},
      {"presence", "两年是否都有", ColumnType::text},
      {"group_from", "分组（前）", ColumnType::text},
      {"group_to", "分组（后）", ColumnType::text},
      {"park_from", "园区（前）", ColumnType::text},
      {"park_to", "园区（后）", ColumnType::text},
      {"class_from", "类别（前）", ColumnType::text},
      {"class_to", "类别（后）", ColumnType::text},
      {"class_move", "类别变化", ColumnType::text},
  };
  for (const std::string& m : changes.measures) add_delta_columns(columns_, m);
}

void EnterpriseChangeRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const compare::EnterpriseChange& c = changes_.rows[i];
  std::size_t k = 0;
  for (const std::string* s : {&c.uscc, &c.name}) row[k++].set_text(*s);
  row[k++].set_text(compare::presence_key(c.presence));
  for (const std::string* s : {&c.group_from, &c.group_to, &c.park_from, &c.park_to, &c.class_from,
                               &c.class_to, &c.class_move})
    row[k++].set_text(*s);
  for (const compare::Delta& d : c.measures) set_delta(row, k, d);
}

ClassMigrationRows::ClassMigrationRows(const std::vector<compare::MigrationMatrix>& matrices)
    : matrices_(matrices) {
  columns_ = {{"group", "分组", ColumnType::text}, {"from", "原类别", ColumnType::text}};
  for (std::string_view c : compare::kMigrationClasses)
    columns_.push_back({std::string(c), "→ " + std::string(c), ColumnType::integer});
  columns_.push_back({"total", "合计", ColumnType::integer});
}

void ClassMigrationRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const compare::MigrationMatrix& m = matrices_[i / 6];
  const std::size_t from = i % 6;
  std::size_t k = 0;
  row[k++].set_text(m.group);
  row[k++].set_text(compare::kMigrationClasses[from]);
  for (std::size_t to = 0; to < 6; ++to) row[k++].set(m.counts[from][to]);
  row[k++].set(m.row_total(from));
}

ParcelFlagChangeRows::ParcelFlagChangeRows(const std::vector<compare::ParcelFlagChange>& changes)
    : changes_(changes) {
  columns_ = {
      {"parcel_id", "宗地代码", ColumnType::text},
      {"park", "园区", ColumnType::text},
      {"presence", "两年是否都有", ColumnType::text},
      {"class_from", "类别（前）", ColumnType::text},
      {"class_to", "类别（后）", ColumnType::text},
      {"flags_from", "问题标记（前）", ColumnType::text},
      {"flags_to", "问题标记（后）", ColumnType::text},
      {"raised", "新增标记", ColumnType::text},
      {"cleared", "消除标记", ColumnType::text},
      {"flags_changed", "标记有变化", ColumnType::integer},
  };
  add_delta_columns(columns_, "tax_per_mu");
}

void ParcelFlagChangeRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const compare::ParcelFlagChange& c = changes_[i];
  std::size_t k = 0;
  row[k++].set_text(c.parcel_id);
  row[k++].set_text(c.park);
  row[k++].set_text(compare::presence_key(c.presence));
  row[k++].set_text(c.class_from);
  row[k++].set_text(c.class_to);
  for (const auto* v : {&c.flags_from, &c.flags_to, &c.raised, &c.cleared})
    row[k++].set_text(join(*v));
  row[k++].set(c.flags_changed() ? 1.0 : 0.0);
  set_delta(row, k, c.tax_per_mu);
}

}  // namespace muyield::io
