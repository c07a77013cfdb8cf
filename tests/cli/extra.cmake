# Durability under kill -9: the real CLI killed at random moments of a
# simulated run, then resumed (tests/cli/kill_resume.py). 24 iterations here;
# SPECWAVE_KILL_ITERATIONS=1000 for the long mode.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME cli/KillDashNineLosesNoCompletedPhase
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/kill_resume.py $<TARGET_FILE:specwave>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/test-scratch/kill)
set_tests_properties(cli/KillDashNineLosesNoCompletedPhase PROPERTIES TIMEOUT 600)
