#include "io/values.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <span>

namespace muyield::io {

namespace {

constexpr std::string_view kNotNumber = "不是数字 / not a number";
constexpr std::string_view kBadGrouping = "千位分隔符位置不对 / misplaced thousands separator";
constexpr std::string_view kTextAfterNumber =
    "数字后带有文字（单位请写在表头）/ text after the number (put units in the header)";
constexpr std::string_view kNotFinite = "不是有限数值 / NaN or infinity is not a number";
constexpr std::string_view kOutOfRange = "数值超出范围 / number out of range";
constexpr std::string_view kNotDate = "不是日期 / not a date";
constexpr std::string_view kImpossibleDate = "日期不存在 / impossible date";
constexpr std::string_view kYearOnly = "只有年份，缺少月日 / year only: a full date is needed";
constexpr std::string_view kYearMonthOnly =
    "日期不完整，缺少日 / incomplete date: the day is missing";
constexpr std::string_view kExcelFakeLeapDay =
    "Excel 序列号 60 是不存在的 1900-02-29 / impossible date: Excel serial 60 is the non-existent "
    "1900-02-29";
constexpr std::string_view kSerialOutOfRange =
    "Excel 日期序列号超出范围 / Excel date serial out of range";
constexpr std::string_view kNotBool = "不是是/否值 / not a yes/no value (use 是/否, Y/N or 1/0)";

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr char to_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char to_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return to_lower(x) == to_lower(y);
         });
}

// One character of the input. Full-width ASCII forms, U+3000 and U+2212 come back as ASCII in
// `ascii`; any other non-ASCII character has ascii == 0 and its UTF-8 length in `len`.
struct Char {
  char ascii;
  int len;
};

Char next_char(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {static_cast<char>(b0), 1};
  const std::size_t left = s.size() - i;
  if (left >= 3) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 == 0xEF && b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) return {char(b2 - 0x60), 3};
    if (b0 == 0xEF && b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) return {char(b2 - 0x20), 3};
    if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return {' ', 3};
    if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) return {'-', 3};
  }
  const int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  return {0, static_cast<int>(std::min<std::size_t>(len, left))};
}

// A cell with full-width forms folded to ASCII, on the stack: the common path allocates nothing.
// Cells longer than the capacity are no number or date anyway.
class Folded {
 public:
  static constexpr std::size_t kCapacity = 96;
  explicit Folded(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const Char c = next_char(s, i);
      if (c.ascii != 0) {
        push(c.ascii);
      } else {
        for (int k = 0; k < c.len; ++k) push(s[i + k]);
      }
      i += c.len;
    }
  }
  bool overflow() const { return overflow_; }
  std::string_view view() const { return {buf_.data(), size_}; }

 private:
  void push(char c) {
    if (size_ < kCapacity) {
      buf_[size_++] = c;
    } else {
      overflow_ = true;
    }
  }
  std::array<char, kCapacity> buf_;
  std::size_t size_ = 0;
  bool overflow_ = false;
};

bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    len = 1;
    return true;
  }
  const std::string_view rest = s.substr(i);
  for (std::string_view sp : {"\xE3\x80\x80", "\xEF\xBB\xBF", "\xC2\xA0"}) {
    if (rest.starts_with(sp)) {
      len = sp.size();
      return true;
    }
  }
  return false;
}

bool ends_with_space(std::string_view s, std::size_t& len) {
  const char c = s.back();
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    len = 1;
    return true;
  }
  for (std::string_view sp : {"\xE3\x80\x80", "\xEF\xBB\xBF", "\xC2\xA0"}) {
    if (s.ends_with(sp)) {
      len = sp.size();
      return true;
    }
  }
  return false;
}

// Marks planners use for "no value". Compared after folding, case-insensitively.
constexpr std::string_view kEmptyMarkers[] = {"-",
                                              "--",
                                              "---",
                                              "/",
                                              "\\",
                                              "\xE2\x80\x94" /* — */,
                                              "\xE2\x80\x94\xE2\x80\x94" /* —— */,
                                              "无",
                                              "空",
                                              "n/a",
                                              "#n/a",
                                              "na",
                                              "null",
                                              "none"};

bool is_empty_marker(std::string_view folded) {
  return std::any_of(std::begin(kEmptyMarkers), std::end(kEmptyMarkers),
                     [&](std::string_view m) { return iequals(folded, m); });
}

