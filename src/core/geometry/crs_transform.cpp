#include "core/geometry/crs_transform.hpp"

#include <proj.h>

#include <cmath>
#include <utility>

namespace muyield::geometry {

namespace {

std::string last_error(PJ_CONTEXT* ctx) {
  const int err = proj_context_errno(ctx);
  const char* text = err ? proj_context_errno_string(ctx, err) : nullptr;
  return text ? text : "unknown PROJ error";
}

}  // namespace

Transformer::Transformer(const std::string& from, const std::string& to) : from_(from), to_(to) {
  ctx_ = proj_context_create();
  proj_log_level(ctx_, PJ_LOG_NONE);
  PJ* raw = proj_create_crs_to_crs(ctx_, from.c_str(), to.c_str(), nullptr);
  if (!raw) {
    const std::string msg = last_error(ctx_);
    proj_context_destroy(ctx_);
    ctx_ = nullptr;
    throw CrsError("cannot transform from '" + from.substr(0, 80) + "' to '" + to + "': " + msg);
  }
  pj_ = proj_normalize_for_visualization(ctx_, raw);
  proj_destroy(raw);
  if (!pj_) {
    const std::string msg = last_error(ctx_);
    proj_context_destroy(ctx_);
    ctx_ = nullptr;
    throw CrsError("cannot normalise the axis order of '" + from.substr(0, 80) + "': " + msg);
  }
}

Transformer::~Transformer() {
  if (pj_) proj_destroy(pj_);
  if (ctx_) proj_context_destroy(ctx_);
}

Transformer::Transformer(Transformer&& o) noexcept
    : from_(std::move(o.from_)), to_(std::move(o.to_)), ctx_(o.ctx_), pj_(o.pj_) {
  o.ctx_ = nullptr;
  o.pj_ = nullptr;
}

Transformer& Transformer::operator=(Transformer&& o) noexcept {
  std::swap(from_, o.from_);
  std::swap(to_, o.to_);
  std::swap(ctx_, o.ctx_);
  std::swap(pj_, o.pj_);
  return *this;
}

bool Transformer::apply(Ring& ring) const {
  if (ring.empty()) return true;
  proj_trans_generic(pj_, PJ_FWD, &ring[0].x, sizeof(Point), ring.size(), &ring[0].y, sizeof(Point),
                     ring.size(), nullptr, 0, 0, nullptr, 0, 0);
  for (const Point& p : ring)
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  return true;
}

bool Transformer::apply(MultiPolygon& geometry) const {
  bool ok = true;
  for (Polygon& polygon : geometry) {
    ok = apply(polygon.outer) && ok;
    for (Ring& hole : polygon.holes) ok = apply(hole) && ok;
  }
  return ok;
}

bool Transformer::apply(Point& point) const {
  PJ_COORD c = proj_coord(point.x, point.y, 0, 0);
  c = proj_trans(pj_, PJ_FWD, c);
  point = {c.xy.x, c.xy.y};
  return std::isfinite(point.x) && std::isfinite(point.y);
}

CrsFacts describe_crs(const std::string& definition) {
  PJ_CONTEXT* ctx = proj_context_create();
  proj_log_level(ctx, PJ_LOG_NONE);
  PJ* crs = proj_create(ctx, definition.c_str());
  if (!crs) {
    const std::string msg = last_error(ctx);
    proj_context_destroy(ctx);
    throw CrsError("PROJ does not understand the CRS '" + definition.substr(0, 80) + "': " + msg);
  }
  CrsFacts facts;
  PJ_TYPE type = proj_get_type(crs);
  if (type == PJ_TYPE_BOUND_CRS) {
    PJ* base = proj_get_source_crs(ctx, crs);
    proj_destroy(crs);
    crs = base;
    type = proj_get_type(crs);
  }
  facts.geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  const char* name = proj_get_name(crs);
  facts.name = name ? name : "";
  if (type == PJ_TYPE_PROJECTED_CRS) {
    PJ* conversion = proj_crs_get_coordoperation(ctx, crs);
    const char* method = nullptr;
    if (conversion) proj_coordoperation_get_method_info(ctx, conversion, &method, nullptr, nullptr);
    const std::string m = method ? method : "";
    facts.web_mercator = m.find("Pseudo-Mercator") != std::string::npos ||
                         m.find("Pseudo Mercator") != std::string::npos ||
                         facts.name.find("Pseudo-Mercator") != std::string::npos;
    if (conversion) proj_destroy(conversion);
  }
  proj_destroy(crs);
  proj_context_destroy(ctx);
  return facts;
}

int gk_central_meridian(double longitude) {
  return 3 * static_cast<int>(std::lround(longitude / 3.0));
}

std::string gk_zone_crs(int central_meridian) {
  return "+proj=tmerc +lat_0=0 +lon_0=" + std::to_string(central_meridian) +
         " +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs";
}

int epsg_for_zone_prefixed_easting(double easting) {
  if (!(easting >= 10'000'000.0 && easting < 100'000'000.0)) return 0;
  const int zone = static_cast<int>(easting / 1'000'000.0);
  // CGCS2000 / Gauss-Kruger zone 13–23 (6-degree): EPSG:4491–4501;
  // CGCS2000 / 3-degree Gauss-Kruger zone 25–45: EPSG:4513–4533.
  if (zone >= 25 && zone <= 45) return 4513 + (zone - 25);
  if (zone >= 13 && zone <= 23) return 4491 + (zone - 13);
  return 0;
}

}  // namespace muyield::geometry
