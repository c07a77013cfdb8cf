// Composition root of the `specwave` command-line tool: wires the native
// platform (libcurl HTTP, process environment) into the CLI library.
#include <cstdlib>

#include "cli/cli.hpp"
#include "platform/native/curl_transport.hpp"

int main(int argc, char** argv) {
  specwave::cli::Environment env;
  env.make_http = [] { return specwave::MakeCurlTransport(); };
  env.getenv = [](const std::string& name) {
    const char* v = std::getenv(name.c_str());
    return std::string(v ? v : "");
  };
  return specwave::cli::Main(argc, argv, env);
}
