#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "io/values.hpp"

using muyield::Date;
using namespace muyield::io;

namespace {

double number(std::string_view text) {
  const auto r = parse_number(text);
  INFO("text: " << text << " error: " << r.error);
  REQUIRE(r.ok());
  CHECK(r.error.empty());
  CHECK_FALSE(r.empty);
  return *r.value;
}

std::string number_error(std::string_view text) {
  const auto r = parse_number(text);
  INFO("text: " << text);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.empty);
  CHECK_FALSE(r.error.empty());
  return r.error;
}

Date date(std::string_view text, bool allow_bare_year = false) {
  const auto r = parse_date(text, allow_bare_year);
  INFO("text: " << text << " error: " << r.error);
  REQUIRE(r.ok());
  CHECK(r.error.empty());
  return *r.value;
}

std::string date_error(std::string_view text, bool allow_bare_year = false) {
  const auto r = parse_date(text, allow_bare_year);
  INFO("text: " << text);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.empty);
  return r.error;
}

bool boolean(std::string_view text) {
  const auto r = parse_bool(text);
  INFO("text: " << text << " error: " << r.error);
  REQUIRE(r.ok());
  return *r.value;
}

}  // namespace

TEST_CASE("trim removes ASCII, full-width and no-break spaces and a BOM", "[values]") {
  CHECK(trim("  a b\t\r\n") == "a b");
  CHECK(trim("\u3000 宗地代码 \u3000") == "宗地代码");
  CHECK(trim("\xEF\xBB\xBFparcel_id") == "parcel_id");
  CHECK(trim("\u00A012.5\u00A0") == "12.5");
  CHECK(trim(" \t\u3000 ").empty());
  CHECK(trim_view("  x ") == "x");
}

TEST_CASE("fold_width turns full-width forms into ASCII", "[values]") {
  CHECK(fold_width("１２３．４") == "123.4");
  CHECK(fold_width("营业收入（万元）") == "营业收入(万元)");
  CHECK(fold_width("ＺＤＤＭ　ａ") == "ZDDM a");
  CHECK(fold_width("\u22123") == "-3");  // U+2212 MINUS SIGN
  CHECK(fold_width("银城园区") == "银城园区");
}

TEST_CASE("numbers as planners type them", "[values]") {
  CHECK(number("0") == 0.0);
  CHECK(number("1,234.5") == 1234.5);
  CHECK(number("1,234,567.89") == 1234567.89);
  CHECK(number("１２３．４") == 123.4);
  CHECK(number("１，２３４") == 1234.0);
  CHECK(number(" -12 ") == -12.0);
  CHECK(number("+7") == 7.0);
  CHECK(number("－7") == -7.0);      // full-width hyphen-minus
  CHECK(number("\u22123") == -3.0);  // minus sign
  CHECK(number("1.2e3") == 1200.0);
  CHECK(number("1.2E-3") == 0.0012);
  CHECK(number("-2.5e+2") == -250.0);
  CHECK(number(".5") == 0.5);
  CHECK(number("5.") == 5.0);
  CHECK(number("\u3000 42\u00A0") == 42.0);
}

TEST_CASE("percentages are fractions, decimal-exact", "[values]") {
  CHECK(number("12%") == 0.12);
  CHECK(number("１２％") == 0.12);
  CHECK(number("0.1%") == 0.001);  // read as 0.1e-2: the double nearest 0.001
  CHECK(number("-5 %") == -0.05);
  CHECK(number("100%") == 1.0);
  CHECK(number("1e2%") == 1.0);
}

TEST_CASE("empty markers are empty, not errors", "[values]") {
  for (const char* text : {"", "   ", "-", "--", "—", "——", "－", "/", "／", "无", "空", "N/A",
                           "n/a", "#N/A", "NA", "null", "None", "\u3000"}) {
    INFO("text: '" << text << "'");
    const auto r = parse_number(text);
    CHECK(r.empty);
    CHECK_FALSE(r.ok());
    CHECK(r.error.empty());
  }
}

