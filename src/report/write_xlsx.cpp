#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "io/pending_file.hpp"
#include "io/write_outputs.hpp"
#include "report/labels.hpp"
#include "report/list_cut.hpp"
#include "report/ordering.hpp"
#include "report/palette.hpp"
#include "report/report.hpp"
#include "report/row_table.hpp"

namespace muyield::report {

namespace {

using io::Column;
using io::ColumnType;
using io::Value;

// Display width of UTF-8 text in Excel's character units: CJK and other wide scripts
// (three- and four-byte sequences) take two.
double display_width(std::string_view text) {
  double w = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    w += c >= 0xE0 ? 2.0 : 1.0;
  }
  return w;
}

std::uint32_t rgb(std::string_view hex) {
  return static_cast<std::uint32_t>(std::stoul(std::string(hex.substr(1)), nullptr, 16));
}

const char* number_format(const Column& c) {
  switch (number_style(c)) {
    case NumberStyle::integer:
      return "0";
    case NumberStyle::percent:
      return "0.00%";
    case NumberStyle::decimal:
      return "0.00";
    case NumberStyle::amount:
      break;
  }
  return "#,##0.00";
}

class Workbook {
 public:
  Workbook(const std::string& path, const ReviewResult& result) : path_(path) {
    // Rows are written in order, so libxlsxwriter may stream each sheet to a temporary file
    // instead of keeping every cell in memory (a province's 10⁶ rows: ~4× faster, little memory).
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw std::runtime_error("cannot create " + path);
    // Fixed creation time (the evaluation date) instead of the clock: identical bytes each run.
    std::tm t{};
    t.tm_year = result.evaluation_date.year - 1900;
    t.tm_mon = result.evaluation_date.month - 1;
    t.tm_mday = result.evaluation_date.day;
    properties_.title = const_cast<char*>("亩均效益综合评价排名");
    properties_.author = const_cast<char*>("muyield");
    properties_.created = timegm(&t);
    workbook_set_properties(book_, &properties_);

    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(header_, 0xD9E1F2);
    format_set_border(header_, LXW_BORDER_THIN);
  }
  ~Workbook() {
    if (book_) workbook_close(book_);  // only after a failure: close() below clears book_
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* sheet(const char* name) { return workbook_add_worksheet(book_, name); }
  lxw_format* header() const { return header_; }

  lxw_format* number(const char* num_format) {
    auto [it, added] = numbers_.try_emplace(num_format, nullptr);
    if (added) {
      it->second = workbook_add_format(book_);
      format_set_num_format(it->second, num_format);
    }
    return it->second;
  }

  lxw_format* fill(Grade g) {
    auto [it, added] = fills_.try_emplace(g, nullptr);
    if (added) {
      it->second = workbook_add_format(book_);
      format_set_bg_color(it->second, rgb(grade_colour(g)));
    }
    return it->second;
  }

  void close() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR)
      throw std::runtime_error("cannot write " + path_ + ": " + lxw_strerror(error));
  }

 private:
  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_doc_properties properties_{};
  lxw_format* header_ = nullptr;
  std::map<std::string, lxw_format*> numbers_;
  std::map<Grade, lxw_format*> fills_;
};

// A sheet of chosen rows and columns of a RowTable: header on row 1 (frozen with the first
// `frozen_columns`), number formats, widths from the content, an autofilter. `fill_of` gives
// the class colour of a row for the columns in `filled`, or nullptr.
struct SheetSpec {
  const char* name = "";
  std::vector<std::size_t> columns;
  std::vector<std::size_t> rows;
  int frozen_columns = 1;
  std::vector<std::size_t> filled;
  std::function<lxw_format*(std::size_t row)> fill_of;
  // Replacement text for a cell (e.g. Chinese flag names); nullopt = the table's value.
  std::function<std::optional<std::string>(std::size_t row, std::size_t column)> text_of;
  // Longer lists keep their first and last rows (XlsxLimits) and say that the CSV `all_in` and
  // muyield.gpkg hold them all.
  std::size_t max_rows = std::numeric_limits<std::size_t>::max();
  const char* all_in = "";
};

