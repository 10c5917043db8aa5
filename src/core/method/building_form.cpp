#include "core/method/building_form.hpp"

#include <cmath>
#include <map>

#include "core/geometry/area.hpp"
#include "core/geometry/crs_transform.hpp"
#include "core/geometry/overlay.hpp"
#include "core/geometry/repair.hpp"
#include "core/geometry/spatial_index.hpp"
#include "core/method/industry.hpp"
#include "core/parallel.hpp"

namespace muyield::method {

std::optional<double> effective_floors(const Building& b, const BuildingConfig& config) {
  const bool has_floors = b.floors && *b.floors > 0;
  const bool has_height = b.height_m && *b.height_m > 0;
  if (has_floors) {
    const double floors = *b.floors;
    if (has_height && *b.height_m / floors > config.tall_storey_m) return 2 * floors;
    return floors;
  }
  if (has_height) return std::ceil(*b.height_m / config.storey_height_m - 1e-9);
  return std::nullopt;
}

namespace {

// A usable building as the overlay takes it (an unusable one is in no index box). The lon/lat
// shape is not kept: its parts' boxes go to the index, and the few buildings a parcel of another
// zone meets are taken back to lon/lat from their zone (at 10⁶ parcels the copies were ~0.5 GB).
// Nor is the building as read, once prepared (see compute_building_form's `spent`).
struct PreparedBuilding {
  MultiPolygon planar;  // in the zone of its own centroid
  int zone = 0;
  std::optional<double> floors;
};

Issue building_issue(const Building& b, std::string field, std::string value, std::string reason,
                     Severity severity, bool rejected) {
  return Issue{b.source.file,     std::to_string(b.source.row),
               std::move(field),  std::move(value),
               std::move(reason), severity,
               rejected};
}

// Lon/lat → a GK zone (get) and back (to_lonlat), made once per zone met.
class ZoneTransformers {
 public:
  const geometry::Transformer& get(int cm) { return find(to_zone_, cm, true); }
  const geometry::Transformer& to_lonlat(int cm) { return find(from_zone_, cm, false); }

