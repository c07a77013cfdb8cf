#!/usr/bin/env python3
"""Local LLM test server: the OpenAI chat-completions and Anthropic Messages
streaming protocols over real HTTP on 127.0.0.1, with scripted replies,
latency and injectable faults, counting what it served.

Used by the native tests (libcurl) and the browser tests (fetch from a page
on another origin, so every reply carries CORS headers unless --no-cors).

  python3 tests/support/llm_test_server.py --port 0 [--replies R.json]
      [--latency-ms N] [--chunk-ms N] [--chunk-size N] [--require-key KEY] [--no-cors]
  prints "LISTENING <port>", serves until SIGTERM.

Model endpoints: POST /v1/chat/completions (OpenAI), POST /v1/messages
(Anthropic), GET /v1/models. The call's label comes from the prompt's
"PHASE: NAME" line ("NAME[i]" with "ITEM: ... (i+1 of n)"); the reply is
replies[label], else a placeholder with the files the prompt asks for.

Control: POST /_control/faults [rules], POST /_control/replies {label: text},
POST /_control/reset, GET /_stats. A fault rule:
  {"label": "SPEC_PM"|"*", "protocol": "openai"|"anthropic"|"*", "kind": K,
   "times": 1 (-1 forever), "retry_after": "2", "delay_ms": 3000}
Kinds: 429 500 502 503 529 400 401 403 404 (status + the vendor's error
body), slow_first_byte, stall (silence mid-stream), cut (socket closed
mid-stream), malformed (a non-JSON event), empty (no text), error_event (an
error event inside the 200 stream), length, refusal, reset (connection closed
with no reply).
"""
import argparse
import json
import math
import re
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CORS_HEADERS = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Headers", "authorization, content-type, x-api-key, anthropic-version, "
                                     "anthropic-dangerous-direct-browser-access, accept"),
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Expose-Headers", "retry-after, x-request-id"),
    ("Cross-Origin-Resource-Policy", "cross-origin"),
]


class State:
    """Everything the handlers share, behind one lock."""

    def __init__(self, replies):
        self.lock = threading.Lock()
        self.base_replies = dict(replies)
        self.reset()

    def reset(self):
        with self.lock:
            self.replies = dict(self.base_replies)
            self.faults = []
            self.requests = 0
            self.by_label = {}
            self.by_protocol = {"openai": 0, "anthropic": 0}
            self.in_flight = 0
            self.max_in_flight = 0
            self.faults_served = []
            self.completed = 0
            self.last_headers = {}

    def begin(self, label, protocol, headers):
        with self.lock:
            self.requests += 1
            self.by_label[label] = self.by_label.get(label, 0) + 1
            self.by_protocol[protocol] += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.last_headers = {k.lower(): ("<redacted>" if k.lower() in ("authorization", "x-api-key") else v)
                                 for k, v in headers.items()}
            for rule in self.faults:
                if rule.get("times", 1) == 0:
                    continue
                if rule.get("label", "*") not in ("*", label):
                    continue
                if rule.get("protocol", "*") not in ("*", protocol):
                    continue
                if rule.get("times", 1) > 0:
                    rule["times"] = rule.get("times", 1) - 1
                self.faults_served.append({"label": label, "kind": rule["kind"]})
                return dict(rule)
        return None

    def end(self, clean):
        with self.lock:
            self.in_flight -= 1
            if clean:
                self.completed += 1

    def stats(self):
        with self.lock:
            return {"requests": self.requests, "by_label": self.by_label, "by_protocol": self.by_protocol,
                    "in_flight": self.in_flight, "max_in_flight": self.max_in_flight,
                    "faults_served": self.faults_served, "completed": self.completed,
                    "last_headers": self.last_headers}


def message_text(content):
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict))
    return ""


def label_of(user_text):
    m = re.search(r"^PHASE: *(\S+)", user_text, re.M)
    if not m:
        return "unknown"
    item = re.search(r"^ITEM: .*\((\d+) of \d+\)\s*$", user_text, re.M)
    return f"{m.group(1)}[{int(item.group(1)) - 1}]" if item else m.group(1)


def fallback_reply(label, user_text):
    m = re.search(r"^Produce th(?:is file|ese files):\s*\n((?:- .*\n?)+)", user_text, re.M)
    if not m:
        return f"Reply from the test server for {label}.\n"
    names = [re.match(r"- (\S+)", line).group(1) for line in m.group(1).splitlines() if line.startswith("- ")]
    return "".join(f"=== FILE: {n} ===\n# {n}\n\nPlaceholder reply from the test server for {label}.\n" for n in names)


