#!/usr/bin/env python3
"""Local LLM test server: the OpenAI chat-completions and Anthropic Messages
streaming protocols over real HTTP on 127.0.0.1, with scripted replies,
latency, injectable faults and counters of what it served.

Used by the native tests (libcurl) and the browser tests (fetch from a page
on another origin, so every response carries CORS headers unless --no-cors).
Self-test: tests/support/llm_test_server_selftest.py.

  python3 tests/support/llm_test_server.py [--port 0] [--replies R.json]
      [--corpus DIR ...] [--vary-wording] [--record-prompts DIR]
      [--latency-ms N] [--chunk-ms N] [--chunk-size N] [--require-key KEY] [--no-cors]

prints "LISTENING <port>" once, then serves until SIGTERM or SIGINT (exit 0).

Model endpoints
  POST /v1/chat/completions   (also /chat/completions, /openai/v1/chat/completions)
  POST /v1/messages           (also /messages, /anthropic/v1/messages)
  GET  /v1/models             (also /models, /openai/v1/models, /anthropic/v1/models)
The call's label comes from the last user message that has a "PHASE: NAME"
line (the last such line in it): NAME, plus "ITEM: text (i of n)" gives
NAME[i-1]; no PHASE line in any user message gives "unknown".
Text fenced as data (<<<BEGIN name CODE>>> ... <<<END name CODE>>>, the
engine's prompt_fence.hpp) is skipped, so a forged PHASE line inside a brief
or an artifact cannot change the label; of the rest, the last PHASE line
(the task block's) counts.

Repair calls. A call is a repair call, labelled NAME#repair (NAME[i]#repair
for a fan-out item), when the task part of its LAST user message has a line
starting with "REPAIR:" or contains the word "corrected" (any case). The
task part is the text after that message's last PHASE line, or the whole
message when it has none (a follow-up turn after the model's own reply), so a
brief or an upstream artifact that happens to say "corrected" never counts.
The engine side writes its repair request as, for instance:
    PHASE: SPEC_PM
    REPAIR: the document below failed its checks; return the corrected document.
The phase label is then still taken from the last PHASE line of any user
message, so a two-turn repair (user prompt, assistant reply, user findings)
gets NAME#repair as well.

The reply is the next entry of replies[label] (see "Reply sequences"); a
fan-out item NAME[i] also matches an entry keyed by the item's text,
NAME[<text of the ITEM line before " (i of n)">]; a repair call without a
NAME#repair entry is answered as the next call of NAME (a model that repeats
its mistake). Else a placeholder for each file listed under "Produce these
files:" / "Produce this file:", else one placeholder sentence.

Reply sequences. A label's replies are a list: the first call of the label
gets the first entry, the second call the second, and every call after the
end gets the last one. A --replies or /_control/replies value is a string (a
list of one) or a list of strings. Counters restart on /_control/reset.

Corpus folders (--corpus DIR, repeatable; a later folder's label replaces an
earlier one's whole sequence, so a small overlay folder can sit on a full
one). Each top-level file LABEL.md is the first reply of LABEL, LABEL@2.md
the second, and so on (LABEL as above: SPEC_PM, SOLUTIONING_TASKS[0],
SPEC_PM#repair, VALIDATE[3]#repair@2); README.md and files whose names are not
labels are ignored. Optional DIR/serve.json:
  {"grow": {LABEL: {"to_chars": 1500000 | "count": 59, "first": 1,
                    "block": "grow/FILE.md", "before": "a line of the reply"}},
   "faults": [rule, ...]}
"grow" inserts copies of the block (with "{n}" replaced by first, first+1,
...) before the first line equal to "before" (at the end when absent) until
the reply has at least to_chars characters, or count copies, so a huge reply
is built when the server starts instead of being committed. "faults" are
installed at start and again after every reset.
The corpus itself: tests/corpus/README.md.

--record-prompts DIR: every model call's request body (system and messages)
is written to DIR/<request number>-<label>.json as it arrives.

--vary-wording: every reply is reworded per call (synonym and phrase swaps
chosen by the server's call counter) on prose lines only: headings,
frontmatter, code blocks, tables, file markers, "Key: value" lines, inline
code and identifiers are left byte-identical, so ids, structure and markers
survive while the words never repeat from one call to the next.

Control endpoints
  POST /_control/replies  {label: text | [text, ...]}  merged into the reply table
  POST /_control/faults   [rule, ...]       replaces the fault list
  POST /_control/reset    {}                clears faults, stats, runtime replies
  GET  /_stats                              counters, see State.stats(); its
                                            "accounting" key: per label calls,
                                            prompt (system + every message) and
                                            reply characters, see PromptAccounting
A fault rule:
  {"label": "SPEC_PM"|"*", "protocol": "openai"|"anthropic"|"*", "kind": K,
   "times": 1 (-1 = forever), "retry_after": "2", "delay_ms": 3000}
The first rule (in list order) that matches and has times != 0 is applied.
Kinds: 400 401 403 404 429 500 502 503 529 (that status with the vendor's
error body), slow_first_byte, stall (silence after the first event), cut
(socket closed mid-stream), malformed (a non-JSON event), empty (no text),
error_event (an error event inside the 200 stream), length, refusal, reset
(connection closed with no response at all).

Models that answer as real APIs do: "missing-model" gets 404; on the OpenAI
protocol "needs-max-completion-tokens" gets OpenAI's 400 for reasoning models
when the request says max_tokens instead of max_completion_tokens.

The model "ignores-stream" gets a whole JSON reply even when it asked to
stream, as some servers answer (the clients' non-streamed path).

A refusal fault answers in each vendor's real shape: OpenAI streams the words
in delta.refusal (message.refusal when not streamed) and ends with
finish_reason "stop"; Anthropic writes them as text and ends with stop_reason
"refusal". The rule's "text" sets the words.

Prompt caching, reported as each vendor reports it (see "prompt caches"
below; tokens counted as everywhere here, 4 characters a token):
  Anthropic  blocks carrying cache_control are breakpoints (more than 4: the
             API's 400). A prefix up to a breakpoint seen before within the
             TTL is usage.cache_read_input_tokens; a new one at or above the
             model's minimum (1,024 tokens; 2,048 for Haiku 3.x and Sonnet
             4.6; 4,096 for Haiku 4.5 and Opus 4.5) is written, as
             cache_creation_input_tokens; input_tokens is the rest.
  OpenAI     a prompt of 1,024 tokens or more reports the longest prefix it
             shares with an earlier prompt to the same model within the TTL,
             in 128-token steps (at least 1,024), as
             usage.prompt_tokens_details.cached_tokens (prompt_tokens is all).
  --prompt-cache-ttl-s N (default 300) sets the TTL; /_control/reset empties
  both caches; /_stats has "prompt_cache" counters.
"""
import argparse
import hashlib
import json
import math
import os
import re
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATUS_KINDS = {"400", "401", "403", "404", "429", "500", "502", "503", "529"}
STREAM_KINDS = {"slow_first_byte", "stall", "cut", "malformed", "empty", "error_event", "length", "refusal", "reset"}
FAULT_KINDS = STATUS_KINDS | STREAM_KINDS
NEWER_PARAM_MODEL = "needs-max-completion-tokens"
REFUSAL_WORDS = "I'm sorry, but I can't help with writing this document."
IGNORES_STREAM_MODEL = "ignores-stream"

