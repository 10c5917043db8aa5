// Park names as folder names: whatever they hold, one harmless component inside the output.
#include <catch2/catch.hpp>
#include <string>

#include "io/safe_name.hpp"

using namespace muyield::io;

TEST_CASE("safe path components keep Chinese names and neutralise the rest") {
  CHECK(safe_path_component("德兴高新区城东园") == "德兴高新区城东园");
  CHECK(safe_path_component("Park A (east)") == "Park A (east)");
  CHECK(safe_path_component("..") == "_");
  CHECK(safe_path_component(".") == "_");
  CHECK(safe_path_component("") == "_");
  CHECK(safe_path_component("...") == "_");
  CHECK(safe_path_component("../../etc/passwd") == "_.._etc_passwd");
  CHECK(safe_path_component("/abs/path") == "_abs_path");
  CHECK(safe_path_component("a\\b") == "a_b");
  CHECK(safe_path_component(std::string("园\0区", 7)) == "园_区");
  CHECK(safe_path_component("line\nbreak\t") == "line_break_");
  CHECK(safe_path_component(".hidden") == "hidden");
  CHECK(safe_path_component("trailing. ") == "trailing");
  CHECK(safe_path_component("a:b*c?d\"e<f>g|h") == "a_b_c_d_e_f_g_h");
  CHECK(safe_path_component("CON") == "_CON");
  CHECK(safe_path_component("lpt1.txt") == "_lpt1.txt");
  CHECK(safe_path_component("COM10") == "COM10");
  CHECK(safe_path_component("\xff\xfe园") == "__园");  // invalid UTF-8 bytes
  CHECK(safe_path_component("\xe5\x9b") == "__");      // a cut-off character
}

TEST_CASE("safe path components are at most 120 bytes, cut between characters") {
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "园";  // 3 bytes each
  const std::string s = safe_path_component(long_name);
  CHECK(s.size() == 120);
  CHECK(s.substr(0, 3) == "园");
}

TEST_CASE("child paths stay inside the base folder") {
  const std::filesystem::path base = "/tmp/out";
  for (const char* name : {"../x", "..", "/etc", "a/../../b", "\\..\\..", "."}) {
    const std::filesystem::path p = child_path(base, name);
    CHECK(p.parent_path() == base);
    CHECK(p.filename() != "..");
  }
}

TEST_CASE("printable text shows control characters") {
  CHECK(printable_text(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(printable_text("园区\n") == "园区\\x0A");
  CHECK(printable_text("plain") == "plain");
}
