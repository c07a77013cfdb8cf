# Third-party dependencies, exposed under one set of names for both builds:
#   dep::yaml  dep::md4c  dep::sqlite  dep::json  dep::doctest  dep::curl  dep::imgui
# Native: Debian's -dev packages.  Web: Debian's *source* packages, fetched by
# scripts/setup.sh into .deps/src (versions in scripts/versions.env), compiled
# here with the same flags as our code. Nothing third-party lives in the repo.

set(SPECWAVE_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps/src" CACHE PATH "Debian source packages for the web build")

if(EMSCRIPTEN)
  # Flags every web target shares (dependencies included): exceptions must be
  # enabled everywhere because yaml-cpp throws; -fwasm-exceptions + -pthread is
  # not caught at run time in emscripten 3.1.6 (see docs/ARCHITECTURE.md).
  set(SPECWAVE_WEB_FLAGS -fexceptions)
  if(SPECWAVE_THREADS)
    list(APPEND SPECWAVE_WEB_FLAGS -pthread)
  endif()
  add_compile_options(${SPECWAVE_WEB_FLAGS})
  add_link_options(${SPECWAVE_WEB_FLAGS})

  foreach(d imgui yaml-cpp md4c sqlite3)
    if(NOT EXISTS "${SPECWAVE_DEPS_DIR}/${d}")
      message(FATAL_ERROR "${SPECWAVE_DEPS_DIR}/${d} is missing: run scripts/setup.sh first")
    endif()
  endforeach()

  # yaml-cpp 0.7
  file(GLOB _yaml_src "${SPECWAVE_DEPS_DIR}/yaml-cpp/src/*.cpp")
  add_library(dep_yaml STATIC ${_yaml_src})
  target_include_directories(dep_yaml SYSTEM PUBLIC "${SPECWAVE_DEPS_DIR}/yaml-cpp/include")
  target_compile_options(dep_yaml PRIVATE -w)
  add_library(dep::yaml ALIAS dep_yaml)

  # md4c 0.4.8 (C)
  add_library(dep_md4c STATIC "${SPECWAVE_DEPS_DIR}/md4c/src/md4c.c")
  target_include_directories(dep_md4c SYSTEM PUBLIC "${SPECWAVE_DEPS_DIR}/md4c/src")
  target_compile_options(dep_md4c PRIVATE -w)
  add_library(dep::md4c ALIAS dep_md4c)

  # SQLite 3.40 amalgamation. No dynamic extensions; our own VFS registers
  # OPFS in the browser (src/platform/web/opfs_vfs.cpp).
  add_library(dep_sqlite STATIC "${SPECWAVE_DEPS_DIR}/sqlite3/sqlite3.c")
  target_include_directories(dep_sqlite SYSTEM PUBLIC "${SPECWAVE_DEPS_DIR}/sqlite3")
  target_compile_definitions(dep_sqlite PUBLIC
    SQLITE_OMIT_LOAD_EXTENSION SQLITE_DQS=0 SQLITE_DEFAULT_FOREIGN_KEYS=1
    SQLITE_THREADSAFE=$<IF:$<BOOL:${SPECWAVE_THREADS}>,1,0>)
  target_compile_options(dep_sqlite PRIVATE -w)
  add_library(dep::sqlite ALIAS dep_sqlite)

  # Header-only libraries from Debian's -dev packages: expose only their own
  # folders (never /usr/include itself, which would shadow emscripten's libc).
  set(_sysinc "${CMAKE_BINARY_DIR}/sysinc")
  file(MAKE_DIRECTORY "${_sysinc}")
  foreach(h nlohmann doctest)
    if(NOT EXISTS "${_sysinc}/${h}")
      file(CREATE_LINK "/usr/include/${h}" "${_sysinc}/${h}" SYMBOLIC)
    endif()
  endforeach()
  add_library(dep_json INTERFACE)
  target_include_directories(dep_json SYSTEM INTERFACE "${_sysinc}")
  add_library(dep::json ALIAS dep_json)

  # Dear ImGui 1.86 with the GLFW + OpenGL3 (WebGL2) backends.
  set(_im "${SPECWAVE_DEPS_DIR}/imgui")
  add_library(dep_imgui STATIC
    ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
    ${_im}/backends/imgui_impl_glfw.cpp ${_im}/backends/imgui_impl_opengl3.cpp ${_im}/misc/cpp/imgui_stdlib.cpp)
  target_include_directories(dep_imgui SYSTEM PUBLIC ${_im} ${_im}/backends ${_im}/misc/cpp)
  target_compile_definitions(dep_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_IMPL_OPENGL_ES3)
  target_compile_options(dep_imgui PRIVATE -w)
  target_link_options(dep_imgui PUBLIC -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
  add_library(dep::imgui ALIAS dep_imgui)
else()
  find_package(PkgConfig REQUIRED)
  find_package(yaml-cpp REQUIRED)
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(SQLite3 REQUIRED)
  find_package(CURL REQUIRED)
  find_package(doctest REQUIRED)
  find_package(Threads REQUIRED)
  pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)

  add_library(dep::yaml ALIAS yaml-cpp)
  add_library(dep_md4c INTERFACE)
  target_link_libraries(dep_md4c INTERFACE PkgConfig::MD4C)
  add_library(dep::md4c ALIAS dep_md4c)
  add_library(dep::sqlite ALIAS SQLite::SQLite3)
  add_library(dep::json ALIAS nlohmann_json::nlohmann_json)
  add_library(dep::curl ALIAS CURL::libcurl)
  add_library(dep::doctest ALIAS doctest::doctest)
  add_library(dep::threads ALIAS Threads::Threads)
endif()
