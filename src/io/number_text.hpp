// Numbers as text in outputs: the shortest form that reads back to the same double, '.' as the
// decimal mark whatever the locale (std::to_chars does not look at the locale).
#pragma once

#include <charconv>
#include <cmath>
#include <string>

namespace muyield::io {

inline void append_number(std::string& out, double v) {
  char buf[32];
  if (v == 0) v = 0;  // no "-0"
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

inline std::string number_text(double v) {
  std::string s;
  append_number(s, v);
  return s;
}

}  // namespace muyield::io
