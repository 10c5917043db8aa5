// The figures behind the report's charts, on values small enough to check by hand.
#include <catch2/catch.hpp>
#include <numeric>

#include "report/charts.hpp"
#include "support/small_review.hpp"

using namespace muyield;
using namespace muyield::report;

TEST_CASE("histogram bins have a round width and count every value", "[charts]") {
  // Range 0..23 over ~12 bins: raw step 1.92 → 2; 12 bins from 0 to 24.
  const Histogram h = histogram({0, 1, 1.5, 2, 3.9, 4, 10, 23}, 12);
  REQUIRE(h.edges.size() == h.counts.size() + 1);
  CHECK(h.edges.front() == 0);
  CHECK(h.edges[1] == 2);
  CHECK(h.edges.back() == 24);
  // [0,2): 0, 1, 1.5; [2,4): 2, 3.9; [4,6): 4; [10,12): 10; [22,24]: 23.
  CHECK(h.counts[0] == 3);
  CHECK(h.counts[1] == 2);
  CHECK(h.counts[2] == 1);
  CHECK(h.counts[5] == 1);
  CHECK(h.counts[11] == 1);
  CHECK(std::accumulate(h.counts.begin(), h.counts.end(), 0) == 8);
  // Negative values (a net tax refund) get bins of their own.
  const Histogram n = histogram({-3, 5}, 4);  // step 2: −4 … 6
  CHECK(n.edges.front() == -4);
  CHECK(n.edges.back() == 6);
  CHECK(n.counts.front() == 1);
  CHECK(n.counts.back() == 1);
  CHECK(histogram({}).counts.empty());
}

TEST_CASE("Lorenz curve of tax over land, lowest tax per mu first", "[charts]") {
  // Three parcels of (almost exactly) 15 mu with tax 30, 150, 300: total 480.
  const test::SmallReview r = test::small_review();
  const std::vector<LorenzPoint> c = lorenz_curve(r.result);
  REQUIRE(c.size() == 4);  // the origin and the three occupied parcels; P4 is unoccupied
  CHECK(c[0].land_share == 0);
  CHECK(c[0].tax_share == 0);
  CHECK(c[1].land_share == Approx(1.0 / 3).epsilon(1e-3));
  CHECK(c[1].tax_share == Approx(30.0 / 480));
  CHECK(c[2].tax_share == Approx(180.0 / 480));
  CHECK(c[3].land_share == Approx(1));
  CHECK(c[3].tax_share == Approx(1));
  // The lowest tax per mu is the worst-ranked firm's parcel.
  CHECK(c[1].grade == r.result.parcels[2].grade);
  CHECK(c[3].grade == r.result.parcels[0].grade);
}
