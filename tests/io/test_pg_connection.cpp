// PostgreSQL connection strings: recognised, password hidden wherever shown, SQL quoting; and a
// connection that cannot be made is an InputError naming the source without its password.
#include <catch2/catch.hpp>

#include "io/input_error.hpp"
#include "io/pg_connection.hpp"

using namespace muyield::io;

TEST_CASE("PostgreSQL sources are recognised", "[pg]") {
  CHECK(is_pg_connection("PG:dbname=x"));
  CHECK(is_pg_connection("pg:dbname=x"));
  CHECK(is_pg_connection("postgresql://u@h/db"));
  CHECK_FALSE(is_pg_connection("data/dexing/parcels.shp"));
  CHECK_FALSE(is_pg_connection("PGdata.gpkg"));
}

TEST_CASE("passwords are hidden", "[pg]") {
  CHECK(redact_connection("PG:dbname=x host=h password=s3cret port=5432") ==
        "PG:dbname=x host=h password=*** port=5432");
  CHECK(redact_connection("PG:\"dbname=x password = 's e c' user=u\"") ==
        "PG:\"dbname=x password = *** user=u\"");
  CHECK(redact_connection("PG:\"dbname=x password=abc\"") == "PG:\"dbname=x password=***\"");
  CHECK(redact_connection("PG:dbname=x PASSWORD=a password=b") ==
        "PG:dbname=x PASSWORD=*** password=***");
  CHECK(redact_connection("postgresql://u:pw@h:5432/db?password=q&x=1") ==
        "postgresql://u:***@h:5432/db?password=***&x=1");
  CHECK(redact_connection("--parcels=PG:dbname=x password=p") ==
        "--parcels=PG:dbname=x password=***");
  CHECK(redact_connection("PG:dbname=x passwordless=1") == "PG:dbname=x passwordless=1");
  CHECK(redact_connection("out/password=1/parcels.shp") == "out/password=1/parcels.shp");
}

TEST_CASE("SQL literals and names are quoted", "[pg]") {
  CHECK(sql_literal("2024:园区") == "'2024:园区'");
  CHECK(sql_literal("O'Brien\\") == "'O''Brien\\'");
  CHECK(sql_identifier("class") == "\"class\"");
  CHECK(sql_identifier("input.parcels") == "\"input\".\"parcels\"");
  CHECK(sql_identifier("a\"b") == "\"a\"\"b\"");
  CHECK_THROWS_AS(sql_literal(std::string("a\0b", 3)), std::invalid_argument);
}

TEST_CASE("a connection that fails names the source without its password", "[pg]") {
  try {
    open_pg("PG:dbname=none host=127.0.0.1 port=1 user=u password=hush connect_timeout=2", false,
            "--out-db");
    FAIL("connected to port 1");
  } catch (const InputError& e) {
    const std::string m = e.what();
    CHECK(m.find("password=***") != std::string::npos);
    CHECK(m.find("hush") == std::string::npos);
    CHECK(m.find("--out-db") != std::string::npos);
    CHECK(m.find("docs/postgis.md") != std::string::npos);
  }
}
