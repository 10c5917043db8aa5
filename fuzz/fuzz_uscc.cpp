// The GB 32100 credit code helpers on arbitrary bytes: normalising is idempotent, a valid code
// is 18 characters whose last one is the check character of the first 17.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "io/values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace muyield::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string code = normalize_uscc(text);
  MUYIELD_FUZZ_CHECK(normalize_uscc(code) == code);
  const bool valid = uscc_valid(code);
  if (valid) {
    MUYIELD_FUZZ_CHECK(code.size() == 18);
    const auto check = uscc_check_char(std::string_view(code).substr(0, 17));
    MUYIELD_FUZZ_CHECK(check && *check == code[17]);
  }
  if (code.size() >= 17) {
    if (const auto check = uscc_check_char(std::string_view(code).substr(0, 17)))
      MUYIELD_FUZZ_CHECK(uscc_valid(code.substr(0, 17) + *check));
  }
  uscc_valid(text);  // raw, not normalised: must not crash either
  return 0;
}
