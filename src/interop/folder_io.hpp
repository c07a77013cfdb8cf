// Reading and writing an export folder, safely: the native CLI goes through
// these; the browser hands over a FileTree and runs CheckTree on it.
//
//   FileTree files;
//   std::string error;
//   if (!ReadFolder(dir, ReadRoots(Format::kKiro), &files, &error)) fail(error);   // names the file
//
// Rules (bad input is an error naming the file; nothing is read past it):
//  * only what the layout needs is read (its roots, AGENTS.md, .specwave/),
//    so pointing at a repository does not read its sources;
//  * a symbolic link anywhere under the folder is refused (it could lead
//    outside the folder); so is any path that is absolute, contains "..",
//    a backslash, a NUL or an empty part;
//  * every file must be UTF-8 text (a BOM is dropped, CRLF/CR become LF);
//  * files over 16 MB, or more than 5000 files, are refused.
// Writing creates folders as needed, refuses to write through a symbolic
// link, and writes each file atomically (core/files.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interop/format.hpp"

namespace specwave::interop {

inline constexpr size_t kMaxFileBytes = 16u << 20;
inline constexpr size_t kMaxFiles = 5000;

// The relative paths (files or folders) a sync or import of `format` reads.
std::vector<std::string> ReadRoots(Format format);

bool SafeRelativePath(std::string_view path, std::string* why);
// UTF-8 well-formedness (no overlong forms, surrogates or code points past
// U+10FFFF; no NUL); *bad_offset is the first bad byte.
bool IsUtf8Text(std::string_view bytes, size_t* bad_offset);
// BOM dropped, CRLF and CR -> LF.
std::string CleanText(std::string_view bytes);

// Checks a tree from elsewhere (the browser): safe paths, UTF-8 text, sizes.
// Cleans line endings in place.
bool CheckTree(FileTree* files, std::string* error);

bool ReadFolder(const std::string& dir, const std::vector<std::string>& roots, FileTree* out, std::string* error);
bool WriteFolder(const std::string& dir, const FileTree& files, std::string* error);

}  // namespace specwave::interop