TEST_CASE("text, Excel errors and non-finite values are errors with a reason", "[values]") {
  CHECK(number_error("abc") == "不是数字 / not a number");
  CHECK(number_error("1.2.3") == "不是数字 / not a number");
  CHECK(number_error("12-3") == "不是数字 / not a number");
  CHECK(number_error("--5") == "不是数字 / not a number");
  CHECK(number_error("1e") != "");
  CHECK(number_error("¥12") == "不是数字 / not a number");
  CHECK(number_error(std::string(200, '1')) == "不是数字 / not a number");
  // Thousands separators must group by three: "1,2" could be a European 1.2; never guess.
  CHECK(number_error("1,2").find("thousands separator") != std::string::npos);
  CHECK(number_error("1234,567").find("thousands separator") != std::string::npos);
  CHECK(number_error(",123").find("thousands separator") != std::string::npos);
  // A unit typed into the cell: tell the planner where it belongs.
  CHECK(number_error("12万元").find("put units in the header") != std::string::npos);
  CHECK(number_error("3.5 亩").find("put units in the header") != std::string::npos);
  CHECK(number_error("12 kWh").find("put units in the header") != std::string::npos);

  const std::string div0 = number_error("#DIV/0!");
  CHECK(div0.find("#DIV/0!") != std::string::npos);
  CHECK(div0.find("division by zero") != std::string::npos);
  CHECK(div0.find("除以零") != std::string::npos);
  CHECK(number_error("#VALUE!").find("Excel error #VALUE!") != std::string::npos);
  CHECK(number_error("#ref!").find("Excel error #REF!") != std::string::npos);
  CHECK(number_error("#NAME?").find("Excel error") != std::string::npos);
  CHECK(number_error("#FOO!").find("Excel error #FOO!") != std::string::npos);
  CHECK(number_error("#12") == "不是数字 / not a number");

  for (const char* text : {"NaN", "nan", "inf", "-Infinity", "+INF"}) {
    CHECK(number_error(text).find("NaN or infinity") != std::string::npos);
  }
  CHECK(number_error("1e400").find("out of range") != std::string::npos);
}

TEST_CASE("dates in the listed forms", "[values]") {
  const Date jan5{2024, 1, 5};
  CHECK(date("2024-01-05") == jan5);
  CHECK(date("2024/1/5") == jan5);
  CHECK(date("2024.01.05") == jan5);
  CHECK(date("20240105") == jan5);
  CHECK(date("2024年1月5日") == jan5);
  CHECK(date("2024年01月05号") == jan5);
  CHECK(date("２０２４年１月５日") == jan5);
  CHECK(date("２０２４－０１－０５") == jan5);
  CHECK(date(" 2024-01-05 ") == jan5);
  // ISO date-times and GDAL's DateTime text: the time is ignored.
  CHECK(date("2024-01-05T08:30:00Z") == jan5);
  CHECK(date("2024-01-05T23:59:59.999+08:00") == jan5);
  CHECK(date("2024/01/05 00:00:00") == jan5);
  CHECK(date("2024-01-05 12:00") == jan5);
  CHECK(date("2024-02-29") == Date{2024, 2, 29});
}

TEST_CASE("Excel serial day numbers in the 1900 date system", "[values]") {
  // 45292 − 25569 (1899-12-30 → 1970-01-01) = 19723 days = 54 years incl. 13 leap days.
  CHECK(date("45292") == Date{2024, 1, 1});
  CHECK(date("45292.75") == Date{2024, 1, 1});  // a time of day
  CHECK(date("43831") == Date{2020, 1, 1});
  CHECK(date("1") == Date{1900, 1, 1});
  CHECK(date("59") == Date{1900, 2, 28});
  CHECK(date("61") == Date{1900, 3, 1});  // Excel's day after its fictitious 29 February
  CHECK(date("2958465") == Date{9999, 12, 31});
  const std::string fake = date_error("60");
  CHECK(fake.find("impossible date") != std::string::npos);
  CHECK(fake.find("1900-02-29") != std::string::npos);
  CHECK(date_error("0").find("impossible date") != std::string::npos);
  CHECK(date_error("2958466").find("out of range") != std::string::npos);
}

