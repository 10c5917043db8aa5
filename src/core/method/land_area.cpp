#include "core/method/land_area.hpp"

#include <cmath>
#include <map>
#include <unordered_set>

#include "core/geometry/area.hpp"
#include "core/geometry/crs_transform.hpp"
#include "core/geometry/repair.hpp"
#include "core/parallel.hpp"

namespace muyield::method {

namespace {

Issue parcel_issue(const Parcel& p, std::string field, std::string value, std::string reason,
                   Severity severity, bool record_rejected) {
  return Issue{p.source.file,     std::to_string(p.source.row),
               std::move(field),  std::move(value),
               std::move(reason), severity,
               record_rejected};
}

// Per-thread tools: GEOS context, the transformation to lon/lat, GK zones on demand.
struct Workspace {
  geometry::GeosContext geos;
  geometry::Transformer to_lonlat;
  std::map<int, geometry::Transformer> to_zone;

  explicit Workspace(const std::string& crs) : to_lonlat(crs, geometry::kCgcs2000) {}
  const geometry::Transformer& zone(int cm) {
    auto it = to_zone.find(cm);
    if (it == to_zone.end())
      it =
          to_zone.emplace(cm, geometry::Transformer(geometry::kCgcs2000, geometry::gk_zone_crs(cm)))
              .first;
    return it->second;
  }
};

// Measures one parcel; false (with an issue) when it cannot be used.
bool measure(const Parcel& in, ParcelResult& out, Workspace& ws, const ReviewConfig& config,
             bool need_planar, Issues& issues) {
  geometry::RepairOutcome repaired = geometry::repair(ws.geos, in.geometry);
  if (repaired.geometry.empty()) {
    issues.push_back(
        parcel_issue(in, "geometry", "",
                     geometry::unusable_reason(in.geometry, in.geometry_note, repaired) +
                         "；宗地未参评 / the parcel is not used: fix its polygon",
                     Severity::reject, true));
    return false;
  }
  if (repaired.changed) {
    issues.push_back(
        parcel_issue(in, "geometry", "", repaired.describe(), Severity::warning, false));
  }
  out.geometry = std::move(repaired.geometry);
  out.lonlat = out.geometry;
  if (!ws.to_lonlat.apply(out.lonlat)) {
    issues.push_back(
        parcel_issue(in, "geometry", "",
                     "坐标无法转换到 CGCS2000 经纬度，请检查坐标系 / coordinates cannot "
                     "be transformed to CGCS2000 lon/lat: check the layer's CRS",
                     Severity::reject, true));
    return false;
  }
  const Point c = geometry::centroid(out.lonlat);
  out.gk_central_meridian = geometry::gk_central_meridian(c.x);
  const double geodesic = geometry::geodesic_area_m2(out.lonlat);
  if (need_planar || config.area_method == AreaMethod::planar) {
    MultiPolygon planar = out.lonlat;
    if (ws.zone(out.gk_central_meridian).apply(planar))
      out.planar_m2 = geometry::planar_area_m2(planar);
  }
  out.area_m2 =
      config.area_method == AreaMethod::planar && out.planar_m2 ? *out.planar_m2 : geodesic;
  out.area_mu = geometry::to_mu(out.area_m2);
  if (!(out.area_m2 > 0)) {
    issues.push_back(parcel_issue(in, "geometry", "", "面积为0 / the polygon has no area",
                                  Severity::reject, true));
    return false;
  }
  if (in.registered_m2 && *in.registered_m2 > 0) {
    out.area_deviation = out.area_m2 / *in.registered_m2 - 1.0;
    if (std::fabs(*out.area_deviation) > config.area_deviation_warning) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "图形面积 %.1f m² 与登记面积 %.1f m² 相差 %+.1f%% / mapped area differs from "
                    "the registered area by %+.1f%%: check the polygon or the register",
                    out.area_m2, *in.registered_m2, *out.area_deviation * 100,
                    *out.area_deviation * 100);
      issues.push_back(parcel_issue(in, "registered_m2", std::to_string(*in.registered_m2), buf,
                                    Severity::warning, false));
    }
  }
  return true;
}

}  // namespace

PreparedParcels prepare_parcels(const std::vector<Parcel>& inputs, const Crs& crs,
                                const ReviewConfig& config, bool need_planar, int threads,
                                Progress* progress) {
  PreparedParcels out;
  // Ids first, in file order: the first of a duplicated id is kept (METHOD.md §10).
  std::vector<std::size_t> candidates;
  candidates.reserve(inputs.size());
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Parcel& p = inputs[i];
    if (p.id.empty()) {
      out.issues.push_back(parcel_issue(p, "parcel_id", "",
                                        "宗地代码为空 / no parcel id: give every parcel an id",
                                        Severity::reject, true));
      continue;
    }
    if (!seen.insert(p.id).second) {
      out.issues.push_back(parcel_issue(p, "parcel_id", p.id,
                                        "宗地代码重复，保留文件中第一个 / duplicate parcel id: the "
                                        "first one in the file is kept",
                                        Severity::reject, true));
      continue;
    }
    candidates.push_back(i);
  }
  const geometry::Transformer probe(crs.definition, geometry::kCgcs2000);  // fails early, once

  const int chunks = resolve_threads(threads);
  std::vector<std::vector<ParcelResult>> kept(chunks);
  std::vector<Issues> found(chunks);
  if (progress) progress->begin("parcels: repair and area", candidates.size());
  parallel_chunks(candidates.size(), chunks, [&](int c, std::size_t begin, std::size_t end) {
    Workspace ws(crs.definition);
    for (std::size_t k = begin; k < end; ++k) {
      ParcelResult r;
      r.input_index = candidates[k];
      if (measure(inputs[r.input_index], r, ws, config, need_planar, found[c]))
        kept[c].push_back(std::move(r));
      if (progress && (k - begin) % 4096 == 4095) progress->advance(4096);
    }
  });
  if (progress) progress->end();

  // Merge in input order: issues of parcels rejected for their id come first, which is the
  // order a planner fixes them in.
  for (int c = 0; c < chunks; ++c) {
    for (ParcelResult& r : kept[c]) out.parcels.push_back(std::move(r));
    for (Issue& i : found[c]) out.issues.push_back(std::move(i));
  }
  for (const Issue& i : out.issues) out.rejected += i.record_rejected ? 1 : 0;
  return out;
}

}  // namespace muyield::method
