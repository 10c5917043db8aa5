// The CRS of a geometry input: the user's override, else the layer's own; a layer without one
// is an error with a hint (GK zone prefix, or degrees).
#pragma once

#include <string>

#include "io/table_source.hpp"

namespace muyield::io {

struct LayerCrs {
  std::string definition;  // for PROJ
  std::string name;
};

// `override_crs` empty = use the layer's. Throws InputError.
LayerCrs layer_crs(const TableSource& table, const std::string& override_crs,
                   const std::string& option_name);

}  // namespace muyield::io
