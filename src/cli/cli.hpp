// The `specwave` command-line tool, as a library: cli_main.cpp only wires the
// platform in. Every command returns an exit code:
//   0 success, 1 runtime failure, 2 bad input or usage.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace specwave {
class HttpTransport;
}

namespace specwave::cli {

enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitBadInput = 2 };

// What the platform provides to commands that need it.
struct Environment {
  std::function<std::unique_ptr<HttpTransport>()> make_http;  // may be empty
  std::function<std::string(const std::string&)> getenv;      // reads API keys
};

int Main(int argc, char** argv, const Environment& env);

}  // namespace specwave::cli
