#include "interop/folder_io.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/files.hpp"
#include "core/text.hpp"
#include "interop/manifest.hpp"

namespace specwave::interop {
namespace fs = std::filesystem;

std::vector<std::string> ReadRoots(Format format) {
  std::vector<std::string> roots = CodecFor(format).roots;
  roots.push_back("AGENTS.md");
  roots.push_back(".specwave");
  // A feature folder named directly (specs/001-x/ or .kiro/specs/x/).
  if (format == Format::kSpecKit)
    for (const char* f : {"spec.md", "plan.md", "research.md", "data-model.md", "quickstart.md", "tasks.md", "contracts"})
      roots.push_back(f);
  if (format == Format::kKiro)
    for (const char* f : {"requirements.md", "design.md", "tasks.md"}) roots.push_back(f);
  return roots;
}

bool SafeRelativePath(std::string_view path, std::string* why) {
  if (path.empty()) return *why = "an empty path", false;
  if (path[0] == '/' || (path.size() > 1 && path[1] == ':')) return *why = "an absolute path", false;
  if (path.find('\\') != std::string_view::npos) return *why = "a backslash in the path", false;
  if (path.find('\0') != std::string_view::npos) return *why = "a NUL in the path", false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    std::string_view part = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part.empty()) return *why = "an empty part in the path", false;
    if (part == "..") return *why = "\"..\" leaves the folder", false;
    if (part == ".") return *why = "a \".\" part in the path", false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

bool IsUtf8Text(std::string_view s, size_t* bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned c = p[i];
    if (c == 0) return *bad = i, false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return *bad = i, false;
    unsigned cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return *bad = i, false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return *bad = i, false;
    i += len;
  }
  return true;
}

std::string CleanText(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace {

bool CheckContent(const std::string& path, std::string* text, std::string* error) {
  if (text->size() > kMaxFileBytes) return *error = path + ": larger than 16 MB; not a spec file", false;
  size_t bad = 0;
  if (!IsUtf8Text(*text, &bad)) {
    *error = path + ": not UTF-8 text (byte " + std::to_string(bad) + "); save it as UTF-8";
    return false;
  }
  *text = CleanText(*text);
  return true;
}

}  // namespace

bool CheckTree(FileTree* files, std::string* error) {
  if (files->size() > kMaxFiles) return *error = "more than 5000 files; choose the spec folder itself", false;
  for (auto& [path, text] : *files) {
    std::string why;
    if (!SafeRelativePath(path, &why)) return *error = path + ": " + why, false;
    if (!CheckContent(path, &text, error)) return false;
  }
  return true;
}

namespace {

bool ReadOne(const fs::path& file, const std::string& rel, FileTree* out, std::string* error) {
  std::error_code ec;
  uintmax_t size = fs::file_size(file, ec);
  if (ec) return *error = rel + ": " + ec.message(), false;
  if (size > kMaxFileBytes) return *error = rel + ": larger than 16 MB; not a spec file", false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return *error = rel + ": cannot be read", false;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!CheckContent(rel, &text, error)) return false;
  if (out->size() >= kMaxFiles) return *error = "more than 5000 files; choose the spec folder itself", false;
  (*out)[rel] = std::move(text);
  return true;
}

std::string Rel(const fs::path& root, const fs::path& p) { return p.lexically_relative(root).generic_string(); }

}  // namespace

bool ReadFolder(const std::string& dir, const std::vector<std::string>& roots, FileTree* out, std::string* error) {
  std::error_code ec;
  fs::path root(dir);
  if (!fs::is_directory(root, ec)) return *error = dir + ": not a folder", false;
  for (const std::string& r : roots) {
    // Every part of the root's own path must be a real folder or file, not a link.
    fs::path at = root;
    bool present = true;
    for (const fs::path& part : fs::path(r)) {
      at /= part;
      fs::file_status st = fs::symlink_status(at, ec);
      if (ec || !fs::exists(st)) {
        present = false;
        break;
      }
      if (fs::is_symlink(st))
        return *error = Rel(root, at) + ": is a symbolic link; Specwave reads only files inside the folder", false;
    }
    if (!present) continue;
    fs::file_status st = fs::symlink_status(at, ec);
    if (fs::is_regular_file(st)) {
      if (!ReadOne(at, Rel(root, at), out, error)) return false;
      continue;
    }
    if (!fs::is_directory(st)) continue;
    for (fs::recursive_directory_iterator it(at, fs::directory_options::none, ec), end; !ec && it != end; it.increment(ec)) {
      fs::file_status est = it->symlink_status(ec);
      std::string rel = Rel(root, it->path());
      if (fs::is_symlink(est))
        return *error = rel + ": is a symbolic link; Specwave reads only files inside the folder", false;
      if (!fs::is_regular_file(est)) continue;
      if (!ReadOne(it->path(), rel, out, error)) return false;
    }
    if (ec) return *error = Rel(root, at) + ": " + ec.message(), false;
  }
  return true;
}

bool WriteFolder(const std::string& dir, const FileTree& files, std::string* error) {
  fs::path root(dir);
  std::error_code ec;
  for (const auto& [rel, text] : files) {
    std::string why;
    if (!SafeRelativePath(rel, &why)) return *error = rel + ": " + why, false;
    fs::path at = root;
    fs::path rel_path(rel);
    for (auto part = rel_path.begin(); part != rel_path.end(); ++part) {
      at /= *part;
      fs::file_status st = fs::symlink_status(at, ec);
      if (fs::is_symlink(st)) return *error = Rel(root, at) + ": is a symbolic link; not writing through it", false;
    }
    fs::create_directories((root / rel_path).parent_path(), ec);
    if (ec) return *error = rel + ": " + ec.message(), false;
    if (!WriteFileAtomic((root / rel_path).string(), text, &why)) return *error = rel + ": " + why, false;
  }
  return true;
}

}  // namespace specwave::interop
