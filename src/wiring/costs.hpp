// What a call costs, for both front ends: the price table (a file the person
// passes, the copy the web app's site carries, or the one compiled in) turned
// into the engine's CostFunction. The offline generator costs nothing.
#pragma once

#include <memory>
#include <string>

#include "engine/run_options.hpp"
#include "llm/pricing.hpp"

namespace specwave {

CostFunction MakeCostFunction(std::shared_ptr<const PriceTable> table);
// The table's context_tokens column, for the prompt-size check before a call
// (0 for the offline generator and for a model with no window in the table).
ContextWindowFunction MakeContextWindowFunction(std::shared_ptr<const PriceTable> table);
// The table in `yaml` (named `file` in messages); the compiled-in table when
// `yaml` is empty. Null with *error set when the text is not a price table.
std::shared_ptr<const PriceTable> PriceTableFrom(const std::string& yaml, const std::string& file, std::string* error);

}  // namespace specwave
