// Rules for text that becomes a file name or leaves the machine: artifact
// names (they become paths in an export folder, so they must never climb out
// of it) and secret-looking settings (never stored, never exported).
#pragma once

#include <string>
#include <string_view>

namespace specwave {

// An artifact name is a relative path such as "prd.md" or "features/auth.md":
// '/'-separated segments, none empty, "." or "..", no backslash, no control
// characters, none of : * ? " < > | (which some file systems refuse), at most
// 200 bytes. On failure says why in *why.
bool IsSafeArtifactName(std::string_view name, std::string* why);

// True when `text` is well-formed UTF-8 (artifacts are text; JSON needs it).
bool IsValidUtf8(std::string_view text);

// True for a settings key that names a credential: any word of it (split at
// '_', '-', '.', ' ' and camelCase humps) is key, apikey, token, secret,
// password, passwd, authorization, bearer, credential(s) or cookie. "max_tokens"
// is not one ("tokens" is a count, not a credential).
bool IsSecretKeyName(std::string_view key);

// True for a value that looks like a provider key ("sk-...", "Bearer ...").
bool LooksLikeSecretValue(std::string_view value);

// Parses a settings JSON object and drops every secret-looking member at any
// depth. Empty text counts as "{}". On success writes compact JSON to *out and
// the number of fields dropped to *removed; false (with *why) when the text is
// not a JSON object.
bool ScrubSecrets(const std::string& settings_json, std::string* out, int* removed, std::string* why);

}  // namespace specwave
