# Command-line checks of init, validate, compare, batch, languages and the planner notebooks
# (included from tests/CMakeLists.txt; MUYIELD_PYTHON and CLI_WORK are set there).
foreach(check batch init validate lang progress golden)
  add_test(NAME "cli: ${check}"
           COMMAND ${MUYIELD_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_${check}.py
                   $<TARGET_FILE:muyield> ${CMAKE_SOURCE_DIR} ${CLI_WORK}/${check})
endforeach()
add_test(NAME "cli: sample batch"
         COMMAND ${MUYIELD_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_sample_batch.py
                 $<TARGET_FILE:muyield> ${CMAKE_SOURCE_DIR} ${CLI_WORK}/sample_batch)
set_tests_properties("cli: sample batch" PROPERTIES FIXTURES_SETUP sample_batch)
add_test(NAME "notebooks: explore and what-if on the sample"
         COMMAND ${MUYIELD_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_notebooks.py
                 $<TARGET_FILE:muyield> ${CMAKE_SOURCE_DIR} ${CLI_WORK}/notebooks
                 ${CLI_WORK}/sample_batch/out/德兴高新区/2024)
set_tests_properties("notebooks: explore and what-if on the sample"
                     PROPERTIES FIXTURES_REQUIRED sample_batch TIMEOUT 300)
