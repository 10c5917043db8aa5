// The review configuration: every default of METHOD.md in one place. The io layer reads it from
// review.toml (src/io/config_toml.cpp) and writes it back into run.json; the core only reads it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "muyield/date.hpp"
#include "muyield/indicator.hpp"

namespace muyield {

enum class AreaMethod { geodesic, planar };
enum class ClassMethod { shares, thresholds };
enum class Group { above, below };
inline constexpr std::array<Group, 2> kGroups = {Group::above, Group::below};
std::string_view group_key(Group g);  // "above" / "below"

struct WeightedIndicator {
  Indicator indicator;
  double weight = 0;
  std::optional<double> fixed_benchmark;  // none = aggregate ratio of the group
};

struct GroupScoring {
  std::vector<WeightedIndicator> indicators;  // in configuration order
};

struct ScoringConfig {
  double cap = 2.0;
  double benchmark_factor = 1.0;
  GroupScoring above;
  GroupScoring below;
  // Points per boolean attribute of the enterprise (true = applies).
  std::map<std::string, double> bonus = {{"high_tech", 5.0}, {"specialized", 3.0}};
  std::map<std::string, double> deduction;
  const GroupScoring& group(Group g) const { return g == Group::above ? above : below; }
};

struct RatingConfig {
  double above_revenue_threshold = 2000.0;  // 万元
  double min_land_mu = 3.0;                 // group below only
  int ramp_up_years = 2;
  std::vector<std::string> exempt_divisions = {"44", "45", "46"};
};

struct ClassConfig {
  ClassMethod method = ClassMethod::shares;
  // Cumulative shares for A, B, C (the rest is D).
  double share_a = 0.20, share_b = 0.60, share_c = 0.95;
  // With ClassMethod::thresholds: total ≥ threshold_a → A, etc.; per group.
  struct Thresholds {
    double a = 0, b = 0, c = 0;
  };
  Thresholds thresholds_above, thresholds_below;
  std::map<std::string, std::string> labels = {{"A", "优先发展类"},
                                               {"B", "鼓励提升类"},
                                               {"C", "监管调控类"},
                                               {"D", "落后整治类"},
                                               {"unrated", "不参评"}};
  const Thresholds& thresholds(Group g) const {
    return g == Group::above ? thresholds_above : thresholds_below;
  }
};

// One row of the industry minimum-FAR table (METHOD.md §7).
struct FarMinimum {
  std::string division;  // two digits, GB/T 4754-2017
  std::string name;
  double far_min = 0;
};

struct BuildingConfig {
  double storey_height_m = 4.5;
  double tall_storey_m = 8.0;  // a storey above this counts double
  double min_coverage = 0.30;
  std::string preset = "2008";  // "2008" (0.30) or "2023" (0.40)
  std::string far_table_source = "built-in (METHOD.md industry_far_min.csv)";
  std::vector<FarMinimum> far_minimums;  // filled with the built-in table by default
};

struct FlagConfig {
  double low_yield_ratio = 0.3;
  int idle_years = 1;
  int idle_recovery_years = 2;
  double idle_coverage_fraction = 1.0 / 3.0;  // × min_coverage
};

// Class stability (re-scoring with perturbed weights and benchmarks) and what it takes to
// change class. Not in METHOD.md: an explanation of its result, off the method's figures.
struct StabilityConfig {
  bool enabled = true;
  int runs = 1000;
  std::uint64_t seed = 20240101;
  double weight_spread = 0.20;     // each weight × (1 + U(−spread, +spread)), per run
  double benchmark_spread = 0.20;  // each benchmark likewise, independently
  double unstable_below = 0.80;    // share of runs keeping the class below this → unstable
  bool what_it_takes = true;       // extra tax / land to hand back / margin per rated firm
};

struct ReviewConfig {
  std::optional<int> year;              // none = the latest year in the enterprise data
  std::optional<Date> evaluation_date;  // none = 31 December of the year
  AreaMethod area_method = AreaMethod::geodesic;
  double area_deviation_warning = 0.05;
  RatingConfig rating;
  ScoringConfig scoring;
  ClassConfig classes;
  BuildingConfig building;
  FlagConfig flags;
  StabilityConfig stability;

  // METHOD.md defaults, including the weights and the built-in FAR table.
  static ReviewConfig defaults();
  Date evaluation_date_for(int review_year) const {
    return evaluation_date.value_or(Date{review_year, 12, 31});
  }
};

// The built-in industry table (../shared/spec/industry_far_min.csv, compiled in).
std::vector<FarMinimum> builtin_far_minimums();

}  // namespace muyield
