// Coordinate transformations with PROJ: any input CRS → CGCS2000 longitude/latitude, and
// longitude/latitude → a CGCS2000 3-degree Gauss-Krüger zone. Axis order is always x = longitude
// or easting, y = latitude or northing (PROJ's "normalised for visualisation" order, which is
// also GDAL's traditional GIS order).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "muyield/model.hpp"

struct pj_ctx;
struct PJconsts;

namespace muyield::geometry {

inline constexpr const char* kCgcs2000 = "EPSG:4490";

class CrsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One PROJ transformation with its own context: not thread-safe; clone() one per thread.
class Transformer {
 public:
  // Throws CrsError when PROJ cannot understand either CRS or find an operation.
  Transformer(const std::string& from, const std::string& to);
  ~Transformer();
  Transformer(Transformer&&) noexcept;
  Transformer& operator=(Transformer&&) noexcept;
  Transformer(const Transformer&) = delete;
  Transformer& operator=(const Transformer&) = delete;
  Transformer clone() const { return Transformer(from_, to_); }

  // In place; false when any coordinate could not be transformed (outside the CRS's domain).
  bool apply(Ring& ring) const;
  bool apply(MultiPolygon& geometry) const;
  bool apply(Point& point) const;
  const std::string& from() const { return from_; }
  const std::string& to() const { return to_; }

 private:
  std::string from_, to_;
  pj_ctx* ctx_ = nullptr;
  PJconsts* pj_ = nullptr;
};

// Facts about a CRS that the readers need to check input.
struct CrsFacts {
  bool geographic = false;
  bool web_mercator = false;  // EPSG:3857 and the like: never measure areas in it
  std::string name;
};
CrsFacts describe_crs(const std::string& definition);  // throws CrsError

// The CGCS2000 3-degree Gauss-Krüger zone whose central meridian is nearest `longitude`.
int gk_central_meridian(double longitude);
// PROJ definition of that zone (false easting 500 km, no zone prefix, GRS80).
std::string gk_zone_crs(int central_meridian);

// For the "no CRS" error: when an easting looks like a GK coordinate with a zone prefix
// (8 digits: 39 500 000), the EPSG code of the CGCS2000 zone CRS it suggests; 0 otherwise.
int epsg_for_zone_prefixed_easting(double easting);

}  // namespace muyield::geometry
