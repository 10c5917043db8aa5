// The one place that knows the order of the stages (METHOD.md §1 → §9).
#include "muyield/review.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "core/free_memory.hpp"
#include "core/geometry/crs_transform.hpp"
#include "core/method/building_form.hpp"
#include "core/method/flags.hpp"
#include "core/method/indicators.hpp"
#include "core/method/land_area.hpp"
#include "core/method/links.hpp"
#include "core/method/parks.hpp"
#include "core/method/ranking.hpp"
#include "core/method/rating.hpp"
#include "core/method/scoring.hpp"
#include "core/method/stability.hpp"
#include "core/method/what_it_takes.hpp"
#include "core/parallel.hpp"

namespace muyield {

namespace {

class StageClock {
 public:
  explicit StageClock(std::vector<StageTiming>& out) : out_(out) {}
  void lap(std::string stage) {
    const auto now = std::chrono::steady_clock::now();
    out_.push_back({std::move(stage), std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }

 private:
  std::vector<StageTiming>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

std::string source_of(const std::vector<Enterprise>& rows) {
  return rows.empty() ? std::string() : rows.front().source.file.str();
}

// The review year's enterprises, each uscc once; locations in the parcels' CRS.
struct SelectedEnterprises {
  std::vector<EnterpriseResult> results;
  std::vector<std::optional<Point>> locations;
  method::UsccIndex by_uscc;
  long read = 0, rejected = 0, other_years = 0;
};

SelectedEnterprises select_enterprises(const ReviewInput& input, int year, Issues& issues) {
  SelectedEnterprises s;
  const std::string points_crs =
      input.points_crs.empty() ? std::string(geometry::kCgcs2000) : input.points_crs.definition;
  const bool same_crs = points_crs == input.parcels_crs.definition;
  std::unique_ptr<geometry::Transformer> to_parcels_crs;
  for (std::size_t i = 0; i < input.enterprises.size(); ++i) {
    const Enterprise& e = input.enterprises[i];
    ++s.read;
    const std::string row = std::to_string(e.source.row);
    if (e.year < 0) {
      issues.push_back(
          {e.source.file, row, "year", "",
           "年度缺失或无法识别，无法归入评价年度 / no readable year: the row cannot be "
           "placed in a review year; fill in the year",
           Severity::reject, true});
      ++s.rejected;
      continue;
    }
    // Year 0: the table has no year column, so every row belongs to the review.
    if (e.year != 0 && e.year != year) {
      ++s.other_years;
      continue;
    }
    if (e.uscc.empty()) {
      issues.push_back({e.source.file, row, "uscc", "",
                        "统一社会信用代码为空，无法关联宗地和排名 / no credit code: the enterprise "
                        "cannot be linked or ranked; fill in its code",
                        Severity::reject, true});
      ++s.rejected;
      continue;
    }
    if (s.by_uscc.count(e.uscc)) {
      issues.push_back({e.source.file, row, "uscc", e.uscc,
                        "同一年度重复的企业，保留第一行 / the enterprise appears twice in the "
                        "year: the first row is kept",
                        Severity::reject, true});
      ++s.rejected;
      continue;
    }
    s.by_uscc.emplace(e.uscc, s.results.size());
    EnterpriseResult r;
    r.input_index = i;
    s.results.push_back(std::move(r));
    std::optional<Point> where = e.location;
    if (where && !same_crs) {
      if (!to_parcels_crs)
        to_parcels_crs =
            std::make_unique<geometry::Transformer>(points_crs, input.parcels_crs.definition);
      if (!to_parcels_crs->apply(*where)) {
        issues.push_back({e.source.file, row, "location", "",
                          "位置坐标无法转换，请检查坐标系 / the location cannot be transformed: "
                          "check the points CRS (default EPSG:4490 lon/lat)",
                          Severity::reject, false});
        where.reset();
      }
    }
    s.locations.push_back(where);
  }
  return s;
}

}  // namespace

int review_year(const ReviewInput& input, const ReviewConfig& config) {
  if (config.year) return *config.year;
  int year = 0;
  for (const Enterprise& e : input.enterprises) year = std::max(year, e.year);
  if (year == 0)
    throw ReviewError(
        "没有评价年度：企业表无年度列，请用 --year 指定 / no review year: the enterprise table has "
        "no year column; give --year");
  return year;
}

ReviewResult run_review(const ReviewInput& input, const ReviewConfig& config,
                        const RunOptions& options) {
  ReviewResult result;
  StageClock clock(result.timings);
  const int threads = resolve_threads(options.threads);
  result.year = review_year(input, config);
  result.evaluation_date = config.evaluation_date_for(result.year);
  if (input.parcels_crs.empty())
    throw ReviewError("宗地图层没有坐标系 / the parcels layer has no CRS");

  // §1 land areas.
  method::PreparedParcels prepared;
  try {
    prepared = method::prepare_parcels(input.parcels, input.parcels_crs, config,
                                       input.has_buildings, threads, options.progress);
  } catch (const geometry::CrsError& e) {
    throw ReviewError(std::string("宗地图层坐标系无法使用 / the parcels CRS cannot be used: ") +
                      e.what());
  }
  result.parcels = std::move(prepared.parcels);
  if (options.spent) {  // each parcel result holds its repaired shape from here on
    for (Parcel& p : options.spent->parcels) MultiPolygon().swap(p.geometry);
    return_free_memory();
  }
  for (Issue& i : prepared.issues) result.issues.push_back(std::move(i));
  const std::string parcels_source =
      input.parcels.empty() ? std::string() : input.parcels.front().source.file.str();
  result.counts.push_back({"parcels", parcels_source, static_cast<long>(input.parcels.size()),
                           static_cast<long>(result.parcels.size()), prepared.rejected});
  clock.lap("area");

  // §7 building form, straight after the areas: the buildings (the largest input) are then
  // released, when the caller allows it, before the enterprises' results are built.
  const long buildings_read = static_cast<long>(input.buildings.size());
  const std::string buildings_source =
      input.buildings.empty() ? std::string() : input.buildings.front().source.file.str();
  method::BuildingFormOutcome form = method::compute_building_form(
      input, result.parcels, config.building, threads, options.progress,
      options.spent ? &options.spent->buildings : nullptr);
  result.issues.reserve(result.issues.size() + form.issues.size());
  for (Issue& i : form.issues) result.issues.push_back(std::move(i));
  Issues().swap(form.issues);
  if (options.spent) return_free_memory();  // the buildings, as read and as prepared
  clock.lap("overlay");

  // §2 links, land, spreading.
  SelectedEnterprises selected = select_enterprises(input, result.year, result.issues);
  result.enterprises = std::move(selected.results);
  const std::size_t issues_before_links = result.issues.size();
  method::link_parcels(
      {input.parcels, input.enterprises, input.links, selected.by_uscc, selected.locations},
      result.parcels, result.enterprises, result.issues);
  method::assign_land(input.parcels, result.parcels, result.enterprises);
  method::spread_figures(input.enterprises, result.enterprises, result.parcels);
  long links_rejected = 0;
  for (std::size_t i = issues_before_links; i < result.issues.size(); ++i)
    links_rejected += result.issues[i].record_rejected ? 1 : 0;
  result.counts.push_back({"enterprises", source_of(input.enterprises), selected.read,
                           selected.read - selected.rejected - selected.other_years,
                           selected.rejected, selected.other_years});
  if (!input.links.empty())
    result.counts.push_back(
        {"links", input.links.front().source.file, static_cast<long>(input.links.size()),
         static_cast<long>(input.links.size()) - links_rejected, links_rejected});
  clock.lap("link");

  // §3–§6 indicators, groups, scores, ranks and classes.
  method::compute_enterprise_indicators(input.enterprises, result.enterprises);
  method::compute_parcel_indicators(result.parcels);
  method::rate_enterprises(input.enterprises, result.enterprises, result.year, config.rating);
  result.benchmarks = method::score_enterprises(input.enterprises, result.enterprises,
                                                config.scoring, result.issues);
  method::rank_enterprises(input.enterprises, result.enterprises, config.classes);
  method::classify_parcels(input.enterprises, result.enterprises, result.parcels);
  method::rank_parcels(input.parcels, result.parcels);
  clock.lap("score");

  // Explaining the classes: stability under perturbed weights and benchmarks, what it takes.
  method::assess_stability(input.enterprises, result.enterprises, config, threads,
                           options.progress);
  clock.lap("stability");
  method::assess_what_it_takes(input.enterprises, result.enterprises, config, threads,
                               options.progress);
  clock.lap("what_it_takes");

  if (input.has_buildings)  // counted after parcels, enterprises and links, as they are read
    result.counts.push_back(
        {"buildings", buildings_source, buildings_read, form.used, form.rejected});
  // §7 the industry's FAR minimum, for each parcel's main occupant.
  method::assign_far_minimums(input.enterprises, result.enterprises, result.parcels,
                              config.building);

  // §8 flags, §9 park summary.
  method::raise_flags({input.parcels, input.enterprises, result.enterprises, input.has_buildings,
                       result.evaluation_date, config},
                      result.parcels);
  result.parks = method::summarize_parks(input.parcels, result.parcels, result.enterprises,
                                         input.has_buildings);
  clock.lap("flag");
  return result;
}

}  // namespace muyield
