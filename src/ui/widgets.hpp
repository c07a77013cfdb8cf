// Small drawing helpers shared by the views, so every panel uses the same
// four type sizes, 8-pt spacing and state colours.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "engine/phase_checks.hpp"
#include "engine/store_port.hpp"
#include "ui/theme.hpp"

namespace specwave::ui {

void Title(const char* text);                 // TypeSize::kTitle
void Muted(const char* fmt, ...);             // small, muted
void Gap(float points = 8);                   // vertical space on the grid
bool AccentButton(const char* label, ImVec2 size = ImVec2(0, 0));
ImU32 StatusColor(PhaseStatus s);
const char* StatusLabel(PhaseStatus s);
void StatusChip(PhaseStatus s);
std::string FormatMs(double ms);              // "850 ms", "12.4 s", "3 min 10 s"
std::string FormatTokens(int64_t n);          // "12.3k"
// Validation findings as "error epics.md:12 [traceability] message" lines,
// coloured by severity, each with its offending text under it.
void FindingList(const std::vector<ArtifactFinding>& findings);

}  // namespace specwave::ui
