#!/usr/bin/env python3
"""Prompt cost of a default-workflow run, measured from the server side.

Runs `specwave run` of a given build against the local test server
(tests/support/llm_test_server.py) answering from a reply corpus
(tests/corpus/compliant and compliant-short by default), over the OpenAI and
the Anthropic protocol, and prints per phase: model calls, prompt characters
(system + every message, counted by the server, so any build of the CLI can
be measured, including one that predates the engine's own accounting) and the
phase's share of the run; VALIDATE's share; the total; and cached input
tokens where the server or the CLI reports them. Prints what it measured,
asserts nothing.

  python3 bench/prompt_cost_bench.py [--cli build/native/src/app/cli/specwave]
      [--corpus tests/corpus/compliant-short --corpus tests/corpus/compliant]
      [--protocol openai --protocol anthropic] [--json OUT.json]

Exit code 0 when every run finished (whatever its outcome), 1 when the
server or the CLI could not be started.
"""
import argparse
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "tests", "support", "llm_test_server.py")
MODELS = {"openai": "gpt-4o", "anthropic": "claude-sonnet-4-5"}
KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}


def start_server(corpora, extra=()):
    args = [sys.executable, SERVER, "--port", "0", *extra]
    for c in corpora:
        args += ["--corpus", c]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([proc.stdout], [], [], 20)
    line = proc.stdout.readline() if ready else ""
    if not line.startswith("LISTENING "):
        proc.kill()
        raise RuntimeError(f"test server did not start: {line!r} {proc.stderr.read()[-500:]}")
    return proc, int(line.split()[1])


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()


def server_stats(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stats", timeout=10) as r:
        return json.load(r)


def run_cli(cli, spec, brief, protocol, port, workdir, timeout_s=900, out_dir=None):
    """(exit code, parsed --json report or None, stderr tail, seconds)."""
    env = dict(os.environ)
    env.setdefault(KEY_ENV[protocol], "test-server-key")  # any value works with the test server
    cmd = [cli, "run", "--spec", spec, "--brief", brief, "--db", os.path.join(workdir, "bench.db"), "--auto-approve",
           "--provider", protocol, "--base-url", f"http://127.0.0.1:{port}/v1", "--model", MODELS[protocol], "--json"]
    if out_dir:
        cmd += ["--out", out_dir]
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout_s)
    report = None
    try:
        report = json.loads(p.stdout)
    except ValueError:
        pass
    return p.returncode, report, p.stderr[-2000:], time.monotonic() - t0


def phase_of(label):
    """SOLUTIONING_TASKS[3]#repair -> (SOLUTIONING_TASKS, True)."""
    repair = label.endswith("#repair")
    return re.sub(r"\[[^\]]*\]$", "", label[: -len("#repair")] if repair else label), repair


def cached_tokens_from_server(stats):
    """Cached input tokens, if this server build accounts for them (another helper adds that); else None."""
    for key in ("prompt_cache", "cache"):
        block = stats.get(key)
        if isinstance(block, dict):
            total = block.get("total", block)
            for k in ("cached_input_tokens", "cache_read_input_tokens", "cached_tokens"):
                if isinstance(total, dict) and isinstance(total.get(k), (int, float)):
                    return int(total[k])
    return None


def spec_order(spec_path):
    """Phase names in the order the spec lists them (no YAML library needed for the default layout)."""
    try:
        with open(spec_path, encoding="utf-8") as f:
            return re.findall(r"^  ([A-Z][A-Z0-9_]*):\s*$", f.read(), re.M)
    except OSError:
        return []


