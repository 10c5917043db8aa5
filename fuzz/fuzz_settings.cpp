// review.toml parsing on arbitrary bytes: either Settings or a ConfigError that names the file
// — never a crash, another exception type, or a hang. A relative far_table resolves against a
// folder that does not exist, so the target never reads the disk.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "io/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string name = "/nonexistent-muyield-fuzz/review.toml";
  try {
    const muyield::io::Settings s = muyield::io::parse_settings(text, name);
    const auto& c = s.review.classes;
    MUYIELD_FUZZ_CHECK(c.share_a <= c.share_b && c.share_b <= c.share_c);
  } catch (const muyield::io::ConfigError& e) {
    MUYIELD_FUZZ_CHECK(e.file() == name);
    MUYIELD_FUZZ_CHECK(std::string_view(e.what()).starts_with(name));
  }
  return 0;
}
