#include "synthetic_review.hpp"

#include <cmath>
#include <random>
#include <string>

#include "io/values.hpp"

namespace muyield::bench {

namespace {

Polygon rect(double x0, double y0, double x1, double y1) {
  return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
}

std::string padded(int i, std::size_t width) {
  std::string digits = std::to_string(i);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

// 宗地代码 in the sample's style: county 361181, street, block, GB (supplied), serial.
std::string parcel_code(int i) {
  std::string id = "361181";
  id += padded(i / 100000 % 1000, 3);
  id += padded(i / 1000 % 100, 3);
  id += "GB";
  id += padded(i % 100000, 5);
  return id;
}

// A unified social credit code with a correct GB 32100 check character.
std::string credit_code(int i) {
  std::string code = "91361181";
  code += padded(i, 9);
  code += *muyield::io::uscc_check_char(code);
  return code;
}

}  // namespace

ReviewInput synthetic_review(int n_parcels, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  ReviewInput in;
  in.parcels_crs.definition = "EPSG:4527";
  in.buildings_crs.definition = "EPSG:4527";
  in.points_crs.definition = "EPSG:4490";
  in.has_buildings = true;
  const int columns = static_cast<int>(std::ceil(std::sqrt(n_parcels)));
  const double cell = 150.0, x_origin = 39'500'000.0, y_origin = 3'200'000.0;
  in.parcels.reserve(n_parcels);
  in.enterprises.reserve(n_parcels);
  in.buildings.reserve(3 * static_cast<std::size_t>(n_parcels));
  for (int i = 0; i < n_parcels; ++i) {
    const double x0 = x_origin + (i % columns) * cell, y0 = y_origin + (i / columns) * cell;
    const double w = 80 + 60 * u(rng), h = 80 + 60 * u(rng);
    Parcel p;
    p.id = parcel_code(i);
    p.park = "园区";
    p.park += std::to_string(i / 10000 + 1);
    p.holder_uscc = credit_code(i);
    p.status = i % 50 == 49 ? SupplyStatus::unsupplied : SupplyStatus::supplied;
    p.status_text = p.status == SupplyStatus::supplied ? "已出让" : "批而未供";
    p.supply_date = Date{2018, 3, 1};
    p.agreed_start = Date{2019, 3, 1};
    p.geometry = {rect(x0, y0, x0 + w, y0 + h)};
    p.registered_m2 = std::round(w * h * (0.99 + 0.02 * u(rng)));
    p.source = {"synthetic", i + 1};
    in.parcels.push_back(std::move(p));

    Enterprise e;
    e.uscc = credit_code(i);
    e.name = "企业";
    e.name += padded(i, 7);
    e.name += "有限公司";
    e.year = 2024;
    e.industry_code = std::to_string(1300 + (i % 30) * 100 + 10 * (i % 7));
    e.attributes["high_tech"] = i % 7 == 0;
    e.attributes["specialized"] = i % 11 == 0;
    const double revenue = 500 + 5000 * u(rng);
    at(e.figures, Figure::revenue) = revenue;
    at(e.figures, Figure::tax) = revenue * (0.02 + 0.05 * u(rng));
    at(e.figures, Figure::value_added) = revenue * 0.25;
    at(e.figures, Figure::energy_tce) = 100 + 900 * u(rng);
    at(e.figures, Figure::electricity_kwh) = 1e5 + 1e6 * u(rng);
    at(e.figures, Figure::employees) = 20 + std::floor(300 * u(rng));
    at(e.figures, Figure::rd_expense) = revenue * 0.02;
    at(e.figures, Figure::emissions_t) = 5 + 50 * u(rng);
    e.production_start = Date{2015, 1, 1};
    e.source = {"synthetic", i + 1};
    in.enterprises.push_back(std::move(e));

    if (i % 10 == 9) continue;  // idle parcels: no buildings
    const double floors[] = {1, 3, 5};
    for (int b = 0; b < 3; ++b) {
      // b = 0 crosses the east boundary into the neighbour cell; b = 1 and 2 overlap.
      const double bx = x0 + (b == 0 ? w - 20 : 10 + 25 * b), by = y0 + 10 + 20 * b;
      Building building;
      building.geometry = {rect(bx, by, bx + 40, by + 30)};
      if (b == 2)
        building.height_m = 4.0 * floors[b];  // some layers only have heights
      else
        building.floors = floors[b];
      building.source = {"synthetic", static_cast<std::int64_t>(in.buildings.size() + 1)};
      in.buildings.push_back(std::move(building));
    }
  }
  return in;
}

}  // namespace muyield::bench
