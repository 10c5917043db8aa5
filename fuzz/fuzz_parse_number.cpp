// io::parse_number on arbitrary bytes: no crash, no undefined behaviour, and the result is
// either a finite number, an empty cell or an error with a reason — never two of them.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "io/values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = muyield::io::parse_number(text);
  MUYIELD_FUZZ_CHECK(int(r.ok()) + int(r.empty) + int(!r.error.empty()) == 1);
  if (r.ok()) MUYIELD_FUZZ_CHECK(std::isfinite(*r.value));
  // Surrounding spaces never change the reading.
  const auto padded = muyield::io::parse_number(" " + std::string(text) + "\t");
  MUYIELD_FUZZ_CHECK(padded.ok() == r.ok() && padded.empty == r.empty);
  if (r.ok()) MUYIELD_FUZZ_CHECK(*padded.value == *r.value);
  return 0;
}
