// io::parse_date on arbitrary bytes, with and without bare years: no crash, and a date that is
// read is a real calendar date that survives its ISO text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "io/values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const bool bare_year : {false, true}) {
    const auto r = muyield::io::parse_date(text, bare_year);
    MUYIELD_FUZZ_CHECK(int(r.ok()) + int(r.empty) + int(!r.error.empty()) == 1);
    if (!r.ok()) continue;
    const muyield::Date d = *r.value;
    MUYIELD_FUZZ_CHECK(muyield::Date::valid(d.year, d.month, d.day));
    const auto again = muyield::io::parse_date(d.iso(), false);
    MUYIELD_FUZZ_CHECK(again.ok() && *again.value == d);
  }
  // Whatever reads without bare years reads the same with them.
  const auto strict = muyield::io::parse_date(text, false);
  const auto loose = muyield::io::parse_date(text, true);
  if (strict.ok()) MUYIELD_FUZZ_CHECK(loose.ok() && *loose.value == *strict.value);
  return 0;
}
