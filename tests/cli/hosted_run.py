#!/usr/bin/env python3
"""The default workflow end to end through the real CLI against the local LLM
test server (tests/support/llm_test_server.py), once per protocol (issue #4).

1. `specwave run --provider offline --record-replies R.json` scripts the
   server: every call's reply, by label, from the offline generator (replies
   that pass the workflow's validators).
2. For openai and anthropic: `specwave run --provider P --base-url <server>`
   with a 429 and a stream cut off mid-way injected on two phases. The run
   must succeed, every artifact must exist, the server must have served one
   request per call plus one per retried fault, and the faults must have been
   retried (never stored).
3. The same run again on the same database: every call answered from the
   response cache, no request reaches the server.
4. A 401 on every call: the run fails, says the key was rejected, and the key
   appears in no output.
5. (openai) A priced model with --budget-usd well under the run's cost: the
   run stops launching phases, says why, spends no more than the budget, and
   the server saw fewer requests than a full run; an unpriced model reports
   its cost as unknown (null), never a guess.

usage: hosted_run.py SPECWAVE_BINARY SOURCE_ROOT SCRATCH_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.request

KEY = "sk-test-HostedRunSecret0123456789"


def start_server(root, replies, *extra):
    proc = subprocess.Popen([sys.executable, os.path.join(root, "tests/support/llm_test_server.py"), "--port", "0",
                             "--replies", replies, *extra], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("LISTENING "):
        proc.kill()
        raise SystemExit("the LLM test server did not start: " + line)
    return proc, int(line.split()[1])


def control(port, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method="GET" if data is None else "POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"{}")


def run(binary, args, env):
    res = subprocess.run([binary, *args], capture_output=True, text=True, env=env, timeout=600)
    return res


def fail(msg, res=None):
    if res is not None:
        sys.stderr.write(res.stdout[-4000:] + "\n" + res.stderr[-4000:] + "\n")
    raise SystemExit("FAIL: " + msg)


def main():
    binary, root, scratch = sys.argv[1:4]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    spec = os.path.join(root, "assets/workflows/default.yml")
    brief = os.path.join(root, "assets/briefs/tidewater.md")
    replies = os.path.join(scratch, "replies.json")
    env = dict(os.environ)
    env.pop("OPENAI_API_KEY", None)
    env.pop("ANTHROPIC_API_KEY", None)

    res = run(binary, ["run", "--spec", spec, "--brief", brief, "--db", os.path.join(scratch, "offline.db"),
                       "--auto-approve", "--record-replies", replies, "--json"], env)
    if res.returncode != 0:
        fail("offline run to record replies failed", res)
    offline = json.loads(res.stdout)
    recorded = json.load(open(replies))
    print(f"recorded {len(recorded)} replies from the offline generator ({offline['model_calls']} calls)")

    server, port = start_server(root, replies, "--chunk-size", "200")
    try:
        for protocol in ("openai", "anthropic"):
            control(port, "/_control/reset", {})
            control(port, "/_control/faults", [
                {"label": "SPEC_PM", "kind": "429", "retry_after": "1", "times": 1},
                {"label": "SPEC_ARCHITECT", "kind": "cut", "times": 1},
            ])
            env[("OPENAI" if protocol == "openai" else "ANTHROPIC") + "_API_KEY"] = KEY
            db = os.path.join(scratch, protocol + ".db")
            args = ["run", "--spec", spec, "--brief", brief, "--db", db, "--auto-approve", "--json",
                    "--provider", protocol, "--model", "test-model", "--base-url", f"http://127.0.0.1:{port}/v1",
                    "--retry-base-ms", "50"]
            res = run(binary, args, env)
            if res.returncode != 0:
                fail(f"{protocol}: run failed", res)
            report = json.loads(res.stdout)
            stats = control(port, "/_stats")
            kinds = sorted(f["kind"] for f in stats["faults_served"])
            if report["status"] != "succeeded":
                fail(f"{protocol}: status {report['status']}", res)
            if kinds != ["429", "cut"]:
                fail(f"{protocol}: faults served {kinds}")
            if stats["requests"] != report["model_calls"] + 2:
                fail(f"{protocol}: server saw {stats['requests']} requests for {report['model_calls']} calls + 2 retries")
            if report["model_calls"] != offline["model_calls"]:
                fail(f"{protocol}: {report['model_calls']} calls, the offline run made {offline['model_calls']}")
            if KEY in res.stdout + res.stderr:
                fail(f"{protocol}: the API key appears in the output")
            print(f"{protocol}: succeeded, {report['model_calls']} calls, {stats['requests']} requests "
                  f"(429 and cut retried), max {stats['max_in_flight']} in flight, "
                  f"{report['tokens']['input']} tokens in / {report['tokens']['output']} out")

            # Same prompts again: all from the response cache.
            control(port, "/_control/reset", {})
            res = run(binary, args, env)
            if res.returncode != 0:
                fail(f"{protocol}: cached rerun failed", res)
            again = json.loads(res.stdout)
            stats = control(port, "/_stats")
            if stats["requests"] != 0 or again["cached_calls"] != report["model_calls"]:
                fail(f"{protocol}: rerun made {stats['requests']} requests, {again['cached_calls']} cached")
            print(f"{protocol}: rerun answered {again['cached_calls']} calls from the cache, 0 requests")

            # Every call rejected with 401: a clear failure, no key in sight.
            control(port, "/_control/faults", [{"label": "*", "kind": "401", "times": -1}])
            res = run(binary, [*args[:6], os.path.join(scratch, protocol + "-401.db"), *args[7:], "--no-cache"], env)
            out = res.stdout + res.stderr
            if res.returncode == 0 or "API key was rejected" not in out:
                fail(f"{protocol}: a rejected key did not fail the run with a clear message", res)
            if KEY in out:
                fail(f"{protocol}: the API key appears in the failure output")
            print(f"{protocol}: a rejected key fails the run: " +
                  next(l for l in out.splitlines() if "API key was rejected" in l).strip()[:160])
            if protocol == "openai":
                budget_step(binary, args, scratch, port, env, report)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print("OK")


def budget_step(binary, args, scratch, port, env, full):
    if full.get("cost_usd") is not None:
        fail(f"an unpriced model reported a cost: {full['cost_usd']}")
    priced = list(args)
    priced[priced.index("test-model")] = "gpt-4o"  # priced in assets/pricing.yml
    priced[priced.index("--db") + 1] = os.path.join(scratch, "budget.db")
    control(port, "/_control/reset", {})
    res = run(binary, [*priced, "--no-cache", "--budget-usd", "0.10"], env)
    out = res.stdout + res.stderr
    try:
        report = json.loads(res.stdout)
    except ValueError:
        fail("the budget run printed no JSON report", res)
    stats = control(port, "/_stats")
    if report["status"] == "succeeded" or "budget" not in report.get("stop_reason", ""):
        fail(f"a $0.10 budget did not stop the run: status {report['status']}", res)
    if report["cost_usd"] is None or report["cost_usd"] > 0.10:
        fail(f"the budget run spent {report['cost_usd']}, over $0.10", res)
    if stats["requests"] >= full["model_calls"]:
        fail(f"the budget run still made {stats['requests']} requests", res)
    if KEY in out:
        fail("the API key appears in the budget run's output")
    print(f"openai: a $0.10 budget stopped the run after {stats['requests']} requests, ${report['cost_usd']:.4f} spent: "
          + report["stop_reason"][:120])


if __name__ == "__main__":
    main()
