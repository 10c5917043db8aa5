// Small builders for core tests: polygons in CGCS2000 / GK CM 117E (EPSG:4548) metres near 德兴,
// enterprises with figures, and a WKT reader over GEOS.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/geometry/geos_context.hpp"
#include "muyield/config.hpp"
#include "muyield/model.hpp"

namespace muyield::test {

inline constexpr const char* kGk117 = "EPSG:4548";
// A point in 德兴 in EPSG:4548 metres; tests place geometry relative to it.
inline constexpr double kX0 = 556000, kY0 = 3203000;

inline MultiPolygon rect(double x0, double y0, double x1, double y1) {
  return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}
// A rectangle relative to (kX0, kY0).
inline MultiPolygon local_rect(double x0, double y0, double x1, double y1) {
  return rect(kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y1);
}

inline MultiPolygon from_wkt(const std::string& wkt) {
  geometry::GeosContext ctx;
  GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.handle());
  geometry::GeosGeometry g(GEOSWKTReader_read_r(ctx.handle(), reader, wkt.c_str()),
                           geometry::GeosDeleter{ctx.handle()});
  GEOSWKTReader_destroy_r(ctx.handle(), reader);
  return geometry::from_geos(ctx, g.get());
}

inline Parcel parcel(std::string id, MultiPolygon g, std::string park = "P1") {
  Parcel p;
  p.id = std::move(id);
  p.park = std::move(park);
  p.geometry = std::move(g);
  p.status = SupplyStatus::supplied;
  p.status_text = "已供";
  p.source = {"parcels.shp", 0};
  return p;
}

struct EnterpriseBuilder {
  Enterprise e;
  explicit EnterpriseBuilder(std::string uscc, int year = 2024) {
    e.uscc = std::move(uscc);
    e.name = e.uscc;
    e.year = year;
    e.source = {"enterprises.xlsx", 0};
  }
  EnterpriseBuilder& set(Figure f, double v) {
    at(e.figures, f) = v;
    return *this;
  }
  EnterpriseBuilder& above(bool v) {
    e.above_scale = v;
    return *this;
  }
  EnterpriseBuilder& industry(std::string code) {
    e.industry_code = std::move(code);
    return *this;
  }
  EnterpriseBuilder& veto(std::string v) {
    e.veto = std::move(v);
    return *this;
  }
  EnterpriseBuilder& attribute(std::string k, bool v) {
    e.attributes[std::move(k)] = v;
    return *this;
  }
  EnterpriseBuilder& started(Date d) {
    e.production_start = d;
    return *this;
  }
  EnterpriseBuilder& at_point(double x, double y) {
    e.location = Point{x, y};
    return *this;
  }
  operator Enterprise() const { return e; }
};

// A ReviewInput in EPSG:4548 with enterprise points in the same CRS.
inline ReviewInput gk_input() {
  ReviewInput in;
  in.parcels_crs = {kGk117};
  in.points_crs = {kGk117};
  return in;
}

// Numbered source rows, so that messages and ties have something to show.
inline void number_rows(ReviewInput& in) {
  for (std::size_t i = 0; i < in.parcels.size(); ++i) in.parcels[i].source.row = i + 1;
  for (std::size_t i = 0; i < in.enterprises.size(); ++i) in.enterprises[i].source.row = i + 2;
  for (std::size_t i = 0; i < in.links.size(); ++i) in.links[i].source.row = i + 2;
}

inline std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream f(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(f, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace muyield::test
