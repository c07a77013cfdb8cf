// A fixture for layering/IncludeCheckCatchesAReverseInclude: the engine
// must not include the UI.
#include "ui/view.hpp"