def summarise(stats, report, order=()):
    acc = stats.get("accounting", {}).get("by_label", {})
    rank = {name: i for i, name in enumerate(order)}
    labels = sorted(acc, key=lambda l: rank.get(phase_of(l)[0], len(rank)))  # stable: arrival order within a phase
    phases = {}  # phase -> row, in the spec's order
    for label in labels:
        row = acc[label]
        name, repair = phase_of(label)
        p = phases.setdefault(name, {"calls": 0, "repair_calls": 0, "prompt_chars": 0, "reply_chars": 0})
        p["repair_calls" if repair else "calls"] += row["calls"]
        p["prompt_chars"] += row["prompt_chars"]
        p["reply_chars"] += row["reply_chars"]
    total = sum(p["prompt_chars"] for p in phases.values())
    for p in phases.values():
        p["share"] = p["prompt_chars"] / total if total else 0.0
    out = {"phases": phases, "prompt_chars": total,
           "reply_chars": sum(p["reply_chars"] for p in phases.values()),
           "calls": sum(p["calls"] + p["repair_calls"] for p in phases.values()),
           "validate_share": phases.get("VALIDATE", {}).get("share", 0.0),
           "server_cached_input_tokens": cached_tokens_from_server(stats)}
    if report:
        tok = report.get("tokens", {})
        out.update({"status": report.get("status"), "cli_input_tokens": tok.get("input"),
                    "cli_cached_input_tokens": tok.get("cached_input"),
                    "phase_status": {p["name"]: p["status"] for p in report.get("phases", [])}})
    return out


def print_summary(title, s):
    print(f"\n== {title}: run {s.get('status', 'no report')} — {s['calls']} calls, "
          f"{s['prompt_chars']:,} prompt characters, {s['reply_chars']:,} reply characters")
    print(f"   {'phase':<24}{'calls':>6}{'repairs':>8}{'prompt chars':>14}{'share':>8}{'per call':>10}")
    for name, p in s["phases"].items():
        per = p["prompt_chars"] // max(1, p["calls"] + p["repair_calls"])
        print(f"   {name:<24}{p['calls']:>6}{p['repair_calls']:>8}{p['prompt_chars']:>14,}{p['share']:>8.1%}{per:>10,}")
    print(f"   VALIDATE share: {s['validate_share']:.1%}")
    server_cache = s["server_cached_input_tokens"]
    cli_cache, cli_in = s.get("cli_cached_input_tokens"), s.get("cli_input_tokens")
    print("   cached input tokens: server " + ("not reported by this server" if server_cache is None else f"{server_cache:,}")
          + ("" if cli_in is None else f"; CLI {cli_cache or 0:,} of {cli_in:,} input tokens"))
    failed = {k: v for k, v in s.get("phase_status", {}).items() if v != "succeeded"}
    if failed:
        print(f"   phases not succeeded: {failed}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "native", "src", "app", "cli", "specwave"))
    ap.add_argument("--spec", default=os.path.join(ROOT, "assets", "workflows", "default.yml"))
    ap.add_argument("--brief", default=os.path.join(ROOT, "assets", "briefs", "tidewater.md"))
    ap.add_argument("--corpus", action="append", help="corpus folder (repeatable); default short and real-length")
    ap.add_argument("--protocol", action="append", choices=sorted(MODELS), help="default: both")
    ap.add_argument("--json", help="also write the measurements to this file")
    opts = ap.parse_args(argv)
    corpora = opts.corpus or [os.path.join(ROOT, "tests", "corpus", "compliant-short"),
                              os.path.join(ROOT, "tests", "corpus", "compliant")]
    protocols = opts.protocol or ["openai", "anthropic"]
    results = []
    for corpus in corpora:
        for protocol in protocols:
            try:
                proc, port = start_server([corpus])
            except RuntimeError as e:
                print(e, file=sys.stderr)
                return 1
            try:
                with tempfile.TemporaryDirectory() as work:
                    code, report, err, secs = run_cli(opts.cli, opts.spec, opts.brief, protocol, port, work)
                stats = server_stats(port)
            except (OSError, subprocess.TimeoutExpired) as e:
                print(f"could not run {opts.cli}: {e}", file=sys.stderr)
                return 1
            finally:
                stop_server(proc)
            s = summarise(stats, report, spec_order(opts.spec))
            s.update({"corpus": os.path.relpath(corpus, ROOT), "protocol": protocol, "exit_code": code,
                      "seconds": round(secs, 2)})
            if report is None:
                s["stderr_tail"] = err
            print_summary(f"{s['corpus']} over {protocol} (exit {code}, {secs:.1f} s)", s)
            results.append(s)
    if len(corpora) > 1:
        print("\n== totals (prompt characters)")
        for s in results:
            print(f"   {s['corpus']:<32}{s['protocol']:<10}{s['prompt_chars']:>12,}  VALIDATE {s['validate_share']:.1%}")
    if opts.json:
        with open(opts.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
