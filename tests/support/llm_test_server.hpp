// Starts tests/support/llm_test_server.py (the local server that speaks the
// OpenAI and Anthropic streaming protocols, with injectable faults) for one
// test, and talks to its control endpoints through the real libcurl transport.
//
//   LlmTestServer server({"--chunk-ms", "1"});
//   server.Faults(R"([{"label": "SPEC_PM", "kind": "429", "retry_after": "1"}])");
//   ... run against server.base_url("openai") ...
//   auto stats = server.Stats();  // nlohmann::json: requests, max_in_flight, ...
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cancel.hpp"
#include "platform/native/curl_transport.hpp"

namespace specwave::test {

class LlmTestServer {
 public:
  explicit LlmTestServer(std::vector<std::string> args = {}) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      close(out[1]);
      std::vector<std::string> argv = {"python3", std::string(SPECWAVE_SOURCE_ROOT) + "/tests/support/llm_test_server.py",
                                       "--port", "0"};
      argv.insert(argv.end(), args.begin(), args.end());
      std::vector<char*> c;
      for (auto& a : argv) c.push_back(a.data());
      c.push_back(nullptr);
      execvp("python3", c.data());
      _exit(127);
    }
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    char line[256] = {0};
    if (!f || !std::fgets(line, sizeof line, f) || std::sscanf(line, "LISTENING %d", &port_) != 1) {
      if (f) std::fclose(f);
      Stop();
      throw std::runtime_error("the LLM test server did not start");
    }
    out_ = f;  // kept open: the server's later prints must not hit a closed pipe
  }
  ~LlmTestServer() {
    Stop();
    if (out_) std::fclose(out_);
  }
  LlmTestServer(const LlmTestServer&) = delete;
  LlmTestServer& operator=(const LlmTestServer&) = delete;

  int port() const { return port_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string base_url() const { return origin() + "/v1"; }

  void Faults(const std::string& json_list) { Request("POST", "/_control/faults", json_list); }
  void Replies(const std::string& json_object) { Request("POST", "/_control/replies", json_object); }
  void Reset() { Request("POST", "/_control/reset", "{}"); }
  nlohmann::json Stats() { return nlohmann::json::parse(Request("GET", "/_stats", "")); }

 private:
  std::string Request(const std::string& method, const std::string& path, const std::string& body) {
    auto http = MakeCurlTransport();
    HttpRequest r;
    r.method = method;
    r.url = origin() + path;
    r.body = body;
    r.headers = {{"Content-Type", "application/json"}};
    std::string got;
    HttpCallbacks cb;
    cb.on_chunk = [&](const char* d, size_t n) {
      got.append(d, n);
      return true;
    };
    HttpResult res = http->Send(r, cb, CancelToken{});
    if (res.error != TransportError::kNone || res.status >= 300)
      throw std::runtime_error("test server control " + path + " failed: " + res.error_message + " " + got);
    return got;
  }
  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int st = 0;
      waitpid(pid_, &st, 0);
      pid_ = -1;
    }
  }
  pid_t pid_ = -1;
  int port_ = 0;
  FILE* out_ = nullptr;
};

}  // namespace specwave::test
