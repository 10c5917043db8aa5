// METHOD.md §8: each flag on both sides of its threshold; potentials; reasons cite figures.
#include <catch2/catch.hpp>

#include "muyield/review.hpp"
#include "support.hpp"

using namespace muyield;
using test::EnterpriseBuilder;
using test::local_rect;

namespace {

// Parcels 100 m × 100 m (15 mu, 10000 m²) side by side, 200 m apart, in park "P1".
struct Scene {
  ReviewInput in = test::gk_input();
  ReviewConfig config = ReviewConfig::defaults();
  Scene() {
    in.has_buildings = true;
    in.buildings_crs = {test::kGk117};
  }
  Parcel& add_parcel(const std::string& id, const std::string& holder = "") {
    const double x = 200.0 * in.parcels.size();
    in.parcels.push_back(test::parcel(id, local_rect(x, 0, x + 100, 100)));
    in.parcels.back().holder_uscc = holder;
    return in.parcels.back();
  }
  // A building of `area` m² (50 m deep) at the parcel's corner.
  void add_building(const std::string& parcel_id, double area, std::optional<double> floors) {
    for (std::size_t i = 0; i < in.parcels.size(); ++i) {
      if (in.parcels[i].id != parcel_id) continue;
      const double x = 200.0 * i;
      Building b;
      b.geometry = local_rect(x, 0, x + area / 50.0, 50);
      b.floors = floors;
      in.buildings.push_back(b);
      return;
    }
  }
  Enterprise& add_firm(const std::string& uscc, double tax, double revenue = 100) {
    in.enterprises.push_back(
        EnterpriseBuilder(uscc).set(Figure::tax, tax).set(Figure::revenue, revenue));
    return in.enterprises.back();
  }
  ReviewResult run() {
    test::number_rows(in);
    return run_review(in, config);
  }
  const ParcelResult& parcel(const ReviewResult& r, const std::string& id) const {
    for (const ParcelResult& p : r.parcels)
      if (in.parcels[p.input_index].id == id) return p;
    throw std::runtime_error("no parcel " + id);
  }
  bool flagged(const ReviewResult& r, const std::string& id, Flag f) const {
    return parcel(r, id).has_flag(f);
  }
};

}  // namespace

TEST_CASE("UNSUPPLIED: approved but not supplied; other statuses raise nothing", "[flags]") {
  Scene s;
  s.add_parcel("U").status = SupplyStatus::unsupplied;
  s.add_parcel("S");
  Parcel& o = s.add_parcel("O");
  o.status = SupplyStatus::other;
  o.status_text = "已收回";
  s.add_firm("E1", 1);
  const ReviewResult r = s.run();
  CHECK(s.flagged(r, "U", Flag::UNSUPPLIED));
  CHECK_FALSE(s.flagged(r, "S", Flag::UNSUPPLIED));
  CHECK(s.parcel(r, "O").flags.empty());
  CHECK(s.parcel(r, "U").flag_reasons[0].find("批而未供 UNSUPPLIED") == 0);
}

