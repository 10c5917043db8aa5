// The review's input model: plain data as it arrives, after field recognition and unit
// conversion, before any method is applied. No GDAL, no files: the io layer fills these.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "muyield/date.hpp"
#include "muyield/figure.hpp"
#include "muyield/shared_name.hpp"

namespace muyield {

struct Point {
  double x = 0;
  double y = 0;
};
using Ring = std::vector<Point>;  // closed: first point repeated at the end
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};
using MultiPolygon = std::vector<Polygon>;

// Where a record came from, so that every message can name the file and the row.
struct SourceRow {
  SharedName file;       // the input as the user named it
  std::int64_t row = 0;  // 1-based data row for tables, feature id for layers
};

enum class SupplyStatus { unknown, supplied, unsupplied, other };

struct Parcel {
  std::string id;
  std::string park;  // "all" when the input has no park field
  std::string holder_uscc;
  std::string holder_name;
  std::string land_use;
  std::string status_text;
  SupplyStatus status = SupplyStatus::unknown;
  std::optional<Date> supply_date;
  std::optional<Date> agreed_start;
  std::optional<double> registered_m2;
  MultiPolygon geometry;      // in the layer's CRS, as read (may be invalid; the core repairs)
  std::string geometry_note;  // the reader's word on the geometry (why it is empty, parts dropped)
  SourceRow source;
};

struct Building {
  MultiPolygon geometry;  // in the buildings layer's CRS
  std::string geometry_note;
  std::optional<double> floors;
  std::optional<double> height_m;
  SourceRow source;
};

struct Enterprise {
  std::string uscc;
  std::string name;
  int year = 0;
  std::string industry_code;  // as given (C3982 or 3982)
  std::optional<bool> above_scale;
  Figures figures;  // canonical units: 万元, 吨标准煤, kWh, persons, 吨
  std::optional<Date> production_start;
  // Boolean attributes by canonical name (high_tech, specialized, and any configured for
  // bonus or deduction); absent means not known.
  std::map<std::string, bool, std::less<>> attributes;
  std::string veto;               // non-empty = vetoed (一票否决)
  std::optional<Point> location;  // in the points CRS of ReviewInput
  bool uscc_check_ok = true;
  SourceRow source;
};

struct Link {
  std::string parcel_id;
  std::string uscc;
  std::optional<double> share;
  std::optional<double> floor_area_m2;
  SourceRow source;
};

// A coordinate reference system as PROJ understands it (WKT, PROJJSON or "EPSG:nnnn").
struct Crs {
  std::string definition;
  bool empty() const { return definition.empty(); }
};

// Everything one review needs, already read. Enterprises may hold several years; the review
// uses the rows of its year only (METHOD.md §10).
struct ReviewInput {
  std::vector<Parcel> parcels;
  Crs parcels_crs;
  std::vector<Building> buildings;
  Crs buildings_crs;
  bool has_buildings = false;  // a buildings layer was given (even if empty)
  std::vector<Enterprise> enterprises;
  Crs points_crs;  // of Enterprise::location
  std::vector<Link> links;
};

}  // namespace muyield
