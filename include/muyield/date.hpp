// A calendar date (proleptic Gregorian), enough for supply, start and evaluation dates.
#pragma once

#include <compare>
#include <optional>
#include <string>

namespace muyield {

struct Date {
  int year = 0;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  // Same month and day `years` later; 29 February becomes 28 February in a common year.
  Date plus_years(int years) const;
  std::string iso() const;  // YYYY-MM-DD
  static bool valid(int year, int month, int day);
  static std::optional<Date> make(int year, int month, int day);
};

}  // namespace muyield