TEST_CASE("IDLE and IDLE_2Y: calendar years after the agreed start", "[flags]") {
  Scene s;                                                 // evaluation date 2024-12-31
  s.add_parcel("ONE").agreed_start = Date{2023, 12, 31};   // + 1 year = 2024-12-31
  s.add_parcel("EARLY").agreed_start = Date{2024, 1, 1};   // + 1 year = 2025-01-01
  s.add_parcel("TWO").agreed_start = Date{2022, 12, 31};   // + 2 years = 2024-12-31
  s.add_parcel("ALMOST").agreed_start = Date{2023, 1, 1};  // + 2 years = 2025-01-01
  s.add_parcel("NODATE");
  s.add_parcel("BUSY", "E1");  // park: 30 万元 on 15 mu = 2 万元/亩
  s.add_firm("E1", 30);
  const ReviewResult r = s.run();
  CHECK(s.flagged(r, "ONE", Flag::IDLE));
  CHECK_FALSE(s.flagged(r, "ONE", Flag::IDLE_2Y));
  CHECK_FALSE(s.flagged(r, "EARLY", Flag::IDLE));
  CHECK(s.flagged(r, "TWO", Flag::IDLE));
  CHECK(s.flagged(r, "TWO", Flag::IDLE_2Y));
  CHECK(s.flagged(r, "ALMOST", Flag::IDLE));
  CHECK_FALSE(s.flagged(r, "ALMOST", Flag::IDLE_2Y));
  CHECK_FALSE(s.flagged(r, "NODATE", Flag::IDLE));  // IDLE needs an agreed start date
  const std::string& why = s.parcel(r, "ONE").flag_reasons[0];
  CHECK(why.find("2023-12-31") != std::string::npos);
  CHECK(why.find("no buildings") != std::string::npos);
  // The potential of an empty parcel is the park's whole yield on it: 2 × 15 mu.
  CHECK(*s.parcel(r, "ONE").potential_tax == Approx(30));
  CHECK_FALSE(s.parcel(r, "ONE").potential_floor_m2);  // no industry, no FAR minimum
}

TEST_CASE("IDLE coverage threshold: 1/3 × min_coverage = 0.10", "[flags]") {
  Scene s;
  s.add_parcel("LOW").agreed_start = Date{2020, 1, 1};
  s.add_parcel("HIGH").agreed_start = Date{2020, 1, 1};
  s.add_building("LOW", 999, 1);    // coverage 0.0999
  s.add_building("HIGH", 1001, 1);  // coverage 0.1001
  s.add_firm("E1", 1);
  ReviewResult r = s.run();
  CHECK(s.flagged(r, "LOW", Flag::IDLE));
  CHECK_FALSE(s.flagged(r, "HIGH", Flag::IDLE));
  s.config.building.min_coverage = 0.40;  // the 2023 revision: threshold 0.1333
  r = s.run();
  CHECK(s.flagged(r, "HIGH", Flag::IDLE));
}

TEST_CASE("IDLE, VACANT and LOW_DENSITY need a buildings layer", "[flags]") {
  Scene s;
  s.in.has_buildings = false;
  s.add_parcel("P", "E1").agreed_start = Date{2020, 1, 1};
  s.add_firm("E1", 0, 0);
  const ReviewResult r = s.run();
  for (Flag f : {Flag::IDLE, Flag::IDLE_2Y, Flag::VACANT, Flag::LOW_DENSITY})
    CHECK_FALSE(s.flagged(r, "P", f));
}

TEST_CASE("VACANT: buildings stand but no occupant has revenue > 0", "[flags]") {
  Scene s;
  s.add_parcel("ZERO", "E0");
  s.add_parcel("SOME", "E1");
  s.add_parcel("NOBODY");
  s.add_parcel("BARE", "E0");  // no buildings: not VACANT
  for (const char* id : {"ZERO", "SOME", "NOBODY"}) s.add_building(id, 4000, 2);
  s.add_firm("E0", 0, 0);
  s.add_firm("E1", 1, 0.01);
  const ReviewResult r = s.run();
  CHECK(s.flagged(r, "ZERO", Flag::VACANT));
  CHECK_FALSE(s.flagged(r, "SOME", Flag::VACANT));
  CHECK(s.flagged(r, "NOBODY", Flag::VACANT));
  CHECK_FALSE(s.flagged(r, "BARE", Flag::VACANT));
}

