// Year-over-year comparison on small hand-made tables; every expected figure worked out by hand.
#include <catch2/catch.hpp>

#include "core/compare/class_migration.hpp"
#include "core/compare/enterprise_changes.hpp"
#include "core/compare/parcel_flag_changes.hpp"

using namespace muyield::compare;

namespace {

// 2023: E1 above A rank 1, E2 above B rank 2, E3 below C rank 1, E4 below A (disappears).
RunTable enterprises_2023() {
  return {"2023/enterprises.csv",
          {"uscc", "name", "group", "park", "land_mu", "tax_per_mu", "s_tax_per_mu", "total",
           "rank", "class"},
          {{"E1", "甲", "above", "东园", "10", "20", "30", "80", "1", "A"},
           {"E2", "乙", "above", "东园", "5", "8", "12", "50", "2", "B"},
           {"E3", "丙", "below", "西园", "4", "", "", "40", "1", "C"},
           {"E4", "丁", "below", "西园", "3", "2", "", "30", "2", "A"}}};
}

// 2024: E1 falls to C, E2 rises to A, E3 changes group to above and is B, E5 appears (unrated).
RunTable enterprises_2024() {
  return {"2024/enterprises.csv",
          {"uscc", "name", "group", "park", "land_mu", "tax_per_mu", "total", "rank", "class",
           "s_va_per_mu"},
          {{"E2", "乙（新名）", "above", "东园", "5", "12.5", "70", "1", "A", "7"},
           {"E1", "甲", "above", "东园", "10", "15", "45", "3", "C", "1"},
           {"E3", "丙", "above", "西园", "4", "9", "60", "2", "B", ""},
           {"E5", "戊", "below", "", "", "", "", "", "unrated", ""}}};
}

std::size_t measure(const EnterpriseChanges& c, const std::string& key) {
  for (std::size_t i = 0; i < c.measures.size(); ++i)
    if (c.measures[i] == key) return i;
  FAIL("no measure " << key);
  return 0;
}

}  // namespace

TEST_CASE("enterprise changes: presence, classes, indicator and rank deltas") {
  const EnterpriseChanges c = compare_enterprises(enterprises_2023(), enterprises_2024());
  // Measures present in either table, in the fixed order: figures, indicators, scores, totals.
  CHECK(c.measures == std::vector<std::string>{"land_mu", "tax_per_mu", "s_va_per_mu",
                                               "s_tax_per_mu", "total", "rank"});
  REQUIRE(c.rows.size() == 5);  // sorted by uscc
  CHECK(c.rows[0].uscc == "E1");
  CHECK(c.rows[4].uscc == "E5");

  const EnterpriseChange& e1 = c.rows[0];
  CHECK(e1.presence == Presence::both);
  CHECK(e1.class_from == "A");
  CHECK(e1.class_to == "C");
  CHECK(e1.class_move == "down");
  CHECK(*e1.measures[measure(c, "tax_per_mu")].change() == Approx(-5.0));  // 15 − 20
  CHECK(*e1.measures[measure(c, "total")].change() == Approx(-35.0));      // 45 − 80
  CHECK(*e1.measures[measure(c, "rank")].change() == 2);                   // 3 − 1: worse
  // A score column only one year has: both sides shown, no change.
  CHECK(*e1.measures[measure(c, "s_tax_per_mu")].from == 30);
  CHECK_FALSE(e1.measures[measure(c, "s_tax_per_mu")].to);
  CHECK_FALSE(e1.measures[measure(c, "s_tax_per_mu")].change());

  const EnterpriseChange& e2 = c.rows[1];
  CHECK(e2.name == "乙（新名）");  // the later name
  CHECK(e2.class_move == "up");
  CHECK(*e2.measures[measure(c, "tax_per_mu")].change() == Approx(4.5));
  CHECK(*e2.measures[measure(c, "rank")].change() == -1);

  const EnterpriseChange& e3 = c.rows[2];  // changed group: ranks shown, no rank change
  CHECK(e3.group_from == "below");
  CHECK(e3.group_to == "above");
  CHECK(e3.class_move == "up");  // C → B
  CHECK(*e3.measures[measure(c, "rank")].from == 1);
  CHECK(*e3.measures[measure(c, "rank")].to == 2);
  CHECK_FALSE(e3.measures[measure(c, "rank")].change());
  // Missing in 2023 (empty cell) stays missing: no change, never "9 − 0".
  CHECK_FALSE(e3.measures[measure(c, "tax_per_mu")].change());

  CHECK(c.rows[3].presence == Presence::disappeared);  // E4
  CHECK(c.rows[3].class_move.empty());
  CHECK(c.rows[4].presence == Presence::appeared);  // E5
  CHECK(c.rows[4].class_from.empty());
  CHECK(c.rows[4].class_move.empty());  // unrated: no move
}

