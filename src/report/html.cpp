#include "report/html.hpp"

#include <charconv>
#include <cmath>

#include "io/html_escape.hpp"

namespace muyield::report {

std::string escape(std::string_view text) { return io::html_escape(text); }

std::string fixed(std::optional<double> v, int decimals) {
  if (!v || !std::isfinite(*v)) return "–";
  double x = *v;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  std::string s(buf, r.ptr);
  // Values that round to zero are written without a sign.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

void append_coordinate(std::string& out, double v) {
  const double rounded = std::round(v * 10) / 10;
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, rounded == 0 ? 0.0 : rounded,
                         std::chars_format::fixed, 1);
  std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
  if (s.ends_with(".0")) s.remove_suffix(2);
  out += s;
}

}  // namespace muyield::report