def tokens(text):
    return max(1, math.ceil(len(text) / 4))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "llm-test-server/1"

    def log_message(self, fmt, *args):  # quiet: tests read stats, not logs
        pass

    # --- plumbing -----------------------------------------------------------
    def cors(self):
        if not self.server.opts.no_cors:
            for k, v in CORS_HEADERS:
                self.send_header(k, v)

    def send_json(self, status, obj, extra=()):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.cors()
        self.end_headers()
        self.wfile.write(body)

    def start_stream(self):
        # SSE framed by closing the connection: no Content-Length, no chunked
        # encoding, flushed per event, so bytes reach the client as written.
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.cors()
        self.end_headers()
        self.close_connection = True
        self.wfile.flush()

    def event(self, data, name=None):
        out = (f"event: {name}\n" if name else "") + f"data: {data}\n\n"
        self.wfile.write(out.encode())
        self.wfile.flush()

    def raw(self, text):
        self.wfile.write(text.encode())
        self.wfile.flush()

    def abort_socket(self):
        # Close without a proper end: the client sees the stream stop mid-way.
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()
        self.close_connection = True

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    # --- routes -------------------------------------------------------------
    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.cors()
        self.end_headers()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/_stats":
            return self.send_json(200, self.server.state.stats())
        if path.endswith("/models"):
            return self.send_json(200, {"data": [{"id": "test-model"}]})
        self.send_json(404, {"error": {"message": f"no route {path}"}})

    def do_POST(self):
        path = self.path.split("?")[0]
        body = self.read_body()
        state = self.server.state
        if path.startswith("/_control/"):
            try:
                payload = json.loads(body or b"null")
            except ValueError:
                return self.send_json(400, {"error": "control body is not JSON"})
            if path == "/_control/faults":
                with state.lock:
                    state.faults = list(payload or [])
            elif path == "/_control/replies":
                with state.lock:
                    state.replies.update(payload or {})
            elif path == "/_control/reset":
                state.reset()
            else:
                return self.send_json(404, {"error": "unknown control"})
            return self.send_json(200, {"ok": True})
        if path in ("/v1/chat/completions", "/chat/completions", "/openai/v1/chat/completions"):
            return self.model_call("openai", body)
        if path in ("/v1/messages", "/anthropic/v1/messages", "/messages"):
            return self.model_call("anthropic", body)
        self.send_json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

    # --- model calls --------------------------------------------------------
    def error_body(self, protocol, status):
        words = {400: ("invalid_request_error", "bad request"), 401: ("authentication_error", "invalid x-api-key"),
                 403: ("permission_error", "permission denied"), 404: ("not_found_error", "not found"),
                 429: ("rate_limit_error", "Rate limit reached"), 500: ("api_error", "internal server error"),
                 502: ("api_error", "bad gateway"), 503: ("api_error", "service unavailable"),
                 529: ("overloaded_error", "Overloaded")}
        kind, msg = words.get(status, ("api_error", "error"))
        if protocol == "openai":
            if status == 401:
                return {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error",
                                  "code": "invalid_api_key"}}
            return {"error": {"message": msg, "type": kind}}
        return {"type": "error", "error": {"type": kind, "message": msg}}

    def model_call(self, protocol, body):
        opts = self.server.opts
        state = self.server.state
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            return self.send_json(400, self.error_body(protocol, 400))
        messages = req.get("messages") or []
        user = message_text(messages[-1].get("content")) if messages else ""
        everything = message_text(req.get("system", "")) + "".join(message_text(m.get("content")) for m in messages)
        label = label_of(user)
        fault = state.begin(label, protocol, dict(self.headers.items()))
        clean = False
        try:
            clean = self.answer(protocol, req, user, everything, label, fault, opts, state)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client went away (cancelled, timed out)
        finally:
            state.end(clean)

    def answer(self, protocol, req, user, everything, label, fault, opts, state):
        kind = fault["kind"] if fault else None
        model = req.get("model", "")
        if kind == "reset":
            self.abort_socket()
            return False
        if kind == "slow_first_byte":
            time.sleep(fault.get("delay_ms", 3000) / 1000)
        # Checks a real API makes before answering.
        if protocol == "anthropic" and not self.headers.get("anthropic-version"):
            self.send_json(400, {"type": "error", "error": {"type": "invalid_request_error",
                                                            "message": "anthropic-version: header is required"}})
            return False
        if opts.require_key:
            given = (self.headers.get("Authorization", "").removeprefix("Bearer ") if protocol == "openai"
                     else self.headers.get("x-api-key", ""))
            if given != opts.require_key:
                self.send_json(401, self.error_body(protocol, 401))
                return False
        if model == "missing-model":
            if protocol == "openai":
                self.send_json(404, {"error": {"message": "The model `missing-model` does not exist",
                                               "type": "invalid_request_error", "code": "model_not_found"}})
            else:
                self.send_json(404, {"type": "error", "error": {"type": "not_found_error",
                                                                "message": "model: missing-model"}})
            return False
        if kind and kind.isdigit():
            status = int(kind)
            extra = [("Retry-After", str(fault["retry_after"]))] if fault.get("retry_after") else []
            self.send_json(status, self.error_body(protocol, status), extra)
            return False

        with state.lock:
            reply = state.replies.get(label)
        if reply is None:
            reply = fallback_reply(label, user)
        if kind == "empty":
            reply = ""
        if opts.latency_ms:
            time.sleep(opts.latency_ms / 1000)
        size = max(1, opts.chunk_size)
        pieces = [reply[i:i + size] for i in range(0, len(reply), size)]
        usage_in, usage_out = tokens(everything), tokens(reply)
        if not req.get("stream"):
            return self.whole(protocol, model, reply, usage_in, usage_out, kind)
        self.start_stream()
        if protocol == "openai":
            return self.stream_openai(model, pieces, usage_in, usage_out, kind, fault, opts)
        return self.stream_anthropic(model, pieces, usage_in, usage_out, kind, fault, opts)

    def whole(self, protocol, model, reply, usage_in, usage_out, kind):
        if protocol == "openai":
            finish = {"length": "length", "refusal": "content_filter"}.get(kind, "stop")
            self.send_json(200, {"id": "chatcmpl-test", "object": "chat.completion", "model": model,
                                 "choices": [{"index": 0, "message": {"role": "assistant", "content": reply},
                                              "finish_reason": finish}],
                                 "usage": {"prompt_tokens": usage_in, "completion_tokens": usage_out,
                                           "total_tokens": usage_in + usage_out}})
        else:
            stop = {"length": "max_tokens", "refusal": "refusal"}.get(kind, "end_turn")
            self.send_json(200, {"id": "msg_test", "type": "message", "role": "assistant", "model": model,
                                 "content": [{"type": "text", "text": reply}], "stop_reason": stop,
                                 "usage": {"input_tokens": usage_in, "output_tokens": usage_out}})
        return kind is None

    def pace(self, opts):
        if opts.chunk_ms:
            time.sleep(opts.chunk_ms / 1000)

    def stream_openai(self, model, pieces, usage_in, usage_out, kind, fault, opts):
        def chunk(delta, finish=None, **extra):
            obj = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
                   "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            obj.update(extra)
            return json.dumps(obj)

        self.event(chunk({"role": "assistant", "content": ""}))
        half = len(pieces) // 2
        for i, piece in enumerate(pieces):
            if kind == "cut" and i == max(1, half):
                self.abort_socket()
                return False
            if kind == "stall" and i == max(1, half):
                time.sleep(fault.get("delay_ms", 5000) / 1000)
            if kind == "malformed" and i == min(2, len(pieces) - 1):
                self.raw("data: {not json\n\n")
            if kind == "error_event" and i == max(1, half):
                self.event(json.dumps({"error": {"message": "The server had an error while processing your request",
                                                 "type": "server_error"}}))
                self.abort_socket()
                return False
            self.event(chunk({"content": piece}))
            self.pace(opts)
        if kind in ("cut", "error_event") and len(pieces) <= 1:
            self.abort_socket()
            return False
        finish = {"length": "length", "refusal": "content_filter"}.get(kind, "stop")
        self.event(chunk({}, finish))
        obj = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
               "choices": [], "usage": {"prompt_tokens": usage_in, "completion_tokens": usage_out,
                                        "total_tokens": usage_in + usage_out}}
        self.event(json.dumps(obj))
        self.event("[DONE]")
        return kind is None

    def stream_anthropic(self, model, pieces, usage_in, usage_out, kind, fault, opts):
        ev = lambda name, obj: self.event(json.dumps(obj), name)  # noqa: E731
        ev("message_start", {"type": "message_start", "message": {
            "id": "msg_test", "type": "message", "role": "assistant", "model": model, "content": [],
            "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": usage_in, "output_tokens": 1}}})
        ev("content_block_start", {"type": "content_block_start", "index": 0,
                                   "content_block": {"type": "text", "text": ""}})
        ev("ping", {"type": "ping"})
        half = len(pieces) // 2
        for i, piece in enumerate(pieces):
            if kind == "cut" and i == max(1, half):
                self.abort_socket()
                return False
            if kind == "stall" and i == max(1, half):
                time.sleep(fault.get("delay_ms", 5000) / 1000)
            if kind == "malformed" and i == min(2, len(pieces) - 1):
                self.raw("event: content_block_delta\ndata: {not json\n\n")
            if kind == "error_event" and i == max(1, half):
                ev("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
                self.abort_socket()
                return False
            ev("content_block_delta", {"type": "content_block_delta", "index": 0,
                                       "delta": {"type": "text_delta", "text": piece}})
            self.pace(opts)
        if kind in ("cut", "error_event") and len(pieces) <= 1:
            self.abort_socket()
            return False
        ev("content_block_stop", {"type": "content_block_stop", "index": 0})
        stop = {"length": "max_tokens", "refusal": "refusal"}.get(kind, "end_turn")
        ev("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
                             "usage": {"output_tokens": usage_out}})
        ev("message_stop", {"type": "message_stop"})
        return kind is None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--replies")
    ap.add_argument("--latency-ms", type=int, default=0)
    ap.add_argument("--chunk-ms", type=int, default=0)
    ap.add_argument("--chunk-size", type=int, default=40)
    ap.add_argument("--require-key")
    ap.add_argument("--no-cors", action="store_true")
    opts = ap.parse_args()
    replies = json.load(open(opts.replies)) if opts.replies else {}
    server = ThreadingHTTPServer(("127.0.0.1", opts.port), Handler)
    server.daemon_threads = True
    server.opts = opts
    server.state = State(replies)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    server.server_close()


if __name__ == "__main__":
    main()
