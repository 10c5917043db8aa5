#include <catch2/catch.hpp>
#include <string>

#include "io/input_error.hpp"
#include "io/shapefile_check.hpp"

using muyield::io::check_shapefile_records;
using muyield::io::InputError;

TEST_CASE("A .dbf whose header count disagrees with its size is unusable input") {
  const std::string corpus = std::string(MUYIELD_TEST_DIR) + "/corpus/";
  CHECK_NOTHROW(check_shapefile_records(corpus + "base/parcels.shp"));
  CHECK_NOTHROW(check_shapefile_records(corpus + "cases/dbf_missing/parcels.shp"));  // no .dbf
  CHECK_THROWS_WITH(check_shapefile_records(corpus + "cases/dbf_count_too_low/parcels.shp"),
                    Catch::Contains("the file holds 4: 2 would be ignored"));
  CHECK_THROWS_WITH(check_shapefile_records(corpus + "cases/dbf_count_too_high/parcels.shp"),
                    Catch::Contains("counts 9 records but only 4 are complete"));
  CHECK_THROWS_AS(check_shapefile_records(corpus + "cases/dbf_truncated/parcels.dbf"), InputError);
}
