#include "llm/pricing.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/files.hpp"

namespace specwave {

const ModelPrice* PriceTable::Find(const std::string& provider, const std::string& model) const {
  const ModelPrice* best = nullptr;
  size_t best_len = 0;
  for (const auto& r : rows) {
    if (r.provider != provider && r.provider != "*") continue;
    bool prefix = !r.model.empty() && r.model.back() == '*';
    std::string stem = prefix ? r.model.substr(0, r.model.size() - 1) : r.model;
    bool match = prefix ? model.compare(0, stem.size(), stem) == 0 : model == stem;
    size_t len = stem.size() + (prefix ? 0 : 1);  // an exact id beats a prefix of the same length
    if (match && (!best || len > best_len)) {
      best = &r;
      best_len = len;
    }
  }
  return best;
}

double PriceTable::Cost(const std::string& provider, const std::string& model, const TokenUsage& u) const {
  const ModelPrice* p = Find(provider, model);
  if (!p) return -1;
  // Reads and writes are parts of input_tokens; a provider that reports more
  // of them than input (it should not) is capped rather than priced negative.
  int64_t cached = std::clamp<int64_t>(u.cached_input_tokens, 0, u.input_tokens);
  int64_t written = std::clamp<int64_t>(u.cache_write_tokens, 0, u.input_tokens - cached);
  int64_t plain = u.input_tokens - cached - written;
  return (plain * p->input_per_mtok + cached * p->cached_input_per_mtok + written * p->cache_write_per_mtok +
          u.output_tokens * p->output_per_mtok) /
         1e6;
}

namespace {

int LineOf(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

}  // namespace

PricingLoadResult LoadPricing(const std::string& yaml_text, const std::string& file) {
  PricingLoadResult out;
  auto error = [&](int line, const std::string& message) {
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.message = message;
    out.errors.push_back(d);
  };
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    error(e.mark.line >= 0 ? e.mark.line + 1 : 0, "not valid YAML: " + e.msg);
    return out;
  }
  if (!root.IsMap() || !root["models"] || !root["models"].IsSequence()) {
    error(root.IsDefined() ? LineOf(root) : 0, "expected a map with a 'models:' list");
    return out;
  }
  PriceTable table;
  for (const auto& row : root["models"]) {
    int line = LineOf(row);
    if (!row.IsMap()) {
      error(line, "each model row is a map {provider, model, input, output}");
      continue;
    }
    ModelPrice p;
    try {
      if (!row["provider"] || !row["model"] || !row["input"] || !row["output"]) {
        error(line, "a model row needs provider, model, input and output");
        continue;
      }
      p.provider = row["provider"].as<std::string>();
      p.model = row["model"].as<std::string>();
      p.input_per_mtok = row["input"].as<double>();
      p.output_per_mtok = row["output"].as<double>();
      p.cached_input_per_mtok = row["cached_input"] ? row["cached_input"].as<double>() : p.input_per_mtok;
      p.cache_write_per_mtok = row["cache_write"] ? row["cache_write"].as<double>() : p.input_per_mtok;
    } catch (const YAML::Exception& e) {
      error(line, "model row: a price is not a number (" + e.msg + ")");
      continue;
    }
    try {
      if (row["context_tokens"]) p.context_tokens = row["context_tokens"].as<int64_t>();
    } catch (const YAML::Exception& e) {
      error(line, "model '" + p.model + "': context_tokens is not a whole number (" + e.msg + ")");
      continue;
    }
    if (p.input_per_mtok < 0 || p.output_per_mtok < 0 || p.cached_input_per_mtok < 0 || p.cache_write_per_mtok < 0) {
      error(line, "model '" + p.model + "': prices cannot be negative");
      continue;
    }
    if (p.context_tokens < 0) {
      error(line, "model '" + p.model + "': context_tokens cannot be negative");
      continue;
    }
    table.rows.push_back(p);
  }
  if (out.errors.empty()) out.prices = std::move(table);
  return out;
}

PricingLoadResult LoadPricingFile(const std::string& path) {
  std::string err;
  auto text = ReadFile(path, &err);
  if (!text) {
    PricingLoadResult out;
    Diagnostic d;
    d.file = path;
    d.message = err;
    out.errors.push_back(d);
    return out;
  }
  return LoadPricing(*text, path);
}

const PriceTable& DefaultPriceTable() {
  static const PriceTable kTable = [] {
    auto r = LoadPricing(DefaultPricingYaml(), "assets/pricing.yml");
    return r.prices ? *r.prices : PriceTable{};  // a broken built-in table is caught by pricing_test
  }();
  return kTable;
}

}  // namespace specwave
