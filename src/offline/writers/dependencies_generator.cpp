// dependencies.md: the packages the chosen stack and its feature add-ons need
// (stack_catalog.hpp), one table row each with version policy, licence,
// purpose and risk, followed by the policy that applies to all of them.
#include "offline/writers/generators.hpp"
#include "offline/domain/stack_catalog.hpp"

namespace specwave::offline {

namespace {

std::string Cell(std::string s) {
  for (size_t p; (p = s.find('|')) != std::string::npos;) s.replace(p, 1, "/");
  return s;
}

}  // namespace

std::string GenerateDependencies(const GenInput& in) {
  StackProfile stack = StackById(StackIdFor(in), in.brief);
  std::string out = Header(in, "Dependencies", {{"stack", YamlScalar(stack.id)}});
  out += "\n" + std::to_string(stack.packages.size()) + " third-party packages and services for `" + stack.id +
         "` and the layers its features add (architecture.md). Licences are as published by each project; confirm "
         "them in the lock file's licence report before release.\n";
  out += "\n## Packages\n\n| package | version policy | licence | purpose | risk |\n|---|---|---|---|---|\n";
  for (const auto& p : stack.packages)
    out += "| " + Cell(p.name) + " | " + Cell(p.version_policy) + " | " + Cell(p.licence) + " | " + Cell(p.purpose) +
           " | " + Cell(p.risk) + " |\n";
  out += "\n## Policy\n\n";
  out += "- A lock file is committed; builds install from it only.\n";
  out += "- Updates arrive as one pull request per week and merge only when every test passes.\n";
  out += "- A security advisory for a package here is patched within 7 days (critical: 48 hours).\n";
  out += "- New packages need a line in this table first: licence, purpose and risk.\n";
  return out;
}

}  // namespace specwave::offline
