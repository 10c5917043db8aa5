#include "core/method/parks.hpp"

#include <map>

namespace muyield::method {

namespace {

// Running sums of one park; turned into a ParkSummary at the end.
struct ParkSums {
  ParkSummary row;
  double planar_m2 = 0, footprint_m2 = 0, floor_area_m2 = 0;
  double tax = 0, revenue = 0, value_added = 0;

  void add(const Parcel& in, const ParcelResult& p) {
    row.parcel_count += 1;
    row.total_mu += p.area_mu;
    if (in.status == SupplyStatus::supplied) row.supplied_mu += p.area_mu;
    if (p.occupied()) {
      row.occupied_mu += p.area_mu;
      tax += at(p.figures, Figure::tax).value_or(0.0);
      revenue += at(p.figures, Figure::revenue).value_or(0.0);
      value_added += at(p.figures, Figure::value_added).value_or(0.0);
    }
    if (p.has_flag(Flag::IDLE)) row.idle_mu += p.area_mu;
    planar_m2 += p.planar_m2.value_or(0.0);
    footprint_m2 += p.footprint_m2.value_or(0.0);
    floor_area_m2 += p.floor_area_m2.value_or(0.0);
    for (Flag f : p.flags) row.flag_counts[static_cast<int>(f)] += 1;
    if (!p.flags.empty()) {
      row.flagged_count += 1;
      row.flagged_mu += p.area_mu;
    }
  }

  ParkSummary finish(bool has_buildings) {
    if (row.supplied_mu > 0) row.idle_rate = row.idle_mu / row.supplied_mu;
    if (has_buildings && planar_m2 > 0) {
      row.coverage = footprint_m2 / planar_m2;
      row.far = floor_area_m2 / planar_m2;
    }
    if (row.occupied_mu > 0) {
      row.tax_per_mu = tax / row.occupied_mu;
      row.revenue_per_mu = revenue / row.occupied_mu;
      row.va_per_mu = value_added / row.occupied_mu;
    }
    return row;
  }
};

}  // namespace

std::vector<ParkSummary> summarize_parks(const std::vector<Parcel>& parcel_inputs,
                                         const std::vector<ParcelResult>& parcels,
                                         const std::vector<EnterpriseResult>& enterprises,
                                         bool has_buildings) {
  std::map<std::string, ParkSums> parks;
  ParkSums all;
  all.row.park = "all";
  for (const ParcelResult& p : parcels) {
    const Parcel& in = parcel_inputs[p.input_index];
    ParkSums& s = parks[in.park];
    s.row.park = in.park;
    s.add(in, p);
    all.add(in, p);
  }
  for (const EnterpriseResult& e : enterprises) {
    const int g = static_cast<int>(e.group), k = static_cast<int>(e.grade);
    all.row.class_counts[g][k] += 1;
    if (!e.park.empty()) {
      ParkSums& s = parks[e.park];
      s.row.park = e.park;
      s.row.class_counts[g][k] += 1;
    }
  }
  std::vector<ParkSummary> out;
  for (auto& [name, s] : parks) out.push_back(s.finish(has_buildings));
  out.push_back(all.finish(has_buildings));
  return out;
}

}  // namespace muyield::method
