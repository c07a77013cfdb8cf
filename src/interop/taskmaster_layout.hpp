// What Task Master's export and import agree on (internal to the taskmaster codec).
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace specwave::interop::taskmaster {

inline constexpr const char* kTasksPath = ".taskmaster/tasks/tasks.json";
inline constexpr const char* kPrdPath = ".taskmaster/docs/prd.txt";
inline constexpr const char* kTag = "master";

// An epic's text without / with only its "Done when ..." paragraphs (the
// test strategy).
std::pair<std::string, std::string> SplitDoneWhen(std::string_view body);

}  // namespace specwave::interop::taskmaster
