# PostGIS as the shared store (docs/postgis.md), against a real PostgreSQL 15 + PostGIS 3 server
# that the fixture starts on loopback in a temporary directory and stops at the end. The checks
# fail (not skip) when the server cannot start. Included from tests/CMakeLists.txt.
set(PG_STATE ${CMAKE_CURRENT_BINARY_DIR}/postgis-server.env)
add_test(NAME "postgis: start server"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/postgis/pg_server.sh start ${PG_STATE})
add_test(NAME "postgis: stop server"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/postgis/pg_server.sh stop ${PG_STATE})
set_tests_properties("postgis: start server" PROPERTIES FIXTURES_SETUP postgis TIMEOUT 60)
set_tests_properties("postgis: stop server" PROPERTIES FIXTURES_CLEANUP postgis)
foreach(check roundtrip replace atomic role sources)
  add_test(NAME "postgis: ${check}"
           COMMAND ${MUYIELD_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/postgis/check_postgis.py ${check}
                   $<TARGET_FILE:muyield> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/postgis-work/${check} ${PG_STATE})
  set_tests_properties("postgis: ${check}" PROPERTIES FIXTURES_REQUIRED postgis TIMEOUT 120)
endforeach()
