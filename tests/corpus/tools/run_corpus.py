#!/usr/bin/env python3
"""Runs the default workflow with a build's CLI against the test server
answering from corpus folders, and prints what happened: the run's status,
each phase's status and error, model calls per label (repairs apart),
traceability gaps, and which artifacts were stored although their phase
failed. For looking at a corpus variant by hand and for the numbers in a
report; the assertions belong to the native and browser tests.

  python3 tests/corpus/tools/run_corpus.py --corpus tests/corpus/compliant \\
      [--corpus tests/corpus/hostile/refusal] [--only LABEL ...] [--brief FILE]
      [--protocol openai|anthropic] [--vary-wording] [--cli PATH] [--keep DIR] [--json]

--only LABEL (repeatable) serves only those labels from the LAST --corpus
folder on top of the folders before it: `--corpus compliant --corpus drifting
--only SPEC_PM` shows what one drifting reply does on its own.
Needs PyYAML (Debian: python3-yaml) to read which phase produces which file.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import prompt_cost_bench as bench  # noqa: E402  (server start/stop and the CLI call)


def overlay_only(folder, labels, into):
    """A copy of `folder` holding only the files (and serve.json, grow/) of `labels`."""
    os.makedirs(into)
    for name in os.listdir(folder):
        m = re.match(r"^(.*?)(@\d+)?\.md$", name)
        if m and m.group(1) in labels:
            shutil.copy(os.path.join(folder, name), into)
    for extra in ("serve.json", "grow"):
        src = os.path.join(folder, extra)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(into, extra))
        elif os.path.isfile(src):
            shutil.copy(src, into)
    return into


def produces(spec_path):
    try:
        import yaml
    except ImportError:
        return {}
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    return {name: p.get("produces", []) for name, p in (spec.get("phases") or {}).items()}


def read_gaps(report_path):
    """(summary line, gap bullets) of a validation-report.md; (None, []) when there is none."""
    if not os.path.isfile(report_path):
        return None, []
    with open(report_path, encoding="utf-8") as f:
        text = f.read()
    summary = re.search(r"^\d+ artifacts checked\..*$", text, re.M)
    section = text.split("## Gaps", 1)[1].split("\n## ", 1)[0] if "## Gaps" in text else ""
    return (summary.group(0) if summary else None), [l[2:] for l in section.splitlines() if l.startswith("- ")]


def prompt_structure(folder):
    """Per recorded call whose prompt does not have exactly one task section, one PHASE line
    and at most one marker per file name: {file: {"task_sections": n, "phase_lines": n, "repeated_files": {...}}}."""
    odd = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            rec = json.load(f)
        parts = [bench_text(rec.get("system"))] + [bench_text(m.get("content")) for m in rec.get("messages") or []]
        text = "\n".join(parts)
        tasks = len(re.findall(r"^# Your task\s*$", text, re.M))
        phases = len(re.findall(r"^PHASE:", text, re.M))
        files = {}
        for m in re.finditer(r"^=== FILE: (\S+) ===\s*$", text, re.M):
            files[m.group(1)] = files.get(m.group(1), 0) + 1
        repeated = {k: v for k, v in files.items() if v > 1}
        if tasks != 1 or phases != 1 or repeated:
            odd[name] = {"task_sections": tasks, "phase_lines": phases, "repeated_files": repeated}
    return odd


def bench_text(content):
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict))
    return ""


def status_json(cli, db):
    p = subprocess.run([cli, "status", "--db", db, "--json"], capture_output=True, text=True)
    try:
        return json.loads(p.stdout)["projects"][0]
    except (ValueError, KeyError, IndexError):
        return {}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--brief", default=os.path.join(ROOT, "assets", "briefs", "tidewater.md"))
    ap.add_argument("--spec", default=os.path.join(ROOT, "assets", "workflows", "default.yml"))
    ap.add_argument("--protocol", default="openai", choices=sorted(bench.MODELS))
    ap.add_argument("--vary-wording", action="store_true")
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "native", "src", "app", "cli", "specwave"))
    ap.add_argument("--keep", help="keep the database and the --out folder here")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    opts = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpora = list(opts.corpus)
        if opts.only:
            corpora[-1] = overlay_only(corpora[-1], set(opts.only), os.path.join(tmp, "only"))
        work = opts.keep or os.path.join(tmp, "work")
        os.makedirs(work, exist_ok=True)
        prompts = os.path.join(tmp, "prompts")
        os.makedirs(prompts)
        extra = ["--record-prompts", prompts] + (["--vary-wording"] if opts.vary_wording else [])
        proc, port = bench.start_server(corpora, extra)
        try:
            out_dir = os.path.join(work, "out")
            code, report, err, _ = bench.run_cli(opts.cli, opts.spec, opts.brief, opts.protocol, port, work,
                                                 out_dir=out_dir)
            stats = bench.server_stats(port)
        finally:
            bench.stop_server(proc)
        project = status_json(opts.cli, os.path.join(work, "bench.db"))
        gaps = read_gaps(os.path.join(out_dir, "validation-report.md"))
        structure = prompt_structure(prompts)
    run = project.get("latest_run") or {}
    phases = {p["phase"]: p for p in run.get("phases", [])}
    made_by = {a: ph for ph, files in produces(opts.spec).items() for a in files}
    stored = {a["name"]: a["version"] for a in project.get("artifacts", [])}
    stored_from_failed = sorted(a for a in stored if phases.get(made_by.get(a), {}).get("status") == "failed")
    labels = stats.get("by_label", {})
    out = {"exit_code": code, "status": (report or {}).get("status"),
           "model_calls": sum(n for l, n in labels.items() if not l.endswith("#repair")),
           "repair_calls": sum(n for l, n in labels.items() if l.endswith("#repair")),
           "calls_by_label": labels,
           "phases": {n: {"status": p["status"], "calls": p["calls"], "error": p.get("error", ""),
                          "repair_calls": p.get("repair_calls", 0), "raw_reply_chars": len(p.get("raw_reply", ""))}
                      for n, p in phases.items()},
           # From the run's own report (--json): what the engine cleaned and repaired.
           "report_calls": (report or {}).get("model_calls"),
           "report_repair_calls": (report or {}).get("repair_calls"),
           "report_attempts": (report or {}).get("attempts"),
           "cleanings": (report or {}).get("cleanings"),
           "cleanings_by_phase": {p["name"]: sorted({n.get("rule", "") for n in p.get("notes", [])
                                                    if n.get("validator") == "reply" and n.get("severity") != "error"})
                                  for p in (report or {}).get("phases", []) if p.get("cleanings")},
           "report_phases": {p["name"]: {"status": p["status"], "reason": p.get("reason", "")}
                             for p in (report or {}).get("phases", [])},
           "artifacts_stored": stored, "stored_from_failed_phases": stored_from_failed,
           "cross_checks": gaps[0], "gaps": gaps[1],
           "prompt_chars": stats.get("accounting", {}).get("total", {}).get("prompt_chars"),
           "largest_prompt_chars": max((r["prompt_chars"] // max(1, r["calls"])
                                        for r in stats.get("accounting", {}).get("by_label", {}).values()), default=0),
           "prompts_with_odd_structure": structure,
           "stderr_tail": err if report is None else ""}
    if opts.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"run {out['status']} (exit {code}): {out['model_calls']} model calls, {out['repair_calls']} repair calls"
          f" (the run's report: {out['report_calls']} calls, {out['report_repair_calls']} repairs,"
          f" {out['cleanings']} cleanings)")
    for name, rules in out["cleanings_by_phase"].items():
        print(f"  cleaned in {name}: {', '.join(rules)}")
    for name, p in out["phases"].items():
        print(f"  {name:<24}{p['status']:<11}{p['calls']:>3} calls  {p['error'][:220]}")
    if out["cross_checks"]:
        print(f"  {out['cross_checks']}")
        for g in out["gaps"][:8]:
            print(f"    - {g[:200]}")
        if len(out["gaps"]) > 8:
            print(f"    ... {len(out['gaps']) - 8} more")
    print(f"  prompt characters: {out['prompt_chars']:,} in all, largest prompt {out['largest_prompt_chars']:,}")
    if structure:
        print(f"  {len(structure)} prompts without exactly one task section / PHASE line / copy of each file, e.g.:")
        for name, v in list(structure.items())[:4]:
            print(f"    {name}: {v}")
    print(f"  calls by label: {', '.join(f'{l} {n}' for l, n in labels.items() if n > 1 or '#' in l) or 'one each'}")
    print(f"  artifacts stored: {', '.join(f'{a} v{v}' for a, v in sorted(stored.items())) or 'none'}")
    if stored_from_failed:
        print(f"  stored although their phase failed: {', '.join(stored_from_failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
