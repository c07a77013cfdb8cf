// Reading a folder someone else wrote, or a tree a browser handed over: only
// the layout's files, no links, no paths that leave the folder, UTF-8 only.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "interop/folder_io.hpp"
#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;
namespace fs = std::filesystem;

namespace {

fs::path Fresh(const std::string& name) {
  fs::path p = fs::path(test::ScratchDir()) / "interop" / (name + "-" + std::to_string(getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

}  // namespace

TEST_CASE("FolderIo.PathsThatLeaveTheFolderAreRefused") {
  std::string why;
  CHECK(SafeRelativePath("specs/001-x/spec.md", &why));
  for (const char* bad : {"../etc/passwd", "specs/../../x", "/etc/passwd", "a//b", "a\\b", "./a", "", "C:/x"}) {
    INFO(bad);
    CHECK_FALSE(SafeRelativePath(bad, &why));
  }
  CHECK_FALSE(SafeRelativePath(std::string("a\0b", 3), &why));
}

TEST_CASE("FolderIo.OnlyWellFormedUtf8IsText") {
  size_t bad = 0;
  CHECK(IsUtf8Text("plain", &bad));
  CHECK(IsUtf8Text("Tidewater — oklch(0.52 0.09 215) 🌊", &bad));
  CHECK_FALSE(IsUtf8Text("caf\xE9", &bad));
  CHECK(bad == 3);
  CHECK_FALSE(IsUtf8Text("\xC0\xAF", &bad));          // overlong '/'
  CHECK_FALSE(IsUtf8Text("\xED\xA0\x80", &bad));      // a surrogate
  CHECK_FALSE(IsUtf8Text("\xF4\x90\x80\x80", &bad));  // past U+10FFFF
  CHECK_FALSE(IsUtf8Text(std::string("a\0b", 3), &bad));
  CHECK(CleanText("\xEF\xBB\xBFline\r\nnext\rlast") == "line\nnext\nlast");
}

TEST_CASE("FolderIo.ATreeFromTheBrowserIsCheckedFileByFile") {
  FileTree ok = {{"DESIGN.md", "# X\r\n"}};
  std::string err;
  CHECK(CheckTree(&ok, &err));
  CHECK(ok["DESIGN.md"] == "# X\n");
  FileTree escape = {{"../outside.md", "# X\n"}};
  CHECK_FALSE(CheckTree(&escape, &err));
  CHECK(err == "../outside.md: \"..\" leaves the folder");
  FileTree latin = {{"specs/001-x/spec.md", "caf\xE9\n"}};
  CHECK_FALSE(CheckTree(&latin, &err));
  CHECK(err.find("specs/001-x/spec.md: not UTF-8 text") == 0);
}

TEST_CASE("FolderIo.ReadsOnlyTheLayoutsFiles") {
  fs::path dir = Fresh("roots");
  fs::create_directories(dir / ".kiro/specs/x");
  fs::create_directories(dir / "src");
  std::ofstream(dir / ".kiro/specs/x/requirements.md") << "# Requirements Document\n";
  std::ofstream(dir / "src/main.c") << "int main(void) { return 0; }\n";
  std::ofstream(dir / "src/blob.bin") << std::string("\xFF\xFE\x00\x01", 4);  // not ours to read
  FileTree files;
  std::string err;
  REQUIRE(ReadFolder(dir.string(), ReadRoots(Format::kKiro), &files, &err));
  CHECK(files.size() == 1);
  CHECK(files.count(".kiro/specs/x/requirements.md"));
}

TEST_CASE("FolderIo.ALinkedFolderIsRefused") {
  fs::path dir = Fresh("linked");
  fs::path elsewhere = Fresh("linked-target");
  fs::create_directories(elsewhere / "x");
  std::ofstream(elsewhere / "x/requirements.md") << "# R\n";
  fs::create_directories(dir / ".kiro");
  fs::create_directory_symlink(elsewhere, dir / ".kiro/specs");
  FileTree files;
  std::string err;
  CHECK_FALSE(ReadFolder(dir.string(), ReadRoots(Format::kKiro), &files, &err));
  CHECK(err == ".kiro/specs: is a symbolic link; Specwave reads only files inside the folder");
  FileTree out = {{".kiro/specs/x/requirements.md", "# New\n"}};
  CHECK_FALSE(WriteFolder(dir.string(), out, &err));
  CHECK(err.find("is a symbolic link; not writing through it") != std::string::npos);
  std::ifstream in(elsewhere / "x/requirements.md");
  std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(kept == "# R\n");
}