OPENAI_PATHS = {"/v1/chat/completions", "/chat/completions", "/openai/v1/chat/completions"}
ANTHROPIC_PATHS = {"/v1/messages", "/messages", "/anthropic/v1/messages"}
MODELS_PATHS = {"/v1/models", "/models", "/openai/v1/models", "/anthropic/v1/models"}

# `*` alone does not cover Authorization in the Fetch spec, so the headers the
# clients really send are listed as well.
CORS_HEADERS = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Headers", "*, authorization, content-type, x-api-key, anthropic-version, "
                                     "anthropic-dangerous-direct-browser-access"),
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Expose-Headers", "retry-after, x-request-id"),
    ("Cross-Origin-Resource-Policy", "cross-origin"),
]
SECRET_HEADERS = {"authorization", "x-api-key"}


# --- reading the prompt -------------------------------------------------------

def content_text(content):
    """Text of a message's content: a string, or a list of {type: text} blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict) and isinstance(b.get("text"), str))
    return ""


def last_user_text(body):
    messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
    users = [m for m in messages if m.get("role") == "user"]
    return content_text(users[-1].get("content")) if users else ""


def request_text(body):
    """All the prompt text a real API would bill as input (Anthropic's system included)."""
    parts = [content_text(body.get("system"))]
    parts += [content_text(m.get("content")) for m in body.get("messages") or [] if isinstance(m, dict)]
    return "".join(parts)


def last_match(pattern, text):
    # The task section comes after the brief and upstream artifacts, so the
    # last occurrence is the one the client wrote for this call.
    found = list(re.finditer(pattern, text, re.M))
    return found[-1] if found else None


FENCE_BEGIN = re.compile(r"^<<<BEGIN (\S+) ([0-9a-f]{16})>>>[ \t]*$", re.M)


def outside_fences(text):
    """The text with every fenced data block (BEGIN line to the END line with
    the same name and code) removed; an unclosed block runs to the end."""
    out, pos = [], 0
    while True:
        m = FENCE_BEGIN.search(text, pos)
        if not m:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:m.start()])
        end = re.compile(rf"^<<<END {re.escape(m.group(1))} {m.group(2)}>>>[ \t]*$", re.M).search(text, m.end())
        if not end:
            return "".join(out)
        pos = end.end()


def label_of(user_text):
    user_text = outside_fences(user_text)
    phase = last_match(r"^PHASE:[ \t]*(\S+)", user_text)
    if not phase:
        return "unknown"
    item = last_match(r"^ITEM:.*\((\d+) of \d+\)[ \t]*$", user_text)
    return f"{phase.group(1)}[{int(item.group(1)) - 1}]" if item else phase.group(1)


def requested_files(user_text):
    """File names listed as `- name.md` or `- name.md — guidance` under "Produce th(is file|ese files):"."""
    user_text = outside_fences(user_text)
    head = last_match(r"^Produce th(?:is file|ese files):[ \t]*$", user_text)
    if not head:
        return []
    names = []
    for line in user_text[head.end():].lstrip("\n").splitlines():
        m = re.match(r"- (\S+)", line)
        if not m:
            break
        names.append(m.group(1))
    return names


def fallback_reply(label, user_text):
    names = requested_files(user_text)
    if not names:
        return f"Reply from the test server for {label}."
    return "".join(f"=== FILE: {n} ===\n# {n}\n\nPlaceholder reply from the test server for {label}.\n"
                   for n in names)


def token_count(text):
    return math.ceil(len(text) / 4)


def split_pieces(text, size):
    size = max(1, size)
    return [text[i:i + size] for i in range(0, len(text), size)]


# --- labels and repair calls --------------------------------------------------
# Which reply a call gets. Rules in the module docstring ("Repair calls").

PHASE_LINE = r"^PHASE:[ \t]*(\S+)"
ITEM_LINE = r"^ITEM:[ \t]*(.*?)[ \t]*\((\d+) of \d+\)[ \t]*$"
REPAIR_LINE = re.compile(r"^REPAIR:", re.M)
REPAIR_WORD = re.compile(r"\bcorrected\b", re.I)


def user_texts(body):
    return [content_text(m.get("content")) for m in body.get("messages") or []
            if isinstance(m, dict) and m.get("role") == "user"]


def task_part(user_text):
    """The text after the message's last PHASE line, or all of it when it has none."""
    phase = last_match(PHASE_LINE, user_text)
    return user_text[phase.end():] if phase else user_text


def is_repair(last_user_text):
    part = task_part(last_user_text)
    return bool(REPAIR_LINE.search(part) or REPAIR_WORD.search(part))


class CallLabel:
    """label: what the stats and fault rules see (NAME, NAME[i], NAME#repair);
    keys: the reply-table keys to try, in order; base: label without #repair."""

    def __init__(self, body):
        users = user_texts(body)
        source = next((u for u in reversed(users) if last_match(PHASE_LINE, u)), "")
        self.base = label_of(source)
        item = last_match(ITEM_LINE, source) if source else None
        by_text = f"{last_match(PHASE_LINE, source).group(1)}[{item.group(1)}]" if item else None
        self.repair = bool(users) and is_repair(users[-1])
        plain = [self.base] + ([by_text] if by_text else [])
        if self.repair:
            self.label = self.base + "#repair"
            self.keys = [k + "#repair" for k in plain] + plain
        else:
            self.label = self.base
            self.keys = plain


