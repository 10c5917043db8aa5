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

// Trims ASCII and full-width (U+3000) spaces, tabs, CR/LF and a UTF-8 BOM from both ends.
std::string trim(std::string_view text);

// "1,234.5", "１２３．４", " -12 ", "1.2e3", "12%"(→0.12) are numbers; "", "-", "—", "/", "无",
// "N/A", "#N/A" are empty; Excel error cells (#DIV/0!, #VALUE!) and other text are errors.
// NaN and infinities are errors.
ParseResult<double> parse_number(std::string_view text);

// YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, an Excel serial day number
// (1900 date system, e.g. 45292 = 2024-01-01), ISO date-times (the time is ignored); with
// `allow_bare_year` also "2021" and "2021年" (→ 1 January). Impossible dates are errors.
ParseResult<Date> parse_date(std::string_view text, bool allow_bare_year);

// 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×, T/F (case-insensitive).
ParseResult<bool> parse_bool(std::string_view text);

// GB 32100-2015 unified social credit code: 18 characters from the code's alphabet and a
// correct check digit. Lower-case letters are accepted as upper case.
bool uscc_valid(std::string_view uscc);
// Upper-cases and trims; does not validate.
std::string normalize_uscc(std::string_view uscc);

}  // namespace muyield::io
