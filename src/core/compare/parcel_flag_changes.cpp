#include "core/compare/parcel_flag_changes.hpp"

#include <algorithm>
#include <map>

namespace muyield::compare {

std::vector<std::string> split_flags(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

namespace {

std::vector<std::string> missing_from(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const std::string& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  return out;
}

}  // namespace

std::vector<ParcelFlagChange> compare_parcel_flags(const RunTable& from, const RunTable& to) {
  // parcel_id → row, first occurrence (outputs have unique ids).
  std::map<std::string, std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> rows;
  for (std::size_t r = 0; r < from.rows.size(); ++r) {
    auto& slot = rows[std::string(from.cell(r, "parcel_id"))].first;
    if (!slot) slot = r;
  }
  for (std::size_t r = 0; r < to.rows.size(); ++r) {
    auto& slot = rows[std::string(to.cell(r, "parcel_id"))].second;
    if (!slot) slot = r;
  }
  std::vector<ParcelFlagChange> out;
  for (const auto& [id, pair] : rows) {
    if (id.empty()) continue;
    const auto& [f, t] = pair;
    ParcelFlagChange c;
    c.parcel_id = id;
    c.presence = !f ? Presence::appeared : !t ? Presence::disappeared : Presence::both;
    if (f) {
      c.park = from.cell(*f, "park");
      c.class_from = from.cell(*f, "class");
      c.flags_from = split_flags(from.cell(*f, "flags"));
      c.tax_per_mu.from = from.number(*f, "tax_per_mu");
    }
    if (t) {
      c.park = to.cell(*t, "park");
      c.class_to = to.cell(*t, "class");
      c.flags_to = split_flags(to.cell(*t, "flags"));
      c.tax_per_mu.to = to.number(*t, "tax_per_mu");
    }
    c.raised = missing_from(c.flags_to, c.flags_from);
    c.cleared = missing_from(c.flags_from, c.flags_to);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace muyield::compare