# --- corpus folders ---------------------------------------------------------------
# tests/corpus/<variant>/<LABEL>.md files become reply sequences; serve.json
# grows huge replies at start and installs fault rules. Format: module docstring.

CORPUS_FILE = re.compile(r"^(?P<label>[A-Z][A-Z0-9_]*(?:\[[^\]/\\]+\])?(?:#repair)?)(?:@(?P<n>\d+))?\.md$")


def read_text(path):
    # newline="" keeps CRLF replies byte for byte: line ends are part of the test.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def grow_reply(text, folder, rule):
    block = read_text(os.path.join(folder, rule["block"]))
    if ("to_chars" in rule) == ("count" in rule) or "{n}" not in block and "count" not in rule:
        raise ValueError(f"{folder}/serve.json: a grow rule has either to_chars or count (and a block with {{n}})")
    before = rule.get("before")
    at = len(text)
    if before is not None:
        found = re.search("^" + re.escape(before) + r"\r?$", text, re.M)
        at = found.start() if found else len(text)
    parts, size, n = [], len(text), int(rule.get("first", 1))
    while size < int(rule.get("to_chars", 0)) or len(parts) < int(rule.get("count", 0)):
        piece = block.replace("{n}", str(n))
        parts.append(piece)
        size += len(piece)
        n += 1
    return text[:at] + "".join(parts) + text[at:]


def load_corpus_folder(folder):
    """({label: [reply, ...]}, [fault rule, ...]) of one folder; ValueError on a gap in a sequence."""
    numbered = {}
    for name in sorted(os.listdir(folder)):
        m = CORPUS_FILE.match(name)
        if not m or name == "README.md" or not os.path.isfile(os.path.join(folder, name)):
            continue
        numbered.setdefault(m.group("label"), {})[int(m.group("n") or 1)] = read_text(os.path.join(folder, name))
    replies = {}
    for label, entries in numbered.items():
        if sorted(entries) != list(range(1, len(entries) + 1)):
            raise ValueError(f"{folder}: the replies of {label} must be numbered {label}.md, {label}@2.md, ... "
                             f"with no gap (found {sorted(entries)})")
        replies[label] = [entries[i] for i in sorted(entries)]
    serve = {}
    if os.path.isfile(os.path.join(folder, "serve.json")):
        with open(os.path.join(folder, "serve.json"), encoding="utf-8") as f:
            serve = json.load(f)
    for label, rule in (serve.get("grow") or {}).items():
        if label not in replies:
            raise ValueError(f"{folder}/serve.json grows {label}, which has no {label}.md")
        replies[label] = [grow_reply(t, folder, rule) for t in replies[label]]
    return replies, parse_rules(serve.get("faults") or [])


def load_corpus(folders):
    replies, faults = {}, []
    for folder in folders or []:
        more, rules = load_corpus_folder(folder)
        replies.update(more)  # a later folder replaces a label's whole sequence
        faults += rules
    return replies, faults


def as_sequences(table):
    """{label: text | [text, ...]} -> {label: [text, ...]}; ValueError on anything else."""
    out = {}
    for label, value in table.items():
        seq = [value] if isinstance(value, str) else value
        if not isinstance(seq, list) or not seq or not all(isinstance(v, str) for v in seq):
            raise ValueError(f"replies[{label!r}] must be a string or a non-empty list of strings")
        out[label] = list(seq)
    return out


# --- varied wording ---------------------------------------------------------------
# --vary-wording: the same content in different words on every call, so a test
# can show that nothing downstream relies on a reply repeating byte for byte.
# Only prose changes; every line a parser reads stays as it was.

SYNONYM_GROUPS = [
    ["shows", "displays"], ["show", "display"], ["shown", "displayed"], ["every", "each"],
    ["because", "since"], ["so that", "in order that"], ["for example", "for instance"],
    ["at least", "no less than"], ["immediately", "at once", "right away"], ["clearly", "plainly"],
    ["simple", "straightforward"], ["fast", "quick"], ["helps", "assists"], ["need", "require"],
    ["needs", "requires"], ["choose", "pick", "select"], ["chosen", "selected"], ["chooses", "picks", "selects"],
    ["stored", "kept", "saved"], ["only", "solely"], ["important", "essential"], ["hard", "difficult"],
    ["problem", "issue"], ["problems", "issues"], ["goal", "aim"], ["often", "frequently"],
    ["usually", "typically"], ["mistakes", "errors"], ["wrong", "incorrect"], ["enough", "sufficient"],
    ["whether", "if"], ["within", "inside"], ["after", "following"], ["also", "additionally"],
    ["can't", "cannot"], ["help with", "assist with"], ["large", "sizeable"], ["small", "compact"],
    ["first release", "initial release"], ["plain language", "plain words"], ["as soon as", "the moment"],
    ["easy", "effortless"], ["quickly", "promptly"], ["however", "that said"], ["makes", "renders"],
    ["useful", "handy"], ["around", "about"], ["expected", "anticipated"], ["each time", "whenever"],
    ["to find out", "to learn"], ["answer", "reply"], ["keeps", "retains"], ["ensure", "make sure"],
]
_SYNONYM_OF = {w: g for g in SYNONYM_GROUPS for w in g}
_SYNONYM_RE = re.compile(r"(?<![\w./-])(" + "|".join(re.escape(w) for w in sorted(_SYNONYM_OF, key=len, reverse=True))
                         + r")(?![\w/-])", re.I)
_KEY_LINE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?[A-Za-z][\w ()/.-]{0,40}(?:\*\*|__)?\s*:")
_FILLERS = ["In short, this is the plan.", "That is the whole of it.", "Nothing else is needed here.",
            "This is the complete answer.", "That covers it.", "This is all of it."]


def prose_lines(lines):
    """Indexes of the lines --vary-wording may reword."""
    out, fence, front = [], None, bool(lines) and lines[0].rstrip("\r") == "---"
    for i, raw in enumerate(lines):
        t = raw.rstrip("\r").strip()
        if front:
            front = not (i > 0 and t in ("---", "..."))
            continue
        if fence:
            if t.startswith(fence):
                fence = None
            continue
        if t.startswith(("```", "~~~")):
            fence = t[:3]
            continue
        if (not t or t.startswith(("#", "|", "===", "<!--")) or _KEY_LINE.match(t) or set(t) <= set("-=*_ ")
                or raw.startswith(("    ", "\t")) and not re.match(r"\s*([-*+]|\d+[.)])\s", raw)):
            continue
        out.append(i)
    return out