void write_sheet(Workbook& book, const RowTable& table, const SheetSpec& spec) {
  lxw_worksheet* ws = book.sheet(spec.name);
  std::vector<double> widths(spec.columns.size());
  for (std::size_t j = 0; j < spec.columns.size(); ++j) {
    const Column& c = table.columns()[spec.columns[j]];
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(j), c.label.c_str(), book.header());
    widths[j] = std::min(display_width(c.label) / 2 + 2, 16.0);
  }
  worksheet_set_row(ws, 0, 45, nullptr);
  // Per column, once: its number format and whether it takes the row's class colour (a
  // province's sheet has 10⁷–10⁸ cells; lookups per cell were most of the writer's time).
  std::vector<lxw_format*> formats(spec.columns.size());
  std::vector<char> filled_column(spec.columns.size());
  for (std::size_t j = 0; j < spec.columns.size(); ++j) {
    formats[j] = book.number(number_format(table.columns()[spec.columns[j]]));
    filled_column[j] =
        std::find(spec.filled.begin(), spec.filled.end(), spec.columns[j]) != spec.filled.end();
  }
  std::string safe;
  lxw_row_t xr = 0;
  auto gap = [&](std::size_t left_out) {
    const std::string all_in(spec.all_in);
    const std::string text =
        left_out_text(left_out, all_in + " 与 muyield.gpkg", all_in + " and muyield.gpkg");
    worksheet_write_string(ws, ++xr, 0, text.c_str(), nullptr);
  };
  auto row_at = [&](std::size_t r) {
    ++xr;
    const std::size_t i = spec.rows[r];
    lxw_format* fill = spec.fill_of ? spec.fill_of(i) : nullptr;
    const std::vector<Value>& row = table.row(i);
    for (std::size_t j = 0; j < spec.columns.size(); ++j) {
      const auto xc = static_cast<lxw_col_t>(j);
      const std::size_t k = spec.columns[j];
      const Column& c = table.columns()[k];
      const Value& v = row[k];
      const bool filled = fill && filled_column[j];
      std::optional<std::string> text = spec.text_of ? spec.text_of(i, k) : std::nullopt;
      if (text || (c.type == ColumnType::text && !v.empty)) {
        safe = io::neutralise_formula(text ? std::move(*text) : v.text);
        worksheet_write_string(ws, xr, xc, safe.c_str(), filled ? fill : nullptr);
        widths[j] = std::max(widths[j], std::min(display_width(safe) + 2, 60.0));
      } else if (!v.empty) {
        worksheet_write_number(ws, xr, xc, v.number, formats[j]);
        widths[j] = std::max(widths[j], 12.0);
      } else if (filled) {
        worksheet_write_blank(ws, xr, xc, fill);
      }
    }
  };
  for_each_shown(spec.rows.size(), spec.max_rows, row_at, gap);
  for (std::size_t j = 0; j < spec.columns.size(); ++j)
    worksheet_set_column(ws, static_cast<lxw_col_t>(j), static_cast<lxw_col_t>(j), widths[j],
                         nullptr);
  worksheet_freeze_panes(ws, 1, static_cast<lxw_col_t>(spec.frozen_columns));
  if (!spec.columns.empty())
    worksheet_autofilter(ws, 0, 0, xr, static_cast<lxw_col_t>(spec.columns.size() - 1));
}

std::vector<std::size_t> columns_named(const RowTable& table,
                                       std::initializer_list<std::string_view> keys) {
  std::vector<std::size_t> out;
  for (std::string_view k : keys) out.push_back(table.column(k));
  return out;
}