 private:
  using Map = std::map<int, geometry::Transformer>;
  static const geometry::Transformer& find(Map& map, int cm, bool to_zone) {
    auto it = map.find(cm);
    if (it == map.end()) {
      const std::string zone = geometry::gk_zone_crs(cm);
      it = map.emplace(cm, to_zone ? geometry::Transformer(geometry::kCgcs2000, zone)
                                   : geometry::Transformer(zone, geometry::kCgcs2000))
               .first;
    }
    return it->second;
  }
  Map to_zone_, from_zone_;
};

// Building `index`: repaired, projected into its own zone, its lon/lat parts' boxes added to
// `boxes` (tagged with `index`), or reported as unusable.
void prepare_building(const Building& in, std::uint32_t index, PreparedBuilding& out,
                      std::vector<geometry::BoxIndex::Entry>& boxes,
                      const geometry::GeosContext& geos, const geometry::Transformer& to_lonlat,
                      ZoneTransformers& zones, const BuildingConfig& config, Issues& issues) {
  geometry::RepairOutcome r = geometry::repair(geos, in.geometry);
  if (r.geometry.empty()) {
    issues.push_back(building_issue(in, "geometry", "",
                                    geometry::unusable_reason(in.geometry, in.geometry_note, r) +
                                        "；建筑未计入 / the building is not used",
                                    Severity::reject, true));
    return;
  }
  if (r.changed)
    issues.push_back(building_issue(in, "geometry", "", r.describe(), Severity::warning, false));
  MultiPolygon lonlat = std::move(r.geometry);
  if (!to_lonlat.apply(lonlat)) {
    issues.push_back(
        building_issue(in, "geometry", "",
                       "坐标无法转换，请检查坐标系 / coordinates cannot be transformed: "
                       "check the buildings layer's CRS",
                       Severity::reject, true));
    return;
  }
  out.zone = geometry::gk_central_meridian(geometry::centroid(lonlat).x);
  for (const Polygon& part : lonlat) boxes.emplace_back(geometry::envelope(part), index);
  out.planar = std::move(lonlat);
  zones.get(out.zone).apply(out.planar);
  out.floors = effective_floors(in, config);
  if (!out.floors) {
    issues.push_back(
        building_issue(in, "floors", "",
                       "无层数也无高度：计入建筑基底，不计建筑面积 / neither floors nor "
                       "height: counts in the footprint, not in floor area",
                       Severity::warning, false));
  }
}

}  // namespace

BuildingFormOutcome compute_building_form(const ReviewInput& input,
                                          std::vector<ParcelResult>& parcels,
                                          const BuildingConfig& config, int threads,
                                          Progress* progress, std::vector<Building>* spent) {
  BuildingFormOutcome outcome;
  if (!input.has_buildings) return outcome;
  const int chunks = resolve_threads(threads);
  const Crs& crs = input.buildings_crs.empty() ? input.parcels_crs : input.buildings_crs;

  // 1. Buildings: repair, lon/lat, own GK zone, floors.
  std::vector<PreparedBuilding> buildings(input.buildings.size());
  std::vector<Issues> found(chunks);
  std::vector<std::vector<geometry::BoxIndex::Entry>> boxes(chunks);
  if (progress) progress->begin("buildings: repair and project", buildings.size());
  parallel_chunks(buildings.size(), chunks, [&](int c, std::size_t begin, std::size_t end) {
    geometry::GeosContext geos;
    geometry::Transformer to_lonlat(crs.definition, geometry::kCgcs2000);
    ZoneTransformers zones;
    for (std::size_t i = begin; i < end; ++i)
      prepare_building(input.buildings[i], static_cast<std::uint32_t>(i), buildings[i], boxes[c],
                       geos, to_lonlat, zones, config, found[c]);
    if (progress) progress->advance(end - begin);
  });
  if (progress) progress->end();
  for (Issues& part : found)
    for (Issue& i : part) {
      if (i.record_rejected) ++outcome.rejected;
      outcome.issues.push_back(std::move(i));
    }
  outcome.used = static_cast<long>(buildings.size()) - outcome.rejected;
  if (spent) std::vector<Building>().swap(*spent);  // from here on the prepared ones serve

  // 2. A packed index of the usable buildings' parts, in lon/lat (in building order).
  const geometry::BoxIndex index = [&] {
    std::vector<geometry::BoxIndex::Entry> all;
    for (std::vector<geometry::BoxIndex::Entry>& part : boxes) {
      all.insert(all.end(), part.begin(), part.end());
      std::vector<geometry::BoxIndex::Entry>().swap(part);
    }
    return geometry::BoxIndex(all);
  }();

  // 3. Per parcel: candidates by box, exact clipping in the parcel's zone.
  std::vector<Issues> overlaps(chunks);
  if (progress) progress->begin("overlay: buildings on parcels", parcels.size());
  parallel_chunks(parcels.size(), chunks, [&](int c, std::size_t begin, std::size_t end) {
    geometry::GeosContext geos;
    ZoneTransformers zones;
    std::vector<std::uint32_t> hits;
    std::vector<geometry::PlanarBuilding> candidates;
    std::vector<MultiPolygon> reprojected;  // buildings whose own zone differs from the parcel's
    // One text for every overlap warning (the m² are in its value): a county drawn with
    // duplicated halls may have one on most parcels.
    const SharedName overlap_reason(
        "建筑基底重叠（面积 m² 见 value 列）：基底只计一次，建筑面积逐栋计 / building footprints "
        "overlap (m² in the value column): counted once in the footprint, per building in floor "
        "area; check for duplicated buildings");
    for (std::size_t k = begin; k < end; ++k) {
      ParcelResult& p = parcels[k];
      hits.clear();
      index.for_each_intersecting(geometry::envelope(p.lonlat),
                                  [&](std::uint32_t b) { hits.push_back(b); });
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
      MultiPolygon planar = p.lonlat;
      zones.get(p.gk_central_meridian).apply(planar);
      candidates.clear();
      reprojected.clear();
      reprojected.reserve(hits.size());
      for (std::uint32_t b : hits) {
        const PreparedBuilding& pb = buildings[b];
        if (pb.zone == p.gk_central_meridian) {
          candidates.push_back({&pb.planar, pb.floors});
        } else {
          // Its own zone → lon/lat → the parcel's zone (a round trip exact to ~10⁻⁹ m).
          reprojected.push_back(pb.planar);
          zones.to_lonlat(pb.zone).apply(reprojected.back());
          zones.get(p.gk_central_meridian).apply(reprojected.back());
          candidates.push_back({&reprojected.back(), pb.floors});
        }
      }
      const geometry::ParcelOverlay o = geometry::overlay_parcel(geos, planar, candidates);
      p.n_buildings = o.n_buildings;
      p.footprint_m2 = o.footprint_m2;
      p.floor_area_m2 = o.floor_area_m2;
      if (p.planar_m2 && *p.planar_m2 > 0) {
        p.coverage = o.footprint_m2 / *p.planar_m2;
        p.far = o.floor_area_m2 / *p.planar_m2;
      }
      if (o.overlap_m2 > 0.01) {
        const Parcel& in = input.parcels[p.input_index];
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", o.overlap_m2);
        overlaps[c].push_back(Issue{in.source.file, std::to_string(in.source.row), "buildings", buf,
                                    overlap_reason, Severity::warning, false});
      }
      if (progress && (k - begin) % 4096 == 4095) progress->advance(4096);
    }
  });
  if (progress) progress->end();
  std::size_t total = outcome.issues.size();
  for (const Issues& part : overlaps) total += part.size();
  outcome.issues.reserve(total);  // one block: growing by doubling held up to 3× the issues
  for (Issues& part : overlaps) {
    for (Issue& i : part) outcome.issues.push_back(std::move(i));
    Issues().swap(part);
  }
  return outcome;
}

void assign_far_minimums(const std::vector<Enterprise>& enterprise_inputs,
                         const std::vector<EnterpriseResult>& enterprises,
                         std::vector<ParcelResult>& parcels, const BuildingConfig& config) {
  for (ParcelResult& p : parcels) {
    p.industry_division.clear();
    p.far_min.reset();
    if (!p.main_occupant) continue;
    const Enterprise& e = enterprise_inputs[enterprises[*p.main_occupant].input_index];
    p.industry_division = industry_division(e.industry_code);
    p.far_min = far_minimum(config.far_minimums, p.industry_division);
  }
}

}  // namespace muyield::method
