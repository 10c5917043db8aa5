#include <catch2/catch.hpp>

#include "muyield/date.hpp"

using muyield::Date;

TEST_CASE("dates count days from 1970 and back", "[date]") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2024, 1, 1}.days_since_epoch() == 19723);  // 54 years, 13 leap days
  CHECK(Date::from_days_since_epoch(19723) == Date{2024, 1, 1});
  CHECK(Date::from_days_since_epoch(-1) == Date{1969, 12, 31});
  for (long d = -800; d < 800; d += 7)
    CHECK(Date::from_days_since_epoch(d).days_since_epoch() == d);
}

TEST_CASE("calendar years move 29 February to 28 February", "[date]") {
  CHECK(Date{2020, 2, 29}.plus_years(1) == Date{2021, 2, 28});
  CHECK(Date{2020, 2, 29}.plus_years(4) == Date{2024, 2, 29});
  CHECK(Date{2023, 6, 30}.plus_years(2) == Date{2025, 6, 30});
}

TEST_CASE("impossible dates are not made", "[date]") {
  CHECK_FALSE(Date::make(2023, 2, 29));
  CHECK(Date::make(2024, 2, 29));
  CHECK_FALSE(Date::make(2024, 13, 1));
  CHECK(Date{2024, 3, 5}.iso() == "2024-03-05");
}
