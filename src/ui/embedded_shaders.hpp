// GLSL sources from shaders/, embedded at build time (cmake/embed_shaders.cmake).
#pragma once

namespace specwave::ui {

// The text of shaders/<name>, or nullptr if there is no such file.
const char* EmbeddedShader(const char* name);

}  // namespace specwave::ui
