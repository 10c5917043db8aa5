// Between the model and OGR: geometries and typed attribute fields for vector writers.
#pragma once

#include <memory>
#include <vector>

#include "io/output_rows.hpp"
#include "muyield/model.hpp"

class OGRGeometry;
class OGRLayer;
class OGRFeature;

namespace muyield::io {

// Always a MultiPolygon, so that every feature of a layer has the same type.
std::unique_ptr<OGRGeometry> to_ogr(const MultiPolygon& geometry);

// Real → OFTReal, integer → OFTInteger64, text → OFTString.
void create_fields(OGRLayer& layer, const std::vector<Column>& columns);
void set_fields(OGRFeature& feature, const std::vector<Column>& columns,
                const std::vector<Value>& row);

}  // namespace muyield::io
