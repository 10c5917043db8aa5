#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

#include "io/number_text.hpp"
#include "io/pending_file.hpp"
#include "report/charts.hpp"
#include "report/html.hpp"
#include "report/labels.hpp"
#include "report/list_cut.hpp"
#include "report/ordering.hpp"
#include "report/palette.hpp"
#include "report/report.hpp"
#include "report/row_table.hpp"
#include "report/svg_map.hpp"

#ifndef MUYIELD_VERSION
#define MUYIELD_VERSION "dev"
#endif

namespace muyield::report {

namespace {

constexpr const char* kStyle = R"css(
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
 margin:24px auto;max-width:1200px;color:#222;font-size:14px;line-height:1.5}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #4a7fb0;padding-bottom:3px;margin-top:32px}
h3{font-size:15px;margin:18px 0 6px}.sub{color:#555;margin:0 0 16px}
table{border-collapse:collapse;margin:6px 0 12px;font-size:12.5px}tr.gap td{text-align:center;color:#666;font-style:italic}
th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}th{background:#e8eef6;font-weight:600}
td.n{text-align:right;white-space:nowrap}table.sortable th{cursor:pointer}
table.sortable th[data-dir=asc]::after{content:" ▲"}table.sortable th[data-dir=desc]::after{content:" ▼"}
.cls{display:inline-block;padding:0 5px;border-radius:3px;white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.charts figure{margin:0}
figcaption{font-size:13px;color:#444;margin-top:2px}
svg text{font-size:11px;fill:#333}svg.map{width:100%;height:auto;border:1px solid #ddd;background:#fafafa}
svg.map path{stroke:#555;stroke-width:.4;vector-effect:non-scaling-stroke}
svg.map .flagged{stroke:#7b1fa2;stroke-width:2}svg.map path:hover,svg.map rect:hover{stroke:#000;stroke-width:2.5}
svg.map .scale path{fill:none;stroke:#222;stroke-width:1.5}svg.chart{max-width:100%;height:auto}
.legend span{display:inline-block;margin-right:14px;white-space:nowrap}
.legend i{display:inline-block;width:14px;height:12px;border:1px solid #555;margin-right:4px;vertical-align:-1px}
.small{font-size:12px;color:#666}
@page{size:A4 landscape;margin:10mm}
@media print{body{margin:0;max-width:none;font-size:11px}table{font-size:9.5px}h2{break-after:avoid}
 tr{break-inside:avoid}svg.map{max-height:170mm}}
)css";

// Click a header to sort by it; numbers (data-v) numerically with blanks last, text in Chinese
// collation.
constexpr const char* kScript = R"js(
document.querySelectorAll("table.sortable").forEach(function(t){
 var hs=t.tHead.rows[0].cells;
 Array.prototype.forEach.call(hs,function(th,i){th.addEventListener("click",function(){
  var asc=th.dataset.dir!=="asc",b=t.tBodies[0],rows=Array.prototype.filter.call(b.rows,function(r){return r.className!=="gap";});
  Array.prototype.forEach.call(hs,function(h){delete h.dataset.dir;});th.dataset.dir=asc?"asc":"desc";
  rows.sort(function(r,s){var a=r.cells[i],c=s.cells[i],x=a.dataset.v,y=c.dataset.v,d;
   if(x!==undefined||y!==undefined){if(x===undefined)return 1;if(y===undefined)return -1;d=parseFloat(x)-parseFloat(y);}
   else d=a.textContent.localeCompare(c.textContent,"zh");return asc?d:-d;});
  rows.forEach(function(r){b.appendChild(r);});
  Array.prototype.forEach.call(b.querySelectorAll("tr.gap"),function(g){b.appendChild(g);});});});});
)js";

std::string class_badge(Grade g, const ReviewConfig& config) {
  return "<span class=\"cls\" style=\"background:" + std::string(grade_colour(g)) + "\">" +
         escape(class_text(g, config)) + "</span>";
}

std::string number_cell(const io::Column& c, double v) {
  std::string shown;
  switch (number_style(c)) {
    case NumberStyle::integer:
      shown = fixed(v, 0);
      break;
    case NumberStyle::percent:
      shown = fixed(v * 100, 1) + "%";
      break;
    case NumberStyle::decimal:
    case NumberStyle::amount:
      shown = fixed(v, 2);
      break;
  }
  return "<td class=\"n\" data-v=\"" + io::number_text(v) + "\">" + shown + "</td>";
}

// A table of chosen rows and columns of a RowTable; `cell` may give a row's cell as ready HTML
// (already escaped), otherwise values are escaped or formatted here.
struct TableSpec {
  std::vector<std::string> keys;
  std::vector<std::size_t> rows;
  // Rows shown at most: a longer list shows its first and last half of that, with a row saying
  // how many are left out and where they are (a province's review has 10⁶ rows: a browser or a
  // printer cannot take them all; the CSVs and muyield.gpkg hold every row).
  std::size_t max_rows = 1000;
  bool sortable = false;
  std::function<std::optional<std::string>(std::size_t row, const std::string& key)> cell;
};

std::string table_html(const RowTable& table, const TableSpec& spec) {
  std::string s = spec.sortable ? "<table class=\"sortable\">" : "<table>";
  s += "<thead><tr>";
  std::vector<std::size_t> cols;
  for (const std::string& key : spec.keys) {
    cols.push_back(table.column(key));
    s += "<th>" + escape(table.columns()[cols.back()].label) + "</th>";
  }
  s += "</tr></thead>\n<tbody>\n";
  auto gap = [&](std::size_t left_out) {
    s += "<tr class=\"gap\"><td colspan=\"" + std::to_string(cols.size()) + "\">" +
         escape(
             left_out_text(left_out, "CSV 文件与 muyield.gpkg", "the CSV files and muyield.gpkg")) +
         "</td></tr>\n";
  };
  auto row_at = [&](std::size_t r) {
    const std::size_t i = spec.rows[r];
    s += "<tr>";
    for (std::size_t j = 0; j < cols.size(); ++j) {
      if (spec.cell)
        if (std::optional<std::string> html = spec.cell(i, spec.keys[j])) {
          s += "<td>" + *html + "</td>";
          continue;
        }
      const io::Column& c = table.columns()[cols[j]];
      const io::Value& v = table.row(i)[cols[j]];
      if (v.empty)
        s += c.type == io::ColumnType::text ? "<td></td>" : "<td class=\"n\"></td>";
      else if (c.type == io::ColumnType::text)
        s += "<td>" + escape(v.text) + "</td>";
      else
        s += number_cell(c, v.number);
    }
    s += "</tr>\n";
  };
  for_each_shown(spec.rows.size(), spec.max_rows, row_at, gap);
  return s + "</tbody></table>\n";
}

std::string row(const std::string& label, const std::string& value) {
  return "<tr><th>" + escape(label) + "</th><td>" + escape(value) + "</td></tr>\n";
}

std::string share(double part, double whole) {
  return whole != 0 ? fixed(part / whole * 100, 1) + "%" : "–";
}

std::string parameters(const ReportInput& in) {
  const ReviewConfig& c = in.config;
  const ReviewResult& r = in.result;
  std::size_t rejects = 0, warnings = 0;
  for (const Issue& i : r.issues) {
    rejects += i.severity == Severity::reject;
    warnings += i.severity == Severity::warning;
  }
  std::string s = "<table>\n";
  s += row("评价年度", std::to_string(r.year));
  s += row("评价基准日", r.evaluation_date.iso());
  s += row("面积计算", c.area_method == AreaMethod::geodesic
                           ? "CGCS2000 椭球面积（geodesic）"
                           : "CGCS2000 3度带高斯-克吕格平面面积（planar）");
  s += row("分类方法", c.classes.method == ClassMethod::shares
                           ? "按排名比例：A 前 " + fixed(c.classes.share_a * 100, 0) + "%，B 至 " +
                                 fixed(c.classes.share_b * 100, 0) + "%，C 至 " +
                                 fixed(c.classes.share_c * 100, 0) + "%，其余 D"
                           : "按得分阈值");
  s += row("得分上限（倍基准值）", fixed(c.scoring.cap, 2));
  s += row("基准值系数", fixed(c.scoring.benchmark_factor, 2));
  s += row("规上标准（无标记时，营业收入）", fixed(c.rating.above_revenue_threshold, 0) + " 万元");
  s += row("规下最小用地", fixed(c.rating.min_land_mu, 1) + " 亩");
  s += row("投产不足年限（不参评）", std::to_string(c.rating.ramp_up_years) + " 年");
  std::string exempt;
  for (const std::string& d : c.rating.exempt_divisions) exempt += (exempt.empty() ? "" : "、") + d;
  s += row("免评行业大类", exempt);
  s += row("建筑系数下限", fixed(c.building.min_coverage, 2));
  s += row("投而未达阈值（园区亩均税收的倍数）", fixed(c.flags.low_yield_ratio, 2));
  s += row("宗地 / 企业",
           std::to_string(r.parcels.size()) + " / " + std::to_string(r.enterprises.size()));
  s += row("拒收记录 / 警告",
           std::to_string(rejects) + " / " + std::to_string(warnings) + "（见 rejects.csv）");
  s += "</table>\n<h3>权重与基准值</h3>\n<table><thead><tr><th>组别</th><th>指标</th><th>权重</th>"
       "<th>基准值</th><th>基准来源</th><th>有该指标的企业</th><th>缺失时得分</th></tr></"
       "thead><tbody>\n";
  for (const GroupBenchmark& b : r.benchmarks) {
    const IndicatorInfo& ind = info(b.indicator);
    s += "<tr><td>" + std::string(group_label(b.group)) + "</td><td>" + escape(ind.label) +
         (ind.unit.empty() ? "" : "（" + escape(ind.unit) + "）") + "</td><td class=\"n\">" +
         fixed(b.weight, 0) + "</td><td class=\"n\">" + fixed(b.benchmark, 4) + "</td><td>" +
         (b.fixed ? "固定值" : "组内总量比") + "</td><td class=\"n\">" + std::to_string(b.n_with) +
         "</td><td class=\"n\">" + fixed(b.mean_score, 2) + "</td></tr>\n";
  }
  return s + "</tbody></table>\n";
}

std::string class_shares(const ReportInput& in) {
  struct Sum {
    int parcels = 0;
    double land = 0, tax = 0;
  };
  std::map<Grade, Sum> by;
  Sum all;
  for (const ParcelResult& p : in.result.parcels) {
    if (!p.occupied()) continue;
    for (Sum* s : {&by[p.grade], &all}) {
      ++s->parcels;
      s->land += p.area_mu;
      s->tax += at(p.figures, Figure::tax).value_or(0);
    }
  }
  std::string s =
      "<table><thead><tr><th>分类</th><th>宗地数</th><th>用地（亩）</th><th>用地占比</th>"
      "<th>税收（万元）</th><th>税收占比</th><th>亩均税收（万元/亩）</th></tr></thead><tbody>\n";
  for (Grade g : kAllGrades) {
    const Sum& x = by[g];
    s += "<tr><td>" + class_badge(g, in.config) + "</td><td class=\"n\">" +
         std::to_string(x.parcels) + "</td><td class=\"n\">" + fixed(x.land) +
         "</td><td class=\"n\">" + share(x.land, all.land) + "</td><td class=\"n\">" +
         fixed(x.tax) + "</td><td class=\"n\">" + share(x.tax, all.tax) + "</td><td class=\"n\">" +
         (x.land > 0 ? fixed(x.tax / x.land) : "–") + "</td></tr>\n";
  }
  return s + "</tbody></table>\n";
}

std::string map_legend(const ReportInput& in) {
  std::string s = "<p class=\"legend\">";
  for (Grade g : kAllGrades)
    s += "<span><i style=\"background:" + std::string(grade_colour(g)) + "\"></i>" +
         escape(class_text(g, in.config)) + "</span>";
  s += "<span><i style=\"background:" + std::string(kUnoccupiedColour) +
       "\"></i>未使用（无企业）</span>";
  s += "<span><i style=\"background:#fff;border:2px solid " + std::string(kFlagOutline) +
       "\"></i>低效用地标记</span></p>\n";
  return s;
}

}  // namespace

std::string report_title(const ReviewResult& result) {
  return "亩均效益综合评价报告（" + std::to_string(result.year) + "年度）";
}

void write_html(const std::string& path, const ReportInput& in, const HtmlLimits& limits) {
  const ReviewResult& result = in.result;
  const RowTable enterprises(in.enterprises), parcels(in.parcels), parks(in.parks);
  const std::string title = report_title(result);

  std::string parks_text;
  for (const ParkSummary& p : result.parks)
    if (p.park != "all") parks_text += (parks_text.empty() ? "" : "、") + p.park;

  std::string h =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>" + escape(title) + "</h1>\n<p class=\"sub\">" + escape(parks_text) + "　评价基准日 " +
       result.evaluation_date.iso() + "</p>\n";

  h += "<h2>一、评价参数</h2>\n" + parameters(in);

  h += "<h2>二、园区汇总</h2>\n";
  TableSpec park_spec;
  park_spec.keys = {"park",           "parcel_count", "total_mu",      "supplied_mu", "occupied_mu",
                    "idle_mu",        "idle_rate",    "coverage",      "far",         "tax_per_mu",
                    "revenue_per_mu", "va_per_mu",    "flagged_count", "flagged_mu"};
  for (std::size_t i = 0; i < parks.size(); ++i) park_spec.rows.push_back(i);
  park_spec.cell = [&](std::size_t i, const std::string& key) -> std::optional<std::string> {
    if (key == "park") return escape(park_label(parks.at(i, "park").text));
    return std::nullopt;
  };
  h += table_html(parks, park_spec);

  // One map per park: parks lie kilometres apart, and one frame would leave them tiny. A review
  // of more parcels than the limit maps every park as a grid (100 parks of 10⁴ would otherwise
  // still be 10⁶ paths).
  const bool grid_all = result.parcels.size() > limits.map_parcels;
  h += "<h2>三、宗地分类图</h2>\n" + map_legend(in) +
       "<p class=\"small\">鼠标停在宗地上可看代码、企业、分类、亩均税收和标记。</p>\n";
  for (const ParkSummary& p : result.parks)
    if (p.park != "all" || result.parks.size() == 1)
      h += "<h3>" + escape(park_label(p.park)) + "</h3>\n" +
           svg_map(in, result.parks.size() == 1 ? std::string_view() : std::string_view(p.park),
                   960, 600, grid_all ? 0 : limits.map_parcels);

  h += "<h2>四、图表</h2>\n<div class=\"charts\">\n<figure>" + tax_histogram_svg(result) +
       "<figcaption>图1 "
       "使用中宗地的亩均税收分布（虚线：全区总量比）</figcaption></figure>\n<figure>" +
       lorenz_svg(result) +
       "<figcaption>图2 用地与税收累计占比（洛伦兹曲线，颜色为宗地分类）</figcaption></figure>\n"
       "<figure>" +
       class_counts_svg(result, in.config) +
       "<figcaption>图3 各园区企业分类数（规上与规下合计）</figcaption></figure>\n</div>\n"
       "<h3>各类宗地的用地与税收占比</h3>\n" +
       class_shares(in);

  h += "<h2>五、企业排名</h2>\n<p class=\"small\">点击表头排序。</p>\n";
  for (Group g : kGroups) {
    TableSpec spec;
    spec.keys = {"rank", "class", "name", "uscc", "park", "land_mu"};
    for (const WeightedIndicator& w : in.config.scoring.group(g).indicators)
      spec.keys.emplace_back(info(w.indicator).key);
    for (const char* k : {"total", "unrated_reason"}) spec.keys.emplace_back(k);
    spec.rows = ranking_order(in, g);
    spec.max_rows = limits.table_rows;
    spec.sortable = true;
    spec.cell = [&](std::size_t i, const std::string& key) -> std::optional<std::string> {
      if (key == "class") return class_badge(result.enterprises[i].grade, in.config);
      return std::nullopt;
    };
    h += "<h3>" + std::string(group_label(g)) + "企业（" + std::to_string(spec.rows.size()) +
         " 家）</h3>\n" + table_html(enterprises, spec);
  }

  TableSpec flagged;
  flagged.keys = {"parcel_id",    "park",  "area_mu",      "class",
                  "main_name",    "flags", "flag_reasons", "potential_floor_m2",
                  "potential_tax"};
  flagged.rows = flagged_order(in);
  flagged.max_rows = limits.table_rows;
  flagged.sortable = true;
  flagged.cell = [&](std::size_t i, const std::string& key) -> std::optional<std::string> {
    const ParcelResult& p = result.parcels[i];
    if (key == "class") return p.occupied() ? class_badge(p.grade, in.config) : "";
    if (key == "flags") return escape(flag_labels(p));
    return std::nullopt;
  };
  h += "<h2>六、低效用地清单（" + std::to_string(flagged.rows.size()) + " 宗）</h2>\n" +
       table_html(parcels, flagged);

  h += "<p class=\"small\">muyield " MUYIELD_VERSION
       " 生成。方法见 METHOD.md；全部数据见 "
       "parcels.csv、enterprises.csv、parks.csv、muyield.gpkg。</p>\n";
  h += std::string("<script>") + kScript + "</script>\n</body>\n</html>\n";

  io::write_file_atomically(path, h);
}

}  // namespace muyield::report
