#include "cli/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "cli/messages.hpp"

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
                   const ReviewConfig& config, const std::string& out_dir, int top,
                   const std::vector<std::string>& outputs) {
  std::size_t by_severity[3] = {0, 0, 0};
  for (const Issue& i : result.issues) ++by_severity[static_cast<int>(i.severity)];
  std::size_t flagged = 0;
  for (const ParcelResult& p : result.parcels) flagged += !p.flags.empty();
  out << trf(Msg::summary_title, result.year, result.evaluation_date.iso()) << "\n";
  out << trf(Msg::summary_counts, result.parcels.size(), result.enterprises.size(), flagged)
      << "\n";
  out << trf(Msg::summary_issues, by_severity[0], by_severity[1], by_severity[2]) << "\n";
  for (Group g : kGroups) {
    std::vector<const EnterpriseResult*> ranked;
    int counts[5] = {0, 0, 0, 0, 0};
    for (const EnterpriseResult& e : result.enterprises) {
      if (e.group != g) continue;
      ++counts[static_cast<int>(e.grade)];
      if (e.rank) ranked.push_back(&e);
    }
    std::sort(
        ranked.begin(), ranked.end(),
        [](const EnterpriseResult* a, const EnterpriseResult* b) { return *a->rank < *b->rank; });
    out << "\n"
        << trf(Msg::summary_classes,
               tr(g == Group::above ? Msg::summary_group_above : Msg::summary_group_below),
               counts[0], counts[1], counts[2], counts[3], counts[4])
        << "\n";
    const int n = std::min<int>(top, static_cast<int>(ranked.size()));
    for (int k = 0; k < n; ++k) {
      const EnterpriseResult& e = *ranked[k];
      const Enterprise& in = input.enterprises[e.input_index];
      const std::string grade(grade_key(e.grade));
      auto label = config.classes.labels.find(grade);
      out << trf(Msg::summary_rank_line, *e.rank, in.name,
                 grade + (label != config.classes.labels.end() ? " " + label->second : ""),
                 fixed(e.total, 1), fixed(at(e.indicators, Indicator::tax_per_mu)))
          << "\n";
    }
  }
  std::string files;
  for (const std::string& f : outputs) files += (files.empty() ? "" : ", ") + f;
  out << "\n" << trf(Msg::summary_results_in, out_dir, files) << "\n";
}

}  // namespace muyield::cli
