// Kinds are enums inside the program and names only at its edges (stored
// rows, JSON, command-line flags, YAML). One table per enum gives both
// directions, so a name is spelled once:
//
//   constexpr EnumName<RunStatus> kRunStatusNames[] = {{RunStatus::kRunning, "running"}, ...};
//   const char* n = NameOf(kRunStatusNames, RunStatus::kRunning);          // "running"
//   std::optional<RunStatus> s = ParseName(kRunStatusNames, "running");    // at the edge
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace specwave {

template <typename E>
struct EnumName {
  E value;
  const char* name;
};

template <typename E, std::size_t N>
const char* NameOf(const EnumName<E> (&table)[N], E value) {
  for (const auto& e : table)
    if (e.value == value) return e.name;
  return table[0].name;  // unreachable for a complete table; the first entry is the safe default
}

template <typename E, std::size_t N>
std::optional<E> ParseName(const EnumName<E> (&table)[N], std::string_view name) {
  for (const auto& e : table)
    if (name == e.name) return e.value;
  return std::nullopt;
}

}  // namespace specwave
