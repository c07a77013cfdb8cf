// Reading fields of a vendor's JSON without trusting its shape: a field that
// is missing or of another type reads as absent, never as an exception. Used
// by the stream decoders (openai_protocol.cpp, anthropic_protocol.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "llm/wire_protocol.hpp"

namespace specwave::json_fields {

using nlohmann::json;

// o[key] if o is an object holding key, else null.
inline const json* Member(const json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  return it == o.end() ? nullptr : &*it;
}

inline const json* Object(const json& o, const char* key) {
  const json* m = Member(o, key);
  return m && m->is_object() ? m : nullptr;
}

// Sets *out and returns true when o[key] is a string.
inline bool String(const json& o, const char* key, std::string* out) {
  const json* m = Member(o, key);
  if (!m || !m->is_string()) return false;
  *out = m->get<std::string>();
  return true;
}

// Sets *out and returns true when o[key] is an integer.
inline bool Int(const json& o, const char* key, int64_t* out) {
  const json* m = Member(o, key);
  if (!m || !m->is_number_integer()) return false;
  *out = m->get<int64_t>();
  return true;
}

inline int64_t IntOr0(const json& o, const char* key) {
  int64_t v = 0;
  Int(o, key, &v);
  return v;
}

// One event's JSON object; anything else is a malformed stream (worth a retry).
inline bool ParseEvent(const SseEvent& event, StreamState* s, json* out) {
  *out = json::parse(event.data, nullptr, /*allow_exceptions=*/false);
  if (!out->is_discarded() && out->is_object()) return true;
  s->error = "the stream carried an event that is not JSON: " + event.data.substr(0, 120);
  s->error_retryable = true;
  return false;
}

}  // namespace specwave::json_fields
