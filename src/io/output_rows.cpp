#include "io/output_rows.hpp"

#include <algorithm>
#include <charconv>

namespace muyield::io {

namespace {

std::string indicator_label(Indicator i) {
  const IndicatorInfo& d = info(i);
  return std::string(d.label) + (d.unit.empty() ? "" : "（" + std::string(d.unit) + "）");
}

std::string figure_label(Figure f) {
  return std::string(info(f).label) + "（" + std::string(info(f).unit) + "）";
}

std::string share_text(double share) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, share);
  return std::string(buf, r.ptr);
}

void set_optional_int(Value& v, const std::optional<int>& i) {
  if (i)
    v.set(static_cast<double>(*i));
  else
    v.clear();
}

void set_bool(Value& v, bool b) { v.set(b ? 1.0 : 0.0); }

void set_optional_bool(Value& v, const std::optional<bool>& b) {
  if (b)
    set_bool(v, *b);
  else
    v.clear();
}

// Appends columns and keeps a running index, so fill() can use the same order.
struct ColumnList {
  std::vector<Column> columns;
  void add(std::string key, std::string label, ColumnType type) {
    columns.push_back({std::move(key), std::move(label), type});
  }
};

}  // namespace

std::vector<Indicator> weighted_indicators(const ReviewConfig& config) {
  std::vector<Indicator> out;
  for (Group g : kGroups)
    for (const WeightedIndicator& w : config.scoring.group(g).indicators)
      if (std::find(out.begin(), out.end(), w.indicator) == out.end()) out.push_back(w.indicator);
  return out;
}

std::string join_flags(const ParcelResult& p) {
  std::string s;
  for (Flag f : p.flags) s += (s.empty() ? "" : ",") + std::string(flag_key(f));
  return s;
}

std::string join_reasons(const ParcelResult& p) {
  std::string s;
  for (const std::string& r : p.flag_reasons) s += (s.empty() ? "" : "；") + r;
  return s;
}

// ------------------------------------------------------------------------------ parcels

ParcelRows::ParcelRows(const ReviewInput& input, const ReviewResult& result)
    : input_(input), result_(result) {
  using T = ColumnType;
  ColumnList c;
  c.add("parcel_id", "宗地代码", T::text);
  c.add("park", "园区", T::text);
  c.add("holder_uscc", "权利人统一社会信用代码", T::text);
  c.add("holder_name", "权利人", T::text);
  c.add("status", "供地状态", T::text);
  c.add("registered_m2", "登记面积（m²）", T::real);
  c.add("area_m2", "面积（m²）", T::real);
  c.add("area_mu", "面积（亩）", T::real);
  c.add("area_deviation", "面积偏差", T::real);
  c.add("planar_m2", "高斯平面面积（m²）", T::real);
  c.add("occupied", "是否使用", T::integer);
  c.add("n_occupants", "使用企业数", T::integer);
  c.add("link_source", "关联方式", T::text);
  c.add("occupants", "使用企业（代码:份额）", T::text);
  c.add("main_uscc", "主要使用企业代码", T::text);
  c.add("main_name", "主要使用企业", T::text);
  c.add("class", "分类", T::text);
  for (Figure f : kParcelFigures) c.add(std::string(info(f).key), figure_label(f), T::real);
  for (Indicator i : kAllIndicators)
    if (info(i).per_parcel) c.add(std::string(info(i).key), indicator_label(i), T::real);
  c.add("rank_park", "园区内排名", T::integer);
  c.add("rank_all", "总排名", T::integer);
  c.add("n_buildings", "建筑数", T::integer);
  c.add("footprint_m2", "建筑基底面积（m²）", T::real);
  c.add("floor_area_m2", "建筑面积（m²）", T::real);
  c.add("coverage", "建筑系数", T::real);
  c.add("far", "容积率", T::real);
  c.add("industry_division", "行业大类", T::text);
  c.add("far_min", "行业容积率下限", T::real);
  c.add("flags", "低效用地标记", T::text);
  c.add("potential_floor_m2", "可增建筑面积（m²）", T::real);
  c.add("potential_tax", "潜在税收（万元）", T::real);
  c.add("flag_reasons", "标记原因", T::text);
  columns_ = std::move(c.columns);
}

void ParcelRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const ParcelResult& p = result_.parcels[i];
  const Parcel& in = input_.parcels[p.input_index];
  auto uscc_of = [&](std::size_t e) -> const std::string& {
    return input_.enterprises[result_.enterprises[e].input_index].uscc;
  };
  std::size_t k = 0;
  row[k++].set_text(in.id);
  row[k++].set_text(in.park);
  row[k++].set_text(in.holder_uscc);
  row[k++].set_text(in.holder_name);
  row[k++].set_text(in.status_text);
  row[k++].set(in.registered_m2);
  row[k++].set(p.area_m2);
  row[k++].set(p.area_mu);
  row[k++].set(p.area_deviation);
  row[k++].set(p.planar_m2);
  set_bool(row[k++], p.occupied());
  row[k++].set(static_cast<double>(p.occupants.size()));
  row[k++].set_text(link_source_key(p.link_source));
  std::string occupants;
  for (const Occupant& o : p.occupants)
    occupants += (occupants.empty() ? "" : ";") + uscc_of(o.enterprise) + ":" + share_text(o.share);
  row[k++].set_text(occupants);
  if (p.main_occupant) {
    const Enterprise& e = input_.enterprises[result_.enterprises[*p.main_occupant].input_index];
    row[k++].set_text(e.uscc);
    row[k++].set_text(e.name);
  } else {
    row[k++].clear();
    row[k++].clear();
  }
  row[k++].set_text(p.occupied() ? grade_key(p.grade) : "");
  for (Figure f : kParcelFigures) row[k++].set(at(p.figures, f));
  for (Indicator ind : kAllIndicators)
    if (info(ind).per_parcel) row[k++].set(at(p.indicators, ind));
  set_optional_int(row[k++], p.rank_park);
  set_optional_int(row[k++], p.rank_all);
  if (p.footprint_m2)
    row[k++].set(static_cast<double>(p.n_buildings));
  else
    row[k++].clear();
  row[k++].set(p.footprint_m2);
  row[k++].set(p.floor_area_m2);
  row[k++].set(p.coverage);
  row[k++].set(p.far);
  row[k++].set_text(p.industry_division);
  row[k++].set(p.far_min);
  row[k++].set_text(join_flags(p));
  row[k++].set(p.potential_floor_m2);
  row[k++].set(p.potential_tax);
  row[k++].set_text(join_reasons(p));
}

// -------------------------------------------------------------------------- enterprises

EnterpriseRows::EnterpriseRows(const ReviewInput& input, const ReviewResult& result,
                               const ReviewConfig& config)
    : input_(input), result_(result), config_(config), weighted_(weighted_indicators(config)) {
  using T = ColumnType;
  ColumnList c;
  c.add("uscc", "统一社会信用代码", T::text);
  c.add("name", "企业名称", T::text);
  c.add("year", "年度", T::integer);
  c.add("group", "组别", T::text);
  c.add("industry_code", "行业代码", T::text);
  c.add("park", "园区", T::text);
  c.add("land_mu", "用地面积（亩）", T::real);
  c.add("n_parcels", "宗地数", T::integer);
  for (Figure f : kAllFigures) c.add(std::string(info(f).key), figure_label(f), T::real);
  for (Indicator i : kAllIndicators) c.add(std::string(info(i).key), indicator_label(i), T::real);
  for (Indicator i : weighted_)
    c.add("s_" + std::string(info(i).key), std::string(info(i).label) + "得分", T::real);
  c.add("bonus", "加分", T::real);
  c.add("deduction", "减分", T::real);
  c.add("total", "综合得分", T::real);
  c.add("rank", "排名", T::integer);
  c.add("class", "分类", T::text);
  c.add("class_label", "分类名称", T::text);
  c.add("vetoed", "一票否决", T::integer);
  c.add("veto", "否决事项", T::text);
  c.add("unrated_reason", "不参评原因", T::text);
  c.add("high_tech", "高新技术企业", T::integer);
  c.add("specialized", "专精特新", T::integer);
  c.add("production_start", "投产日期", T::text);
  c.add("uscc_check_ok", "代码校验通过", T::integer);
  // Explanations of the class (stability.hpp, what_it_takes.hpp); empty where they do not apply.
  c.add("stability_share", "分类稳定度", T::real);
  c.add("class_best", "扰动下最好分类", T::text);
  c.add("class_worst", "扰动下最差分类", T::text);
  c.add("rank_p5", "排名P5", T::integer);
  c.add("rank_p95", "排名P95", T::integer);
  c.add("unstable", "分类不稳定", T::integer);
  c.add("next_class", "上一档分类", T::text);
  c.add("extra_tax_to_next", "升档需增加税收（万元）", T::real);
  c.add("land_to_return_mu", "升档需退还用地（亩）", T::real);
  c.add("plan_return_mu", "组合方案退还用地（亩）", T::real);
  c.add("plan_extra_tax", "组合方案增加税收（万元）", T::real);
  c.add("falls_to", "下一档分类", T::text);
  c.add("tax_margin", "降档税收余量（万元）", T::real);
  columns_ = std::move(c.columns);
}

void EnterpriseRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const EnterpriseResult& r = result_.enterprises[i];
  const Enterprise& e = input_.enterprises[r.input_index];
  std::size_t k = 0;
  row[k++].set_text(e.uscc);
  row[k++].set_text(e.name);
  row[k++].set(static_cast<double>(result_.year));
  row[k++].set_text(group_key(r.group));
  row[k++].set_text(e.industry_code);
  row[k++].set_text(r.park);
  row[k++].set(r.land_mu);
  row[k++].set(static_cast<double>(r.n_parcels));
  for (Figure f : kAllFigures) row[k++].set(at(e.figures, f));
  for (Indicator ind : kAllIndicators) row[k++].set(at(r.indicators, ind));
  for (Indicator ind : weighted_) row[k++].set(r.scores[static_cast<int>(ind)]);
  if (r.rated()) {
    row[k++].set(r.bonus);
    row[k++].set(r.deduction);
  } else {
    row[k++].clear();
    row[k++].clear();
  }
  row[k++].set(r.total);
  set_optional_int(row[k++], r.rank);
  const std::string grade(grade_key(r.grade));
  row[k++].set_text(grade);
  auto label = config_.classes.labels.find(grade);
  row[k++].set_text(label == config_.classes.labels.end() ? "" : label->second);
  set_bool(row[k++], r.vetoed);
  row[k++].set_text(e.veto);
  row[k++].set_text(unrated_key(r.unrated));
  for (const char* attribute : {"high_tech", "specialized"}) {
    auto it = e.attributes.find(attribute);
    set_optional_bool(row[k++],
                      it == e.attributes.end() ? std::nullopt : std::optional(it->second));
  }
  row[k++].set_text(e.production_start ? e.production_start->iso() : "");
  set_bool(row[k++], e.uscc_check_ok);
  if (r.stability) {
    const ClassStability& s = *r.stability;
    row[k++].set(s.share_kept);
    row[k++].set_text(grade_key(s.best));
    row[k++].set_text(grade_key(s.worst));
    row[k++].set(static_cast<double>(s.rank_p5));
    row[k++].set(static_cast<double>(s.rank_p95));
    set_bool(row[k++], s.unstable);
  } else {
    for (int n = 0; n < 6; ++n) row[k++].clear();
  }
  const WhatItTakes& w = r.takes;
  auto grade_text = [](Grade g) { return g == Grade::unrated ? "" : grade_key(g); };
  row[k++].set_text(grade_text(w.next));
  row[k++].set(w.extra_tax.amount);
  row[k++].set(w.land_to_return.amount);
  row[k++].set(w.plan_land.amount);
  row[k++].set(w.plan_tax.amount);
  row[k++].set_text(grade_text(w.falls_to));
  row[k++].set(w.tax_margin.amount);
}

// -------------------------------------------------------------------------------- parks

ParkRows::ParkRows(const ReviewResult& result) : result_(result) {
  using T = ColumnType;
  ColumnList c;
  c.add("park", "园区", T::text);
  c.add("parcel_count", "宗地数", T::integer);
  c.add("total_mu", "总面积（亩）", T::real);
  c.add("supplied_mu", "已供面积（亩）", T::real);
  c.add("occupied_mu", "使用面积（亩）", T::real);
  c.add("idle_mu", "闲置面积（亩）", T::real);
  c.add("idle_rate", "闲置率", T::real);
  c.add("coverage", "建筑系数", T::real);
  c.add("far", "容积率", T::real);
  c.add("tax_per_mu", "亩均税收（万元/亩）", T::real);
  c.add("revenue_per_mu", "亩均营业收入（万元/亩）", T::real);
  c.add("va_per_mu", "亩均增加值（万元/亩）", T::real);
  for (Group g : kGroups)
    for (Grade k : kAllGrades)
      c.add(std::string(group_key(g)) + "_" + std::string(grade_key(k)),
            std::string(g == Group::above ? "规上" : "规下") + std::string(grade_key(k)) + "类数",
            T::integer);
  for (Flag f : kAllFlags)
    c.add("n_" + std::string(flag_key(f)), std::string(flag_label(f)) + "宗数", T::integer);
  c.add("flagged_count", "标记宗地数", T::integer);
  c.add("flagged_mu", "标记面积（亩）", T::real);
  columns_ = std::move(c.columns);
}

void ParkRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const ParkSummary& s = result_.parks[i];
  std::size_t k = 0;
  row[k++].set_text(s.park);
  row[k++].set(static_cast<double>(s.parcel_count));
  row[k++].set(s.total_mu);
  row[k++].set(s.supplied_mu);
  row[k++].set(s.occupied_mu);
  row[k++].set(s.idle_mu);
  row[k++].set(s.idle_rate);
  row[k++].set(s.coverage);
  row[k++].set(s.far);
  row[k++].set(s.tax_per_mu);
  row[k++].set(s.revenue_per_mu);
  row[k++].set(s.va_per_mu);
  for (const auto& group : s.class_counts)
    for (int n : group) row[k++].set(static_cast<double>(n));
  for (int n : s.flag_counts) row[k++].set(static_cast<double>(n));
  row[k++].set(static_cast<double>(s.flagged_count));
  row[k++].set(s.flagged_mu);
}

// ------------------------------------------------------------------------------- issues

IssueRows::IssueRows(const Issues& issues) : issues_(issues) {
  using T = ColumnType;
  columns_ = {{"source", "来源文件", T::text}, {"row", "行/要素", T::text},
              {"field", "字段", T::text},      {"value", "值", T::text},
              {"reason", "原因", T::text},     {"severity", "级别", T::text}};
}

void IssueRows::fill(std::size_t i, std::vector<Value>& row) const {
  row.resize(columns_.size());
  const Issue& s = issues_[i];
  row[0].set_text(s.source.str());
  row[1].set_text(s.row);
  row[2].set_text(s.field);
  row[3].set_text(s.value);
  row[4].set_text(s.reason.str());
  row[5].set_text(severity_key(s.severity));
}

}  // namespace muyield::io