def reword(segment, choose):
    def swap(m):
        word = m.group(1)
        group = _SYNONYM_OF[word.lower()]
        new = group[choose(len(group))]
        return new[0].upper() + new[1:] if word[0].isupper() else new
    return _SYNONYM_RE.sub(swap, segment)


def vary_wording(text, call_no, salt=0):
    """The text reworded for call number call_no (deterministic; salt picks another variant)."""
    lines = text.split("\n")
    counter = [0]

    def choose(n):
        counter[0] += 1
        h = (call_no * 1000003 + salt * 7919 + counter[0] * 2654435761) & 0xFFFFFFFF
        h ^= h >> 13
        return (h * 0x5BD1E995 & 0xFFFFFFFF) % n

    prose = prose_lines(lines)
    for i in prose:
        body, cr = (lines[i][:-1], "\r") if lines[i].endswith("\r") else (lines[i], "")
        # Inline code and links keep their bytes: names, paths, ids.
        parts = re.split(r"(`[^`]*`|\[[^\]]*\]\([^)]*\)|https?://\S+)", body)
        lines[i] = "".join(p if k % 2 else reword(p, choose) for k, p in enumerate(parts)) + cr
    if salt and prose:
        last = prose[-1]
        cr = "\r" if lines[last].endswith("\r") else ""
        lines[last] = lines[last].rstrip("\r") + " " + _FILLERS[(call_no + salt) % len(_FILLERS)] + cr
    return "\n".join(lines)


class WordingVariants:
    """Remembers what each source text was turned into, so no two calls get the same words."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seen = {}

    def reset(self):
        with self.lock:
            self.seen = {}

    def vary(self, text, call_no):
        if not text.strip():
            return text
        with self.lock:
            seen = self.seen.setdefault(hash(text), set())
            for salt in range(64):
                out = vary_wording(text, call_no, salt)
                if out not in seen:
                    seen.add(out)
                    return out
            return out


# --- prompt accounting ----------------------------------------------------------------
# Per label: how much prompt the client sent and how much reply it got, so a
# benchmark can measure any build of the CLI from the server side.

class PromptAccounting:
    """system_chars: Anthropic's system field plus OpenAI system/developer messages;
    user_chars: user messages; other_chars: earlier assistant turns; prompt_chars:
    all of them (what the provider bills as input); *_bytes: the same in UTF-8."""
    FIELDS = ("calls", "system_chars", "user_chars", "other_chars", "prompt_chars", "prompt_bytes",
              "reply_chars", "reply_bytes")

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.by_label = {}

    def _row(self, label):
        return self.by_label.setdefault(label, dict.fromkeys(self.FIELDS, 0))

    def prompt(self, label, body):
        system = [content_text(body.get("system"))]
        user, other = [], []
        for m in body.get("messages") or []:
            if isinstance(m, dict):
                role = m.get("role")
                (system if role in ("system", "developer") else user if role == "user" else other).append(
                    content_text(m.get("content")))
        text = "".join(system + user + other)
        with self.lock:
            row = self._row(label)
            row["calls"] += 1
            row["system_chars"] += sum(map(len, system))
            row["user_chars"] += sum(map(len, user))
            row["other_chars"] += sum(map(len, other))
            row["prompt_chars"] += len(text)
            row["prompt_bytes"] += len(text.encode())

    def reply(self, label, text):
        with self.lock:
            row = self._row(label)
            row["reply_chars"] += len(text)
            row["reply_bytes"] += len(text.encode())

    def snapshot(self):
        with self.lock:
            total = dict.fromkeys(self.FIELDS, 0)
            for row in self.by_label.values():
                for k in self.FIELDS:
                    total[k] += row[k]
            return {"by_label": {k: dict(v) for k, v in self.by_label.items()}, "total": total}


# --- recorded prompts -------------------------------------------------------------
# --record-prompts DIR: each model call's request body as DIR/<n>-<label>.json,
# for tests and tools that check what the client sent (one task section, one
# copy of each upstream file) over real HTTP.

def record_prompt(folder, request_id, label, protocol, body):
    safe = re.sub(r"[^A-Za-z0-9_.#\[\]-]", "_", label)
    with open(os.path.join(folder, f"{request_id:05d}-{safe}.json"), "w", encoding="utf-8") as f:
        json.dump({"label": label, "protocol": protocol, "system": body.get("system"),
                   "messages": body.get("messages")}, f)


# --- prompt caches -------------------------------------------------------------
# What each vendor's prompt cache would have served, so usage reports cache
# reads and writes the way the real APIs do. Both caches match exact bytes
# from the start of the prompt, per model, and forget a prefix TTL seconds
# after its last use.

ANTHROPIC_MAX_BREAKPOINTS = 4
ANTHROPIC_LOOKBACK_BLOCKS = 20  # the API checks this many block boundaries before a breakpoint for a hit
OPENAI_CACHE_MIN_TOKENS = 1024
OPENAI_CACHE_STEP_TOKENS = 128


def chars_to_tokens(n):
    return math.ceil(n / 4)  # token_count's rule, for a prefix known by its length


def account_prompt_cache(caches, wire, body):
    """Sets the wire's cache figures for this request, as its vendor would report them."""
    if wire.name == "anthropic":
        wire.cache_read, wire.cache_write = caches.anthropic_usage(wire.model, body)
    else:
        wire.cached = caches.openai_cached_tokens(wire.model, body)


def anthropic_min_cache_tokens(model):
    """The shortest prefix Anthropic caches for a model (its prompt-caching guide)."""
    m = model.lower()
    if "haiku-4" in m or "opus-4-5" in m or "opus-4-6" in m:
        return 4096
    if "haiku" in m or "sonnet-4-6" in m:
        return 2048
    return 1024


def anthropic_blocks(body):
    """[(role, text, cache_control or None)] in the order the API reads them: system, then the messages."""
    blocks = []

    def add(role, content):
        if isinstance(content, str):
            blocks.append((role, content, None))
        elif isinstance(content, list):
            for b in content:
                if isinstance(b, dict) and isinstance(b.get("text"), str):
                    cc = b.get("cache_control")
                    blocks.append((role, b["text"], cc if isinstance(cc, dict) else None))
    add("system", body.get("system"))
    for m in body.get("messages") or []:
        if isinstance(m, dict):
            add(str(m.get("role")), m.get("content"))
    return blocks


