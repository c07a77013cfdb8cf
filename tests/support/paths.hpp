// Paths the tests use: fixtures under tests/data, the repo's assets, and a
// scratch folder under the build tree (never outside it).
#pragma once

#include <string>

namespace specwave::test {

inline std::string DataPath(const std::string& rel) { return std::string(SPECWAVE_TEST_DATA) + "/" + rel; }
inline std::string SourcePath(const std::string& rel) { return std::string(SPECWAVE_SOURCE_ROOT) + "/" + rel; }
inline std::string ScratchDir() { return std::string(SPECWAVE_BINARY_DIR) + "/test-scratch"; }

}  // namespace specwave::test
