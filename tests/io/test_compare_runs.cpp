// compare_runs on hand-made CSV outputs (tests/fixtures/compare/README.md): read through GDAL,
// compared, written, and the written tables read back; expected figures by hand.
#include <catch2/catch.hpp>
#include <filesystem>

#include "io/compare_runs.hpp"
#include "io/input_error.hpp"
#include "io/read_run_table.hpp"

using namespace muyield;

namespace {

const std::string kDir = std::string(MUYIELD_TEST_DIR) + "/fixtures/compare";

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::path(MUYIELD_BINARY_DIR) / "test-work" / name;
  std::filesystem::remove_all(dir);
  return dir;
}

// The row whose `key` column is `value`.
std::size_t row_of(const compare::RunTable& t, const std::string& key, const std::string& value) {
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.cell(r, key) == value) return r;
  FAIL("no row " << key << " = " << value << " in " << t.source);
  return 0;
}

}  // namespace

TEST_CASE("a run table reads back what write_csv wrote: BOM, quotes, neutralised text") {
  const compare::RunTable t = io::read_run_table(kDir + "/2024/enterprises.csv", "uscc");
  CHECK(t.header.front() == "uscc");  // no BOM in the first key
  REQUIRE(t.rows.size() == 3);
  CHECK(t.cell(1, "name") == "乙, 有限公司");
  CHECK(t.cell(2, "name") == "=丁");  // the apostrophe write_csv adds is taken off again
  CHECK_THROWS_AS(io::read_run_table(kDir + "/2024/none.csv", "uscc"), io::InputError);
  CHECK_THROWS_AS(io::read_run_table(kDir + "/2024/parcels.csv", "uscc"), io::InputError);
}

TEST_CASE("compare_runs writes the three tables with hand-checked figures") {
  const auto out = fresh_dir("compare");
  const io::CompareCounts n = io::compare_runs(kDir + "/2023", kDir + "/2024", out.string());
  CHECK(n.enterprises_both == 2);
  CHECK(n.enterprises_appeared == 1);
  CHECK(n.enterprises_disappeared == 1);
  CHECK(n.class_up == 1);    // E2 B → A
  CHECK(n.class_down == 1);  // E1 A → C
  CHECK(n.class_same == 0);
  CHECK(n.parcels_flags_changed == 2);

  const compare::RunTable e = io::read_run_table((out / "enterprise_changes.csv").string(), "uscc");
  const std::size_t e1 = row_of(e, "uscc", "E1");
  CHECK(e.cell(e1, "class_move") == "down");
  CHECK(*e.number(e1, "tax_per_mu_change") == Approx(-5));  // 15 − 20
  CHECK(*e.number(e1, "total_change") == Approx(-35));      // 45 − 80
  CHECK(*e.number(e1, "rank_change") == 1);                 // 2 − 1
  const std::size_t e3 = row_of(e, "uscc", "E3");
  CHECK(e.cell(e3, "presence") == "disappeared");
  CHECK(e.cell(e3, "tax_per_mu_from").empty());  // missing stays missing
  CHECK(e.cell(e3, "total_change").empty());
  const std::size_t e4 = row_of(e, "uscc", "E4");
  CHECK(e.cell(e4, "name") == "=丁");
  CHECK(e.cell(e4, "class_from").empty());

  const compare::RunTable m = io::read_run_table((out / "class_migration.csv").string(), "from");
  REQUIRE(m.rows.size() == 18);  // all, above, below × six rows
  const auto cell = [&](const std::string& group, const std::string& from, const std::string& to) {
    for (std::size_t r = 0; r < m.rows.size(); ++r)
      if (m.cell(r, "group") == group && m.cell(r, "from") == from) return *m.number(r, to);
    FAIL("no row " << group << " " << from);
    return -1.0;
  };
  CHECK(cell("all", "A", "C") == 1);
  CHECK(cell("all", "B", "A") == 1);
  CHECK(cell("all", "C", "absent") == 1);
  CHECK(cell("all", "absent", "B") == 1);
  CHECK(cell("all", "A", "total") == 1);
  CHECK(cell("below", "C", "absent") == 1);  // E3, by its 2023 group
  CHECK(cell("above", "A", "A") == 0);

  const compare::RunTable p =
      io::read_run_table((out / "parcel_flag_changes.csv").string(), "parcel_id");
  REQUIRE(p.rows.size() == 2);
  CHECK(p.cell(0, "cleared") == "LOW_DENSITY");
  CHECK(p.cell(0, "class_to") == "C");
  CHECK(p.cell(1, "raised") == "IDLE_2Y,D_CLASS");
  CHECK(*p.number(1, "flags_changed") == 1);
  CHECK(*p.number(1, "tax_per_mu_change") == Approx(-0.5));
}
