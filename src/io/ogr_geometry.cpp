#include "io/ogr_geometry.hpp"

#include <ogrsf_frmts.h>

namespace muyield::io {

namespace {

OGRLinearRing* ring_of(const Ring& ring) {
  auto* r = new OGRLinearRing();
  r->setNumPoints(static_cast<int>(ring.size()), FALSE);
  for (std::size_t i = 0; i < ring.size(); ++i)
    r->setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
  return r;
}

OGRPolygon* polygon_of(const Polygon& p) {
  auto* out = new OGRPolygon();
  out->addRingDirectly(ring_of(p.outer));
  for (const Ring& h : p.holes) out->addRingDirectly(ring_of(h));
  return out;
}

}  // namespace

std::unique_ptr<OGRGeometry> to_ogr(const MultiPolygon& geometry) {
  auto multi = std::make_unique<OGRMultiPolygon>();
  for (const Polygon& p : geometry) multi->addGeometryDirectly(polygon_of(p));
  return multi;
}

void create_fields(OGRLayer& layer, const std::vector<Column>& columns) {
  for (const Column& c : columns) {
    const OGRFieldType type = c.type == ColumnType::real      ? OFTReal
                              : c.type == ColumnType::integer ? OFTInteger64
                                                              : OFTString;
    OGRFieldDefn field(c.key.c_str(), type);
    layer.CreateField(&field);
  }
}

void set_fields(OGRFeature& feature, const std::vector<Column>& columns,
                const std::vector<Value>& row) {
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const int i = static_cast<int>(k);
    const Value& v = row[k];
    if (v.empty) {
      feature.SetFieldNull(i);
    } else if (columns[k].type == ColumnType::text) {
      feature.SetField(i, v.text.c_str());
    } else if (columns[k].type == ColumnType::integer) {
      feature.SetField(i, static_cast<GIntBig>(v.number));
    } else {
      feature.SetField(i, v.number);
    }
  }
}

}  // namespace muyield::io
