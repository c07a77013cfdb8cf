# Durability under kill -9: the real CLI killed at random moments of a
# simulated run, then resumed (tests/cli/kill_resume.py). 24 iterations here;
# SPECWAVE_KILL_ITERATIONS=1000 for the long mode.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME cli/KillDashNineLosesNoCompletedPhase
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/kill_resume.py $<TARGET_FILE:specwave>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/test-scratch/kill)
set_tests_properties(cli/KillDashNineLosesNoCompletedPhase PROPERTIES TIMEOUT 600)

# The default workflow through the CLI against the local LLM test server,
# with each protocol, faults injected, the cache and a rejected key.
add_test(NAME cli/HostedProvidersRunTheDefaultWorkflow
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/hosted_run.py $<TARGET_FILE:specwave>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/test-scratch/hosted)
set_tests_properties(cli/HostedProvidersRunTheDefaultWorkflow PROPERTIES TIMEOUT 600)

# The limits before a call (issue 15.4) against the reply corpus: 65 epics,
# a 1.5 MB architecture.md, a small context window, and the compliant pack.
add_test(NAME cli/PromptLimitsStopOversizedRunsBeforeTheirCalls
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/prompt_limits_run.py $<TARGET_FILE:specwave>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/test-scratch/prompt-limits)
set_tests_properties(cli/PromptLimitsStopOversizedRunsBeforeTheirCalls PROPERTIES TIMEOUT 600)

# Issue #16: trace-level impact, regeneration cost and the rebuilt spec pack
# through the real CLI (tests/cli/impact_regenerate.py).
add_test(NAME cli/OneFeatureEditRegeneratesWhatTheTraceReaches
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/impact_regenerate.py $<TARGET_FILE:specwave>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/test-scratch/impact_regenerate)
set_tests_properties(cli/OneFeatureEditRegeneratesWhatTheTraceReaches PROPERTIES TIMEOUT 300)

# Every bundled workflow (the web app's "new project from a workflow"
# choices): valid, and run offline to the end by the real CLI (issue #19).
add_test(NAME cli/BundledWorkflowsValidateAndRunOffline
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/bundled_workflows.py $<TARGET_FILE:specwave>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/test-scratch/bundled)
set_tests_properties(cli/BundledWorkflowsValidateAndRunOffline PROPERTIES TIMEOUT 300)
