#include "cli/validate_report.hpp"

#include <map>
#include <set>

#include "cli/command.hpp"
#include "cli/messages.hpp"
#include "io/number_text.hpp"

namespace muyield::cli {

namespace {

std::optional<io::TableKind> kind_of(const std::string& input) {
  for (io::TableKind k : {io::TableKind::parcels, io::TableKind::buildings,
                          io::TableKind::enterprises, io::TableKind::links})
    if (io::table_kind_key(k) == input) return k;
  return std::nullopt;
}

io::Unit canonical_unit(io::TableKind kind, const std::string& canonical) {
  for (const io::FieldSpec& spec : io::field_specs(kind))
    if (spec.canonical == canonical) return spec.unit;
  return io::Unit::none;
}

std::string unit_note(io::TableKind kind, const io::RecognizedField& f) {
  const io::Unit canonical = canonical_unit(kind, f.canonical);
  if (f.header_unit != io::Unit::none) {
    const std::string conversion = f.factor == 1.0
                                       ? std::string()
                                       : " (×" + io::number_text(f.factor) + " → " +
                                             std::string(io::unit_label(canonical)) + ")";
    return trf(Msg::validate_unit_header, io::unit_label(f.header_unit), conversion);
  }
  if (canonical != io::Unit::none)
    return trf(Msg::validate_unit_assumed, io::unit_label(canonical));
  return std::string(tr(Msg::validate_unit_none));
}

void print_input(std::ostream& out, const io::InputReport& r) {
  out << trf(Msg::validate_input, r.input, r.source) << "\n";
  const std::string header_row =
      r.header_row > 0 ? trf(Msg::validate_header_row, r.header_row) : std::string();
  std::string driver = r.driver;
  if (!r.encoding.empty()) driver += ", " + r.encoding;
  out << trf(Msg::validate_driver, driver, r.rows, header_row) << "\n";
  if (!r.crs.empty()) out << trf(Msg::validate_crs, r.crs) << "\n";
  const auto kind = kind_of(r.input);
  out << tr(Msg::validate_recognised) << "\n";
  for (const io::RecognizedField& f : r.recognition.fields) {
    const std::string unit = kind ? unit_note(*kind, f) : std::string();
    out << trf(Msg::validate_field_line, f.header, f.canonical, unit.empty() ? "" : "  " + unit,
               f.matched_by.empty() ? "" : "  [" + f.matched_by + "]")
        << "\n";
  }
  if (!r.recognition.unknown.empty()) {
    std::string unknown;
    for (const std::string& h : r.recognition.unknown) unknown += (unknown.empty() ? "" : ", ") + h;
    out << trf(Msg::validate_unknown, unknown) << "\n";
  }
  for (const std::string& w : r.recognition.warnings) out << trf(Msg::validate_warning, w) << "\n";
}

void print_years(std::ostream& out, const ReviewInput& input, std::optional<int> year) {
  std::map<int, long> rows;
  for (const Enterprise& e : input.enterprises) ++rows[e.year];
  std::string years;
  for (const auto& [y, n] : rows) years += (years.empty() ? "" : ", ") + std::to_string(y);
  const long in_year = year && rows.count(*year) ? rows.at(*year) : 0;
  out << trf(Msg::validate_years, years, year ? std::to_string(*year) : "-", in_year) << "\n";
}

}  // namespace

int print_validate_report(std::ostream& out, const io::ReadResult& read, std::optional<int> year,
                          std::size_t max_issues) {
  out << trf(Msg::validate_title, year ? std::to_string(*year) : "-") << "\n";
  for (const io::InputReport& r : read.reports) {
    print_input(out, r);
    if (r.input == "enterprises") print_years(out, read.input, year);
  }
  std::size_t by_severity[3] = {0, 0, 0};
  std::size_t records = 0;
  for (const Issue& i : read.issues) {
    ++by_severity[static_cast<int>(i.severity)];
    records += i.record_rejected;
  }
  out << trf(Msg::validate_issue_counts, by_severity[0], records, by_severity[1], by_severity[2])
      << "\n";
  std::size_t shown = 0;
  for (const Issue& i : read.issues) {
    if (shown == max_issues) break;
    ++shown;
    out << trf(Msg::validate_issue_line, shown, severity_key(i.severity), i.source.str(), i.row,
               i.field.empty() ? "-" : i.field, i.value, i.reason.str())
        << "\n";
  }
  if (read.issues.size() > shown)
    out << trf(Msg::validate_more_issues, read.issues.size() - shown) << "\n";
  if (by_severity[0] == 0) {
    out << tr(Msg::validate_verdict_ok) << "\n";
    return kDone;
  }
  out << trf(Msg::validate_verdict_rejects, by_severity[0]) << "\n";
  return kDoneWithRejects;
}

}  // namespace muyield::cli
