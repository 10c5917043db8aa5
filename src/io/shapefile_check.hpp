// Structural checks of a shapefile that GDAL does not make: GDAL reads as many .dbf records as
// the header says, so a header that undercounts hides records and a truncated file loses its
// tail — both without an error. Such a file is unusable input (DATA.md "Bad input").
#pragma once

#include <string>

namespace muyield::io {

// `path` is the .shp or .dbf (also /vsi paths). Throws InputError naming the file, what is
// wrong and what to do; does nothing when there is no .dbf to check.
void check_shapefile_records(const std::string& path);

}  // namespace muyield::io
