// METHOD.md §1: land areas. Geodesic on the CGCS2000 ellipsoid (PROJ's geod_polygonarea) or
// planar in a Gauss-Krüger zone; holes subtracted, parts summed; 1 亩 = 10000/15 m².
#pragma once

#include "muyield/model.hpp"

namespace muyield::geometry {

inline constexpr double kMuPerSquareMetre = 0.0015;
inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;
inline double to_mu(double m2) { return m2 * kMuPerSquareMetre; }

// CGCS2000 = GRS80: a = 6378137 m, 1/f = 298.257222101.
inline constexpr double kCgcs2000A = 6378137.0;
inline constexpr double kCgcs2000InvF = 298.257222101;

// Area of a polygon given in longitude/latitude degrees, on the CGCS2000 ellipsoid.
double geodesic_area_m2(const MultiPolygon& lonlat);
// Shoelace area of a polygon in a projected (metre) CRS.
double planar_area_m2(const MultiPolygon& planar);
// > 0 counter-clockwise; the ring closed or open (last point not repeated): a fan from the first
// vertex, to which the closing edge adds nothing.
double ring_signed_area(const Ring& ring);

// Area-weighted centroid (planar formula on the given coordinates; used to pick a GK zone).
Point centroid(const MultiPolygon& geometry);

}  // namespace muyield::geometry
