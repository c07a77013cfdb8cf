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

# The default workflow through the CLI on every corpus variant (issue #14.10):
# compliant succeeds with 0 gaps; drifting succeeds with its cleanings and
# repair counted; each hostile scenario fails with a clear message and stores
# nothing from the failed phase (tests/corpus/tools/check_corpus_runs.py).
add_test(NAME llm/CorpusVariantsRunTheDefaultWorkflow
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/tools/check_corpus_runs.py
                 --cli $<TARGET_FILE:specwave>)
set_tests_properties(llm/CorpusVariantsRunTheDefaultWorkflow PROPERTIES TIMEOUT 900)
