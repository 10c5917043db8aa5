#include "report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "report/html.hpp"
#include "report/labels.hpp"
#include "report/palette.hpp"

namespace muyield::report {

namespace {

const std::string kAxis = "#444";

std::string num(double v) { return fixed(v, 1); }

std::string svg_open(double width, double height, const char* label) {
  return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
         "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + ' ' + num(height) +
         "\" role=\"img\" aria-label=\"" + label + "\">\n";
}

std::string text(double x, double y, const std::string& content, const char* anchor = "middle") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" +
         content + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& colour,
                 const char* extra = "") {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y2) + "\" stroke=\"" + colour + "\"" + extra + "/>\n";
}

// 1, 2 or 5 × 10^k: the one whose bin count is nearest `target`.
double nice_step(double range, int target) {
  const double magnitude = std::pow(10, std::floor(std::log10(range / target)));
  double best = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (std::abs(range / (m * magnitude) - target) < std::abs(range / best - target))
      best = m * magnitude;
  return best;
}

std::vector<double> occupied_tax_per_mu(const ReviewResult& result) {
  std::vector<double> v;
  for (const ParcelResult& p : result.parcels)
    if (p.occupied() && at(p.indicators, Indicator::tax_per_mu))
      v.push_back(*at(p.indicators, Indicator::tax_per_mu));
  return v;
}

}  // namespace

Histogram histogram(const std::vector<double>& values, int target) {
  Histogram h;
  if (values.empty()) return h;
  const auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
  double lo = *lo_it, hi = *hi_it;
  if (hi == lo) hi = lo + 1;
  const double step = nice_step(hi - lo, target);
  const double start = std::floor(lo / step) * step;
  const auto n = std::max(1, static_cast<int>(std::ceil((hi - start) / step - 1e-9)));
  for (int i = 0; i <= n; ++i) h.edges.push_back(start + i * step);
  h.counts.assign(static_cast<std::size_t>(n), 0);
  for (double v : values) {
    auto k = static_cast<int>(std::floor((v - start) / step));
    ++h.counts[static_cast<std::size_t>(std::clamp(k, 0, n - 1))];
  }
  return h;
}

std::vector<LorenzPoint> lorenz_curve(const ReviewResult& result) {
  std::vector<const ParcelResult*> parcels;
  double land = 0, tax = 0;
  for (const ParcelResult& p : result.parcels) {
    if (!p.occupied() || !at(p.indicators, Indicator::tax_per_mu)) continue;
    parcels.push_back(&p);
    land += p.area_mu;
    tax += at(p.figures, Figure::tax).value_or(0);
  }
  std::stable_sort(parcels.begin(), parcels.end(),
                   [](const ParcelResult* a, const ParcelResult* b) {
                     return *at(a->indicators, Indicator::tax_per_mu) <
                            *at(b->indicators, Indicator::tax_per_mu);
                   });
  std::vector<LorenzPoint> curve{{0, 0, Grade::unrated}};
  if (land <= 0 || tax == 0) return curve;
  double cum_land = 0, cum_tax = 0;
  for (const ParcelResult* p : parcels) {
    cum_land += p->area_mu;
    cum_tax += at(p->figures, Figure::tax).value_or(0);
    curve.push_back({cum_land / land, cum_tax / tax, p->grade});
  }
  return curve;
}

std::string tax_histogram_svg(const ReviewResult& result) {
  const Histogram h = histogram(occupied_tax_per_mu(result));
  if (h.counts.empty()) return "<p>没有有税收数据的宗地</p>";
  const double W = 640, H = 300, left = 50, right = 15, top = 15, bottom = 45;
  const double pw = W - left - right, ph = H - top - bottom;
  const int max_count = *std::max_element(h.counts.begin(), h.counts.end());
  const double x0 = h.edges.front(), x1 = h.edges.back();
  auto sx = [&](double v) { return left + (v - x0) / (x1 - x0) * pw; };
  auto sy = [&](double c) { return top + ph - c / max_count * ph; };
  std::string s = svg_open(W, H, "亩均税收分布");
  for (std::size_t i = 0; i < h.counts.size(); ++i) {
    const double xa = sx(h.edges[i]), xb = sx(h.edges[i + 1]);
    s += "<rect x=\"" + num(xa + 0.5) + "\" y=\"" + num(sy(h.counts[i])) + "\" width=\"" +
         num(std::max(xb - xa - 1, 0.5)) + "\" height=\"" + num(ph + top - sy(h.counts[i])) +
         "\" fill=\"#4a7fb0\"><title>" + fixed(h.edges[i]) + " – " + fixed(h.edges[i + 1]) +
         " 万元/亩：" + std::to_string(h.counts[i]) + " 宗</title></rect>\n";
  }
  s += line(left, top + ph, left + pw, top + ph, kAxis);
  s += line(left, top, left, top + ph, kAxis);
  const std::size_t label_every = (h.edges.size() + 7) / 8;
  for (std::size_t i = 0; i < h.edges.size(); i += label_every)
    s +=
        text(sx(h.edges[i]), top + ph + 16, fixed(h.edges[i], h.edges[1] - h.edges[0] < 1 ? 1 : 0));
  s += text(left - 6, top + 10, std::to_string(max_count), "end");
  s += text(left - 6, top + ph, "0", "end");
  s += text(left + pw / 2, H - 6, "亩均税收（万元/亩）");
  // The review's aggregate (Σ tax / Σ occupied mu over all parks), as LOW_YIELD compares with.
  for (const ParkSummary& park : result.parks)
    if (park.park == "all" && park.tax_per_mu && *park.tax_per_mu >= x0 && *park.tax_per_mu <= x1) {
      const double x = sx(*park.tax_per_mu);
      s += line(x, top, x, top + ph, "#d7191c", " stroke-dasharray=\"4 3\"");
      s += text(x + 4, top + 10, "全区 " + fixed(park.tax_per_mu), "start");
    }
  s += "</svg>\n";
  return s;
}