// `first` in that order, then every other column of the table except `skip`.
std::vector<std::size_t> column_order(const RowTable& table, std::vector<std::string_view> first,
                                      std::vector<std::string_view> skip) {
  std::vector<std::size_t> out;
  for (std::string_view k : first)
    if (table.has(k)) out.push_back(table.column(k));
  for (std::size_t k = 0; k < table.columns().size(); ++k) {
    const std::string& key = table.columns()[k].key;
    if (std::find(first.begin(), first.end(), key) == first.end() &&
        std::find(skip.begin(), skip.end(), key) == skip.end())
      out.push_back(k);
  }
  return out;
}

void group_sheet(Workbook& book, const RowTable& table, const ReportInput& in, Group g,
                 const char* name, const XlsxLimits& limits) {
  const ReviewResult& result = in.result;
  SheetSpec spec;
  spec.name = name;
  spec.columns =
      column_order(table, {"rank", "class", "class_label", "name", "uscc"}, {"year", "group"});
  spec.frozen_columns = 4;
  spec.rows = ranking_order(in, g);
  spec.filled = {table.column("class"), table.column("class_label")};
  spec.fill_of = [&](std::size_t i) { return book.fill(result.enterprises[i].grade); };
  spec.max_rows = limits.list_rows;
  spec.all_in = "enterprises.csv";
  write_sheet(book, table, spec);
}

void flagged_sheet(Workbook& book, const RowTable& table, const ReportInput& in,
                   const XlsxLimits& limits) {
  const ReviewResult& result = in.result;
  // The columns a planner acts on; every parcel column is in parcels.csv and muyield.gpkg.
  SheetSpec spec;
  spec.name = "低效用地";
  spec.columns = columns_named(table, {"parcel_id", "park", "area_mu", "flags", "flag_reasons",
                                       "potential_floor_m2", "potential_tax", "class", "main_name",
                                       "main_uscc", "tax_per_mu", "coverage", "far", "far_min"});
  spec.frozen_columns = 1;
  spec.rows = flagged_order(in);
  const std::size_t flags = table.column("flags");
  const std::size_t cls = table.column("class");
  spec.filled = {cls};
  spec.fill_of = [&](std::size_t i) -> lxw_format* {
    const ParcelResult& p = result.parcels[i];
    return p.occupied() ? book.fill(p.grade) : nullptr;
  };
  spec.text_of = [&](std::size_t i, std::size_t k) -> std::optional<std::string> {
    if (k == flags) return flag_labels(result.parcels[i]);
    if (k == cls && result.parcels[i].occupied())
      return class_text(result.parcels[i].grade, in.config);
    return std::nullopt;
  };
  spec.max_rows = limits.list_rows;
  spec.all_in = "parcels.csv";
  write_sheet(book, table, spec);
}

void parks_sheet(Workbook& book, const RowTable& table) {
  SheetSpec spec;
  spec.name = "园区汇总";
  spec.columns = column_order(table, {"park"}, {});
  spec.rows.resize(table.size());
  std::iota(spec.rows.begin(), spec.rows.end(), 0);
  const std::size_t park = table.column("park");
  spec.text_of = [&](std::size_t i, std::size_t k) -> std::optional<std::string> {
    if (k == park) return park_label(table.row(i)[k].text);
    return std::nullopt;
  };
  write_sheet(book, table, spec);
}

}  // namespace

void write_xlsx(const std::string& path, const ReportInput& in, const XlsxLimits& limits) {
  io::PendingFile pending(path);
  {
    Workbook book(pending.temp_path(), in.result);
    const RowTable enterprises(in.enterprises);
    group_sheet(book, enterprises, in, Group::above, "规上企业", limits);
    group_sheet(book, enterprises, in, Group::below, "规下企业", limits);
    flagged_sheet(book, RowTable(in.parcels), in, limits);
    parks_sheet(book, RowTable(in.parks));
    book.close();
  }
  pending.commit();
}

}  // namespace muyield::report