def breakpoint_count(body):
    return sum(1 for _, _, cc in anthropic_blocks(body) if cc is not None)


def common_prefix_chars(a, b):
    """Characters two [(role, text)] prompts share from the start (roles must match too)."""
    n = 0
    for (ra, ta), (rb, tb) in zip(a, b):
        if ra != rb:
            break
        if ta == tb:
            n += len(ta)
            continue
        i = 0
        limit = min(len(ta), len(tb))
        while i < limit and ta[i] == tb[i]:
            i += 1
        return n + i
    return n


class PromptCaches:
    def __init__(self, ttl_s=300):
        self.lock = threading.Lock()
        self.ttl_s = ttl_s
        self.anthropic = {}  # (model, prefix hash) -> expiry (monotonic seconds)
        self.openai = []     # [(model, [(role, text)], expiry)], newest last
        self.counts = {"anthropic_reads": 0, "anthropic_writes": 0, "anthropic_read_tokens": 0,
                       "anthropic_write_tokens": 0, "openai_hits": 0, "openai_cached_tokens": 0}

    def anthropic_usage(self, model, body):
        """(cache_read_input_tokens, cache_creation_input_tokens) for one request."""
        blocks = anthropic_blocks(body)
        marks = [i for i, (_, _, cc) in enumerate(blocks) if cc is not None]
        if not marks:
            return 0, 0
        keys, ends, h, chars = [], [], hashlib.sha256(model.encode()), 0
        for role, text, _ in blocks:
            h.update(f"\0{role}\0{len(text)}\0".encode() + text.encode())
            keys.append(h.hexdigest())
            chars += len(text)
            ends.append(chars)
        now = time.monotonic()
        minimum = anthropic_min_cache_tokens(model)
        with self.lock:
            read_at = None
            for i in range(marks[-1], -1, -1):  # the longest hit at a block boundary near a breakpoint
                near = any(0 <= bp - i < ANTHROPIC_LOOKBACK_BLOCKS for bp in marks)
                if near and self.anthropic.get((model, keys[i]), 0) > now:
                    read_at = i
                    break
            read = chars_to_tokens(ends[read_at]) if read_at is not None else 0
            if read_at is not None:
                self.anthropic[(model, keys[read_at])] = now + self.ttl_s  # a hit refreshes the entry
            written_to = None
            for i in marks:
                if (read_at is None or i > read_at) and chars_to_tokens(ends[i]) >= minimum:
                    ttl = 3600 if (blocks[i][2] or {}).get("ttl") == "1h" else self.ttl_s
                    self.anthropic[(model, keys[i])] = now + ttl
                    written_to = i
            write = chars_to_tokens(ends[written_to]) - read if written_to is not None else 0
            self.counts["anthropic_reads"] += 1 if read else 0
            self.counts["anthropic_writes"] += 1 if write else 0
            self.counts["anthropic_read_tokens"] += read
            self.counts["anthropic_write_tokens"] += write
        return read, write

    def openai_cached_tokens(self, model, body):
        """prompt_tokens_details.cached_tokens for one request (and remembers its prompt)."""
        prompt = [(str(m.get("role")), content_text(m.get("content")))
                  for m in body.get("messages") or [] if isinstance(m, dict)]
        total = token_count("".join(t for _, t in prompt))
        now = time.monotonic()
        with self.lock:
            self.openai = [e for e in self.openai if e[2] > now][-256:]
            best, best_at = 0, None
            for n, (m, seen, _) in enumerate(self.openai):
                if m == model:
                    shared = common_prefix_chars(prompt, seen)
                    if shared > best:
                        best, best_at = shared, n
            cached = 0
            if total >= OPENAI_CACHE_MIN_TOKENS:
                cached = (best // 4) // OPENAI_CACHE_STEP_TOKENS * OPENAI_CACHE_STEP_TOKENS
                cached = cached if cached >= OPENAI_CACHE_MIN_TOKENS else 0
            if cached and best_at is not None:
                m, seen, _ = self.openai[best_at]
                self.openai[best_at] = (m, seen, now + self.ttl_s)
            self.openai.append((model, prompt, now + self.ttl_s))
            self.counts["openai_hits"] += 1 if cached else 0
            self.counts["openai_cached_tokens"] += cached
        return cached

    def stats(self):
        with self.lock:
            return dict(self.counts)


# --- shared state -------------------------------------------------------------

def parse_rules(payload):
    """Validated copies of fault rules; raises ValueError so a typo in a test fails loudly."""
    if not isinstance(payload, list):
        raise ValueError("faults must be a JSON list of rules")
    rules = []
    for r in payload:
        if not isinstance(r, dict) or str(r.get("kind")) not in FAULT_KINDS:
            raise ValueError(f"bad fault rule {r!r}: kind must be one of {sorted(FAULT_KINDS)}")
        if r.get("protocol", "*") not in ("openai", "anthropic", "*"):
            raise ValueError(f"bad fault rule {r!r}: protocol must be openai, anthropic or *")
        rule = {"label": "*", "protocol": "*", "times": 1, **r}
        rule["kind"] = str(rule["kind"])
        rules.append(rule)
    return rules


class State:
    """Everything the request threads share, behind one lock."""

    def __init__(self, file_replies, start_faults=()):
        self.lock = threading.Lock()
        self.file_replies = as_sequences(file_replies)
        self.start_faults = list(start_faults)
        self.accounting = PromptAccounting()
        self.wording = WordingVariants()
        self.reset()

    def reset(self):
        self.accounting.reset()
        self.wording.reset()
        with self.lock:
            self.replies = dict(self.file_replies)
            self.reply_calls = {}
            self.faults = [dict(r) for r in self.start_faults]
            self.requests = 0
            self.by_label = {}
            self.by_protocol = {"openai": 0, "anthropic": 0}
            self.in_flight = 0
            self.max_in_flight = 0
            self.faults_served = []
            self.completed = 0
            self.last_headers = {}
            self.prompt_caches = PromptCaches(getattr(self, "prompt_cache_ttl_s", 300))

    def set_faults(self, rules):
        with self.lock:
            self.faults = rules

    def add_replies(self, replies):
        replies = as_sequences(replies)
        with self.lock:
            self.replies.update(replies)
            for label in replies:
                self.reply_calls.pop(label, None)  # a new sequence starts at its first entry

    def next_reply(self, keys):
        """The next entry of the first key's sequence that exists (None if none does)."""
        with self.lock:
            for key in keys:
                seq = self.replies.get(key)
                if seq:
                    n = self.reply_calls.get(key, 0)
                    self.reply_calls[key] = n + 1
                    return seq[min(n, len(seq) - 1)]
        return None

    def arrive(self, label, protocol, headers):
        """Counts a model request from the moment it arrives (for max_in_flight)."""
        with self.lock:
            self.requests += 1
            self.by_label[label] = self.by_label.get(label, 0) + 1
            self.by_protocol[protocol] += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.last_headers = {k.lower(): "<redacted>" if k.lower() in SECRET_HEADERS else v
                                 for k, v in headers.items()}
            return self.requests

    def depart(self, clean):
        with self.lock:
            self.in_flight -= 1
            self.completed += 1 if clean else 0

    def take_fault(self, label, protocol, base=None):
        with self.lock:
            for rule in self.faults:
                if rule["times"] == 0 or rule["label"] not in ("*", label, base) or rule["protocol"] not in ("*", protocol):
                    continue
                if rule["times"] > 0:
                    rule["times"] -= 1
                self.faults_served.append({"label": label, "kind": rule["kind"]})
                return dict(rule)
        return None

    def stats(self):
        with self.lock:
            return {"requests": self.requests, "by_label": dict(self.by_label),
                    "by_protocol": dict(self.by_protocol), "in_flight": self.in_flight,
                    "max_in_flight": self.max_in_flight, "faults_served": list(self.faults_served),
                    "completed": self.completed, "last_headers": dict(self.last_headers),
                    "accounting": self.accounting.snapshot(),
                    "prompt_cache": self.prompt_caches.stats()}


# --- wire formats -------------------------------------------------------------
# Each protocol turns the same abstract reply (text pieces, a finish reason of
# "stop" | "length" | "refusal", token counts) into its own bytes, so the fault
# logic below is written once for both.

def sse(data, event=None):
    return (f"event: {event}\n" if event else "") + f"data: {data}\n\n"


class OpenAiWire:
    name = "openai"
    # A refusal is not a finish reason of its own: the words come in
    # delta.refusal / message.refusal and the reply ends with "stop".
    FINISH = {"stop": "stop", "length": "length", "refusal": "stop"}
    cached = 0  # prompt tokens served from the prompt cache (account_prompt_cache)
    ERRORS = {400: ("invalid_request_error", "Invalid request"),
              403: ("permission_error", "You are not allowed to use this model"),
              429: ("rate_limit_exceeded", "Rate limit reached"),
              500: ("server_error", "The server had an error while processing your request"),
              502: ("server_error", "Bad gateway"),
              503: ("server_error", "The engine is currently overloaded, please try again later"),
              529: ("server_error", "Overloaded")}

    def __init__(self, model, usage_in, usage_out):
        self.model, self.usage_in, self.usage_out = model, usage_in, usage_out

    @classmethod
    def error_body(cls, status, model):
        if status == 401:
            return {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error",
                              "code": "invalid_api_key"}}
        if status == 404:
            return {"error": {"message": f"The model `{model}` does not exist", "type": "invalid_request_error",
                              "code": "model_not_found"}}
        kind, message = cls.ERRORS.get(status, ("server_error", "error"))
        return {"error": {"message": message, "type": kind}}

    def chunk(self, choices, **extra):
        return sse(json.dumps({"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
                               "model": self.model, "choices": choices, **extra}))

    def opening(self):
        return [self.chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])]

    def text(self, piece):
        return self.chunk([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])

    def refusal(self, piece):
        return self.chunk([{"index": 0, "delta": {"refusal": piece}, "finish_reason": None}])

    def malformed(self):
        return "data: {not json\n\n"

    def error_event(self):
        return sse(json.dumps({"error": {"message": "The server had an error while processing your request",
                                         "type": "server_error"}}))

    def usage(self):
        return {"prompt_tokens": self.usage_in, "completion_tokens": self.usage_out,
                "total_tokens": self.usage_in + self.usage_out,
                "prompt_tokens_details": {"cached_tokens": self.cached, "audio_tokens": 0}}

    def closing(self, finish):
        return [self.chunk([{"index": 0, "delta": {}, "finish_reason": self.FINISH[finish]}]),
                self.chunk([], usage=self.usage()),
                sse("[DONE]")]

    def whole(self, reply, finish):
        return {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": self.model,
                "choices": [{"index": 0, "message": ({"role": "assistant", "content": None, "refusal": reply}
                                                     if finish == "refusal" else {"role": "assistant", "content": reply}),
                             "finish_reason": self.FINISH[finish]}],
                "usage": self.usage()}


