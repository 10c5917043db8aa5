#include "core/method/links.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "core/geometry/boost_adapt.hpp"
#include "core/geometry/spatial_index.hpp"

namespace muyield::method {

namespace {

constexpr double kShareTolerance = 1e-9;

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

Issue link_issue(const Link& link, std::string field, std::string value, std::string reason,
                 Severity severity = Severity::reject, bool record_rejected = true) {
  return Issue{link.source.file,  std::to_string(link.source.row),
               std::move(field),  std::move(value),
               std::move(reason), severity,
               record_rejected};
}

struct ExplicitRow {
  std::size_t enterprise;
  const Link* link;
};

// Orders occupants: share descending, then uscc ascending (stable and readable).
void sort_occupants(std::vector<Occupant>& occupants, const std::vector<Enterprise>& inputs,
                    const std::vector<EnterpriseResult>& enterprises) {
  std::sort(occupants.begin(), occupants.end(), [&](const Occupant& a, const Occupant& b) {
    if (a.share != b.share) return a.share > b.share;
    return inputs[enterprises[a.enterprise].input_index].uscc <
           inputs[enterprises[b.enterprise].input_index].uscc;
  });
}

// Turns the valid link rows of one parcel into shares (METHOD.md §2 and §10).
std::vector<Occupant> explicit_shares(const std::vector<ExplicitRow>& rows, const Parcel& parcel,
                                      Issues& issues) {
  const bool by_share = std::any_of(rows.begin(), rows.end(),
                                    [](const ExplicitRow& r) { return r.link->share.has_value(); });
  std::map<std::size_t, double> share_of;  // by enterprise, ordered for determinism
  double floor_total = 0;
  if (!by_share)
    for (const ExplicitRow& r : rows) floor_total += *r.link->floor_area_m2;
  for (const ExplicitRow& r : rows) {
    double s = 0;
    if (by_share) {
      if (!r.link->share) {
        issues.push_back(link_issue(
            *r.link, "share", "",
            "同一宗地的其他行给出了份额，此行缺份额 / other rows of parcel " + parcel.id +
                " give shares: give a share here too (the row is not used)"));
        continue;
      }
      s = *r.link->share;
    } else {
      s = *r.link->floor_area_m2 / floor_total;
    }
    auto [it, fresh] = share_of.emplace(r.enterprise, s);
    if (!fresh) {
      it->second += s;
      issues.push_back(link_issue(*r.link, "uscc", r.link->uscc,
                                  "同一企业在该宗地出现多行，已合并 / the enterprise appears more "
                                  "than once for parcel " +
                                      parcel.id + ": its rows are added together",
                                  Severity::warning, false));
    }
  }
  double total = 0;
  for (const auto& [e, s] : share_of) total += s;
  if (total > 1.0 + kShareTolerance) {
    issues.push_back(Issue{
        rows.front().link->source.file, "", "share", number(total),
        "宗地 " + parcel.id + " 的份额合计超过1，已按比例缩放 / shares of parcel " + parcel.id +
            " sum to " + number(total) + " (> 1): scaled to sum 1; correct the links table",
        Severity::error, false});
    for (auto& [e, s] : share_of) s /= total;
  }
  std::vector<Occupant> out;
  for (const auto& [e, s] : share_of) out.push_back({e, s});
  return out;
}

}  // namespace

void link_parcels(const LinkInputs& in, std::vector<ParcelResult>& parcels,
                  const std::vector<EnterpriseResult>& enterprises, Issues& issues) {
  std::unordered_map<std::string_view, std::size_t> parcel_by_id;
  parcel_by_id.reserve(parcels.size());
  for (std::size_t i = 0; i < parcels.size(); ++i)
    parcel_by_id.emplace(in.parcel_inputs[parcels[i].input_index].id, i);

  // 1. The links table.
  std::vector<std::vector<ExplicitRow>> rows_of(parcels.size());
  for (const Link& link : in.links) {
    if (link.parcel_id.empty()) {
      issues.push_back(link_issue(link, "parcel_id", "", "宗地代码为空 / no parcel id"));
      continue;
    }
    if (link.uscc.empty()) {
      issues.push_back(link_issue(link, "uscc", "", "统一社会信用代码为空 / no enterprise code"));
      continue;
    }
    auto p = parcel_by_id.find(link.parcel_id);
    if (p == parcel_by_id.end()) {
      issues.push_back(
          link_issue(link, "parcel_id", link.parcel_id,
                     "宗地图层中没有该宗地（或该宗地已被拒绝） / no such parcel in the "
                     "parcels layer (or it was rejected): check the id"));
      continue;
    }
    auto e = in.enterprise_by_uscc.find(link.uscc);
    if (e == in.enterprise_by_uscc.end()) {
      issues.push_back(link_issue(link, "uscc", link.uscc,
                                  "评价年度的企业表中没有该企业 / no enterprise with this code in "
                                  "the review year: check the code or add the enterprise"));
      continue;
    }
    if (link.share && !(*link.share > 0 && *link.share <= 1.0 + kShareTolerance)) {
      issues.push_back(link_issue(link, "share", number(*link.share),
                                  "份额须在 (0,1] 内 / share must be in (0, 1]"));
      continue;
    }
    if (!link.share && !(link.floor_area_m2 && *link.floor_area_m2 > 0)) {
      issues.push_back(link_issue(
          link, link.floor_area_m2 ? "floor_area_m2" : "share",
          link.floor_area_m2 ? number(*link.floor_area_m2) : "",
          link.floor_area_m2 ? "租用建筑面积须大于0 / leased floor area must be > 0"
                             : "缺份额或租用建筑面积 / give a share or a leased floor area"));
      continue;
    }
    rows_of[p->second].push_back({e->second, &link});
  }

  std::vector<std::size_t> unlinked;
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    ParcelResult& pr = parcels[i];
    const Parcel& parcel = in.parcel_inputs[pr.input_index];
    if (!rows_of[i].empty()) {
      pr.occupants = explicit_shares(rows_of[i], parcel, issues);
      if (!pr.occupants.empty()) {
        pr.link_source = LinkSource::explicit_table;
        continue;
      }
    }
    // 2. The holder code.
    if (!parcel.holder_uscc.empty()) {
      auto e = in.enterprise_by_uscc.find(parcel.holder_uscc);
      if (e != in.enterprise_by_uscc.end()) {
        pr.occupants = {{e->second, 1.0}};
        pr.link_source = LinkSource::holder;
        continue;
      }
    }
    unlinked.push_back(i);
  }

