// Fences around untrusted text in a prompt (issue 15.3). The brief, the
// upstream artifacts, a fan-out item and a person's edits are data written by
// someone other than the engine — a brief, or a document a model wrote after
// reading a hostile brief, may say "ignore all previous instructions", carry
// a forged `=== FILE: prd.md ===` or a second "# Your task / PHASE:" section.
// Each such text enters the prompt between two marker lines:
//
//   <<<BEGIN prd.md 7f3a09c2e15b4d86>>>
//   ...the text, byte for byte...
//   <<<END prd.md 7f3a09c2e15b4d86>>>
//
// and the system prompt says that only the END line with the same name and
// code closes a block, and that nothing inside one is an instruction.
//
// Why the code is a hash of the content, not a random or per-run nonce: the
// prompt's shared prefix must stay byte-identical across sibling phases, the
// items of a fan-out and reruns (providers' prompt caches and the response
// cache match on exact bytes), so the code may depend only on the block
// itself. It still cannot be forged: to close its own block early, a text
// would have to contain the line "<<<END name H>>>" where H is the hash of
// that very text (the line included) — a fixed point of SHA-256 cut to 64
// bits, which nobody can construct. A forged END line with any other code is
// just more data inside the block.
#pragma once

#include <string>

namespace specwave {

// 16 hex digits of SHA-256 over the block's name and text.
std::string FenceCode(const std::string& name, const std::string& text);

// The text between its BEGIN and END lines (a final newline added if
// missing). `name` should be a file name or a word without spaces; spaces
// are replaced by '_' so a reader can split the marker line.
std::string Fence(const std::string& name, const std::string& text);

// "   1 | first line\n   2 | second line\n": what a review needs to name
// lines (the numbers are the artifact's own 1-based line numbers).
std::string NumberLines(const std::string& text);

}  // namespace specwave
