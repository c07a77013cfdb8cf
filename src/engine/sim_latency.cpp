#include "engine/sim_latency.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>

#include "core/files.hpp"

namespace specwave {

SimLatencyLoadResult LoadSimLatency(const std::string& yaml_text, const std::string& file, const WorkflowSpec& spec) {
  SimLatencyLoadResult r;
  auto error = [&](int line, const std::string& msg) {
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.message = msg;
    r.errors.push_back(d);
  };
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    error(e.mark.line >= 0 ? e.mark.line + 1 : 0, "malformed YAML: " + e.msg);
    return r;
  }
  if (!root.IsMap()) {
    error(0, "expected a map PHASE: milliseconds");
    return r;
  }
  std::vector<double> ms(spec.phases.size(), -1);
  double fallback = 0;
  for (const auto& kv : root) {
    int line = kv.first.Mark().line + 1;
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    double value = 0;
    bool ok = kv.second.IsScalar();
    if (ok) {
      try {
        size_t used = 0;
        value = std::stod(kv.second.Scalar(), &used);
        ok = used == kv.second.Scalar().size() && std::isfinite(value) && value >= 0 && value <= 3.6e6;
      } catch (...) {
        ok = false;
      }
    }
    if (!ok) {
      error(line, "'" + key + "': expected milliseconds between 0 and 3600000");
      continue;
    }
    if (key == "default") {
      fallback = value;
      continue;
    }
    int i = spec.IndexOf(key);
    if (i < 0) {
      error(line, "unknown phase '" + key + "'");
      continue;
    }
    ms[i] = value;
  }
  if (HasErrors(r.errors)) return r;
  for (auto& v : ms)
    if (v < 0) v = fallback;
  r.latency = SimLatency(std::move(ms));
  return r;
}

SimLatencyLoadResult LoadSimLatencyFile(const std::string& path, const WorkflowSpec& spec) {
  std::string err;
  auto text = ReadFile(path, &err);
  if (!text) {
    SimLatencyLoadResult r;
    Diagnostic d;
    d.message = err;
    r.errors.push_back(d);
    return r;
  }
  return LoadSimLatency(*text, path, spec);
}

}  // namespace specwave
