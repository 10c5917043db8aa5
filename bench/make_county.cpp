// Writes a synthetic county (bench/synthetic_review.hpp) in the sample's schema, for the scale
// benchmarks: parcels.gpkg and buildings.gpkg (EPSG:4527, Chinese field names) and
// enterprises.csv (UTF-8, units in the headers).
//   make_county --parcels N [--seed S] --out DIR
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "synthetic_review.hpp"

namespace {

using muyield::Figure;

std::string number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

OGRMultiPolygon to_ogr(const muyield::MultiPolygon& mp) {
  OGRMultiPolygon out;
  for (const auto& poly : mp) {
    OGRPolygon p;
    auto ring = [](const muyield::Ring& r) {
      auto* lr = new OGRLinearRing;
      lr->setNumPoints(static_cast<int>(r.size()));
      for (std::size_t i = 0; i < r.size(); ++i) lr->setPoint(static_cast<int>(i), r[i].x, r[i].y);
      return lr;
    };
    p.addRingDirectly(ring(poly.outer));
    for (const auto& h : poly.holes) p.addRingDirectly(ring(h));
    out.addGeometry(&p);
  }
  return out;
}

struct Layer {
  std::unique_ptr<GDALDataset> ds;
  OGRLayer* layer = nullptr;
};

Layer create_gpkg(const std::filesystem::path& path, const char* name,
                  const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
  std::filesystem::remove(path);
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  Layer l;
  l.ds.reset(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!l.ds) throw std::runtime_error("cannot create " + path.string());
  OGRSpatialReference crs;
  crs.importFromEPSG(4527);
  l.layer = l.ds->CreateLayer(name, &crs, wkbMultiPolygon, nullptr);
  for (const auto& [field, type] : fields) {
    OGRFieldDefn defn(field, type);
    l.layer->CreateField(&defn);
  }
  l.ds->StartTransaction();
  return l;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 0;
  std::uint64_t seed = 42;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--parcels")
      n = std::stoi(argv[i + 1]);
    else if (a == "--seed")
      seed = std::stoull(argv[i + 1]);
    else if (a == "--out")
      out = argv[i + 1];
  }
  if (n <= 0 || out.empty()) {
    std::cerr << "usage: make_county --parcels N [--seed S] --out DIR\n";
    return 2;
  }
  GDALAllRegister();
  std::filesystem::create_directories(out);
  const muyield::ReviewInput in = muyield::bench::synthetic_review(n, seed);

  {
    Layer p = create_gpkg(std::filesystem::path(out) / "parcels.gpkg", "parcels",
                          {{"宗地代码", OFTString},
                           {"权利人", OFTString},
                           {"TYSHXYDM", OFTString},
                           {"园区", OFTString},
                           {"土地用途", OFTString},
                           {"供地状态", OFTString},
                           {"供地日期", OFTDate},
                           {"YDKGRQ", OFTDate},
                           {"登记面积", OFTReal}});
    OGRFeature f(p.layer->GetLayerDefn());
    for (std::size_t i = 0; i < in.parcels.size(); ++i) {
      const muyield::Parcel& parcel = in.parcels[i];
      f.SetField(0, parcel.id.c_str());
      f.SetField(1, in.enterprises[i].name.c_str());
      f.SetField(2, parcel.holder_uscc.c_str());
      f.SetField(3, parcel.park.c_str());
      f.SetField(4, "工业用地");
      f.SetField(5, parcel.status == muyield::SupplyStatus::supplied ? "已出让" : "批而未供");
      f.SetField(6, parcel.supply_date->year, parcel.supply_date->month, parcel.supply_date->day);
      f.SetField(7, parcel.agreed_start->year, parcel.agreed_start->month,
                 parcel.agreed_start->day);
      f.SetField(8, *parcel.registered_m2);
      OGRMultiPolygon g = to_ogr(parcel.geometry);
      f.SetGeometry(&g);
      f.SetFID(OGRNullFID);
      if (p.layer->CreateFeature(&f) != OGRERR_NONE)
        throw std::runtime_error("cannot write a parcel");
    }
    p.ds->CommitTransaction();
  }
  {
    Layer b = create_gpkg(std::filesystem::path(out) / "buildings.gpkg", "buildings",
                          {{"建筑编号", OFTString}, {"层数", OFTInteger}, {"建筑高度", OFTReal}});
    OGRFeature f(b.layer->GetLayerDefn());
    for (std::size_t i = 0; i < in.buildings.size(); ++i) {
      const muyield::Building& building = in.buildings[i];
      const std::string id = "B" + std::to_string(i + 1);
      f.SetField(0, id.c_str());
      if (building.floors)
        f.SetField(1, static_cast<int>(*building.floors));
      else
        f.SetFieldNull(1);
      if (building.height_m)
        f.SetField(2, *building.height_m);
      else
        f.SetFieldNull(2);
      OGRMultiPolygon g = to_ogr(building.geometry);
      f.SetGeometry(&g);
      f.SetFID(OGRNullFID);
      if (b.layer->CreateFeature(&f) != OGRERR_NONE)
        throw std::runtime_error("cannot write a building");
    }
    b.ds->CommitTransaction();
  }
  {
    std::ofstream csv(std::filesystem::path(out) / "enterprises.csv", std::ios::binary);
    csv << "统一社会信用代码,企业名称,年份,国民经济行业代码,营业收入（万元）,工业总产值（万元）,"
           "工业增加值（万元）,实缴税金（万元）,综合能耗（吨标准煤）,用电量（万千瓦时）,"
           "年平均职工人数（人）,R&D经费（万元）,主要污染物排放量（吨）,高新技术企业,专精特新,"
           "投产日期\n";
    const Figure order[] = {Figure::revenue,   Figure::output_value, Figure::value_added,
                            Figure::tax,       Figure::energy_tce,   Figure::electricity_kwh,
                            Figure::employees, Figure::rd_expense,   Figure::emissions_t};
    for (const muyield::Enterprise& e : in.enterprises) {
      csv << e.uscc << ',' << e.name << ',' << e.year << ',' << e.industry_code;
      for (Figure fig : order) {
        csv << ',';
        if (auto v = muyield::at(e.figures, fig))
          csv << number(fig == Figure::electricity_kwh ? *v / 1e4 : *v);
      }
      csv << ',' << (e.attributes.count("high_tech") && e.attributes.at("high_tech") ? "是" : "否")
          << ','
          << (e.attributes.count("specialized") && e.attributes.at("specialized") ? "是" : "否")
          << ',' << e.production_start->iso() << '\n';
    }
  }
  std::cerr << "make_county: " << in.parcels.size() << " parcels, " << in.buildings.size()
            << " buildings, " << in.enterprises.size() << " enterprises in " << out << "\n";
  return 0;
}