TEST_CASE("impossible and unreadable dates are errors", "[values]") {
  CHECK(date_error("2023-02-30") == "日期不存在 / impossible date");
  CHECK(date_error("20230230") == "日期不存在 / impossible date");
  CHECK(date_error("2023年2月30日") == "日期不存在 / impossible date");
  CHECK(date_error("2023-13-01") == "日期不存在 / impossible date");
  CHECK(date_error("2023-04-31") == "日期不存在 / impossible date");
  CHECK(date_error("2023-02-29") == "日期不存在 / impossible date");
  for (const char* text : {"abc", "01/05/2024", "2024-01-05x", "2024-01/05", "12345678901",
                           "-45292", "2024-001-05", "二〇二四年"}) {
    CHECK(date_error(text) == "不是日期 / not a date");
  }
  CHECK(date_error("#VALUE!").find("Excel error #VALUE!") != std::string::npos);
}

TEST_CASE("empty date cells", "[values]") {
  for (const char* text : {"", " ", "-", "/", "无", "N/A"}) {
    const auto r = parse_date(text, true);
    CHECK(r.empty);
    CHECK(r.error.empty());
  }
}

TEST_CASE("bare years and year-months only where a year is allowed", "[values]") {
  CHECK(date("2021", true) == Date{2021, 1, 1});
  CHECK(date("2021年", true) == Date{2021, 1, 1});
  CHECK(date("２０２１", true) == Date{2021, 1, 1});
  CHECK(date("2021-03", true) == Date{2021, 3, 1});
  CHECK(date("2021年3月", true) == Date{2021, 3, 1});
  CHECK(date("2021-03-15", true) == Date{2021, 3, 15});
  CHECK(date_error("2021-13", true) == "日期不存在 / impossible date");
  // Without: a four-digit number is a year, never Excel serial 2021 (1905-07-13).
  CHECK(date_error("2021").find("year only") != std::string::npos);
  CHECK(date_error("2021年").find("year only") != std::string::npos);
  CHECK(date_error("2021-03").find("day is missing") != std::string::npos);
  CHECK(date_error("2021年3月").find("day is missing") != std::string::npos);
}

TEST_CASE("booleans", "[values]") {
  for (const char* text :
       {"是", "有", "Y", "y", "yes", "TRUE", "true", "1", "√", "T", "✓", "Ｙ", "1.0", " 是 "}) {
    CHECK(boolean(text));
  }
  for (const char* text : {"否", "无", "N", "no", "False", "0", "×", "f", "✗", "0.0"}) {
    CHECK_FALSE(boolean(text));
  }
  for (const char* text : {"", " ", "-", "/", "N/A"}) {
    const auto r = parse_bool(text);
    CHECK(r.empty);
    CHECK(r.error.empty());
  }
  for (const char* text : {"maybe", "2", "是的吧"}) {
    const auto r = parse_bool(text);
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("not a yes/no value") != std::string::npos);
  }
  CHECK(parse_bool("#N/A").empty);
  CHECK(parse_bool("#REF!").error.find("Excel error #REF!") != std::string::npos);
}

TEST_CASE("USCC check characters computed by hand", "[values]") {
  // Alphabet values: digits 0–9, A10 … H17, J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
  // Weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
  //
  // 91360900MA35L7X81: 9·1 + 1·3 + 3·9 + 6·27 + 0·19 + 9·26 + 0·16 + 0·17 + M21·20 + A10·29
  //   + 3·25 + 5·13 + L20·8 + 7·24 + X29·10 + 8·30 + 1·28
  //   = 9+3+27+162+0+234+0+0+420+290+75+65+160+168+290+240+28 = 2171; 2171 mod 31 = 1;
  //   31 − 1 = 30 → 'Y'.
  CHECK(uscc_check_char("91360900MA35L7X81") == 'Y');
  CHECK(uscc_valid("91360900MA35L7X81Y"));
  // 91360902MA35P7W0L: 9+3+27+162+0+234+0+2·17 + 420+290+75+65 + P23·8 + 7·24 + W28·10 + 0·30
  //   + L20·28 = 9+3+27+162+234+34+420+290+75+65+184+168+280+0+560 = 2511 = 81·31;
  //   mod 31 = 0; 31 − 0 = 31 → 0 → '0'.
  CHECK(uscc_check_char("91360902MA35P7W0L") == '0');
  CHECK(uscc_valid("91360902MA35P7W0L0"));
  // 92360900MA35K1234 (个体工商户): 9+2·3+27+162+0+234+0+0+420+290+75+65 + K19·8 + 1·24 + 2·10
  //   + 3·30 + 4·28 = 9+6+27+162+234+420+290+75+65+152+24+20+90+112 = 1686;
  //   1686 mod 31 = 12; 31 − 12 = 19 → 'K'.
  CHECK(uscc_check_char("92360900MA35K1234") == 'K');
  CHECK(uscc_valid("92360900MA35K1234K"));
}