std::string lorenz_svg(const ReviewResult& result) {
  const std::vector<LorenzPoint> curve = lorenz_curve(result);
  if (curve.size() < 2) return "<p>没有有税收数据的宗地</p>";
  double lowest = 0;
  for (const LorenzPoint& p : curve) lowest = std::min(lowest, p.tax_share);
  const double W = 380, H = 340, left = 45, right = 15, top = 15, bottom = 45;
  const double pw = W - left - right, ph = H - top - bottom;
  auto sx = [&](double v) { return left + v * pw; };
  auto sy = [&](double v) { return top + (1 - v) / (1 - lowest) * ph; };
  std::string s = svg_open(W, H, "用地与税收累计占比（洛伦兹曲线）");
  s += line(sx(0), sy(0), sx(1), sy(1), "#999", " stroke-dasharray=\"4 3\"");
  // A segment per parcel, but points closer than half a unit to the last one drawn are merged
  // while the class stays the same: the same picture, and 10⁶ parcels no longer make 85 MB.
  std::size_t from = 0;
  for (std::size_t i = 1; i < curve.size(); ++i) {
    const bool last = i + 1 == curve.size();
    const bool class_changes = !last && curve[i + 1].grade != curve[i].grade;
    const double dx = sx(curve[i].land_share) - sx(curve[from].land_share);
    const double dy = sy(curve[i].tax_share) - sy(curve[from].tax_share);
    if (!last && !class_changes && dx * dx + dy * dy < 0.25) continue;
    s += line(sx(curve[from].land_share), sy(curve[from].tax_share), sx(curve[i].land_share),
              sy(curve[i].tax_share), std::string(grade_colour(curve[i].grade)),
              " stroke-width=\"3\"");
    from = i;
  }
  s += line(left, sy(lowest), left + pw, sy(lowest), kAxis);
  s += line(left, top, left, sy(lowest), kAxis);
  for (int k = 0; k <= 4; ++k) {
    s += text(sx(k / 4.0), sy(lowest) + 16, std::to_string(k * 25) + "%");
    s += text(left - 5, sy(k / 4.0) + 4, std::to_string(k * 25) + "%", "end");
  }
  s += text(left + pw / 2, H - 6, "用地累计占比（按亩均税收由低到高）");
  s += "</svg>\n";
  return s;
}

std::string class_counts_svg(const ReviewResult& result, const ReviewConfig& config) {
  std::vector<const ParkSummary*> parks;
  for (const ParkSummary& p : result.parks)
    if (p.park != "all") parks.push_back(&p);
  if (parks.empty()) return "<p>没有园区</p>";
  auto total = [](const ParkSummary& p, int g) {
    return p.class_counts[0][g] + p.class_counts[1][g];
  };
  int widest = 1;
  for (const ParkSummary* p : parks) {
    int n = 0;
    for (int g = 0; g < 5; ++g) n += total(*p, g);
    widest = std::max(widest, n);
  }
  const double W = 640, left = 170, right = 20, bar = 22, gap = 12, top = 10;
  const double H = top + parks.size() * (bar + gap) + 40;
  const double pw = W - left - right;
  std::string s = svg_open(W, H, "各园区企业分类数");
  double y = top;
  for (const ParkSummary* p : parks) {
    s += text(left - 8, y + bar * 0.7, escape(p->park), "end");
    double x = left;
    for (int g = 0; g < 5; ++g) {
      const int n = total(*p, g);
      if (n == 0) continue;
      const double w = n * pw / widest;
      const Grade grade = kAllGrades[static_cast<std::size_t>(g)];
      s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
           num(bar) + "\" fill=\"" + std::string(grade_colour(grade)) + "\"><title>" +
           escape(p->park) + " " + escape(class_text(grade, config)) + "：" + std::to_string(n) +
           " 家</title></rect>\n";
      if (w > 18) s += text(x + w / 2, y + bar * 0.7, std::to_string(n));
      x += w;
    }
    y += bar + gap;
  }
  // Legend.
  double lx = left;
  for (Grade g : kAllGrades) {
    s += "<rect x=\"" + num(lx) + "\" y=\"" + num(y + 6) + "\" width=\"12\" height=\"12\" fill=\"" +
         std::string(grade_colour(g)) + "\"/>\n";
    s += text(lx + 16, y + 16, escape(class_text(g, config)), "start");
    lx += 92;
  }
  s += "</svg>\n";
  return s;
}

}  // namespace muyield::report