struct ExcelError {
  std::string_view code, zh, en;
};
constexpr ExcelError kExcelErrors[] = {
    {"#DIV/0!", "除以零", "division by zero"},
    {"#VALUE!", "值的类型不对", "wrong type of value"},
    {"#REF!", "引用的单元格已删除", "reference to a deleted cell"},
    {"#NAME?", "公式中有无法识别的名称", "unknown name in the formula"},
    {"#NUM!", "数值无效", "invalid number"},
    {"#NULL!", "区域不相交", "ranges do not intersect"},
    {"#SPILL!", "溢出区域不空", "spill range is not empty"},
    {"#CALC!", "计算错误", "calculation error"},
    {"#GETTING_DATA", "数据尚未取回", "data not fetched yet"},
};

// A folded cell starting with '#': an Excel error value, or just text.
std::string excel_error_reason(std::string_view folded) {
  for (const ExcelError& e : kExcelErrors) {
    if (iequals(folded, e.code)) {
      return "Excel 错误值 " + std::string(e.code) + "（" + std::string(e.zh) +
             "），请在源表中修正 / Excel error " + std::string(e.code) + " (" + std::string(e.en) +
             "): fix it in the source sheet";
    }
  }
  if (folded.size() > 1 && (folded.back() == '!' || folded.back() == '?')) {
    return "Excel 错误值 " + std::string(folded) + "，请在源表中修正 / Excel error " +
           std::string(folded) + ": fix it in the source sheet";
  }
  return std::string(kNotNumber);
}

// An empty marker or an Excel error value: fills in `r` and returns true.
template <class T>
bool settled_early(std::string_view folded, ParseResult<T>& r) {
  if (is_empty_marker(folded)) {
    r.empty = true;
    return true;
  }
  if (folded.front() == '#') {
    r.error = excel_error_reason(folded);
    return true;
  }
  return false;
}

enum class Scan { ok, not_number, bad_grouping, trailing_text, not_finite };

// Copies the number in `s` into `out` in std::from_chars form (thousands separators dropped,
// no '+'), checking the grouping; notes a trailing percent sign and an exponent.
Scan scan_number(std::string_view s, char* out, std::size_t& n, bool& percent, bool& has_exp) {
  std::size_t i = 0;
  n = 0;
  percent = has_exp = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') out[n++] = '-';
    ++i;
  }
  const std::string_view word = s.substr(i);
  if (iequals(word, "nan") || iequals(word, "inf") || iequals(word, "infinity")) {
    return Scan::not_finite;
  }
  std::size_t int_digits = 0, group_len = 0, frac_digits = 0;
  bool grouped = false, bad_group = false;
  for (; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      out[n++] = s[i];
      ++int_digits;
      ++group_len;
    } else if (s[i] == ',') {
      if (int_digits == 0 || (grouped ? group_len != 3 : group_len > 3)) bad_group = true;
      grouped = true;
      group_len = 0;
    } else {
      break;
    }
  }
  if (grouped && group_len != 3) bad_group = true;
  if (i < s.size() && s[i] == '.') {
    out[n++] = '.';
    for (++i; i < s.size() && is_digit(s[i]); ++i, ++frac_digits) out[n++] = s[i];
  }
  if (int_digits + frac_digits == 0) return Scan::not_number;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < s.size() && is_digit(s[j])) {
      out[n++] = 'e';
      if (s[j - 1] == '-') out[n++] = '-';
      for (; j < s.size() && is_digit(s[j]); ++j) out[n++] = s[j];
      has_exp = true;
      i = j;
    }
  }
  std::size_t k = i;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k < s.size() && s[k] == '%') {
    percent = true;
    i = k + 1;
  }
  if (i != s.size()) {
    while (i + 1 < s.size() && s[i] == ' ') ++i;
    const auto c = static_cast<unsigned char>(s[i]);
    const bool text = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return text ? Scan::trailing_text : Scan::not_number;
  }
  return bad_group ? Scan::bad_grouping : Scan::ok;
}

// Reads up to `max` digits at s[i]; returns how many were read.
std::size_t read_digits(std::string_view s, std::size_t& i, std::size_t max, int& value) {
  std::size_t count = 0;
  value = 0;
  while (i < s.size() && count < max && is_digit(s[i])) {
    value = value * 10 + (s[i] - '0');
    ++i;
    ++count;
  }
  return count;
}

// What may follow a date: nothing, or a time of day ("T08:30:00Z", " 0:00:00+08") that is ignored.
bool is_time_or_nothing(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest.front() != 'T' && rest.front() != 't' && rest.front() != ' ') return false;
  rest.remove_prefix(1);
  bool digit = false;
  for (char c : rest) {
    if (is_digit(c)) {
      digit = true;
    } else if (c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z' && c != 'z' && c != ' ') {
      return false;
    }
  }
  return digit;
}

