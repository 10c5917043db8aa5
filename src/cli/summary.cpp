#include "cli/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace muyield::cli {

namespace {

std::string fixed(std::optional<double> v, int decimals = 2) {
  if (!v) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
  return buf;
}

}  // namespace

void print_summary(std::ostream& out, const ReviewInput& input, const ReviewResult& result,
                   const ReviewConfig& config, const std::string& out_dir, int top) {
  std::size_t by_severity[3] = {0, 0, 0};
  for (const Issue& i : result.issues) ++by_severity[static_cast<int>(i.severity)];
  std::size_t flagged = 0;
  for (const ParcelResult& p : result.parcels) flagged += !p.flags.empty();
  out << "亩均效益评价 " << result.year << " (evaluation date " << result.evaluation_date.iso()
      << ")\n";
  out << "  parcels " << result.parcels.size() << ", enterprises " << result.enterprises.size()
      << ", flagged parcels " << flagged << "\n";
  out << "  rejects " << by_severity[0] << ", warnings " << by_severity[1] << ", errors "
      << by_severity[2] << " (see rejects.csv)\n";
  for (Group g : kGroups) {
    std::vector<const EnterpriseResult*> ranked;
    int counts[5] = {0, 0, 0, 0, 0};
    for (const EnterpriseResult& e : result.enterprises) {
      if (e.group != g) continue;
      ++counts[static_cast<int>(e.grade)];
      if (e.rank) ranked.push_back(&e);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const EnterpriseResult* a, const EnterpriseResult* b) { return *a->rank < *b->rank; });
    out << "\n" << (g == Group::above ? "规上企业 group above" : "规下企业 group below") << ": A "
        << counts[0] << ", B " << counts[1] << ", C " << counts[2] << ", D " << counts[3]
        << ", unrated " << counts[4] << "\n";
    const int n = std::min<int>(top, static_cast<int>(ranked.size()));
    for (int k = 0; k < n; ++k) {
      const EnterpriseResult& e = *ranked[k];
      const Enterprise& in = input.enterprises[e.input_index];
      const std::string grade(grade_key(e.grade));
      auto label = config.classes.labels.find(grade);
      out << "  " << *e.rank << ". " << in.name << "  " << grade
          << (label != config.classes.labels.end() ? " " + label->second : "") << "  score "
          << fixed(e.total, 1) << "  亩均税收 " << fixed(at(e.indicators, Indicator::tax_per_mu))
          << " 万元/亩\n";
    }
  }
  out << "\nResults in " << out_dir
      << "/: parcels.geojson, parcels.csv, enterprises.csv, parks.csv, rejects.csv, run.json\n";
}

}  // namespace muyield::cli
