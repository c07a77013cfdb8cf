#include "interop/format.hpp"

#include "core/text.hpp"

namespace specwave::interop {

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = {Format::kSpecKit, Format::kKiro, Format::kOpenSpec, Format::kDesignMd,
                                           Format::kTaskmaster};
  return kAll;
}

const Codec& CodecFor(Format format) {
  static const Codec kCodecs[] = {
      {Format::kSpecKit, "speckit", "GitHub Spec Kit",
       {"prd.md", "architecture.md", "stack.md", "data-model.md", "api-spec.md", "journey-maps.md", "epics.md",
        "tasks.md", "analysis.md"},
       {"specs", ".specify/memory/constitution.md"},
       ExportSpecKit, ImportSpecKit, NotSpecKit},
      {Format::kKiro, "kiro", "Kiro",
       {"prd.md", "architecture.md", "data-model.md", "api-spec.md", "epics.md", "tasks.md", "analysis.md", "stack.md"},
       {".kiro/specs", ".kiro/steering"},
       ExportKiro, ImportKiro, NotKiro},
      {Format::kOpenSpec, "openspec", "OpenSpec",
       {"prd.md", "epics.md"},
       {"openspec/specs"},
       ExportOpenSpec, ImportOpenSpec, NotOpenSpec},
      {Format::kDesignMd, "design-md", "Google Labs DESIGN.md",
       {"design-tokens.md", "component-mapping.md"},
       {"DESIGN.md"},
       ExportDesignMd, ImportDesignMd, NotDesignMd},
      {Format::kTaskmaster, "taskmaster", "Task Master",
       {"epics.md", "tasks.md", "prd.md"},
       {".taskmaster/tasks/tasks.json", ".taskmaster/docs/prd.txt"},
       ExportTaskmaster, ImportTaskmaster, NotTaskmaster},
  };
  return kCodecs[static_cast<int>(format)];
}

const char* FormatName(Format format) { return CodecFor(format).name; }

std::optional<Format> ParseFormat(std::string_view name) {
  std::string n = ToLower(Trim(name));
  if (n == "spec-kit" || n == "spec_kit") n = "speckit";
  if (n == "designmd" || n == "design.md" || n == "design_md") n = "design-md";
  if (n == "task-master" || n == "task_master" || n == "claude-task-master") n = "taskmaster";
  for (Format f : AllFormats())
    if (n == CodecFor(f).name) return f;
  return std::nullopt;
}

std::string FormatNames() {
  std::vector<std::string> names;
  for (Format f : AllFormats()) names.emplace_back(FormatName(f));
  return Join(names, ", ");
}

}  // namespace specwave::interop
