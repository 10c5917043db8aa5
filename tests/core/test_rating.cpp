// METHOD.md §4 and §10: groups and the unrated reasons, in their order.
#include <catch2/catch.hpp>

#include "core/method/rating.hpp"
#include "support.hpp"

using namespace muyield;
using namespace muyield::method;
using test::EnterpriseBuilder;

TEST_CASE("group: the flag decides when given, else revenue ≥ 2000 万元", "[rating]") {
  const RatingConfig c;
  CHECK(group_of(EnterpriseBuilder("a").set(Figure::revenue, 100).above(true), c) == Group::above);
  CHECK(group_of(EnterpriseBuilder("b").set(Figure::revenue, 9000).above(false), c) ==
        Group::below);
  CHECK(group_of(EnterpriseBuilder("c").set(Figure::revenue, 2000), c) == Group::above);
  CHECK(group_of(EnterpriseBuilder("d").set(Figure::revenue, 1999.99), c) == Group::below);
  CHECK(group_of(EnterpriseBuilder("e"), c) == Group::below);
}

TEST_CASE("unrated reasons, first that applies", "[rating]") {
  const RatingConfig c;
  EnterpriseResult r;
  r.group = Group::below;
  r.land_mu = 2;  // small for group below
  Enterprise e = EnterpriseBuilder("x").industry("D4411").started({2024, 3, 1});
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::exempt_industry);
  r.land_mu = 0;
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::no_land);
  r.land_mu = 2;
  e.industry_code = "C3982";
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::ramp_up);
  e.production_start.reset();
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::small_land);
  r.group = Group::above;  // small land only counts in group below
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::none);
  r.group = Group::below;
  r.land_mu = 3;  // not below the minimum
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::none);
}

TEST_CASE("ramp-up: started after 31 December of (year − 2)", "[rating]") {
  const RatingConfig c;
  EnterpriseResult r;
  r.group = Group::above;
  r.land_mu = 10;
  Enterprise e = EnterpriseBuilder("x").started({2022, 12, 31});
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::none);
  e.production_start = Date{2023, 1, 1};  // a bare year "2023" reads as 1 January 2023
  CHECK(unrated_reason(e, r, 2024, c) == UnratedReason::ramp_up);
}

TEST_CASE("vetoed only when rated; exempt divisions configurable", "[rating]") {
  RatingConfig c;
  std::vector<Enterprise> in = {EnterpriseBuilder("a").veto("安全事故").industry("C2614"),
                                EnterpriseBuilder("b").veto("安全事故").industry("D4411")};
  std::vector<EnterpriseResult> r(2);
  r[0].input_index = 0;
  r[1].input_index = 1;
  r[0].land_mu = r[1].land_mu = 10;
  rate_enterprises(in, r, 2024, c);
  CHECK(r[0].vetoed);
  CHECK(r[1].unrated == UnratedReason::exempt_industry);
  CHECK_FALSE(r[1].vetoed);
  c.exempt_divisions = {"26"};
  rate_enterprises(in, r, 2024, c);
  CHECK(r[0].unrated == UnratedReason::exempt_industry);
  CHECK(r[1].vetoed);
}
