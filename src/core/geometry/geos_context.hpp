// A GEOS reentrant-API context (one per thread) and conversions between the model's plain
// polygons and GEOS geometries.
#pragma once

#include <geos_c.h>

#include <memory>
#include <string>

#include "muyield/model.hpp"

namespace muyield::geometry {

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  GEOSContextHandle_t handle() const { return handle_; }
  // The last error or notice GEOS reported through this context.
  const std::string& last_message() const { return message_; }

 private:
  static void on_message(const char* message, void* self);
  GEOSContextHandle_t handle_;
  std::string message_;
};

// Owning GEOS geometry pointer bound to its context.
struct GeosDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(handle, g);
  }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosDeleter>;

// Rings are closed here if they are not; rings with fewer than 4 points are left out.
// Returns nullptr when nothing polygonal remains or GEOS refuses the input.
GeosGeometry to_geos(const GeosContext& ctx, const MultiPolygon& geometry);
GeosGeometry to_geos(const GeosContext& ctx, const Polygon& polygon);
// The polygonal parts of any GEOS geometry (collections are searched); other parts are
// counted in `dropped_parts` when given.
MultiPolygon from_geos(const GeosContext& ctx, const GEOSGeometry* geometry,
                       int* dropped_parts = nullptr);

}  // namespace muyield::geometry
