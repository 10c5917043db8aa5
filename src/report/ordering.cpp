#include "report/ordering.hpp"

#include <algorithm>

namespace muyield::report {

std::vector<std::size_t> ranking_order(const ReportInput& in, Group group) {
  const auto& firms = in.result.enterprises;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < firms.size(); ++i)
    if (firms[i].group == group) rows.push_back(i);
  auto uscc = [&](std::size_t i) -> const std::string& {
    return in.input.enterprises[firms[i].input_index].uscc;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    const auto& ra = firms[a].rank;
    const auto& rb = firms[b].rank;
    if (ra.has_value() != rb.has_value()) return ra.has_value();
    if (ra && *ra != *rb) return *ra < *rb;
    return uscc(a) < uscc(b);
  });
  return rows;
}

std::vector<std::size_t> flagged_order(const ReportInput& in) {
  const auto& parcels = in.result.parcels;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < parcels.size(); ++i)
    if (!parcels[i].flags.empty()) rows.push_back(i);
  auto input = [&](std::size_t i) -> const Parcel& {
    return in.input.parcels[parcels[i].input_index];
  };
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    const Parcel& pa = input(a);
    const Parcel& pb = input(b);
    return pa.park != pb.park ? pa.park < pb.park : pa.id < pb.id;
  });
  return rows;
}

}  // namespace muyield::report