  // 3. Location points inside the parcel (not in a hole, not on the boundary).
  std::vector<const MultiPolygon*> shapes;
  shapes.reserve(unlinked.size());
  for (std::size_t i : unlinked) shapes.push_back(&parcels[i].geometry);
  const geometry::BoxIndex index = geometry::BoxIndex::of_parts(shapes);
  std::vector<std::vector<std::size_t>> inside(unlinked.size());
  for (std::size_t e = 0; e < enterprises.size(); ++e) {
    if (!in.locations[e]) continue;
    const Point pt = *in.locations[e];
    const geometry::Box box(pt, pt);
    index.for_each_intersecting(box, [&](std::uint32_t k) {
      if (!inside[k].empty() && inside[k].back() == e) return;  // another part of the same parcel
      for (const Polygon& part : *shapes[k]) {
        if (boost::geometry::within(pt, part)) {
          inside[k].push_back(e);
          return;
        }
      }
    });
  }
  for (std::size_t k = 0; k < unlinked.size(); ++k) {
    ParcelResult& pr = parcels[unlinked[k]];
    if (!inside[k].empty()) {
      const double share = 1.0 / static_cast<double>(inside[k].size());
      for (std::size_t e : inside[k]) pr.occupants.push_back({e, share});
      pr.link_source = LinkSource::spatial;
      continue;
    }
    const Parcel& parcel = in.parcel_inputs[pr.input_index];
    if (!parcel.holder_uscc.empty()) {
      issues.push_back(Issue{parcel.source.file, std::to_string(parcel.source.row), "holder_uscc",
                             parcel.holder_uscc,
                             "权利人代码在评价年度企业表中无对应企业，宗地按空置处理 / the holder "
                             "code matches no enterprise of the review year: the parcel counts as "
                             "unoccupied",
                             Severity::warning, false});
    }
  }
  for (ParcelResult& pr : parcels) sort_occupants(pr.occupants, in.enterprise_inputs, enterprises);
}

void assign_land(const std::vector<Parcel>& parcel_inputs, const std::vector<ParcelResult>& parcels,
                 std::vector<EnterpriseResult>& enterprises) {
  std::vector<std::map<std::string, double>> land_by_park(enterprises.size());
  for (EnterpriseResult& e : enterprises) {
    e.land_mu = 0;
    e.n_parcels = 0;
  }
  for (const ParcelResult& p : parcels) {
    for (const Occupant& o : p.occupants) {
      const double mu = o.share * p.area_mu;
      enterprises[o.enterprise].land_mu += mu;
      enterprises[o.enterprise].n_parcels += 1;
      land_by_park[o.enterprise][parcel_inputs[p.input_index].park] += mu;
    }
  }
  for (std::size_t e = 0; e < enterprises.size(); ++e) {
    // The park where it holds most land; ties go to the first park name.
    double best = -1;
    for (const auto& [park, mu] : land_by_park[e]) {
      if (mu > best) {
        best = mu;
        enterprises[e].park = park;
      }
    }
  }
}

void spread_figures(const std::vector<Enterprise>& enterprise_inputs,
                    const std::vector<EnterpriseResult>& enterprises,
                    std::vector<ParcelResult>& parcels) {
  for (ParcelResult& p : parcels) {
    if (!p.occupied()) {
      for (auto& f : p.figures) f = 0.0;  // METHOD.md §10: an unoccupied parcel has 0
      continue;
    }
    for (Figure f : kAllFigures) {
      std::optional<double> sum;
      for (const Occupant& o : p.occupants) {
        const EnterpriseResult& e = enterprises[o.enterprise];
        const std::optional<double>& v = at(enterprise_inputs[e.input_index].figures, f);
        if (!v || e.land_mu <= 0) continue;  // a missing figure contributes nothing
        sum = sum.value_or(0.0) + *v * o.share * p.area_mu / e.land_mu;
      }
      at(p.figures, f) = sum;  // missing when no occupant has the figure
    }
  }
}

}  // namespace muyield::method
