#include "core/method/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace muyield::method {

int class_cutoff(double share, int n) {
  const double product = share * n;
  return static_cast<int>(std::floor(product + 0.5 + 1e-9));
}

int badness(Grade g) {
  switch (g) {
    case Grade::A:
      return 1;
    case Grade::B:
      return 2;
    case Grade::C:
      return 3;
    case Grade::D:
      return 4;
    case Grade::unrated:
      return 0;
  }
  return 0;
}

namespace {

// Missing values sort last in a descending order.
bool higher(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return a.has_value();
  return a && *a > *b;
}

}  // namespace

RankCutoffs rank_cutoffs(int n, const ClassConfig& c) {
  return {class_cutoff(c.share_a, n), class_cutoff(c.share_b, n), class_cutoff(c.share_c, n)};
}

Grade grade_by_rank(int k, const RankCutoffs& cut) {
  if (k <= cut.a) return Grade::A;
  if (k <= cut.b) return Grade::B;
  if (k <= cut.c) return Grade::C;
  return Grade::D;
}

Grade grade_by_score(double total, const ClassConfig::Thresholds& t) {
  if (total >= t.a) return Grade::A;
  if (total >= t.b) return Grade::B;
  if (total >= t.c) return Grade::C;
  return Grade::D;
}

bool ties_before(const RankKey& a, const RankKey& b) {
  const auto& ta = a.tax_per_mu;
  const auto& tb = b.tax_per_mu;
  if (ta.has_value() != tb.has_value() || (ta && *ta != *tb)) return higher(ta, tb);
  return a.uscc < b.uscc;
}

bool ranks_before(const RankKey& a, const RankKey& b) {
  const double ta = rank_total(a.total), tb = rank_total(b.total);
  if (ta != tb) return ta > tb;
  return ties_before(a, b);
}

void rank_enterprises(const std::vector<Enterprise>& inputs,
                      std::vector<EnterpriseResult>& enterprises, const ClassConfig& config) {
  auto key = [&](const EnterpriseResult* e) {
    return RankKey{*e->total, at(e->indicators, Indicator::tax_per_mu),
                   inputs[e->input_index].uscc};
  };
  auto before = [&](const EnterpriseResult* a, const EnterpriseResult* b) {
    return ranks_before(key(a), key(b));
  };
  for (Group g : kGroups) {
    std::vector<EnterpriseResult*> ranked, vetoed;
    for (EnterpriseResult& e : enterprises) {
      if (e.group != g) continue;
      e.rank.reset();
      e.grade = Grade::unrated;
      if (!e.rated()) continue;
      (e.vetoed ? vetoed : ranked).push_back(&e);
    }
    std::sort(ranked.begin(), ranked.end(), before);
    std::sort(vetoed.begin(), vetoed.end(), before);
    const int n = static_cast<int>(ranked.size());
    const RankCutoffs cutoffs = rank_cutoffs(n, config);
    for (int k = 1; k <= n; ++k) {
      EnterpriseResult& e = *ranked[k - 1];
      e.rank = k;
      e.grade = config.method == ClassMethod::shares
                    ? grade_by_rank(k, cutoffs)
                    : grade_by_score(*e.total, config.thresholds(g));
    }
    for (std::size_t j = 0; j < vetoed.size(); ++j) {
      vetoed[j]->rank = n + 1 + static_cast<int>(j);
      vetoed[j]->grade = Grade::D;  // 一票否决: D whatever the score
    }
  }
}

void classify_parcels(const std::vector<Enterprise>& inputs,
                      const std::vector<EnterpriseResult>& enterprises,
                      std::vector<ParcelResult>& parcels) {
  for (ParcelResult& p : parcels) {
    p.main_occupant.reset();
    p.grade = Grade::unrated;
    const Occupant* main = nullptr;
    for (const Occupant& o : p.occupants) {
      if (!main) {
        main = &o;
        continue;
      }
      if (o.share != main->share) {
        if (o.share > main->share) main = &o;
        continue;
      }
      const int bo = badness(enterprises[o.enterprise].grade);
      const int bm = badness(enterprises[main->enterprise].grade);
      if (bo != bm) {
        if (bo > bm) main = &o;
        continue;
      }
      if (inputs[enterprises[o.enterprise].input_index].uscc <
          inputs[enterprises[main->enterprise].input_index].uscc)
        main = &o;
    }
    if (main) {
      p.main_occupant = main->enterprise;
      p.grade = enterprises[main->enterprise].grade;
    }
  }
}

void rank_parcels(const std::vector<Parcel>& parcel_inputs, std::vector<ParcelResult>& parcels) {
  std::vector<ParcelResult*> occupied;
  for (ParcelResult& p : parcels) {
    p.rank_park.reset();
    p.rank_all.reset();
    if (p.occupied()) occupied.push_back(&p);
  }
  std::sort(occupied.begin(), occupied.end(), [&](const ParcelResult* a, const ParcelResult* b) {
    const auto& ta = at(a->indicators, Indicator::tax_per_mu);
    const auto& tb = at(b->indicators, Indicator::tax_per_mu);
    if (ta.has_value() != tb.has_value() || (ta && *ta != *tb)) return higher(ta, tb);
    return parcel_inputs[a->input_index].id < parcel_inputs[b->input_index].id;
  });
  std::map<std::string, int> next_in_park;
  for (std::size_t k = 0; k < occupied.size(); ++k) {
    occupied[k]->rank_all = static_cast<int>(k) + 1;
    occupied[k]->rank_park = ++next_in_park[parcel_inputs[occupied[k]->input_index].park];
  }
}

}  // namespace muyield::method
