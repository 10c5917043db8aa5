// The report's charts as inline SVG, and the figures behind them (tested on their own).
#pragma once

#include <string>
#include <vector>

#include "report/report.hpp"

namespace muyield::report {

// Equal-width bins with a round width (1, 2 or 5 × 10^k) giving the nearest to `target` bins;
// edges.size() == counts.size() + 1, the last bin closed on the right.
struct Histogram {
  std::vector<double> edges;
  std::vector<int> counts;
};
Histogram histogram(const std::vector<double>& values, int target = 12);

// The Lorenz curve of tax over land: occupied parcels with a tax per mu, from the lowest tax per
// mu to the highest; point k is the share of land and of tax of the first k parcels (point 0 is
// the origin). The grade of each step is the parcel's class.
struct LorenzPoint {
  double land_share = 0;
  double tax_share = 0;
  Grade grade = Grade::unrated;  // of the parcel that ends at this point
};
std::vector<LorenzPoint> lorenz_curve(const ReviewResult& result);

// Histogram of the occupied parcels' 亩均税收 with the review's aggregate marked.
std::string tax_histogram_svg(const ReviewResult& result);
// The Lorenz curve with each step coloured by the parcel's class, and the line of equality.
std::string lorenz_svg(const ReviewResult& result);
// Per park, the enterprises of each class (both groups) as stacked bars.
std::string class_counts_svg(const ReviewResult& result, const ReviewConfig& config);

}  // namespace muyield::report
