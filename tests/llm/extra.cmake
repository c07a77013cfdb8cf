# The local LLM test server checks itself: both protocols, every fault kind,
# CORS headers, concurrency (tests/support/llm_test_server_selftest.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME llm/TestServerSelfTest
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/support/llm_test_server_selftest.py)
set_tests_properties(llm/TestServerSelfTest PROPERTIES TIMEOUT 120)
