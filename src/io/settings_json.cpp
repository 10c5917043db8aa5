// The settings in force as JSON for run.json: every value, defaults included, so that a run
// can be repeated from its record alone.
#include <nlohmann/json.hpp>

#include "io/settings.hpp"

namespace muyield::io {

namespace {

nlohmann::json group_json(const GroupScoring& g) {
  nlohmann::json weights = nlohmann::json::array(), benchmarks = nlohmann::json::object();
  for (const auto& w : g.indicators) {
    weights.push_back({{"indicator", info(w.indicator).key}, {"weight", w.weight}});
    if (w.fixed_benchmark) benchmarks[std::string(info(w.indicator).key)] = *w.fixed_benchmark;
  }
  return {{"weights", weights}, {"benchmarks", benchmarks}};
}

nlohmann::json thresholds_json(const ClassConfig::Thresholds& t) {
  return {{"a", t.a}, {"b", t.b}, {"c", t.c}};
}

}  // namespace

nlohmann::json settings_to_json(const Settings& settings) {
  const ReviewConfig& c = settings.review;
  nlohmann::json j;
  j["review"] = {{"year", c.year ? nlohmann::json(*c.year) : nlohmann::json()},
                 {"evaluation_date",
                  c.evaluation_date ? nlohmann::json(c.evaluation_date->iso()) : nlohmann::json()},
                 {"area_method", c.area_method == AreaMethod::geodesic ? "geodesic" : "planar"},
                 {"area_deviation_warning", c.area_deviation_warning}};
  j["rating"] = {{"above_revenue_threshold", c.rating.above_revenue_threshold},
                 {"min_land_mu", c.rating.min_land_mu},
                 {"ramp_up_years", c.rating.ramp_up_years},
                 {"exempt_divisions", c.rating.exempt_divisions}};
  j["scoring"] = {{"cap", c.scoring.cap},
                  {"benchmark_factor", c.scoring.benchmark_factor},
                  {"above", group_json(c.scoring.above)},
                  {"below", group_json(c.scoring.below)},
                  {"bonus", c.scoring.bonus},
                  {"deduction", c.scoring.deduction}};
  j["classes"] = {{"method", c.classes.method == ClassMethod::shares ? "shares" : "thresholds"},
                  {"share_a", c.classes.share_a},
                  {"share_b", c.classes.share_b},
                  {"share_c", c.classes.share_c},
                  {"thresholds",
                   {{"above", thresholds_json(c.classes.thresholds_above)},
                    {"below", thresholds_json(c.classes.thresholds_below)}}},
                  {"labels", c.classes.labels}};
  j["building"] = {{"preset", c.building.preset},
                   {"min_coverage", c.building.min_coverage},
                   {"storey_height_m", c.building.storey_height_m},
                   {"tall_storey_m", c.building.tall_storey_m},
                   {"far_table", c.building.far_table_source},
                   {"far_table_rows", c.building.far_minimums.size()}};
  j["flags"] = {{"low_yield_ratio", c.flags.low_yield_ratio},
                {"idle_years", c.flags.idle_years},
                {"idle_recovery_years", c.flags.idle_recovery_years},
                {"idle_coverage_fraction", c.flags.idle_coverage_fraction}};
  j["stability"] = {{"enabled", c.stability.enabled},
                    {"runs", c.stability.runs},
                    {"seed", c.stability.seed},
                    {"weight_spread", c.stability.weight_spread},
                    {"benchmark_spread", c.stability.benchmark_spread},
                    {"unstable_below", c.stability.unstable_below},
                    {"what_it_takes", c.stability.what_it_takes}};
  const InputOptions& in = settings.input;
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [kind, mapping] : in.fields)
    if (!mapping.empty()) fields[std::string(table_kind_key(kind))] = mapping;
  j["input"] = {{"encoding", in.encoding},
                {"parcels_crs", in.parcels_crs},
                {"buildings_crs", in.buildings_crs},
                {"points_crs", in.points_crs},
                {"parcels_layer", in.parcels_layer},
                {"buildings_layer", in.buildings_layer},
                {"enterprises_layer", in.enterprises_layer},
                {"links_layer", in.links_layer},
                {"fields", fields}};
  return j;
}

}  // namespace muyield::io
