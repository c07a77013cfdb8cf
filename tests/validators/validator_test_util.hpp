// Helpers for the validator tests: run a validator on a text and ask about its
// findings by rule (and line), with every finding printed when a check fails.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/files.hpp"
#include "validators/validator.hpp"
#include "support/paths.hpp"

namespace specwave::test {

inline validators::ValidationResult RunValidator(const std::string& name, const std::string& artifact,
                                                 const std::string& text) {
  const validators::Validator* v = validators::FindValidator(name);
  REQUIRE_MESSAGE(v != nullptr, name);
  validators::ValidationContext ctx;
  ctx.artifact = artifact;
  ctx.content = text;
  return v->Run(ctx);
}

inline validators::ValidationResult Slop(const std::string& text, const std::string& artifact = "design-tokens.md") {
  return RunValidator("anti_ai_slop", artifact, text);
}

inline std::string Dump(const validators::ValidationResult& r) {
  std::string out = r.validator + " on " + r.artifact + ":\n";
  for (const auto& f : r.findings)
    out += "  " + std::string(SeverityName(f.severity)) + " " + f.rule + " line " + std::to_string(f.line) + ": " +
           f.message + " | " + f.excerpt + "\n";
  return out;
}

inline int CountRule(const validators::ValidationResult& r, const std::string& rule, int line = -1) {
  int n = 0;
  for (const auto& f : r.findings) n += f.rule == rule && (line < 0 || f.line == line);
  return n;
}

inline const validators::Finding* FindRule(const validators::ValidationResult& r, const std::string& rule) {
  for (const auto& f : r.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

inline std::string ReadData(const std::string& rel) {
  std::string err;
  auto text = ReadFile(DataPath(rel), &err);
  REQUIRE_MESSAGE(text.has_value(), err);
  return *text;
}

inline std::string ReadSource(const std::string& rel) {
  std::string err;
  auto text = ReadFile(SourcePath(rel), &err);
  REQUIRE_MESSAGE(text.has_value(), err);
  return *text;
}

}  // namespace specwave::test
