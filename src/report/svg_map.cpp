#include "report/svg_map.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

#include "report/html.hpp"
#include "report/labels.hpp"
#include "report/palette.hpp"

namespace muyield::report {

namespace {

constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180;  // mean Earth radius
constexpr double kPad = 10;

struct Frame {
  double min_x = std::numeric_limits<double>::max(), max_x = -min_x;
  double min_y = min_x, max_y = -min_x;
  double kx = 1, scale = 1;
  double width = 0, height = 0;

  void take(const Point& p) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  double x(const Point& p) const { return (p.x - min_x) * kx * scale + kPad; }
  double y(const Point& p) const { return (max_y - p.y) * scale + kPad; }
};

Frame frame_of(const std::vector<const ParcelResult*>& parcels, double max_width,
               double max_height) {
  Frame f;
  for (const ParcelResult* p : parcels)
    for (const Polygon& poly : p->lonlat)
      for (const Point& pt : poly.outer) f.take(pt);
  f.kx = std::cos((f.min_y + f.max_y) / 2 * std::numbers::pi / 180);
  const double dx = std::max((f.max_x - f.min_x) * f.kx, 1e-9);
  const double dy = std::max(f.max_y - f.min_y, 1e-9);
  f.scale = std::min((max_width - 2 * kPad) / dx, (max_height - 2 * kPad) / dy);
  f.width = dx * f.scale + 2 * kPad;
  f.height = dy * f.scale + 2 * kPad;
  return f;
}

void append_path(std::string& out, const MultiPolygon& geometry, const Frame& f) {
  auto ring = [&](const Ring& r) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {  // closing point: Z
      out += i == 0 ? 'M' : 'L';
      append_coordinate(out, f.x(r[i]));
      out += ' ';
      append_coordinate(out, f.y(r[i]));
    }
    out += 'Z';
  };
  for (const Polygon& p : geometry) {
    ring(p.outer);
    for (const Ring& h : p.holes) ring(h);
  }
}

std::string parcel_title(const ReportInput& in, const ParcelResult& p) {
  const Parcel& parcel = in.input.parcels[p.input_index];
  std::string t = "宗地 " + parcel.id + "\n园区 " + parcel.park;
  t += "\n面积 " + fixed(p.area_mu) + " 亩";
  if (p.occupied()) {
    const EnterpriseResult& e = in.result.enterprises[*p.main_occupant];
    t += "\n主要使用企业 " + in.input.enterprises[e.input_index].name;
    t += "\n分类 " + class_text(p.grade, in.config);
    t += "\n亩均税收 " + fixed(at(p.indicators, Indicator::tax_per_mu)) + " 万元/亩";
  } else {
    t += "\n未使用（无企业）";
  }
  if (!p.flags.empty()) t += "\n标记 " + flag_labels(p);
  return escape(t);
}

// A round length near a fifth of the map's width: 100 m, 200 m, 500 m, 1 km, …
double nice_length(double metres) {
  const double magnitude = std::pow(10, std::floor(std::log10(metres)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * magnitude <= metres) return m * magnitude;
  return magnitude;
}

// Centre of the parcel's box in longitude/latitude.
Point box_centre(const MultiPolygon& g) {
  double min_x = std::numeric_limits<double>::max(), max_x = -min_x, min_y = min_x, max_y = -min_x;
  for (const Polygon& poly : g)
    for (const Point& pt : poly.outer) {
      min_x = std::min(min_x, pt.x);
      max_x = std::max(max_x, pt.x);
      min_y = std::min(min_y, pt.y);
      max_y = std::max(max_y, pt.y);
    }
  return {(min_x + max_x) / 2, (min_y + max_y) / 2};
}

// The generalised view of a park too big to draw parcel by parcel: a grid of at most
// kGridCells cells across, each cell coloured by the class that holds most of its land (parcels
// counted in the cell of their centre), outlined when it holds flagged land, with the cell's
// figures on hover.
void append_grid(std::string& out, const ReportInput& in,
                 const std::vector<const ParcelResult*>& parcels, const Frame& f) {
  constexpr double kGridCells = 160;
  const double cell = std::max(f.width, f.height) / kGridCells;  // SVG units
  const auto columns = static_cast<std::size_t>(std::ceil(f.width / cell)) + 1;
  struct Cell {
    std::size_t parcels = 0, flagged = 0;
    double land = 0, flagged_land = 0;
    std::array<double, 6> by_class{};  // A B C D unrated, then unoccupied
  };
  std::map<std::size_t, Cell> cells;  // ordered: the output is deterministic
  for (const ParcelResult* p : parcels) {
    const Point c = box_centre(p->lonlat);
    const auto cx = static_cast<std::size_t>(std::max(0.0, f.x(c) / cell));
    const auto cy = static_cast<std::size_t>(std::max(0.0, f.y(c) / cell));
    Cell& k = cells[cy * columns + cx];
    ++k.parcels;
    k.land += p->area_mu;
    k.by_class[p->occupied() ? static_cast<std::size_t>(p->grade) : 5] += p->area_mu;
    if (!p->flags.empty()) ++k.flagged, k.flagged_land += p->area_mu;
  }
  for (const auto& [index, k] : cells) {
    const std::size_t best = static_cast<std::size_t>(
        std::max_element(k.by_class.begin(), k.by_class.end()) - k.by_class.begin());
    const std::string_view colour =
        best == 5 ? kUnoccupiedColour : grade_colour(static_cast<Grade>(best));
    out +=
        "<rect x=\"" + fixed(static_cast<double>(index % columns) * cell, 1) + "\" y=\"" +
        fixed(static_cast<double>(index / columns) * cell, 1) + "\" width=\"" + fixed(cell, 1) +
        "\" height=\"" + fixed(cell, 1) + "\" fill=\"" + std::string(colour) +
        (k.flagged ? "\" class=\"flagged\"" : "\"") + "><title>" +
        escape(
            std::to_string(k.parcels) + " 宗，" + fixed(k.land) + " 亩\n用地最多的分类 " +
            (best == 5 ? std::string("未使用") : class_text(static_cast<Grade>(best), in.config)) +
            "\n低效用地 " + std::to_string(k.flagged) + " 宗，" + fixed(k.flagged_land) + " 亩") +
        "</title></rect>\n";
  }
}

}  // namespace

std::string svg_map(const ReportInput& in, std::string_view park, double max_width,
                    double max_height, std::size_t max_parcels) {
  std::vector<const ParcelResult*> parcels;
  for (const ParcelResult& p : in.result.parcels)
    if (park.empty() || in.input.parcels[p.input_index].park == park) parcels.push_back(&p);
  if (parcels.empty()) return "<p>没有宗地 / no parcels</p>";
  const Frame f = frame_of(parcels, max_width, max_height);
  std::string out;
  out += "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
  append_coordinate(out, f.width);
  out += ' ';
  append_coordinate(out, f.height);
  out += "\" role=\"img\" aria-label=\"宗地分类图 " + escape(park) + "\">\n";
  if (parcels.size() > max_parcels) {
    append_grid(out, in, parcels, f);
    out += "<text x=\"" + fixed(kPad, 1) + "\" y=\"" + fixed(kPad + 4, 1) + "\">" +
           std::to_string(parcels.size()) + " 宗，按网格概括显示（每格为用地最多的分类）</text>\n";
  }
  // Flagged parcels last, so that their outlines are not covered by neighbours.
  for (int pass = 0; pass < 2 && parcels.size() <= max_parcels; ++pass) {
    for (const ParcelResult* parcel : parcels) {
      const ParcelResult& p = *parcel;
      const bool flagged = !p.flags.empty();
      if (flagged != (pass == 1)) continue;
      out += "<path d=\"";
      append_path(out, p.lonlat, f);
      out += "\" fill=\"";
      out += p.occupied() ? grade_colour(p.grade) : kUnoccupiedColour;
      out += flagged ? "\" class=\"flagged\"" : "\"";
      out += "><title>" + parcel_title(in, p) + "</title></path>\n";
    }
  }
  // Scale bar, bottom left.
  const double metres_per_unit = kMetresPerDegree / f.scale;
  const double length = nice_length(f.width / 5 * metres_per_unit);
  const double bar = length / metres_per_unit;
  const double y = f.height - kPad / 2;
  out += "<g class=\"scale\"><path d=\"M" + fixed(kPad, 1) + ' ' + fixed(y - 4, 1) + "V" +
         fixed(y, 1) + "H" + fixed(kPad + bar, 1) + "V" + fixed(y - 4, 1) + "\"/><text x=\"" +
         fixed(kPad + bar + 4, 1) + "\" y=\"" + fixed(y, 1) + "\">" +
         (length >= 1000 ? fixed(length / 1000, 0) + " km" : fixed(length, 0) + " m") +
         "</text></g>\n";
  out += "</svg>\n";
  return out;
}

}  // namespace muyield::report
