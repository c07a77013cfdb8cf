# store_tests also opens database files directly with SQLite (to inject
# faults: triggers, high user_version, damaged pages) and drives the
# status/export/import commands through cli::Main.
if(TARGET store_tests)
  target_link_libraries(store_tests PRIVATE dep::sqlite specwave_cli)
endif()
