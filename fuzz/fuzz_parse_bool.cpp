// io::parse_bool on arbitrary bytes: no crash, exactly one outcome, and trimming never matters.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "io/values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = muyield::io::parse_bool(text);
  MUYIELD_FUZZ_CHECK(int(r.ok()) + int(r.empty) + int(!r.error.empty()) == 1);
  const auto trimmed = muyield::io::parse_bool(muyield::io::trim(text));
  MUYIELD_FUZZ_CHECK(trimmed.ok() == r.ok() && trimmed.empty == r.empty);
  if (r.ok()) MUYIELD_FUZZ_CHECK(*trimmed.value == *r.value);
  return 0;
}