class AnthropicWire:
    name = "anthropic"
    FINISH = {"stop": "end_turn", "length": "max_tokens", "refusal": "refusal"}
    cache_read = 0   # prompt tokens read from / written to the prompt cache (account_prompt_cache);
    cache_write = 0  # input_tokens counts only the rest, as the real API does
    ERRORS = {400: ("invalid_request_error", "Invalid request"),
              401: ("authentication_error", "invalid x-api-key"),
              403: ("permission_error", "Your API key does not have permission to use the specified resource"),
              429: ("rate_limit_error", "rate limited"),
              500: ("api_error", "Internal server error"),
              502: ("api_error", "Bad gateway"),
              503: ("api_error", "Service unavailable"),
              529: ("overloaded_error", "Overloaded")}

    def __init__(self, model, usage_in, usage_out):
        self.model, self.usage_in, self.usage_out = model, usage_in, usage_out

    @classmethod
    def error_body(cls, status, model):
        if status == 404:
            return {"type": "error", "error": {"type": "not_found_error", "message": f"model: {model}"}}
        kind, message = cls.ERRORS.get(status, ("api_error", "error"))
        return {"type": "error", "error": {"type": kind, "message": message}}

    @staticmethod
    def event(obj):
        return sse(json.dumps(obj), obj["type"])

    def opening(self):
        return [self.event({"type": "message_start", "message": {
                    "id": "msg_test", "type": "message", "role": "assistant", "model": self.model, "content": [],
                    "stop_reason": None, "stop_sequence": None,
                    "usage": {**self.input_usage(), "output_tokens": 1}}}),
                self.event({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
                self.event({"type": "ping"})]

    def input_usage(self):
        return {"input_tokens": self.usage_in - self.cache_read - self.cache_write,
                "cache_creation_input_tokens": self.cache_write, "cache_read_input_tokens": self.cache_read}

    def text(self, piece):
        return self.event({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}})

    def refusal(self, piece):  # Claude's refusal is text, then stop_reason "refusal"
        return self.text(piece)

    def malformed(self):
        return "event: content_block_delta\ndata: {not json\n\n"

    def error_event(self):
        return self.event({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})

    def closing(self, finish):
        return [self.event({"type": "content_block_stop", "index": 0}),
                self.event({"type": "message_delta", "delta": {"stop_reason": self.FINISH[finish], "stop_sequence": None},
                            # Newer API versions repeat the input counts here (cumulative).
                            "usage": {**self.input_usage(), "output_tokens": self.usage_out}}),
                self.event({"type": "message_stop"})]

    def whole(self, reply, finish):
        return {"id": "msg_test", "type": "message", "role": "assistant", "model": self.model,
                "content": [{"type": "text", "text": reply}], "stop_reason": self.FINISH[finish],
                "stop_sequence": None, "usage": {**self.input_usage(), "output_tokens": self.usage_out}}


WIRES = {"openai": OpenAiWire, "anthropic": AnthropicWire}


def finish_reason(kind):
    return {"length": "length", "refusal": "refusal"}.get(kind, "stop")


def stream_plan(pieces, kind):
    """The steps after the opening events: ("text", piece), ("stall",),
    ("malformed",), ("error",), ("abort",) or ("finish", reason)."""
    steps = [("text", p) for p in pieces]
    if kind == "cut":
        return steps[:len(steps) // 2] + [("abort",)]
    if kind == "error_event":
        return steps[:max(1, len(steps) // 2)] + [("error",), ("abort",)]
    if kind == "malformed":
        steps.insert(min(1, len(steps)), ("malformed",))  # after the opening and one piece of text
    if kind == "stall":
        steps.insert(0, ("stall",))  # the client has status, headers and the first event, then silence
    return steps + [("finish", finish_reason(kind))]


# --- HTTP ---------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "llm-test-server/2"
    disable_nagle_algorithm = True  # each SSE event leaves as soon as it is written

    def log_message(self, fmt, *args):  # quiet: tests read /_stats, not logs
        pass

    # --- plumbing ---
    @property
    def opts(self):
        return self.server.opts

    @property
    def state(self):
        return self.server.state

    def route(self):
        return self.path.split("?", 1)[0]

    def send_cors(self):
        if not self.opts.no_cors:
            for k, v in CORS_HEADERS:
                self.send_header(k, v)

    def send_json(self, status, obj, extra=()):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.send_cors()
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def start_stream(self, request_id):
        # SSE framed by closing the connection (no Content-Length, no chunked
        # encoding): the simplest framing libcurl and fetch both read as they
        # arrive, and a cut stream then looks like a real early close.
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.send_header("x-request-id", f"req_test_{request_id}")
        self.send_cors()
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True

    def write(self, text):
        self.wfile.write(text.encode())  # one write per event, so events never arrive torn by us
        self.wfile.flush()

    def abort_connection(self):
        # No proper end: the client sees the stream (or the whole reply) stop.
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    # --- routes ---
    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.send_cors()
        if not self.opts.no_cors and self.headers.get("Access-Control-Request-Private-Network"):
            self.send_header("Access-Control-Allow-Private-Network", "true")
        self.end_headers()

    def do_GET(self):
        path = self.route()
        if path == "/_stats":
            return self.send_json(200, self.state.stats())
        if path in MODELS_PATHS:
            return self.send_json(200, {"data": [{"id": "test-model"}]})
        self.send_json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

    def do_POST(self):
        path = self.route()
        body = self.read_body()
        if path.startswith("/_control/"):
            return self.control(path, body)
        if path in OPENAI_PATHS:
            return self.model_call(OpenAiWire, body)
        if path in ANTHROPIC_PATHS:
            return self.model_call(AnthropicWire, body)
        self.send_json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

    def control(self, path, body):
        try:
            payload = json.loads(body or b"null")
            if path == "/_control/faults":
                self.state.set_faults(parse_rules(payload))
            elif path == "/_control/replies":
                if not isinstance(payload, dict):
                    raise ValueError("replies must be a JSON object {label: text or [text, ...]}")
                self.state.add_replies(payload)  # as_sequences raises ValueError on a bad value
            elif path == "/_control/reset":
                self.state.reset()
            else:
                return self.send_json(404, {"error": f"unknown control endpoint {path}"})
        except ValueError as e:
            return self.send_json(400, {"error": str(e)})
        self.send_json(200, {"ok": True})

    # --- model calls ---
    def model_call(self, wire_class, raw):
        try:
            body = json.loads(raw or b"{}")
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            return self.send_json(400, wire_class.error_body(400, ""))
        user = last_user_text(body)
        who = CallLabel(body)
        request_id = self.state.arrive(who.label, wire_class.name, dict(self.headers.items()))
        self.state.accounting.prompt(who.label, body)
        if self.opts.record_prompts:
            record_prompt(self.opts.record_prompts, request_id, who.label, wire_class.name, body)
        clean = False
        try:
            clean = self.answer(wire_class, body, user, who, request_id)
        except OSError:
            pass  # the client went away (cancelled, timed out): nothing to answer
        finally:
            self.state.depart(clean)

    def rejection(self, wire_class, model, body):
        """The (status, body) a real API answers before doing any work, or None."""
        if wire_class is AnthropicWire and not self.headers.get("anthropic-version"):
            return 400, {"type": "error", "error": {"type": "invalid_request_error",
                                                    "message": "anthropic-version: header is required"}}
        if self.opts.require_key:
            given = (self.headers.get("Authorization", "").removeprefix("Bearer ") if wire_class is OpenAiWire
                     else self.headers.get("x-api-key", ""))
            if given != self.opts.require_key:
                return 401, wire_class.error_body(401, model)
        if model == "missing-model":
            return 404, wire_class.error_body(404, model)
        if wire_class is AnthropicWire and breakpoint_count(body) > ANTHROPIC_MAX_BREAKPOINTS:
            return 400, {"type": "error", "error": {
                "type": "invalid_request_error",
                "message": f"A maximum of {ANTHROPIC_MAX_BREAKPOINTS} blocks with cache_control may be provided. "
                           f"Found {breakpoint_count(body)}."}}
        if wire_class is OpenAiWire and model == NEWER_PARAM_MODEL and "max_tokens" in body:
            # What OpenAI answers for its reasoning models (o1, o3, gpt-5 ...).
            return 400, {"error": {"message": "Unsupported parameter: 'max_tokens' is not supported with this model. "
                                              "Use 'max_completion_tokens' instead.",
                                   "type": "invalid_request_error", "param": "max_tokens",
                                   "code": "unsupported_parameter"}}
        return None

    def answer(self, wire_class, body, user, who, request_id):
        """Sends the reply; True when it ended with a clean, complete stop."""
        label = who.label
        model = str(body.get("model", ""))
        if self.opts.latency_ms:
            time.sleep(self.opts.latency_ms / 1000)
        rejected = self.rejection(wire_class, model, body)
        if rejected:
            self.send_json(*rejected)
            return False
        fault = self.state.take_fault(label, wire_class.name, who.base) or {}
        kind = fault.get("kind")
        if kind == "reset":
            self.abort_connection()
            return False
        if kind == "slow_first_byte":
            time.sleep(fault.get("delay_ms", 3000) / 1000)
        if kind in STATUS_KINDS:
            extra = [("Retry-After", str(fault["retry_after"]))] if fault.get("retry_after") is not None else []
            self.send_json(int(kind), wire_class.error_body(int(kind), model), extra)
            return False
        reply = "" if kind == "empty" else self.state.next_reply(who.keys)
        if kind == "refusal":
            reply = str(fault.get("text") or REFUSAL_WORDS)
        if reply is None:
            reply = fallback_reply(label, user)
        if self.opts.vary_wording:
            reply = self.state.wording.vary(reply, request_id)
        self.state.accounting.reply(label, reply)
        wire = wire_class(model, token_count(request_text(body)), token_count(reply))
        account_prompt_cache(self.state.prompt_caches, wire, body)
        if body.get("stream") and model != IGNORES_STREAM_MODEL:
            return self.stream(wire, reply, fault, request_id)
        return self.whole(wire, reply, fault)

    def whole(self, wire, reply, fault):
        # The stream-only faults mapped onto a plain JSON reply as closely as they go.
        kind = fault.get("kind")
        if kind == "cut":
            self.abort_connection()
            return False
        if kind == "stall":
            time.sleep(fault.get("delay_ms", 5000) / 1000)
        if kind == "malformed":
            self.send_raw_json(b"{not json")
            return False
        if kind == "error_event":
            self.send_json(500, wire.error_body(500, wire.model))
            return False
        self.send_json(200, wire.whole(reply, finish_reason(kind)))
        return kind in (None, "slow_first_byte", "stall")

    def send_raw_json(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_cors()
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def stream(self, wire, reply, fault, request_id):
        kind = fault.get("kind")
        self.start_stream(request_id)
        for event in wire.opening():
            self.write(event)
        for step in stream_plan(split_pieces(reply, self.opts.chunk_size), kind):
            if step[0] == "text":
                self.write(wire.refusal(step[1]) if kind == "refusal" else wire.text(step[1]))
                if self.opts.chunk_ms:
                    time.sleep(self.opts.chunk_ms / 1000)
            elif step[0] == "stall":
                time.sleep(fault.get("delay_ms", 5000) / 1000)
            elif step[0] == "malformed":
                self.write(wire.malformed())
            elif step[0] == "error":
                self.write(wire.error_event())
            elif step[0] == "abort":
                self.abort_connection()
                return False
            elif step[0] == "finish":
                for event in wire.closing(step[1]):
                    self.write(event)
        return kind in (None, "slow_first_byte", "stall")


# --- main ---------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(description="Local OpenAI/Anthropic streaming test server.")
    ap.add_argument("--port", type=int, default=0, help="0 = an ephemeral port (printed)")
    ap.add_argument("--replies", help="JSON file {label: reply text or [reply, ...]}")
    ap.add_argument("--corpus", action="append", default=[], metavar="DIR",
                    help="a corpus folder of LABEL.md replies (repeatable; later folders override)")
    ap.add_argument("--vary-wording", action="store_true", help="reword every reply's prose on every call")
    ap.add_argument("--record-prompts", metavar="DIR", help="write each call's request body to DIR/<n>-<label>.json")
    ap.add_argument("--latency-ms", type=int, default=0, help="sleep before the first byte of each model reply")
    ap.add_argument("--chunk-ms", type=int, default=0, help="sleep between streamed text pieces")
    ap.add_argument("--chunk-size", type=int, default=40, help="characters of reply text per streamed piece")
    ap.add_argument("--require-key", help="reject model calls without this API key (401)")
    ap.add_argument("--no-cors", action="store_true", help="send no CORS headers at all")
    ap.add_argument("--prompt-cache-ttl-s", type=float, default=300,
                    help="seconds a cached prompt prefix lives after its last use (both vendors)")
    return ap.parse_args(argv)


def main(argv=None):
    opts = parse_args(argv)
    replies, faults = load_corpus(opts.corpus)
    if opts.replies:
        with open(opts.replies, encoding="utf-8") as f:
            replies.update(as_sequences(json.load(f)))  # --replies overrides the corpus
    server = ThreadingHTTPServer(("127.0.0.1", opts.port), Handler)
    server.daemon_threads = True  # an open stream must not keep the process alive after SIGTERM
    server.opts = opts
    server.state = State(replies, faults)
    server.state.prompt_cache_ttl_s = opts.prompt_cache_ttl_s
    server.state.prompt_caches.ttl_s = opts.prompt_cache_ttl_s
    # shutdown() waits for serve_forever() to return, so it cannot run on the
    # thread serve_forever() runs on, which is where signal handlers run.
    stop = lambda *_: threading.Thread(target=server.shutdown, daemon=True).start()  # noqa: E731
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"LISTENING {server.server_address[1]}", flush=True)
    server.serve_forever(poll_interval=0.1)
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
