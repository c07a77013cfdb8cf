#include "cli/cli.hpp"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/version.hpp"

namespace specwave::cli {
namespace {

struct Command {
  const char* name;
  const char* synopsis;
  int (*run)(int, char**, const Environment&);
};

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"plan", "plan SPEC.yml [--json] [--durations FILE]   phases, dependency levels, critical path", CmdPlan},
      {"validate-spec", "validate-spec SPEC.yml                     check a workflow spec (exit 0 or 2)",
       CmdValidateSpec},
      {"run", "run --spec FILE --brief FILE [--provider offline|openai|anthropic --model M --base-url URL] [--db FILE] [--sequential|--waves] [--budget-usd N] [--json]", CmdRun},
      {"resume", "resume --db FILE [--json]                   continue an interrupted run", CmdResume},
      {"approve", "approve --db FILE GATE                      approve an approval gate", CmdApprove},
      {"status", "status --db FILE [--project ID] [--json]    phases and artifacts with their states", CmdStatus},
      {"validate", "validate --validator NAME FILE.md [--json]  run one validator on a file", CmdValidate},
      {"diff", "diff OLD.md NEW.md [--json]                 section-level change between two versions", CmdDiff},
      {"impact", "impact --db FILE --artifact A --content NEW.md [--json]", CmdImpact},
      {"regenerate", "regenerate --db FILE --artifact A --content NEW.md --strategy S [--json]", CmdRegenerate},
      {"export", "export --db FILE --out DIR [--project ID] [--single-file] [--salvage]   folder or one .specwave.json",
       CmdExport},
      {"export", "export --format speckit|kiro|openspec|design-md|taskmaster --db FILE --out DIR   another tool's layout",
       CmdExport},
      {"import", "import DIR|FILE --db FILE                   import an exported project (as a new project)", CmdImport},
      {"import", "import --format NAME DIR --db FILE [--feature NAME]   a project from another tool's layout", CmdImport},
      {"sync", "sync DIR --db FILE [--prefer folder|project] [--regenerate STRATEGY]   folder edits back as your edits",
       CmdSync},
  };
  return kCommands;
}

void PrintHelp(FILE* out) {
  std::fprintf(out,
               "specwave %s — spec-driven development: a brief in, a consistent spec pack out\n\n"
               "usage: specwave COMMAND [options]\n\ncommands:\n",
               kVersion);
  for (const auto& c : Commands()) std::fprintf(out, "  specwave %s\n", c.synopsis);
  std::fprintf(out,
               "\n  specwave --help | --version\n\n"
               "exit codes: 0 success, 1 runtime failure, 2 bad input or usage\n");
}

}  // namespace

int NotYetImplemented(const char* command, const char* issue) {
  std::fprintf(stderr, "specwave %s: not implemented yet (%s)\n", command, issue);
  return kExitFailure;
}

int UsageError(const std::string& message) {
  std::fprintf(stderr, "specwave: %s\n", message.c_str());
  return kExitBadInput;
}

int Main(int argc, char** argv, const Environment& env) {
  if (argc < 2) {
    PrintHelp(stderr);
    return kExitBadInput;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintHelp(stdout);
    return kExitOk;
  }
  if (cmd == "--version") {
    std::printf("specwave %s\n", kVersion);
    return kExitOk;
  }
  for (const auto& c : Commands()) {
    if (cmd == c.name) {
      for (int i = 2; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help")) {
          // A command may have several forms (export, export --format).
          for (const auto& form : Commands())
            if (cmd == form.name) std::printf("usage: specwave %s\n", form.synopsis);
          return kExitOk;
        }
      try {
        return c.run(argc, argv, env);
      } catch (const std::exception& e) {
        // Commands report expected failures as values; this is the last line
        // of defence so that no input ever ends in an uncaught exception.
        std::fprintf(stderr, "specwave %s: internal error: %s\n", c.name, e.what());
        return kExitFailure;
      }
    }
  }
  return UsageError("unknown command '" + cmd + "' (see specwave --help)");
}

}  // namespace specwave::cli
