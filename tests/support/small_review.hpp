// A four-parcel review for the writer tests, small enough to check by hand: three 100 m × 100 m
// parcels (15 mu each) held by three 规下 enterprises with tax 300, 150 and 30 万元 (20, 10 and
// 2 万元/亩), one parcel 批而未供. Enterprise names carry text that must not act as a formula
// or as markup.
#pragma once

#include "core/geometry/crs_transform.hpp"
#include "core/support.hpp"
#include "muyield/review.hpp"

namespace muyield::test {

inline constexpr const char* kFormulaName = "=HYPERLINK(\"http://example.invalid\",\"x\")";
inline constexpr const char* kMarkupName = "<script>alert(1)</script>甲&乙有限公司";

struct SmallReview {
  ReviewInput input;
  ReviewConfig config = ReviewConfig::defaults();
  ReviewResult result;
};

// `lonlat`: the same parcels in CGCS2000 degrees instead of GK metres.
inline SmallReview small_review(bool lonlat = false) {
  SmallReview r;
  r.input = gk_input();
  const char* codes[] = {"91361181MA35R8Y924", "91361181MA35R8Y932", "91361181MA35R8Y940"};
  const double tax[] = {300, 150, 30};
  const char* names[] = {kFormulaName, kMarkupName, "江西丙公司"};
  for (int i = 0; i < 3; ++i) {
    Parcel p = parcel("P" + std::to_string(i + 1), local_rect(200 * i, 0, 200 * i + 100, 100),
                      i < 2 ? "东园" : "西园");
    p.holder_uscc = codes[i];
    r.input.parcels.push_back(p);
    Enterprise e = EnterpriseBuilder(codes[i])
                       .above(false)
                       .industry("C3340")
                       .set(Figure::tax, tax[i])
                       .set(Figure::revenue, 1000)
                       .set(Figure::electricity_kwh, 1e6);
    e.name = names[i];
    r.input.enterprises.push_back(e);
  }
  Parcel unsupplied = parcel("P4", local_rect(0, 200, 100, 300), "西园");
  unsupplied.status = SupplyStatus::unsupplied;
  unsupplied.status_text = "批而未供";
  r.input.parcels.push_back(unsupplied);
  if (lonlat) {
    geometry::Transformer to_lonlat(kGk117, geometry::kCgcs2000);
    for (Parcel& p : r.input.parcels) to_lonlat.apply(p.geometry);
    r.input.parcels_crs = {geometry::kCgcs2000};
  }
  number_rows(r.input);
  r.config.year = 2024;
  r.result = run_review(r.input, r.config, {1, nullptr});
  return r;
}

}  // namespace muyield::test
