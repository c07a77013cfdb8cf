// Internal to the reply cleaner: is a paragraph a model talking to the reader
// rather than part of the document? Three shapes, each a short paragraph of
// prose (never a heading, list, table, quote or fence — the caller checks
// that) matched against the phrasing models use:
//
//   opener   "Sure! Here's the analysis…", "Certainly — below is…",
//            "Here is the updated PRD:", "I've drafted prd.md from the brief."
//   closing  "Let me know if…", "I hope this helps", "Feel free to…",
//            "Would you like me to…", "I can also add…"
//   refusal  "I'm sorry, but I can't help with that.", "I cannot assist
//            with…", "As an AI…"
//
// The text is compared lowercased with markdown emphasis, leading
// punctuation/emoji and repeated spaces removed. An opener starts with an
// interjection followed by punctuation ("Sure!", "Certainly —") or a phrase
// that is always conversational ("No problem", "As requested"); or has a
// sentence starting "Here is/Here's/Below is…" that ends the paragraph with
// ':' or '!' or names the document ("the PRD", "analysis", a declared file):
// "Here's how booking works today: members text the captain." is content; or
// starts "I've/I'll/Based on…" and points at the document (ends with ':',
// says "here/below/the following" or "drafted/written/prepared…", or names
// the document: "I'll break E2 down into implementable tasks.").
// a closing must *contain* a phrase addressed to the requester that refers to
// the assistant itself ("let me know", "would you like me", "I can also"):
// "Would you like offline sync in v1?" — an open question of the document —
// is not one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave::reply {

// Lowercase, '*', '_' and '`' removed, runs of spaces collapsed, leading
// characters that are not ASCII letters or digits dropped.
std::string ProseKey(std::string_view paragraph);

// `names`: the declared file names, which count as naming the document.
bool IsOpenerRemark(std::string_view paragraph, const std::vector<std::string>& names = {});
bool IsClosingRemark(std::string_view paragraph);
bool IsRefusal(std::string_view paragraph);

// Short enough to be a remark: at most 4 lines and 500 bytes (refusals: 8
// lines, 900 bytes — models explain themselves at length when refusing).
bool IsRemarkSized(std::string_view paragraph, bool refusal = false);

}  // namespace specwave::reply
