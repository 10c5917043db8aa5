#include <catch2/catch.hpp>
#include <string>

#include "io/xlsx_formulas.hpp"

using muyield::io::parse_cell_reference;
using muyield::io::xlsx_unsaved_formulas;

TEST_CASE("Cell references read as a 1-based row and a 0-based column") {
  CHECK(parse_cell_reference("A1") == std::pair<std::int64_t, int>{1, 0});
  CHECK(parse_cell_reference("D2") == std::pair<std::int64_t, int>{2, 3});
  CHECK(parse_cell_reference("AA10") == std::pair<std::int64_t, int>{10, 26});
  CHECK(parse_cell_reference("XFD1048576") == std::pair<std::int64_t, int>{1048576, 16383});
  for (const char* bad : {"", "A", "1", "a1", "A1B", "A0", "ABCD1", "A12345678"})
    CHECK(parse_cell_reference(bad).second == -1);
}

TEST_CASE("Formulas without a saved result are found on the right sheet") {
  const std::string corpus = std::string(MUYIELD_TEST_DIR) + "/corpus/cases/";
  // openpyxl wrote =1000*12 (D2), =600 (E2) and =B2/0 (F3) without values.
  const auto cells = xlsx_unsaved_formulas(corpus + "excel_formulas/enterprises.xlsx", 0);
  CHECK(cells == std::set<std::pair<std::int64_t, int>>{{2, 3}, {2, 4}, {3, 5}});
  CHECK(xlsx_unsaved_formulas(corpus + "excel_formulas/enterprises.xlsx", 1).empty());
  CHECK(xlsx_unsaved_formulas(corpus + "excel_error_cells/enterprises.xlsx", 0).empty());
  CHECK(xlsx_unsaved_formulas(corpus + "excel_corrupt_zip/enterprises.xlsx", 0).empty());
  CHECK(xlsx_unsaved_formulas("/nonexistent.xlsx", 0).empty());
}
