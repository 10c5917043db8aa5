#include "core/method/flags.hpp"

#include <algorithm>
#include <cstdio>

namespace muyield::method {

namespace {

std::string fmt(double v, int decimals = 2) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Reason text: "闲置土地 IDLE: <Chinese figures> / <English figures>".
std::string reason(Flag f, const std::string& zh, const std::string& en) {
  return std::string(flag_label(f)) + " " + std::string(flag_key(f)) + "：" + zh + " / " + en;
}

bool any_occupant_with_revenue(const ParcelResult& p, const FlagContext& ctx) {
  for (const Occupant& o : p.occupants) {
    const auto& revenue = at(
        ctx.enterprise_inputs[ctx.enterprises[o.enterprise].input_index].figures, Figure::revenue);
    if (revenue && *revenue > 0) return true;
  }
  return false;
}

}  // namespace

std::map<std::string, double> park_tax_per_mu(const std::vector<Parcel>& parcel_inputs,
                                              const std::vector<ParcelResult>& parcels) {
  std::map<std::string, std::pair<double, double>> sums;  // tax, mu
  for (const ParcelResult& p : parcels) {
    if (!p.occupied()) continue;
    auto& [tax, mu] = sums[parcel_inputs[p.input_index].park];
    tax += at(p.figures, Figure::tax).value_or(0.0);
    mu += p.area_mu;
  }
  std::map<std::string, double> out;
  for (const auto& [park, s] : sums)
    if (s.second > 0) out[park] = s.first / s.second;
  return out;
}

void raise_flags(const FlagContext& ctx, std::vector<ParcelResult>& parcels) {
  const FlagConfig& fc = ctx.config.flags;
  const double min_coverage = ctx.config.building.min_coverage;
  const double idle_coverage = fc.idle_coverage_fraction * min_coverage;
  const std::map<std::string, double> park_tpm = park_tax_per_mu(ctx.parcel_inputs, parcels);
  const std::string eval = ctx.evaluation_date.iso();

  for (ParcelResult& p : parcels) {
    const Parcel& in = ctx.parcel_inputs[p.input_index];
    p.flags.clear();
    p.flag_reasons.clear();
    p.potential_floor_m2.reset();
    p.potential_tax.reset();
    auto raise = [&p](Flag f, std::string text) {
      p.flags.push_back(f);
      p.flag_reasons.push_back(std::move(text));
    };
    const bool supplied = in.status == SupplyStatus::supplied;
    const std::optional<double>& tpm = at(p.indicators, Indicator::tax_per_mu);

    if (in.status == SupplyStatus::unsupplied)
      raise(Flag::UNSUPPLIED, reason(Flag::UNSUPPLIED, "供地状态为“" + in.status_text + "”",
                                     "status '" + in.status_text + "' = approved, not supplied"));

    // IDLE / IDLE_2Y: supplied, the agreed start long past, and (almost) nothing built.
    if (ctx.has_buildings && supplied && in.agreed_start) {
      const bool empty_land = p.n_buildings == 0 || p.coverage.value_or(0.0) < idle_coverage;
      const std::string built = p.n_buildings == 0
                                    ? std::string("无建筑 / no buildings")
                                    : "建筑系数 " + fmt(*p.coverage, 3) + " < " +
                                          fmt(idle_coverage, 3) + " / coverage " +
                                          fmt(*p.coverage, 3) + " < " + fmt(idle_coverage, 3);
      const Date start = *in.agreed_start;
      if (empty_land && ctx.evaluation_date >= start.plus_years(fc.idle_years)) {
        raise(Flag::IDLE, reason(Flag::IDLE,
                                 "约定开工日期 " + start.iso() + "，至评价日 " + eval + " 已满 " +
                                     std::to_string(fc.idle_years) + " 年未开发",
                                 "agreed start " + start.iso() + " + " +
                                     std::to_string(fc.idle_years) + " year(s) <= " + eval) +
                              "；" + built);
        if (ctx.evaluation_date >= start.plus_years(fc.idle_recovery_years))
          raise(Flag::IDLE_2Y,
                reason(Flag::IDLE_2Y,
                       "约定开工日期 " + start.iso() + "，闲置满 " +
                           std::to_string(fc.idle_recovery_years) + " 年，可依法收回",
                       "agreed start " + start.iso() + " + " +
                           std::to_string(fc.idle_recovery_years) + " years <= " + eval +
                           ": candidate for recovery") +
                    "；" + built);
      }
    }

    if (ctx.has_buildings && supplied && p.footprint_m2.value_or(0.0) > 0 &&
        !any_occupant_with_revenue(p, ctx))
      raise(Flag::VACANT,
            reason(Flag::VACANT,
                   "已建厂房 " + fmt(*p.footprint_m2, 0) + " m² 基底，但无营业收入大于0的使用企业",
                   "buildings stand (" + fmt(*p.footprint_m2, 0) +
                       " m² footprint) but no occupant has revenue > 0"));

    if (ctx.has_buildings && p.occupied() && p.far && p.coverage) {
      const bool low_far = p.far_min && *p.far < *p.far_min;
      const bool low_cov = *p.coverage < min_coverage;
      if (low_far || low_cov) {
        std::string zh, en;
        if (low_far) {
          zh = "容积率 " + fmt(*p.far) + " < 行业(" + p.industry_division + ")最低 " +
               fmt(*p.far_min);
          en = "FAR " + fmt(*p.far) + " < industry " + p.industry_division + " minimum " +
               fmt(*p.far_min);
        }
        if (low_cov) {
          zh += (zh.empty() ? "" : "，") + std::string("建筑系数 ") + fmt(*p.coverage) + " < " +
                fmt(min_coverage);
          en += (en.empty() ? "" : ", ") + std::string("coverage ") + fmt(*p.coverage) + " < " +
                fmt(min_coverage);
        }
        raise(Flag::LOW_DENSITY, reason(Flag::LOW_DENSITY, zh, en));
      }
    }

    const auto park = park_tpm.find(in.park);
    if (p.occupied() && tpm && park != park_tpm.end() && *tpm < fc.low_yield_ratio * park->second) {
      const std::string limit = fmt(fc.low_yield_ratio * park->second);
      raise(Flag::LOW_YIELD,
            reason(Flag::LOW_YIELD,
                   "亩均税收 " + fmt(*tpm) + " 万元/亩 < " + fmt(fc.low_yield_ratio) + " × 园区 " +
                       fmt(park->second) + " = " + limit,
                   "tax per mu " + fmt(*tpm) + " < " + fmt(fc.low_yield_ratio) + " x park " +
                       fmt(park->second) + " = " + limit + " (10k yuan/mu)"));
    }

    if (p.main_occupant && p.grade == Grade::D)
      raise(Flag::D_CLASS,
            reason(Flag::D_CLASS,
                   "主要使用企业 " +
                       ctx.enterprise_inputs[ctx.enterprises[*p.main_occupant].input_index].name +
                       " 评为D类",
                   "main occupant is class D"));

    // The checks above run in kAllFlags order, so flags come out in that order.
    if (!p.flags.empty()) {
      if (p.far_min && p.far && p.planar_m2)
        p.potential_floor_m2 = std::max(0.0, *p.far_min - *p.far) * *p.planar_m2;
      if (tpm && park != park_tpm.end())
        p.potential_tax = std::max(0.0, park->second - *tpm) * p.area_mu;
    }
  }
}

}  // namespace muyield::method
