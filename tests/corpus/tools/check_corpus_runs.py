#!/usr/bin/env python3
"""Runs the default workflow with a CLI build against the test server on each
corpus variant (tests/corpus) and checks what issue 14 asks of a robust
engine:

  compliant, compliant-short  succeed, 0 gaps, no repair call
  drifting                    succeeds, its cleanings and repair counted, 0 gaps
  hostile/<scenario>          fails with a clear message and stores nothing
                              from the failed phase (or, where the scenario
                              says so, ignores the hostile part)

Prints one line per variant with the numbers (outcome, model calls, repair
calls, cleanings) and exits 1 on the first variant that does not hold.

  python3 tests/corpus/tools/check_corpus_runs.py --cli build/native/src/app/cli/specwave [--only NAME ...]

huge and many-epics are the size limits of issue 15 and are not checked here.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
import run_corpus  # noqa: E402


def run(cli, *folders):
    import contextlib
    import io
    import json
    buf = io.StringIO()
    args = ["--cli", cli, "--json"]
    for f in folders:
        args += ["--corpus", os.path.join(CORPUS, f)]
    with contextlib.redirect_stdout(buf):
        run_corpus.main(args)
    return json.loads(buf.getvalue())


def phase(out, name):
    return out["phases"].get(name) or {"status": "absent", "calls": 0, "error": ""}


def reason(out, name):
    p = out["report_phases"].get(name, {})
    return p.get("reason", "") + " " + phase(out, name).get("error", "")


class Check:
    def __init__(self, variant, out):
        self.variant, self.out, self.problems = variant, out, []

    def that(self, ok, what):
        if not ok:
            self.problems.append(what)


def succeeds_clean(c, repairs=0):
    o = c.out
    c.that(o["status"] == "succeeded", f"run {o['status']}: {o['stderr_tail'][-300:]} "
                                       f"{[(n, p['error'][:160]) for n, p in o['phases'].items() if p['status'] != 'succeeded']}")
    c.that(o["gaps"] == [], f"gaps: {o['gaps'][:3]}")
    c.that(o["stored_from_failed_phases"] == [], f"stored from failed phases: {o['stored_from_failed_phases']}")
    c.that(o["report_repair_calls"] == repairs, f"{o['report_repair_calls']} repair calls, expected {repairs}")


def fails_at(c, name, words, artifacts):
    o = c.out
    c.that(o["status"] == "failed", f"run {o['status']}, expected failed")
    c.that(phase(o, name)["status"] == "failed", f"{name} is {phase(o, name)['status']}, expected failed")
    text = reason(o, name)
    for w in words:
        c.that(w.lower() in text.lower(), f"{name}'s error does not name {w!r}: {text[:300]!r}")
    for a in artifacts:
        c.that(a not in o["artifacts_stored"], f"{a} was stored although {name} failed")
    c.that(o["stored_from_failed_phases"] == [], f"stored from failed phases: {o['stored_from_failed_phases']}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--only", action="append", default=[])
    opts = ap.parse_args(argv)

    def compliant(c):
        succeeds_clean(c)

    def drifting(c):
        succeeds_clean(c, repairs=1)
        c.that((c.out["cleanings"] or 0) > 0, "no cleanings counted")

    def refusal(c):
        fails_at(c, "SPEC_PM", ["I'm sorry, but I can't help with that."], ["prd.md"])
        c.that(phase(c.out, "SPEC_PM")["calls"] == 1, f"SPEC_PM made {phase(c.out, 'SPEC_PM')['calls']} calls, expected 1")
        c.that(phase(c.out, "SPEC_PM")["raw_reply_chars"] > 0, "the refusal is not on SPEC_PM's record")

    def api_refusal(c):
        fails_at(c, "SPEC_PM", ["refused"], ["prd.md"])
        c.that(phase(c.out, "SPEC_PM")["calls"] == 1, f"SPEC_PM made {phase(c.out, 'SPEC_PM')['calls']} calls, expected 1")

    def empty(c):
        fails_at(c, "SPEC_PM", ["empty"], ["prd.md"])
        # Every attempt the server answered is counted (4: the empty reply is retried).
        c.that(c.out["report_attempts"] >= c.out["model_calls"],
               f"the report counts {c.out['report_attempts']} attempts, the server saw {c.out['model_calls']} calls")

    def other_file(c):
        fails_at(c, "SPEC_PM", ["prd.md"], ["prd.md", "notes.md"])

    def fanout_refusal(c):
        fails_at(c, "SOLUTIONING_TASKS", ["E3", "I'm sorry"], ["tasks.md"])

    def extra_files(c):
        succeeds_clean(c)
        rules = c.out["cleanings_by_phase"].get("SPEC_DESIGN_COMPONENTS", [])
        c.that("undeclared-file-ignored" in rules, f"no warning for the undeclared files: {rules}")
        c.that(c.out["artifacts_stored"].get("prd.md") == 1, "prd.md is not v1")
        c.that(c.out["artifacts_stored"].get("api-spec.md") == 1, "api-spec.md is not v1")

    def injection(c):
        succeeds_clean(c)

    variants = [
        ("compliant", ["compliant"], compliant),
        ("compliant-short", ["compliant-short"], compliant),
        ("drifting", ["drifting"], drifting),
        ("hostile/refusal", ["compliant", "hostile/refusal"], refusal),
        ("hostile/api-refusal", ["compliant", "hostile/api-refusal"], api_refusal),
        ("hostile/empty", ["compliant", "hostile/empty"], empty),
        ("hostile/other-file", ["compliant", "hostile/other-file"], other_file),
        ("hostile/extra-files", ["compliant", "hostile/extra-files"], extra_files),
        ("hostile/injection", ["compliant", "hostile/injection"], injection),
        ("hostile/fanout-refusal", ["compliant", "hostile/fanout-refusal"], fanout_refusal),
    ]
    failed = 0
    for name, folders, check in variants:
        if opts.only and name not in opts.only:
            continue
        out = run(opts.cli, *folders)
        c = Check(name, out)
        check(c)
        failing = [f"{n}: {p['error'][:120]}" for n, p in out["phases"].items() if p["status"] == "failed"]
        print(f"{name:<24} {out['status']:<10} {out['model_calls']} model calls + {out['repair_calls']} repair "
              f"(report: {out['report_calls']} calls, {out['report_repair_calls']} repair), "
              f"{out['cleanings']} cleanings, {len(out['gaps'])} gaps"
              + (f"; failed {failing[0]}" if failing else ""))
        for phase_name, rules in out["cleanings_by_phase"].items():
            print(f"    cleaned {phase_name}: {', '.join(rules)}")
        for p in c.problems:
            print(f"    FAIL: {p}")
        failed += bool(c.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
