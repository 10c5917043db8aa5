// What a review produces: per parcel, per enterprise, per park, plus the issues found.
// Writers (src/io, src/report) read these; the core (src/core) fills them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/issue.hpp"
#include "muyield/model.hpp"

namespace muyield {

// The review class (A/B/C/D) or unrated. Named Grade because `class` is taken.
enum class Grade { A, B, C, D, unrated };
inline constexpr std::array<Grade, 5> kAllGrades = {Grade::A, Grade::B, Grade::C, Grade::D,
                                                    Grade::unrated};
std::string_view grade_key(Grade g);  // "A" … "D", "unrated"

enum class UnratedReason { none, no_land, exempt_industry, ramp_up, small_land };
std::string_view unrated_key(UnratedReason r);  // "" for none

enum class LinkSource { none, explicit_table, holder, spatial };
std::string_view link_source_key(LinkSource s);  // "", "explicit", "holder", "spatial"

enum class Flag { UNSUPPLIED, IDLE, IDLE_2Y, VACANT, LOW_DENSITY, LOW_YIELD, D_CLASS };
inline constexpr std::array<Flag, 7> kAllFlags = {
    Flag::UNSUPPLIED,  Flag::IDLE,      Flag::IDLE_2Y, Flag::VACANT,
    Flag::LOW_DENSITY, Flag::LOW_YIELD, Flag::D_CLASS};
std::string_view flag_key(Flag f);    // "IDLE"
std::string_view flag_label(Flag f);  // "闲置土地"

struct Occupant {
  std::size_t enterprise = 0;  // index into ReviewResult::enterprises
  double share = 0;            // of the parcel, in (0, 1]
};

// How firmly a rated firm holds its class when every weight and benchmark is perturbed
// (core/method/stability.hpp).
struct ClassStability {
  int runs = 0;
  double share_kept = 0;  // share of runs in which the firm keeps its class
  Grade best = Grade::unrated, worst = Grade::unrated;
  int rank_p5 = 0, rank_p95 = 0;  // nearest-rank 5th and 95th percentiles of its rank
  bool unstable = false;          // share_kept below StabilityConfig::unstable_below
};

// One change of a firm's figures that moves it across a class boundary, other firms unchanged
// (core/method/what_it_takes.hpp). `amount` is empty unless `why` is found.
struct ClassChange {
  enum class Why { not_applicable, found, missing_figure, out_of_reach };
  Why why = Why::not_applicable;
  std::optional<double> amount;
};

struct WhatItTakes {
  Grade next = Grade::unrated;  // the next better class; unrated when there is none
  ClassChange extra_tax;        // 万元 more tax
  ClassChange land_to_return;   // 亩 handed back, figures kept
  // C and D firms: hand back half the land that alone would suffice (or half of what may be
  // handed back when land alone does not), plus the extra tax still needed with that land.
  ClassChange plan_land;            // 亩
  ClassChange plan_tax;             // 万元
  Grade falls_to = Grade::unrated;  // the next worse class; unrated when there is none
  ClassChange tax_margin;           // 万元 less tax that drops the firm to falls_to
};

struct EnterpriseResult {
  std::size_t input_index = 0;  // into ReviewInput::enterprises
  Group group = Group::below;
  std::string park;  // where it holds most land; empty without land
  double land_mu = 0;
  int n_parcels = 0;
  Indicators indicators{};
  // Weighted scores s_i (present only for the group's weighted indicators of rated firms).
  std::array<std::optional<double>, kIndicatorCount> scores{};
  std::array<bool, kIndicatorCount> score_from_mean{};  // s_i is the group mean (missing x_i)
  double bonus = 0;
  double deduction = 0;
  std::optional<double> total;
  std::optional<int> rank;  // within group; vetoed firms follow the others
  Grade grade = Grade::unrated;
  UnratedReason unrated = UnratedReason::none;
  bool vetoed = false;
  std::optional<ClassStability> stability;  // rated firms, when stability is enabled
  WhatItTakes takes;
  bool rated() const { return unrated == UnratedReason::none; }
};

struct ParcelResult {
  std::size_t input_index = 0;  // into ReviewInput::parcels
  MultiPolygon geometry;        // repaired, in the parcels CRS
  MultiPolygon lonlat;          // repaired, CGCS2000 longitude/latitude
  double area_m2 = 0;           // by the configured method (METHOD.md §1)
  double area_mu = 0;
  std::optional<double> planar_m2;  // GK zone area (needed for building form)
  int gk_central_meridian = 0;      // of the 3-degree zone nearest the centroid
  std::optional<double> area_deviation;

  LinkSource link_source = LinkSource::none;
  std::vector<Occupant> occupants;           // sorted by share descending, then uscc
  std::optional<std::size_t> main_occupant;  // index into ReviewResult::enterprises
  Grade grade = Grade::unrated;
  Figures figures{};        // spread figures (METHOD.md §2)
  Indicators indicators{};  // the per-parcel (P) indicators
  std::optional<int> rank_park;
  std::optional<int> rank_all;

  // Building form (METHOD.md §7); empty without a buildings layer.
  int n_buildings = 0;
  std::optional<double> footprint_m2;
  std::optional<double> floor_area_m2;
  std::optional<double> coverage;
  std::optional<double> far;
  std::string industry_division;
  std::optional<double> far_min;

  // Flags (METHOD.md §8), in kAllFlags order, each with its reason text.
  std::vector<Flag> flags;
  std::vector<std::string> flag_reasons;
  std::optional<double> potential_floor_m2;
  std::optional<double> potential_tax;

  bool occupied() const { return !occupants.empty(); }
  bool has_flag(Flag f) const;
};

// Benchmark and mean score of one weighted indicator in one group (for run.json and reports).
struct GroupBenchmark {
  Group group = Group::below;
  Indicator indicator = Indicator::tax_per_mu;
  double weight = 0;
  std::optional<double> benchmark;  // none: no rated enterprise has the indicator
  bool fixed = false;
  double mean_score = 0;  // what a firm without the indicator receives
  int n_with = 0;         // rated firms having the indicator
};

// METHOD.md §9, for one park or for "all".
struct ParkSummary {
  std::string park;
  int parcel_count = 0;
  double total_mu = 0;
  double supplied_mu = 0;
  double occupied_mu = 0;
  double idle_mu = 0;
  std::optional<double> idle_rate;
  std::optional<double> coverage;
  std::optional<double> far;
  std::optional<double> tax_per_mu;
  std::optional<double> revenue_per_mu;
  std::optional<double> va_per_mu;
  // class_counts[group][grade]
  std::array<std::array<int, 5>, 2> class_counts{};
  std::array<int, 7> flag_counts{};
  int flagged_count = 0;
  double flagged_mu = 0;
};

// Records read, used and rejected per input: read = used + rejected + skipped, always.
struct InputCount {
  std::string input;  // "parcels", "enterprises", …
  std::string source;
  long read = 0;
  long used = 0;
  long rejected = 0;
  long skipped = 0;  // not for this review by rule, not by fault: enterprise rows of other years
};

struct StageTiming {
  std::string stage;
  double seconds = 0;
};

struct ReviewResult {
  int year = 0;
  Date evaluation_date;
  std::vector<ParcelResult> parcels;          // kept parcels, in input order
  std::vector<EnterpriseResult> enterprises;  // the review year's enterprises, in input order
  std::vector<GroupBenchmark> benchmarks;
  std::vector<ParkSummary> parks;  // sorted by name, "all" last
  Issues issues;
  std::vector<InputCount> counts;
  std::vector<StageTiming> timings;
};

}  // namespace muyield
