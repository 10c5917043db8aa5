// The report's map: every parcel coloured by its class (white when unoccupied), flagged parcels
// outlined, a <title> per parcel with its figures (shown on hover), a scale bar.
#pragma once

#include <string>

#include "report/report.hpp"

namespace muyield::report {

// Drawn from the CGCS2000 longitude/latitude in a local equirectangular projection (x scaled by
// the cosine of the middle latitude): at the size of a county it matches the GK map to a
// fraction of a pixel, and it needs no CRS. The parcels of `park` only (all when empty), fitted
// to `max_width` × `max_height` SVG units. More than `max_parcels` parcels are drawn as a grid
// of at most 160 cells across, each coloured by the class holding most of its land, outlined when
// it holds flagged land (a path per parcel would make a file no browser opens).
std::string svg_map(const ReportInput& in, std::string_view park = {}, double max_width = 960,
                    double max_height = 600, std::size_t max_parcels = 20000);

}  // namespace muyield::report
