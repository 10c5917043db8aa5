#include "io/styles.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "io/number_text.hpp"

namespace muyield::io {

namespace {

std::string fixed2(double v) {
  if (v == 0) v = 0;  // no "-0.00"
  char buf[48];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

void replace_all(std::string& text, const std::string& token, const std::string& value) {
  for (std::size_t at = text.find(token); at != std::string::npos;
       at = text.find(token, at + value.size()))
    text.replace(at, token.size(), value);
}

}  // namespace

std::string_view embedded_style(std::string_view file_name) {
  auto it = style_files().find(file_name);
  if (it == style_files().end())
    throw std::out_of_range("style " + std::string(file_name) + " is not compiled in");
  return it->second;
}

std::vector<double> quantile_breaks(std::vector<double> values, int n) {
  std::vector<double> breaks(static_cast<std::size_t>(n) + 1, 0.0);
  if (values.empty()) return breaks;
  std::sort(values.begin(), values.end());
  const double last = static_cast<double>(values.size() - 1);
  for (int i = 0; i <= n; ++i) {
    const double a = last * i / n;
    const auto lo = static_cast<std::size_t>(std::floor(a));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    breaks[static_cast<std::size_t>(i)] =
        values[lo] + (values[hi] - values[lo]) * (a - std::floor(a));
  }
  return breaks;
}

std::string fill_breaks(std::string_view style_template, const std::vector<double>& breaks) {
  std::string text(style_template);
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    replace_all(text, "{{b" + std::to_string(i) + "}}", number_text(breaks[i]));
    if (i > 0)
      replace_all(text, "{{l" + std::to_string(i) + "}}",
                  fixed2(breaks[i - 1]) + " - " + fixed2(breaks[i]));
  }
  return text;
}

}  // namespace muyield::io
