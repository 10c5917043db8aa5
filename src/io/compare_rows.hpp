// The output tables of a comparison of two reviews (compare_runs.hpp), as OutputRows so that
// write_csv writes them like every other table.
#pragma once

#include "core/compare/class_migration.hpp"
#include "core/compare/enterprise_changes.hpp"
#include "core/compare/parcel_flag_changes.hpp"
#include "io/output_rows.hpp"

namespace muyield::io {

// enterprise_changes.csv: uscc, name, presence, group/park/class _from and _to, class_move,
// then <measure>_from, <measure>_to, <measure>_change for every compared measure.
class EnterpriseChangeRows final : public OutputRows {
 public:
  explicit EnterpriseChangeRows(const compare::EnterpriseChanges& changes);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return changes_.rows.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const compare::EnterpriseChanges& changes_;
  std::vector<Column> columns_;
};

// class_migration.csv: group, from, A, B, C, D, unrated, absent, total (six rows per group).
class ClassMigrationRows final : public OutputRows {
 public:
  explicit ClassMigrationRows(const std::vector<compare::MigrationMatrix>& matrices);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return matrices_.size() * 6; }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const std::vector<compare::MigrationMatrix>& matrices_;
  std::vector<Column> columns_;
};

// parcel_flag_changes.csv: parcel_id, park, presence, class_from, class_to, flags_from,
// flags_to, raised, cleared, flags_changed (0/1), tax_per_mu_from/_to/_change.
class ParcelFlagChangeRows final : public OutputRows {
 public:
  explicit ParcelFlagChangeRows(const std::vector<compare::ParcelFlagChange>& changes);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return changes_.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const std::vector<compare::ParcelFlagChange>& changes_;
  std::vector<Column> columns_;
};

}  // namespace muyield::io
