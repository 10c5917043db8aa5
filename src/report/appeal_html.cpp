#include "report/appeal_html.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/pending_file.hpp"
#include "report/html.hpp"
#include "report/labels.hpp"

namespace muyield::report {

namespace {

constexpr const char* kStyle = R"(
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
section{break-after:page;page-break-after:always;margin-bottom:3em}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #444;padding-bottom:.2em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #bbb;padding:.2em .6em}
th{background:#f0f0f0;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:.1em .6em;border-radius:.3em;color:#fff;background:#555}
.A{background:#1a9641}.B{background:#4e8fd0}.C{background:#e6a100}.D{background:#d7191c}
.warn{color:#b00;font-weight:bold}.small{color:#666;font-size:.85em}
@media print{body{margin:1cm}a{color:inherit;text-decoration:none}}
)";

std::string unrated_text(UnratedReason r) {
  switch (r) {
    case UnratedReason::no_land:
      return "无用地，不参评";
    case UnratedReason::exempt_industry:
      return "属豁免行业（电力、燃气、水的生产和供应），不参评";
    case UnratedReason::ramp_up:
      return "投产未满规定年限，不参评";
    case UnratedReason::small_land:
      return "规下企业用地面积不足下限，不参评";
    case UnratedReason::none:
      break;
  }
  return "";
}

std::string badge(Grade g, const ReviewConfig& config) {
  return "<span class=\"badge " + std::string(g == Grade::unrated ? "" : grade_key(g)) + "\">" +
         escape(class_text(g, config)) + "</span>";
}

std::string row(std::string_view label, const std::string& value_html) {
  return "<tr><th>" + escape(label) + "</th><td class=\"n\">" + value_html + "</td></tr>\n";
}

std::string unit_suffix(std::string_view unit) { return unit.empty() ? "" : " " + escape(unit); }

// The figure of a change, or why there is none.
std::string change_text(const ClassChange& c, std::string_view unit, int decimals = 2) {
  switch (c.why) {
    case ClassChange::Why::found:
      return fixed(c.amount, decimals) + unit_suffix(unit);
    case ClassChange::Why::missing_figure:
      return "缺少税收数据，无法测算";
    case ClassChange::Why::out_of_reach:
      return "仅靠此项无法达到";
    case ClassChange::Why::not_applicable:
      break;
  }
  return "–";
}

const GroupBenchmark* benchmark_of(const ReviewResult& r, Group g, Indicator i) {
  for (const GroupBenchmark& b : r.benchmarks)
    if (b.group == g && b.indicator == i) return &b;
  return nullptr;
}

void figures_table(std::string& h, const Enterprise& e, const EnterpriseResult& r) {
  h += "<h3>一、基本数据</h3>\n<table>\n";
  h += row("用地面积", fixed(r.land_mu, 4) + " 亩（" + std::to_string(r.n_parcels) + " 宗）");
  for (Figure f : kAllFigures) {
    const auto& v = at(e.figures, f);
    if (!v) continue;
    h += row(info(f).label, fixed(v, 2) + unit_suffix(info(f).unit));
  }
  h += "</table>\n";
}

void score_table(std::string& h, const EnterpriseResult& r, const ReportInput& in) {
  const GroupScoring& scoring = in.config.scoring.group(r.group);
  h += "<h3>二、指标与基准、得分构成</h3>\n<table>\n<tr><th>指标</th><th>本企业</th>"
       "<th>组基准值</th><th>本企业/基准</th><th>权重</th><th>得分</th><th>说明</th></tr>\n";
  for (const WeightedIndicator& wi : scoring.indicators) {
    const Indicator i = wi.indicator;
    const IndicatorInfo& d = info(i);
    const GroupBenchmark* b = benchmark_of(in.result, r.group, i);
    const std::optional<double>& x = at(r.indicators, i);
    const std::optional<double> bench = b ? b->benchmark : std::nullopt;
    const std::optional<double> ratio =
        x && bench && *bench > 0 ? std::optional<double>(*x / *bench) : std::nullopt;
    std::string note;
    if (r.score_from_mean[static_cast<int>(i)])
      note = "缺少数据，按同组有数据企业的平均得分计";
    else if (ratio && *ratio >= in.config.scoring.cap)
      note = "已达封顶（" + fixed(in.config.scoring.cap, 1) + " 倍基准）";
    else if (x && *x < 0)
      note = "负值记0分";
    h += "<tr><td>" + escape(d.label) + unit_suffix(d.unit) + "</td><td class=\"n\">" +
         fixed(x, 4) + "</td><td class=\"n\">" + fixed(bench, 4) + "</td><td class=\"n\">" +
         fixed(ratio, 3) + "</td><td class=\"n\">" + fixed(wi.weight, 1) + "</td><td class=\"n\">" +
         fixed(r.scores[static_cast<int>(i)], 2) + "</td><td>" + escape(note) + "</td></tr>\n";
  }
  h += "<tr><td colspan=\"5\">加分（高新技术、专精特新等）</td><td class=\"n\">" +
       fixed(r.bonus, 2) + "</td><td></td></tr>\n";
  h += "<tr><td colspan=\"5\">减分</td><td class=\"n\">" + fixed(-r.deduction, 2) +
       "</td><td></td></tr>\n";
  h += "<tr><th colspan=\"5\">综合得分</th><th class=\"n\">" + fixed(r.total, 2) +
       "</th><th></th></tr>\n</table>\n";
  h += "<p class=\"small\">得分 = 权重 × min(max(本企业/基准, 0), " +
       fixed(in.config.scoring.cap, 1) + ")；基准值为同组参评企业的合计比值（Σ分子/Σ分母）" +
       (in.config.scoring.benchmark_factor != 1.0
            ? " × " + fixed(in.config.scoring.benchmark_factor, 3)
            : std::string()) +
       "，或配置的固定值。</p>\n";
}

void stability_table(std::string& h, const EnterpriseResult& r, const ReportInput& in) {
  if (!r.stability) return;
  const ClassStability& s = *r.stability;
  const StabilityConfig& c = in.config.stability;
  h += "<h3>四、分类稳定性</h3>\n<table>\n";
  h += row("保持本档的比例",
           fixed(100 * s.share_kept, 1) + "%" +
               (s.unstable ? " <span class=\"warn\">不稳定，建议复核</span>" : std::string()));
  h += row("扰动下分类范围", escape(grade_key(s.best)) + " – " + escape(grade_key(s.worst)));
  h += row("排名区间（5%–95%）", std::to_string(s.rank_p5) + " – " + std::to_string(s.rank_p95));
  h += "</table>\n<p class=\"small\">将各指标权重与基准值分别随机上下浮动至多 " +
       fixed(100 * c.weight_spread, 0) + "% / " + fixed(100 * c.benchmark_spread, 0) +
       "%，重新评分排名 " + std::to_string(s.runs) + " 次（随机种子 " + std::to_string(c.seed) +
       "）。</p>\n";
}

void takes_table(std::string& h, const EnterpriseResult& r, const ReportInput& in) {
  const WhatItTakes& w = r.takes;
  if (w.next == Grade::unrated && w.falls_to == Grade::unrated) return;
  h += "<h3>五、升降档测算（其他企业数据不变）</h3>\n<table>\n";
  if (w.next != Grade::unrated) {
    h += row("升至 " + class_text(w.next, in.config) + " 需增加税收",
             change_text(w.extra_tax, "万元"));
    h += row("或需退还用地（产值税收不变）", change_text(w.land_to_return, "亩", 4));
    if (w.plan_tax.why != ClassChange::Why::not_applicable)
      h += row("组合方案", "退还 " + change_text(w.plan_land, "亩", 4) + "，并增加税收 " +
                               change_text(w.plan_tax, "万元"));
  }
  if (w.falls_to != Grade::unrated)
    h += row("税收减少多少将降至 " + class_text(w.falls_to, in.config),
             change_text(w.tax_margin, "万元"));
  h += "</table>\n<p class=\"small\">测算按评价办法全组重新评分：本企业数据变动时，组基准值"
       "（合计比值）随之变动，其他企业得分与分档临界排名也随之变化。组合方案：先退还单独退地"
       "所需面积的一半（单独退地无法达到时，为可退面积的一半），再测算仍需增加的税收。</p>\n";
}

void section(std::string& h, const ReportInput& in, std::size_t index) {
  const EnterpriseResult& r = in.result.enterprises[index];
  const Enterprise& e = in.input.enterprises[r.input_index];
  h += "<section id=\"e" + std::to_string(index) + "\">\n<h2>" + escape(e.name) +
       " <span class=\"small\">" + escape(e.uscc) + "</span></h2>\n<p>" +
       badge(r.grade, in.config) + " " + escape(group_label(r.group)) + "企业";
  if (!e.industry_code.empty()) h += "，行业代码 " + escape(e.industry_code);
  if (!r.park.empty()) h += "，园区 " + escape(r.park);
  h += "</p>\n";
  figures_table(h, e, r);
  if (!r.rated()) {
    h += "<p>" + escape(unrated_text(r.unrated)) + "。</p>\n</section>\n";
    return;
  }
  score_table(h, r, in);
  h += "<h3>三、分类</h3>\n<p>" + badge(r.grade, in.config);
  if (r.rank) h += "，组内排名第 " + std::to_string(*r.rank) + " 位";
  if (r.vetoed) h += "。一票否决：" + escape(e.veto) + "，无论得分均为 D 类";
  h += "。</p>\n";
  stability_table(h, r, in);
  takes_table(h, r, in);
  h += "</section>\n";
}

// Ranked firms by group and rank, then the unrated by group and uscc.
std::vector<std::size_t> appeal_order(const ReportInput& in) {
  const auto& es = in.result.enterprises;
  std::vector<std::size_t> order(es.size());
  for (std::size_t i = 0; i < es.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const EnterpriseResult& x = es[a];
    const EnterpriseResult& y = es[b];
    if (x.group != y.group) return x.group < y.group;
    if (x.rank.has_value() != y.rank.has_value()) return x.rank.has_value();
    if (x.rank && *x.rank != *y.rank) return *x.rank < *y.rank;
    return in.input.enterprises[x.input_index].uscc < in.input.enterprises[y.input_index].uscc;
  });
  return order;
}

}  // namespace

void write_appeal_html(const std::string& path, const ReportInput& in, std::size_t max_pages) {
  std::vector<std::size_t> order = appeal_order(in);
  const std::size_t all_firms = order.size();
  if (order.size() > max_pages) {
    auto priority = [&](std::size_t i) {
      const EnterpriseResult& r = in.result.enterprises[i];
      if (r.grade == Grade::D || (r.stability && r.stability->unstable)) return 0;
      return r.grade == Grade::C ? 1 : 2;
    };
    std::vector<std::size_t> position(in.result.enterprises.size());
    for (std::size_t k = 0; k < order.size(); ++k) position[order[k]] = k;
    std::vector<std::size_t> chosen = order;
    std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
      const int pa = priority(a), pb = priority(b);
      if (pa != pb) return pa < pb;
      const auto& ra = in.result.enterprises[a].rank;
      const auto& rb = in.result.enterprises[b].rank;
      return ra.value_or(0) > rb.value_or(0);  // worst rank first
    });
    chosen.resize(max_pages);
    std::sort(chosen.begin(), chosen.end(),
              [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
    order = std::move(chosen);
  }
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
       escape(std::to_string(in.result.year) + " 年度亩均效益评价 企业复核单") +
       "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<section>\n<h1>" + escape(std::to_string(in.result.year)) +
       " 年度亩均效益综合评价 企业复核单</h1>\n";
  std::string unstable;
  int n_unstable = 0;
  for (std::size_t i : order) {
    const EnterpriseResult& r = in.result.enterprises[i];
    if (!r.stability || !r.stability->unstable) continue;
    ++n_unstable;
    const Enterprise& e = in.input.enterprises[r.input_index];
    unstable += "<tr><td><a href=\"#e" + std::to_string(i) + "\">" + escape(e.name) +
                "</a></td><td>" + escape(group_label(r.group)) + "</td><td class=\"n\">" +
                (r.rank ? std::to_string(*r.rank) : std::string()) + "</td><td>" +
                badge(r.grade, in.config) + "</td><td class=\"n\">" +
                fixed(100 * r.stability->share_kept, 1) + "%</td><td>" +
                escape(grade_key(r.stability->best)) + " – " +
                escape(grade_key(r.stability->worst)) + "</td></tr>\n";
  }
  if (order.size() < all_firms)
    h += "<p>参评企业 " + std::to_string(all_firms) + " 家，本文件收录 " +
         std::to_string(order.size()) +
         " 家：D 类与分类待复核的企业优先，其次 C 类，各按排名从后往前。全部企业的数字见 "
         "enterprises.csv 与 rankings.xlsx。</p>\n";
  h += "<p>共 " + std::to_string(order.size()) + " 家企业，每家一页。分类稳定性低于 " +
       fixed(100 * in.config.stability.unstable_below, 0) + "% 的企业 " +
       std::to_string(n_unstable) + " 家，建议复核：</p>\n";
  if (n_unstable > 0)
    h += "<table>\n<tr><th>企业</th><th>组别</th><th>排名</th><th>分类</th><th>保持本档比例</th>"
         "<th>分类范围</th></tr>\n" +
         unstable + "</table>\n";
  h += "</section>\n";
  for (std::size_t i : order) section(h, in, i);
  h += "</body>\n</html>\n";

  io::write_file_atomically(path, h);
}

}  // namespace muyield::report
