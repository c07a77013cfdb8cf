#include "cli/args.hpp"

namespace specwave::cli {

bool Args::Parse(int argc, char** argv, int first, const ArgSpec& spec, std::string* error) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      for (++i; i < argc; ++i) positionals_.push_back(argv[i]);
      break;
    }
    if (a.size() > 2 && a[0] == '-' && a[1] == '-') {
      std::string key = a.substr(2), value;
      bool inline_value = false;
      if (auto eq = key.find('='); eq != std::string::npos) {
        value = key.substr(eq + 1);
        key = key.substr(0, eq);
        inline_value = true;
      }
      if (spec.flags.count(key)) {
        if (inline_value) {
          *error = "option --" + key + " takes no value";
          return false;
        }
        flags_.insert(key);
      } else if (spec.options.count(key)) {
        if (!inline_value) {
          if (i + 1 >= argc) {
            *error = "option --" + key + " needs a value";
            return false;
          }
          value = argv[++i];
        }
        values_[key] = value;
      } else {
        *error = "unknown option --" + key;
        return false;
      }
    } else {
      positionals_.push_back(a);
    }
  }
  return true;
}

std::optional<std::string> Args::Get(const std::string& option) const {
  auto it = values_.find(option);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::GetOr(const std::string& option, const std::string& fallback) const {
  auto v = Get(option);
  return v ? *v : fallback;
}

}  // namespace specwave::cli
