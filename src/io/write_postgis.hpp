// The review into a PostGIS schema, the shared store of successive reviews (docs/postgis.md):
// tables reviews, parcels (with geometry), enterprises, parks, rejects keyed by review_id, and
// the views of pg_views.sql. One transaction per review: the schema DDL, the removal of an
// earlier copy of the same review (same year and parks) and every row commit together or not
// at all, so a failure (or a killed process) leaves the previous review as it was.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::io {

struct PostgisTarget {
  std::string connection;          // PG:"dbname=… host=… port=… user=… password=…"
  std::string schema = "muyield";  // created when missing; lower-case letters, digits, _
};

struct PostgisWrite {
  std::string review_id;
  bool replaced = false;  // an earlier copy of this review was removed in the same transaction
  std::size_t parcels = 0, enterprises = 0, parks = 0, rejects = 0;
  double seconds = 0;
};

// Throws InputError when the schema name is not usable or the database cannot be reached, so
// that `analyze --out-db` stops before the review runs.
void check_postgis_target(const PostgisTarget& target);

// "<year>:<park>[+<park>…]" over the parks of the review's parcels, sorted: the same park(s)
// and year give the same id, so re-running a review replaces it.
std::string postgis_review_id(const ReviewInput& input, const ReviewResult& result);

// Writes the review (columns from output_rows.hpp; `run` is the run.json document). Throws
// InputError, naming the target and PostgreSQL's message, when anything fails; nothing of the
// review is then in the database and an earlier copy is untouched.
// Test hook: MUYIELD_TEST_FAIL_AFTER_TABLE=<table> throws after that table's rows are sent,
// <table>:kill kills the process there (SIGKILL), before the commit.
PostgisWrite write_postgis(const PostgisTarget& target, const ReviewInput& input,
                           const ReviewResult& result, const ReviewConfig& config,
                           const nlohmann::json& run);

}  // namespace muyield::io
