// Reading one cell as planners type it: numbers, dates, booleans, credit codes.
// Pure functions (no GDAL), so they can be fuzzed on their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "muyield/date.hpp"

namespace muyield::io {

template <class T>
struct ParseResult {
  std::optional<T> value;  // set when the text was read
  bool empty = false;      // blank cell: missing, not an error
  std::string error;       // why the text could not be read (for rejects.csv); empty when ok/empty
  bool ok() const { return value.has_value(); }
};

// Trims ASCII and full-width (U+3000) spaces, tabs, CR/LF, no-break spaces (U+00A0, as Excel
// exports them) and a UTF-8 BOM from both ends.
std::string trim(std::string_view text);
std::string_view trim_view(std::string_view text);  // the same, without copying

// Full-width ASCII forms (U+FF01–U+FF5E: "１２３．４", "（万元）") as ASCII, U+3000 as a space and
// U+2212 MINUS as '-'; all other text unchanged. Does not trim.
std::string fold_width(std::string_view text);

// "1,234.5", "１２３．４", " -12 ", "1.2e3", "12%"(→0.12) are numbers; "", "-", "—", "/", "无",
// "N/A", "#N/A" are empty; Excel error cells (#DIV/0!, #VALUE!) and other text are errors.
// NaN and infinities are errors. Thousands separators must group by three ("1,2" is an error,
// not 12 or 1.2). Also empty: "--", "——", "空", "NA", "NULL", "none" (any case).
ParseResult<double> parse_number(std::string_view text);

// YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, an Excel serial day number
// (1900 date system, e.g. 45292 = 2024-01-01), ISO date-times (the time is ignored); with
// `allow_bare_year` also "2021" and "2021年" (→ 1 January) and a year and month "2021-03",
// "2021年3月" (→ the 1st). Impossible dates are errors. A four-digit number is always read as a
// year, never as an Excel serial (serials 1000–9999 are dates in 1902–1927). Serial 60 is
// Excel's fictitious 1900-02-29: an error. Empty markers as for numbers.
ParseResult<Date> parse_date(std::string_view text, bool allow_bare_year);

// 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×, T/F (case-insensitive); also ✓/✗ and numbers
// equal to 1 or 0 ("1.0"). "无" is false here, not empty; the other empty markers are empty.
ParseResult<bool> parse_bool(std::string_view text);

// GB 32100-2015 unified social credit code: 18 characters from the code's alphabet and a
// correct check digit. Lower-case letters are accepted as upper case.
bool uscc_valid(std::string_view uscc);
// The check character (GB 32100-2015 §5) for the first 17 characters of a code; nullopt when
// there are not 17 characters or one is not in the alphabet 0-9 A-H J-N P-R T U W-Y.
std::optional<char> uscc_check_char(std::string_view first17);
// Upper-cases and trims, full-width letters and digits as ASCII; does not validate.
std::string normalize_uscc(std::string_view uscc);

}  // namespace muyield::io