TEST_CASE("class migration matrix: all and per group (later group), absent for in-or-out") {
  const EnterpriseChanges c = compare_enterprises(enterprises_2023(), enterprises_2024());
  const std::vector<MigrationMatrix> m = class_migration(c);
  REQUIRE(m.size() == 3);
  const auto A = migration_index("A"), B = migration_index("B"), C = migration_index("C");
  const auto unrated = migration_index("unrated"), absent = migration_index("");
  CHECK(m[0].group == "all");
  CHECK(m[0].counts[A][C] == 1);             // E1
  CHECK(m[0].counts[B][A] == 1);             // E2
  CHECK(m[0].counts[C][B] == 1);             // E3
  CHECK(m[0].counts[A][absent] == 1);        // E4 disappeared
  CHECK(m[0].counts[absent][unrated] == 1);  // E5 appeared
  CHECK(m[0].row_total(A) == 2);
  CHECK(m[0].column_total(absent) == 1);
  int all = 0;
  for (std::size_t i = 0; i < 6; ++i) all += m[0].row_total(i);
  CHECK(all == 5);
  // Groups: E1, E2, E3 (above in 2024) | E4 (below, gone: its 2023 group), E5 (below).
  CHECK(m[1].group == "above");
  CHECK(m[1].counts[C][B] == 1);
  CHECK(m[1].row_total(A) + m[1].row_total(B) + m[1].row_total(C) == 3);
  CHECK(m[2].group == "below");
  CHECK(m[2].counts[A][absent] == 1);
  CHECK(m[2].counts[absent][unrated] == 1);
  CHECK(migration_index("X") == unrated);
}

TEST_CASE("parcel flag changes: raised, cleared, appeared, disappeared") {
  const RunTable from{"2023/parcels.csv",
                      {"parcel_id", "park", "class", "tax_per_mu", "flags"},
                      {{"P1", "东园", "A", "10", "LOW_DENSITY"},
                       {"P2", "东园", "C", "2", "LOW_YIELD, IDLE"},
                       {"P3", "西园", "", "0", "UNSUPPLIED"}}};
  const RunTable to{"2024/parcels.csv",
                    {"parcel_id", "park", "class", "tax_per_mu", "flags"},
                    {{"P2", "东园", "D", "1.5", "IDLE,IDLE_2Y,LOW_YIELD,D_CLASS"},
                     {"P1", "东园", "A", "12", "LOW_DENSITY"},
                     {"P4", "西园", "B", "6", ""}}};
  const std::vector<ParcelFlagChange> c = compare_parcel_flags(from, to);
  REQUIRE(c.size() == 4);
  CHECK(c[0].parcel_id == "P1");
  CHECK_FALSE(c[0].flags_changed());
  CHECK(*c[0].tax_per_mu.change() == Approx(2.0));
  CHECK(c[1].parcel_id == "P2");
  CHECK(c[1].flags_from == std::vector<std::string>{"LOW_YIELD", "IDLE"});
  CHECK(c[1].raised == std::vector<std::string>{"IDLE_2Y", "D_CLASS"});
  CHECK(c[1].cleared.empty());
  CHECK(c[1].class_to == "D");
  CHECK(*c[1].tax_per_mu.change() == Approx(-0.5));
  CHECK(c[2].parcel_id == "P3");
  CHECK(c[2].presence == Presence::disappeared);
  CHECK(c[2].cleared == std::vector<std::string>{"UNSUPPLIED"});
  CHECK(c[3].presence == Presence::appeared);
  CHECK(c[3].flags_to.empty());
  CHECK_FALSE(c[3].flags_changed());
}

TEST_CASE("cells: numbers as muyield writes them, anything else is missing") {
  CHECK(*parse_cell_number("1.5") == 1.5);
  CHECK(*parse_cell_number("-2e3") == -2000);
  CHECK(*parse_cell_number("0.1") == 0.1);
  CHECK_FALSE(parse_cell_number(""));
  CHECK_FALSE(parse_cell_number("1,5"));
  CHECK_FALSE(parse_cell_number("abc"));
  CHECK_FALSE(parse_cell_number("nan"));
  CHECK(split_flags(" A, ,B ") == std::vector<std::string>{"A", "B"});
  CHECK(class_order("A") == 0);
  CHECK(class_order("D") == 3);
  CHECK_FALSE(class_order("unrated"));
}
