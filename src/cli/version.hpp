#pragma once
namespace specwave {
inline constexpr const char* kVersion = "0.1.0";
}
