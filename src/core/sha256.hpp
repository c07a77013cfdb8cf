// SHA-256 of a byte string, as lowercase hex. Used for artifact version hashes
// and change detection; written here (FIPS 180-4) because it is ~100 lines and
// the browser build must not depend on a crypto library.
#pragma once

#include <string>
#include <string_view>

namespace specwave {

std::string Sha256Hex(std::string_view data);

}  // namespace specwave
