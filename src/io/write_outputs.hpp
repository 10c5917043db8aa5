// Writers of the output files (DATA.md "Outputs"), each through GDAL and each atomic
// (pending_file.hpp). Byte-identical for the same inputs, whatever the locale.
#pragma once

#include <string>

#include "io/output_rows.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::io {

// UTF-8 with a BOM, CRLF, RFC 4180 quoting, '.' decimals, empty = missing; text that Excel
// would take for a formula (=, +, -, @ first) is prefixed with an apostrophe. `threads` format
// rows in parallel (0 = all cores); the bytes do not depend on it.
void write_csv(const std::string& path, const OutputRows& rows, int threads = 0);

// RFC 7946 GeoJSON: CRS84 lon/lat with 7 decimals, exterior rings counterclockwise, id =
// parcel_id (also kept as a property), every parcel column.
void write_parcels_geojson(const std::string& path, const ReviewResult& result,
                           const OutputRows& rows, int threads = 0);

// GeoPackage: layer `parcels` (the parcel columns plus a 0/1 column flag_<FLAG> per flag) in the
// parcels' projected CRS, or CGCS2000 (EPSG:4490) when they came in degrees; attribute tables
// `enterprises` and `parks`; the QGIS styles of styles/ in `layer_styles`, the class map as the
// default. One transaction; dates inside the file are the evaluation date, so two runs give
// the same bytes.
void write_gpkg(const std::string& path, const ReviewInput& input, const ReviewResult& result,
                const OutputRows& parcels, const OutputRows& enterprises, const OutputRows& parks);

// Neutralises a text cell against formula injection (CSV, XLSX).
std::string neutralise_formula(std::string text);

}  // namespace muyield::io
