// METHOD.md §2: link precedence, shares, spatial links, spreading; through run_review.
#include <catch2/catch.hpp>

#include "muyield/review.hpp"
#include "support.hpp"

using namespace muyield;
using test::EnterpriseBuilder;
using test::local_rect;

namespace {

ReviewConfig planar_config() {
  ReviewConfig c = ReviewConfig::defaults();
  c.area_method = AreaMethod::planar;  // 100 m × 100 m = 15 mu, to 1e-9
  return c;
}

const ParcelResult& parcel(const ReviewInput& in, const ReviewResult& r, const std::string& id) {
  for (const ParcelResult& p : r.parcels)
    if (in.parcels[p.input_index].id == id) return p;
  throw std::runtime_error("no parcel " + id);
}
const EnterpriseResult& firm(const ReviewInput& in, const ReviewResult& r,
                             const std::string& uscc) {
  for (const EnterpriseResult& e : r.enterprises)
    if (in.enterprises[e.input_index].uscc == uscc) return e;
  throw std::runtime_error("no firm " + uscc);
}
std::string occupant(const ReviewInput& in, const ReviewResult& r, const Occupant& o) {
  return in.enterprises[r.enterprises[o.enterprise].input_index].uscc;
}
bool has_issue(const ReviewResult& r, const std::string& field, const std::string& fragment,
               Severity s) {
  for (const Issue& i : r.issues)
    if (i.field == field && i.severity == s && i.reason.str().find(fragment) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("precedence per parcel: links table, then holder code, then location", "[links]") {
  ReviewInput in = test::gk_input();
  in.parcels = {test::parcel("A", local_rect(0, 0, 100, 100)),
                test::parcel("B", local_rect(200, 0, 300, 100)),
                test::parcel("C", local_rect(400, 0, 500, 100))};
  in.parcels[0].holder_uscc = "H1";
  in.parcels[1].holder_uscc = "H1";  // B also has a holder, but the links table speaks for it
  using F = Figure;
  in.enterprises = {EnterpriseBuilder("H1").set(F::tax, 30),
                    EnterpriseBuilder("L1").set(F::tax, 10),
                    EnterpriseBuilder("L2").set(F::tax, 10),
                    // points inside A (holder wins there) and inside C (no other link)
                    EnterpriseBuilder("S1").at_point(test::kX0 + 50, test::kY0 + 50),
                    EnterpriseBuilder("S2").at_point(test::kX0 + 450, test::kY0 + 50)};
  in.links = {{"B", "L1", 0.6, {}, {"links.csv", 2}}, {"B", "L2", 0.4, {}, {"links.csv", 3}}};
  test::number_rows(in);
  const ReviewResult r = run_review(in, planar_config());

  const ParcelResult& a = parcel(in, r, "A");
  CHECK(a.link_source == LinkSource::holder);
  REQUIRE(a.occupants.size() == 1);
  CHECK(occupant(in, r, a.occupants[0]) == "H1");

  const ParcelResult& b = parcel(in, r, "B");
  CHECK(b.link_source == LinkSource::explicit_table);
  REQUIRE(b.occupants.size() == 2);
  CHECK(occupant(in, r, b.occupants[0]) == "L1");
  CHECK(b.occupants[0].share == Approx(0.6));

  const ParcelResult& c = parcel(in, r, "C");
  CHECK(c.link_source == LinkSource::spatial);
  CHECK(occupant(in, r, c.occupants[0]) == "S2");

  CHECK(firm(in, r, "H1").land_mu == Approx(15));  // A only
  CHECK(firm(in, r, "L1").land_mu == Approx(9));   // 0.6 × 15
  CHECK(firm(in, r, "S1").land_mu == 0);           // its point is on a holder-linked parcel
  CHECK(firm(in, r, "S1").unrated == UnratedReason::no_land);
}

TEST_CASE("floor areas become shares; sums over 1 are scaled and reported", "[links]") {
  ReviewInput in = test::gk_input();
  in.parcels = {test::parcel("F", local_rect(0, 0, 200, 100)),
                test::parcel("G", local_rect(300, 0, 400, 100))};
  in.enterprises = {EnterpriseBuilder("T1"), EnterpriseBuilder("T2"), EnterpriseBuilder("T3")};
  in.links = {{"F", "T1", {}, 3000.0, {}}, {"F", "T2", {}, 1000.0, {}},
              {"G", "T1", 0.7, {}, {}},    {"G", "T3", 0.6, {}, {}},
              {"NOPE", "T1", 0.5, {}, {}}, {"G", "UNKNOWN", 0.1, {}, {}}};
  for (Link& l : in.links) l.source.file = "links.csv";
  test::number_rows(in);
  const ReviewResult r = run_review(in, planar_config());

  const ParcelResult& f = parcel(in, r, "F");
  CHECK(f.occupants[0].share == Approx(0.75));
  CHECK(f.occupants[1].share == Approx(0.25));
  const ParcelResult& g = parcel(in, r, "G");
  CHECK(g.occupants[0].share == Approx(0.7 / 1.3));
  CHECK(g.occupants[1].share == Approx(0.6 / 1.3));
  CHECK(has_issue(r, "share", "sum to 1.3", Severity::error));
  CHECK(has_issue(r, "parcel_id", "no such parcel", Severity::reject));
  CHECK(has_issue(r, "uscc", "no enterprise with this code", Severity::reject));
  // T1: 0.75 × 30 mu on F + 0.7/1.3 × 15 mu on G.
  CHECK(firm(in, r, "T1").land_mu == Approx(22.5 + 15 * 0.7 / 1.3));
  CHECK(firm(in, r, "T1").n_parcels == 2);
  const InputCount& links = r.counts[2];
  CHECK(links.input == "links");
  CHECK(links.read == 6);
  CHECK(links.rejected == 2);
  CHECK(links.used == 4);
}

TEST_CASE("spatial links: k firms share 1/k; holes and boundaries are not inside", "[links]") {
  ReviewInput in = test::gk_input();
  MultiPolygon d = local_rect(0, 0, 100, 100);
  d[0].holes.push_back({{test::kX0 + 40, test::kY0 + 40},
                        {test::kX0 + 40, test::kY0 + 60},
                        {test::kX0 + 60, test::kY0 + 60},
                        {test::kX0 + 60, test::kY0 + 40},
                        {test::kX0 + 40, test::kY0 + 40}});
  in.parcels = {test::parcel("D", d)};
  in.enterprises = {EnterpriseBuilder("P1").at_point(test::kX0 + 10, test::kY0 + 10),
                    EnterpriseBuilder("P2").at_point(test::kX0 + 90, test::kY0 + 90),
                    EnterpriseBuilder("HOLE").at_point(test::kX0 + 50, test::kY0 + 50),
                    EnterpriseBuilder("EDGE").at_point(test::kX0 + 100, test::kY0 + 30)};
  test::number_rows(in);
  const ReviewResult r = run_review(in, planar_config());
  const ParcelResult& p = parcel(in, r, "D");
  REQUIRE(p.occupants.size() == 2);
  CHECK(p.occupants[0].share == 0.5);
  CHECK(p.occupants[1].share == 0.5);
  CHECK(firm(in, r, "HOLE").land_mu == 0);
  CHECK(firm(in, r, "EDGE").land_mu == 0);
  CHECK(firm(in, r, "P1").land_mu == Approx(15 * 0.96 / 2));  // the hole is 4 % of the square
}

TEST_CASE("spreading keeps every total; missing figures contribute nothing", "[links]") {
  ReviewInput in = test::gk_input();
  in.parcels = {test::parcel("X", local_rect(0, 0, 100, 100)),         // 15 mu
                test::parcel("Y", local_rect(200, 0, 400, 100)),       // 30 mu
                test::parcel("Z", local_rect(500, 0, 600, 100)),       // 15 mu, shared
                test::parcel("EMPTY", local_rect(700, 0, 800, 100))};  // nobody
  in.parcels[0].holder_uscc = in.parcels[1].holder_uscc = "M1";
  using F = Figure;
  in.enterprises = {EnterpriseBuilder("M1").set(F::tax, 90).set(F::revenue, 900),
                    EnterpriseBuilder("M2").set(F::tax, 12),  // revenue missing
                    EnterpriseBuilder("M3").set(F::tax, 6).set(F::revenue, 60)};
  in.links = {{"Z", "M2", 0.5, {}, {}}, {"Z", "M3", 0.5, {}, {}}};
  test::number_rows(in);
  const ReviewResult r = run_review(in, planar_config());
  CHECK(*at(parcel(in, r, "X").figures, F::tax) == Approx(30));
  CHECK(*at(parcel(in, r, "Y").figures, F::tax) == Approx(60));
  CHECK(*at(parcel(in, r, "Z").figures, F::tax) == Approx(18));
  CHECK(*at(parcel(in, r, "Z").figures, F::revenue) == Approx(60));  // M2's is missing
  CHECK(*at(parcel(in, r, "Z").indicators, Indicator::tax_per_mu) == Approx(18.0 / 15));
  CHECK(*at(parcel(in, r, "EMPTY").figures, F::tax) == 0);
  CHECK(*at(parcel(in, r, "EMPTY").indicators, Indicator::tax_per_mu) == 0);
  CHECK_FALSE(parcel(in, r, "EMPTY").rank_all);
  double total = 0;
  for (const ParcelResult& p : r.parcels) total += *at(p.figures, F::tax);
  CHECK(total == Approx(90 + 12 + 6));
  // Enterprise indicators use the enterprise's own land.
  CHECK(*at(firm(in, r, "M1").indicators, Indicator::tax_per_mu) == Approx(90.0 / 45));
}

TEST_CASE("only the review year's rows are used; duplicates and blanks rejected", "[links]") {
  ReviewInput in = test::gk_input();
  in.parcels = {test::parcel("A", local_rect(0, 0, 100, 100)),
                test::parcel("A", local_rect(200, 0, 300, 100))};
  in.parcels[0].holder_uscc = "Q1";
  in.enterprises = {EnterpriseBuilder("Q1", 2023).set(Figure::tax, 1),
                    EnterpriseBuilder("Q1", 2024).set(Figure::tax, 2),
                    EnterpriseBuilder("Q1", 2024).set(Figure::tax, 3), EnterpriseBuilder("", 2024)};
  test::number_rows(in);
  const ReviewResult r = run_review(in, planar_config());
  CHECK(r.year == 2024);
  CHECK(r.evaluation_date == Date{2024, 12, 31});
  REQUIRE(r.enterprises.size() == 1);
  CHECK(*at(in.enterprises[r.enterprises[0].input_index].figures, Figure::tax) == 2);
  REQUIRE(r.parcels.size() == 1);
  CHECK(has_issue(r, "parcel_id", "duplicate parcel id", Severity::reject));
  CHECK(has_issue(r, "uscc", "appears twice", Severity::reject));
  CHECK(has_issue(r, "uscc", "no credit code", Severity::reject));
  const InputCount& e = r.counts[1];
  CHECK(e.read == 4);
  CHECK(e.skipped == 1);
  CHECK(e.rejected == 2);
  CHECK(e.used == 1);
  CHECK(r.counts[0].read == 2);
  CHECK(r.counts[0].rejected == 1);
}

TEST_CASE("a registered area off by more than 5 % is a warning", "[links]") {
  ReviewInput in = test::gk_input();
  in.parcels = {test::parcel("A", local_rect(0, 0, 100, 100)),
                test::parcel("B", local_rect(200, 0, 300, 100))};
  in.parcels[0].registered_m2 = 10400;  // −3.8 %: fine
  in.parcels[1].registered_m2 = 9000;   // +11.1 %
  in.enterprises = {EnterpriseBuilder("Q1")};
  const ReviewResult r = run_review(in, planar_config());
  CHECK(*r.parcels[0].area_deviation == Approx(10000.0 / 10400 - 1));
  CHECK(*r.parcels[1].area_deviation == Approx(10000.0 / 9000 - 1));
  int warnings = 0;
  for (const Issue& i : r.issues) warnings += i.field == "registered_m2";
  CHECK(warnings == 1);
}
