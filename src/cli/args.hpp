// A small, strict command-line parser: `--flag`, `--key VALUE`, `--key=VALUE`
// and positionals. Unknown options are errors (exit 2), so a typo never runs a
// command with a default the user did not ask for.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace specwave::cli {

struct ArgSpec {
  std::set<std::string> flags;    // options without a value, e.g. "json"
  std::set<std::string> options;  // options with a value, e.g. "db"
};

class Args {
 public:
  // Parses argv[first..]; on error returns false and sets *error.
  bool Parse(int argc, char** argv, int first, const ArgSpec& spec, std::string* error);

  bool Has(const std::string& flag) const { return flags_.count(flag) > 0; }
  std::optional<std::string> Get(const std::string& option) const;
  std::string GetOr(const std::string& option, const std::string& fallback) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positionals_;
};

}  // namespace specwave::cli
