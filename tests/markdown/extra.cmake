# markdown_tests extras (included from tests/CMakeLists.txt):
#  * the libFuzzer target compiled with a small replay main under the normal
#    build, replaying the seed corpus in tests/data/markdown (scripts/fuzz.sh
#    runs the real fuzzer with clang);
#  * `specwave diff` run end to end on fixtures (when the CLI is built).
add_executable(markdown_fuzz_replay
  "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/markdown_fuzz.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay_main.cpp")
target_link_libraries(markdown_fuzz_replay PRIVATE specwave_markdown)
specwave_warnings(markdown_fuzz_replay)
if(TARGET markdown_tests)
  add_dependencies(markdown_tests markdown_fuzz_replay)  # building the tests builds the replay
endif()
add_test(NAME markdown/FuzzCorpusReplay COMMAND markdown_fuzz_replay "${SPECWAVE_TEST_DATA}/markdown")

if(TARGET specwave)
  set(_md "${SPECWAVE_TEST_DATA}/markdown")
  set(_run "${CMAKE_CURRENT_SOURCE_DIR}/markdown/run_cli.cmake")
  # ARGS are '|'-separated; EXPECT / REJECT are '|'-separated regexes on stdout.
  function(markdown_cli_test name args rc expect reject)
    add_test(NAME markdown/${name}
             COMMAND ${CMAKE_COMMAND} "-DEXE=$<TARGET_FILE:specwave>" "-DARGS=${args}" "-DRC=${rc}"
                     "-DEXPECT=${expect}" "-DREJECT=${reject}" -P "${_run}")
  endfunction()
  markdown_cli_test(CliDiffJsonOneSection "diff|${_md}/prd_v1.md|${_md}/prd_v2_f2_edit.md|--json" 0
    "^{\n  \"changed\": true,\n  \"old_sha256\": \"[0-9a-f]+\",\n  \"new_sha256\": \"[0-9a-f]+\",\n  \"sections\": \\[\n    {\n      \"section\": \"Product requirements — Tidewater > Features > F2: Route sketch\",\n      \"change\": \"modified\"\n    }\n  \\],\n  \"impact_level\": \"MEDIUM\"\n}\n$"
    "F3")
  markdown_cli_test(CliDiffJsonLineEndingsUnchanged "diff|--json|${_md}/prd_v1.md|${_md}/prd_v1_crlf.md" 0
    "\"changed\": false|\"sections\": \\[\\]|\"impact_level\": \"LOW\"" "")
  markdown_cli_test(CliDiffText "diff|${_md}/prd_v1.md|${_md}/prd_v2_f2_edit.md" 0
    "changed, impact MEDIUM|modified +Product requirements — Tidewater > Features > F2: Route sketch +\\(line 24 -> 24\\)" "")
  markdown_cli_test(CliDiffMissingFileIsBadInput "diff|${_md}/prd_v1.md|${_md}/no-such-file.md" 2 "" "")
  markdown_cli_test(CliDiffDirectoryIsBadInput "diff|${_md}/prd_v1.md|${_md}" 2 "" "")
  markdown_cli_test(CliDiffOneFileIsBadUsage "diff|${_md}/prd_v1.md" 2 "" "")
  markdown_cli_test(CliDiffUnknownOptionIsBadUsage "diff|--yaml|${_md}/prd_v1.md|${_md}/prd_v1.md" 2 "" "")
endif()
