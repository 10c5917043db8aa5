// METHOD.md §9: the park summary, by hand on two parks.
#include <catch2/catch.hpp>

#include "muyield/review.hpp"
#include "support.hpp"

using namespace muyield;
using test::EnterpriseBuilder;
using test::local_rect;

TEST_CASE("park summary: areas, idle rate, aggregates, classes and flags", "[parks]") {
  ReviewInput in = test::gk_input();
  in.has_buildings = true;
  in.buildings_crs = {test::kGk117};
  // East: A (15 mu, firm EA), B (30 mu, idle since 2020), C (15 mu, unsupplied).
  // West: D (15 mu, firm ED).
  in.parcels = {test::parcel("A", local_rect(0, 0, 100, 100), "East"),
                test::parcel("B", local_rect(200, 0, 400, 100), "East"),
                test::parcel("C", local_rect(500, 0, 600, 100), "East"),
                test::parcel("D", local_rect(700, 0, 800, 100), "West")};
  in.parcels[0].holder_uscc = "EA";
  in.parcels[1].agreed_start = Date{2020, 1, 1};
  in.parcels[2].status = SupplyStatus::unsupplied;
  in.parcels[3].holder_uscc = "ED";
  Building b;
  b.geometry = local_rect(0, 0, 50, 80);  // 4000 m² on A, 2 floors
  b.floors = 2;
  in.buildings = {b};
  in.enterprises = {EnterpriseBuilder("EA")
                        .set(Figure::tax, 45)
                        .set(Figure::revenue, 3000)
                        .set(Figure::value_added, 600),
                    EnterpriseBuilder("ED").set(Figure::tax, 15).set(Figure::revenue, 150),
                    EnterpriseBuilder("NOLAND").set(Figure::tax, 1)};
  test::number_rows(in);
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  REQUIRE(r.parks.size() == 3);
  const ParkSummary& east = r.parks[0];
  const ParkSummary& west = r.parks[1];
  const ParkSummary& all = r.parks[2];
  CHECK(east.park == "East");
  CHECK(west.park == "West");
  CHECK(all.park == "all");

  constexpr double rel = 1e-6;  // geodesic vs nominal metres: ~1e-4 off, so compare ratios
  const double mu = r.parcels[0].area_mu;  // A: ≈ 15 mu
  CHECK(mu == Approx(15).epsilon(1e-3));
  CHECK(east.parcel_count == 3);
  CHECK(east.total_mu == Approx(4 * mu).epsilon(rel));
  CHECK(east.supplied_mu == Approx(3 * mu).epsilon(rel));  // A and B
  CHECK(east.occupied_mu == Approx(mu).epsilon(rel));
  CHECK(east.idle_mu == Approx(2 * mu).epsilon(rel));  // B
  CHECK(*east.idle_rate == Approx(2.0 / 3).epsilon(rel));
  CHECK(*east.tax_per_mu == Approx(45 / mu).epsilon(rel));
  CHECK(*east.va_per_mu == Approx(600 / mu).epsilon(rel));
  // coverage over all the park's parcels: 4000 / (4 × 10000) m² (planar, like with like)
  CHECK(*east.coverage == Approx(0.1).epsilon(rel));
  CHECK(*east.far == Approx(0.2).epsilon(rel));
  CHECK(east.flag_counts[static_cast<int>(Flag::UNSUPPLIED)] == 1);
  CHECK(east.flag_counts[static_cast<int>(Flag::IDLE)] == 1);
  CHECK(east.flag_counts[static_cast<int>(Flag::IDLE_2Y)] == 1);
  CHECK(east.flagged_count >= 2);

  // Classes: EA is above (revenue ≥ 2000) in East; ED below in West; NOLAND counts in "all" only.
  CHECK(east.class_counts[0][static_cast<int>(Grade::B)] == 1);  // n = 1: round(0.6) = 1 → B
  CHECK(west.class_counts[1][static_cast<int>(Grade::B)] == 1);
  CHECK(all.class_counts[1][static_cast<int>(Grade::unrated)] == 1);
  CHECK(east.class_counts[1][static_cast<int>(Grade::unrated)] == 0);
  CHECK(all.parcel_count == 4);
  CHECK(*all.tax_per_mu == Approx(60 / (2 * mu)).epsilon(rel));
}