TEST_CASE("USCC validation rejects what GB 32100 does not allow", "[values]") {
  CHECK(uscc_valid("91360900ma35l7x81y"));         // lower case accepted
  CHECK_FALSE(uscc_valid("91360900MA35L7X81X"));   // wrong check character
  CHECK_FALSE(uscc_valid("91360900MA35L7X81"));    // 17 characters
  CHECK_FALSE(uscc_valid("91360900MA35L7X81Y0"));  // 19
  CHECK_FALSE(uscc_valid(""));
  CHECK_FALSE(uscc_valid(" 91360900MA35L7X81Y"));  // not trimmed: normalise first
  // I, O, S, V, Z are not in the alphabet.
  CHECK_FALSE(uscc_check_char("91360900MA35I7X81").has_value());
  CHECK_FALSE(uscc_check_char("91360900MA35O7X81").has_value());
  CHECK_FALSE(uscc_check_char("91360900MA35S7X81").has_value());
  CHECK_FALSE(uscc_check_char("91360900MA35L7X8").has_value());
}

TEST_CASE("normalize_uscc upper-cases, trims and folds full-width", "[values]") {
  CHECK(normalize_uscc(" 91360900ma35l7x81y\t") == "91360900MA35L7X81Y");
  CHECK(normalize_uscc("９１３６０９００ＭＡ３５Ｌ７Ｘ８１Ｙ") == "91360900MA35L7X81Y");
  CHECK(uscc_valid(normalize_uscc("\u300091360900ma35l7x81y")));
  CHECK(normalize_uscc("91360900MA35L7X81X") == "91360900MA35L7X81X");  // does not validate
}

TEST_CASE("any bytes give exactly one of value, empty or error", "[values]") {
  // Deterministic noise biased towards the characters the parsers look at.
  const std::string_view pieces[] = {
      "1",        "9",  "0",  ",",  ".",  "e",  "-",  "+",    "%",    "#",    " ",
      "年",       "月", "日", "１", "．", "，", "％", "\xEF", "\xBC", "\x80", "\xE3\x80\x80",
      "\xC2\xA0", "/",  "T",  ":",  "无"};
  std::uint32_t x = 2024;
  const auto next = [&x] { return x = x * 1664525u + 1013904223u; };
  const auto one_of = [](const auto& r) {
    return (r.ok() ? 1 : 0) + (r.empty ? 1 : 0) + (r.error.empty() ? 0 : 1) == 1;
  };
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const std::uint32_t len = next() >> 28;
    for (std::uint32_t k = 0; k < len; ++k) {
      text += (next() >> 31) ? pieces[(next() >> 8) % std::size(pieces)]
                             : std::string(1, static_cast<char>(next() >> 24));
    }
    INFO("text: " << text);
    const auto n = parse_number(text);
    CHECK(one_of(n));
    if (n.ok()) CHECK(std::isfinite(*n.value));
    const auto d = parse_date(text, (i & 1) != 0);
    CHECK(one_of(d));
    if (d.ok()) CHECK(Date::valid(d.value->year, d.value->month, d.value->day));
    CHECK(one_of(parse_bool(text)));
    CHECK(normalize_uscc(text).size() <= text.size());
  }
}
