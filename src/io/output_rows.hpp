// The columns of the output tables (DATA.md "Column names") and how one record fills them.
// Every writer (CSV, GeoJSON, GeoPackage, workbook, report) takes its rows from here, so that
// a column means the same in every file. Rows are filled one at a time into a reused buffer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::io {

enum class ColumnType { real, integer, text };

struct Column {
  std::string key;    // English key (CSV header, GeoJSON property)
  std::string label;  // Chinese label with unit (workbook, report)
  ColumnType type;
};

struct Value {
  bool empty = true;  // missing: an empty cell, never 0
  double number = 0;  // real and integer columns
  std::string text;   // text columns

  void clear() {
    empty = true;
    text.clear();
  }
  void set(double v) {
    empty = false;
    number = v;
  }
  void set(const std::optional<double>& v) {
    if (v) set(*v);
    else clear();
  }
  void set_text(std::string_view v) {
    empty = v.empty();
    text.assign(v);
  }
};

// A table of records with fixed columns; fill() writes record i into `row` (sized to columns).
class OutputRows {
 public:
  virtual ~OutputRows() = default;
  virtual const std::vector<Column>& columns() const = 0;
  virtual std::size_t size() const = 0;
  virtual void fill(std::size_t i, std::vector<Value>& row) const = 0;
};

// Weighted indicators of either group, in configuration order (the s_<indicator> columns).
std::vector<Indicator> weighted_indicators(const ReviewConfig& config);

class ParcelRows final : public OutputRows {
 public:
  ParcelRows(const ReviewInput& input, const ReviewResult& result);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return result_.parcels.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const ReviewInput& input_;
  const ReviewResult& result_;
  std::vector<Column> columns_;
};

class EnterpriseRows final : public OutputRows {
 public:
  EnterpriseRows(const ReviewInput& input, const ReviewResult& result, const ReviewConfig& config);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return result_.enterprises.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const ReviewInput& input_;
  const ReviewResult& result_;
  const ReviewConfig& config_;
  std::vector<Indicator> weighted_;
  std::vector<Column> columns_;
};

class ParkRows final : public OutputRows {
 public:
  explicit ParkRows(const ReviewResult& result);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return result_.parks.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const ReviewResult& result_;
  std::vector<Column> columns_;
};

class IssueRows final : public OutputRows {
 public:
  explicit IssueRows(const Issues& issues);
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return issues_.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override;

 private:
  const Issues& issues_;
  std::vector<Column> columns_;
};

// "A,B" style lists used in outputs.
std::string join_flags(const ParcelResult& p);
std::string join_reasons(const ParcelResult& p);

}  // namespace muyield::io
