# The local LLM test server checks itself: both protocols, every fault kind,
# CORS headers, concurrency (tests/support/llm_test_server_selftest.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME llm/TestServerSelfTest
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/support/llm_test_server_selftest.py)
set_tests_properties(llm/TestServerSelfTest PROPERTIES TIMEOUT 120)

# The reply corpus is consistent in itself: every folder loads in the server, the
# compliant ids trace with 0 gaps, the drifting ones carry the same facts
# (tests/corpus/tools/check_corpus.py).
add_test(NAME llm/ReplyCorpusConsistent
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/tools/check_corpus.py)
set_tests_properties(llm/ReplyCorpusConsistent PROPERTIES TIMEOUT 60)