ParseResult<Date> date_result(int y, int m, int d) {
  ParseResult<Date> r;
  r.value = Date::make(y, m, d);
  if (!r.value) r.error = kImpossibleDate;
  return r;
}

ParseResult<Date> date_error(std::string_view reason) {
  ParseResult<Date> r;
  r.error = reason;
  return r;
}

// Excel's 1900 date system: serial 1 = 1900-01-01; Excel counts a 29 February 1900 that never
// was (serial 60), so serials after it are one day ahead of the real calendar.
ParseResult<Date> excel_serial_date(long serial) {
  constexpr long kMaxSerial = 2958465;  // 9999-12-31
  constexpr long k18991230 = -25569;    // days since 1970-01-01
  if (serial < 1) return date_error(kImpossibleDate);
  if (serial == 60) return date_error(kExcelFakeLeapDay);
  if (serial > kMaxSerial) return date_error(kSerialOutOfRange);
  ParseResult<Date> r;
  r.value = Date::from_days_since_epoch(k18991230 + serial + (serial < 60 ? 1 : 0));
  return r;
}

// "2021" or a year and month alone: the first day of that period, when allowed.
ParseResult<Date> partial_date(int y, int m, bool allow) {
  if (!allow) return date_error(m == 0 ? kYearOnly : kYearMonthOnly);
  return date_result(y, m == 0 ? 1 : m, 1);
}

constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日", kDayAlt = "号";

bool consume(std::string_view s, std::size_t& i, std::string_view what) {
  if (!s.substr(i).starts_with(what)) return false;
  i += what.size();
  return true;
}

ParseResult<Date> parse_folded_date(std::string_view s, bool allow_bare_year) {
  std::size_t i = 0;
  int year = 0, month = 0, day = 0;
  const std::size_t lead = read_digits(s, i, 9, year);
  if (lead == 8) {  // YYYYMMDD
    if (!is_time_or_nothing(s.substr(8))) return date_error(kNotDate);
    return date_result(year / 10000, year / 100 % 100, year % 100);
  }
  if (lead == 4) {
    if (i == s.size()) return partial_date(year, 0, allow_bare_year);
    if (consume(s, i, kYear)) {  // 2021年3月5日
      if (i == s.size()) return partial_date(year, 0, allow_bare_year);
      if (read_digits(s, i, 2, month) == 0 || !consume(s, i, kMonth)) return date_error(kNotDate);
      if (i == s.size()) return partial_date(year, month, allow_bare_year);
      if (read_digits(s, i, 2, day) == 0) return date_error(kNotDate);
      if (!consume(s, i, kDay)) consume(s, i, kDayAlt);
      if (!is_time_or_nothing(s.substr(i))) return date_error(kNotDate);
      return date_result(year, month, day);
    }
    const char sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.') return date_error(kNotDate);
    ++i;
    if (read_digits(s, i, 2, month) == 0) return date_error(kNotDate);
    if (i == s.size()) return partial_date(year, month, allow_bare_year);
    if (s[i] != sep) return date_error(kNotDate);
    ++i;
    if (read_digits(s, i, 2, day) == 0 || !is_time_or_nothing(s.substr(i))) {
      return date_error(kNotDate);
    }
    return date_result(year, month, day);
  }
  // An Excel serial day number, perhaps with a time fraction ("45292.5").
  if (lead == 0 || lead > 7) return date_error(kNotDate);
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && is_digit(s[i]);) ++i;
  }
  if (i != s.size()) return date_error(kNotDate);
  return excel_serial_date(year);
}

constexpr std::string_view kTrueWords[] = {"是", "有", "y", "yes", "true", "1", "√", "t", "✓", "✔"};
constexpr std::string_view kFalseWords[] = {"否", "无", "n", "no", "false",
                                            "0",  "×",  "f", "✗",  "✘"};

bool any_iequals(std::string_view s, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return iequals(s, w); });
}

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::array<signed char, 256> kUsccValue = [] {
  std::array<signed char, 256> t{};
  t.fill(-1);
  for (std::size_t v = 0; v < kUsccAlphabet.size(); ++v) {
    const char c = kUsccAlphabet[v];
    t[static_cast<unsigned char>(c)] = static_cast<signed char>(v);
    t[static_cast<unsigned char>(to_lower(c))] = static_cast<signed char>(v);
  }
  return t;
}();

}  // namespace

