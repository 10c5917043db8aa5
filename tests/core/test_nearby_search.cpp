// partition_point_from: the same answer as std::partition_point from any starting hint.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <vector>

#include "core/method/nearby_search.hpp"

using muyield::method::partition_point_from;

TEST_CASE("nearby search: equals std::partition_point from every hint", "[search]") {
  std::mt19937 rng(11);
  for (std::size_t n : {0u, 1u, 2u, 3u, 17u, 64u, 1000u}) {
    std::vector<double> v(n);
    for (double& x : v) x = static_cast<double>(rng() % 50);  // many equal values
    std::sort(v.begin(), v.end());
    for (double limit : {-1.0, 0.0, 0.5, 10.0, 25.0, 49.0, 50.0}) {
      auto below = [limit](double x) { return x < limit; };
      auto at_most = [limit](double x) { return x <= limit; };
      const std::size_t want_below =
          static_cast<std::size_t>(std::partition_point(v.begin(), v.end(), below) - v.begin());
      const std::size_t want_at_most =
          static_cast<std::size_t>(std::partition_point(v.begin(), v.end(), at_most) - v.begin());
      for (std::size_t hint = 0; hint <= n + 2; ++hint) {
        INFO("n " << n << " limit " << limit << " hint " << hint);
        CHECK(partition_point_from(v, hint, below) == want_below);
        CHECK(partition_point_from(v, hint, at_most) == want_at_most);
      }
    }
  }
}
