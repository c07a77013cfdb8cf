// Whole-file reads and atomic writes (write to a temporary name, fsync where
// the platform has it, rename). Errors come back as text, never exceptions.
#pragma once

#include <optional>
#include <string>

namespace specwave {

// Reads a file; on failure returns nullopt and puts a readable reason in *error.
std::optional<std::string> ReadFile(const std::string& path, std::string* error);

// Writes via PATH.tmp + rename so a crash never leaves a half-written file.
bool WriteFileAtomic(const std::string& path, const std::string& content, std::string* error);

}  // namespace specwave