std::string_view trim_view(std::string_view s) {
  std::size_t len = 0;
  while (!s.empty() && is_space_at(s, 0, len)) s.remove_prefix(len);
  while (!s.empty() && ends_with_space(s, len)) s.remove_suffix(len);
  return s;
}

std::string trim(std::string_view text) { return std::string(trim_view(text)); }

std::string fold_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Char c = next_char(text, i);
    if (c.ascii != 0) {
      out += c.ascii;
    } else {
      out.append(text.substr(i, c.len));
    }
    i += c.len;
  }
  return out;
}

ParseResult<double> parse_number(std::string_view text) {
  ParseResult<double> r;
  const std::string_view t = trim_view(text);
  if (t.empty()) {
    r.empty = true;
    return r;
  }
  const Folded folded(t);
  if (folded.overflow()) {
    r.error = kNotNumber;
    return r;
  }
  if (settled_early(folded.view(), r)) return r;
  // Room for the digits plus "e-2" for a percentage.
  std::array<char, Folded::kCapacity + 4> buf;
  std::size_t n = 0;
  bool percent = false, has_exp = false;
  switch (scan_number(folded.view(), buf.data(), n, percent, has_exp)) {
    case Scan::ok:
      break;
    case Scan::not_number:
      r.error = kNotNumber;
      return r;
    case Scan::bad_grouping:
      r.error = kBadGrouping;
      return r;
    case Scan::trailing_text:
      r.error = kTextAfterNumber;
      return r;
    case Scan::not_finite:
      r.error = kNotFinite;
      return r;
  }
  // "12.5%" parses as "12.5e-2", so that 0.1% is the double nearest 0.001, not 0.1 / 100.
  if (percent && !has_exp) {
    for (char c : {'e', '-', '2'}) buf[n++] = c;
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(buf.data(), buf.data() + n, v);
  if (ec == std::errc::result_out_of_range) {
    r.error = kOutOfRange;
    return r;
  }
  if (ec != std::errc() || end != buf.data() + n) {
    r.error = kNotNumber;
    return r;
  }
  if (percent && has_exp) v /= 100;
  if (!std::isfinite(v)) {
    r.error = kOutOfRange;
    return r;
  }
  r.value = v;
  return r;
}

ParseResult<Date> parse_date(std::string_view text, bool allow_bare_year) {
  ParseResult<Date> r;
  const std::string_view t = trim_view(text);
  if (t.empty()) {
    r.empty = true;
    return r;
  }
  const Folded folded(t);
  if (folded.overflow()) return date_error(kNotDate);
  if (settled_early(folded.view(), r)) return r;
  return parse_folded_date(folded.view(), allow_bare_year);
}

ParseResult<bool> parse_bool(std::string_view text) {
  ParseResult<bool> r;
  const std::string_view t = trim_view(text);
  if (t.empty()) {
    r.empty = true;
    return r;
  }
  const Folded folded(t);
  const std::string_view s = folded.view();
  if (!folded.overflow()) {
    // Before the empty markers: "无" is an answer here (有/无), not a blank.
    if (any_iequals(s, kTrueWords)) r.value = true;
    if (any_iequals(s, kFalseWords)) r.value = false;
    if (r.value) return r;
  }
  // Blank markers, Excel errors and "1.0" / "0.0" as for numbers.
  const ParseResult<double> number = parse_number(t);
  if (number.empty) {
    r.empty = true;
    return r;
  }
  if (number.ok() && (*number.value == 1 || *number.value == 0)) {
    r.value = *number.value == 1;
    return r;
  }
  r.error = number.error.starts_with("Excel") ? number.error : std::string(kNotBool);
  return r;
}

std::optional<char> uscc_check_char(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int v = kUsccValue[static_cast<unsigned char>(first17[i])];
    if (v < 0) return std::nullopt;
    sum += v * kUsccWeights[i];
  }
  const int check = (31 - sum % 31) % 31;  // 31 − (Σ mod 31), where 31 stands for 0
  return kUsccAlphabet[check];
}

bool uscc_valid(std::string_view uscc) {
  if (uscc.size() != 18) return false;
  const std::optional<char> check = uscc_check_char(uscc.substr(0, 17));
  return check && *check == to_upper(uscc[17]);
}

std::string normalize_uscc(std::string_view uscc) {
  std::string out = fold_width(trim_view(uscc));
  std::transform(out.begin(), out.end(), out.begin(), to_upper);
  return out;
}

}  // namespace muyield::io