TEST_CASE("LOW_DENSITY: FAR under the industry minimum or coverage under 0.30", "[flags]") {
  Scene s;
  for (const char* id : {"FAR_LOW", "FAR_OK", "COV_LOW", "COV_OK", "NO_TABLE"}) {
    s.add_parcel(id, std::string("E_") + id);
    s.add_firm(std::string("E_") + id, 10).industry_code = "C2614";  // division 26: FAR ≥ 0.6
  }
  s.in.enterprises.back().industry_code = "C9999";  // no row in the table
  s.add_building("FAR_LOW", 2950, 2);               // FAR 0.59, coverage 0.305 with the shed below
  s.add_building("FAR_OK", 3050, 2);                // FAR 0.61
  s.add_building("COV_LOW", 2900, 3);               // coverage 0.29, FAR 0.87
  s.add_building("COV_OK", 3100, 3);                // coverage 0.31
  s.add_building("NO_TABLE", 3100, 1);              // FAR 0.31: no minimum known, coverage fine
  // A 100 m² shed without floors on FAR_LOW: footprint only.
  Building shed;
  shed.geometry = local_rect(0, 70, 10, 80);
  s.in.buildings.push_back(shed);
  const ReviewResult r = s.run();
  CHECK(s.flagged(r, "FAR_LOW", Flag::LOW_DENSITY));
  CHECK_FALSE(s.flagged(r, "FAR_OK", Flag::LOW_DENSITY));
  CHECK(s.flagged(r, "COV_LOW", Flag::LOW_DENSITY));
  CHECK_FALSE(s.flagged(r, "COV_OK", Flag::LOW_DENSITY));
  CHECK_FALSE(s.flagged(r, "NO_TABLE", Flag::LOW_DENSITY));
  const ParcelResult& p = s.parcel(r, "FAR_LOW");
  CHECK(p.industry_division == "26");
  CHECK(*p.far_min == 0.6);
  CHECK(p.flag_reasons.front().find("FAR 0.59 < industry 26 minimum 0.60") != std::string::npos);
  // potential floor area = (0.6 − 0.59) × 10000 m²
  CHECK(*p.potential_floor_m2 == Approx(100).epsilon(1e-6));
  CHECK_FALSE(s.parcel(r, "NO_TABLE").far_min);
}

TEST_CASE("LOW_YIELD: under 0.3 × the park's aggregate tax per mu", "[flags]") {
  // X pays x, Y 40, Z 50 on 15 mu each: flagged when x/15 < 0.3 (x + 90)/45, i.e. x < 10.
  for (double x : {9.9, 10.1}) {
    Scene s;
    s.in.has_buildings = false;
    s.add_parcel("X", "EX");
    s.add_parcel("Y", "EY");
    s.add_parcel("Z", "EZ");
    s.add_parcel("EMPTY");  // unoccupied: not in the park aggregate, never LOW_YIELD
    s.add_firm("EX", x);
    s.add_firm("EY", 40);
    s.add_firm("EZ", 50);
    const ReviewResult r = s.run();
    INFO("x = " << x);
    CHECK(s.flagged(r, "X", Flag::LOW_YIELD) == (x < 10));
    CHECK_FALSE(s.flagged(r, "Y", Flag::LOW_YIELD));
    CHECK_FALSE(s.flagged(r, "EMPTY", Flag::LOW_YIELD));
    if (x < 10) {
      // potential tax = (park 万元/亩 − own) × 15 mu
      CHECK(*s.parcel(r, "X").potential_tax == Approx(((x + 90) / 45 - x / 15) * 15));
    } else {
      CHECK_FALSE(s.parcel(r, "X").potential_tax);  // potentials only on flagged parcels
    }
  }
}

TEST_CASE("D_CLASS: the main occupant is class D", "[flags]") {
  Scene s;
  s.in.has_buildings = false;
  s.add_parcel("V", "EV");
  s.add_parcel("G", "EG");
  s.add_firm("EV", 30).veto = "环保处罚";
  s.add_firm("EG", 30);
  const ReviewResult r = s.run();
  CHECK(s.flagged(r, "V", Flag::D_CLASS));
  CHECK_FALSE(s.flagged(r, "G", Flag::D_CLASS));
}

TEST_CASE("the evaluation date is configurable", "[flags]") {
  Scene s;
  s.add_parcel("P").agreed_start = Date{2023, 6, 30};
  s.add_firm("E1", 1);
  s.config.evaluation_date = Date{2024, 6, 29};
  CHECK_FALSE(s.flagged(s.run(), "P", Flag::IDLE));
  s.config.evaluation_date = Date{2024, 6, 30};
  CHECK(s.flagged(s.run(), "P", Flag::IDLE));
}
