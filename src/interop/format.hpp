// The layouts Specwave writes and reads, one codec (exporter + importer, in
// files of their own) per tool:
//
//   speckit     GitHub Spec Kit: specs/NNN-slug/{spec,plan,research,data-model,quickstart,tasks}.md,
//               contracts/, .specify/memory/constitution.md
//   kiro        Kiro: .kiro/specs/slug/{requirements,design,tasks}.md, .kiro/steering/
//   openspec    OpenSpec: openspec/specs/<capability>/spec.md, openspec/changes/archive/<change>/
//   design-md   Google Labs DESIGN.md: one file, YAML tokens + prose sections
//   taskmaster  Task Master: .taskmaster/tasks/tasks.json, .taskmaster/docs/prd.txt
//
// A codec works on plain data (pack.hpp). The orchestration around it (id
// mapping, AGENTS.md, the manifest, the round-trip check that lists what the
// format dropped) is in interop.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "interop/pack.hpp"

namespace specwave::interop {

enum class Format { kSpecKit, kKiro, kOpenSpec, kDesignMd, kTaskmaster };

// One exported id and what it is called in the format: F2 <-> FR-002 <->
// "User Story 2".
struct IdMapping {
  std::string specwave;            // "F2", "E1", "T1.2"
  std::string native;              // "FR-002", "Requirement 2", "1.2"
  std::vector<std::string> also;   // other names the same item has there ("US2")
  std::string file;                // where it is defined
};

struct CodecExport {
  FileTree files;
  std::vector<IdMapping> ids;
  std::vector<Dropped> dropped;   // what the codec knows it could not hold (reasons)
  std::string entry;              // the main file or folder, for AGENTS.md ("specs/001-tidewater/")
};

struct ImportOptions {
  std::string feature;       // speckit / kiro: which feature folder when there are several
  std::string project_name;  // "" = from the files
};

struct CodecImport {
  Pack pack;                         // artifacts in Specwave's formats
  std::vector<Dropped> ignored;      // what was read but has no place in Specwave (file, section)
  std::vector<Diagnostic> errors;    // the folder is not of this format, or cannot be read
};

struct ExportContext {
  std::string slug;  // folder-safe project name ("tidewater")
};

struct Codec {
  Format format;
  const char* name;                 // "speckit"
  const char* tool;                 // "GitHub Spec Kit"
  std::vector<std::string> held;    // artifacts it can carry
  std::vector<std::string> roots;   // paths (files or folders) the importer reads
  CodecExport (*export_pack)(const Pack& pack, const ExportContext& ctx);
  CodecImport (*import_files)(const FileTree& files, const ImportOptions& options);
  // A short reason why `files` is not this layout, or "" if it looks like it.
  std::string (*not_this_layout)(const FileTree& files);
};

const Codec& CodecFor(Format format);
const std::vector<Format>& AllFormats();
const char* FormatName(Format format);
std::optional<Format> ParseFormat(std::string_view name);  // also accepts "spec-kit", "designmd", "task-master"
std::string FormatNames();                                  // "speckit, kiro, openspec, design-md, taskmaster"

// Codec entry points (one file each).
CodecExport ExportSpecKit(const Pack& pack, const ExportContext& ctx);
CodecImport ImportSpecKit(const FileTree& files, const ImportOptions& options);
std::string NotSpecKit(const FileTree& files);
CodecExport ExportKiro(const Pack& pack, const ExportContext& ctx);
CodecImport ImportKiro(const FileTree& files, const ImportOptions& options);
std::string NotKiro(const FileTree& files);
CodecExport ExportOpenSpec(const Pack& pack, const ExportContext& ctx);
CodecImport ImportOpenSpec(const FileTree& files, const ImportOptions& options);
std::string NotOpenSpec(const FileTree& files);
CodecExport ExportDesignMd(const Pack& pack, const ExportContext& ctx);
CodecImport ImportDesignMd(const FileTree& files, const ImportOptions& options);
std::string NotDesignMd(const FileTree& files);
CodecExport ExportTaskmaster(const Pack& pack, const ExportContext& ctx);
CodecImport ImportTaskmaster(const FileTree& files, const ImportOptions& options);
std::string NotTaskmaster(const FileTree& files);

}  // namespace specwave::interop
