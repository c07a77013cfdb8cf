#!/usr/bin/env python3
"""Issue #16 through the real CLI: one acceptance bullet added to F2 of the
sample PRD.

1. `specwave impact --json` rates through the trace: epics.md is HIGH with the
   item E2 and the reason "E2 covers F2, whose acceptance gained a bullet";
   tasks.md lists E2's tasks only; untraced artifacts say they are the
   phase-graph fallback; no reason carries hashes.
2. `specwave regenerate --strategy regenerate_all --json` succeeds with at most
   35% of the full run's calls.
3. The exported spec-pack.md lists prd.md's new version (2), by the user.

usage: impact_regenerate.py SPECWAVE_BINARY SOURCE_ROOT SCRATCH_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys


def run(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("specwave %s failed (%d): %s %s" % (args[0], p.returncode, p.stdout, p.stderr))
    return p.stdout


def main():
    binary, root, scratch = sys.argv[1:4]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    db = os.path.join(scratch, "tide.db")
    out = os.path.join(scratch, "first")
    full = json.loads(run(binary, "run", "--spec", os.path.join(root, "assets/workflows/default.yml"), "--brief",
                          os.path.join(root, "assets/briefs/tidewater.md"), "--db", db, "--auto-approve", "--out", out,
                          "--json"))
    with open(os.path.join(out, "prd.md")) as f:
        prd = f.read()
    lines = prd.split("\n")
    start = next(i for i, l in enumerate(lines) if re.match(r"### F2\b", l))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    last_bullet = max(i for i in range(start, end) if lines[i].startswith("- "))
    lines.insert(last_bullet + 1, "- A sketched route is kept when the app goes offline.")
    edited = os.path.join(scratch, "edited-prd.md")
    with open(edited, "w") as f:
        f.write("\n".join(lines))

    impact = json.loads(run(binary, "impact", "--db", db, "--artifact", "prd.md", "--content", edited, "--json"))
    assert impact["trace_used"], impact
    assert [c["id"] for c in impact["changed_ids"]] == ["F2"], impact["changed_ids"]
    by = {a["artifact"]: a for a in impact["affected"]}
    epics = by["epics.md"]
    assert epics["level"] == "HIGH" and epics["source"] == "trace", epics
    assert [i["id"] for i in epics["items"]] == ["E2"], epics["items"]
    assert epics["items"][0]["reason"] == "E2 covers F2, whose acceptance gained a bullet", epics["items"][0]
    tasks = by["tasks.md"]
    assert tasks["items"] and all(i["id"].startswith("T2.") for i in tasks["items"]), tasks["items"]
    assert "phase-graph fallback" in by["architecture.md"]["reason"], by["architecture.md"]
    for a in impact["affected"]:
        assert "\u2192" not in a["reason"], a["reason"]
    # Only E2's part of the pack: E1's and E3's tasks are not items.
    assert not any(i["id"].startswith(("T1.", "T3.")) for i in tasks["items"]), tasks["items"]

    regen = json.loads(run(binary, "regenerate", "--db", db, "--artifact", "prd.md", "--content", edited, "--strategy",
                           "regenerate_all", "--json"))
    assert regen["success"], regen
    assert regen["model_calls"] * 100 <= 35 * full["model_calls"], (regen["model_calls"], full["model_calls"])

    after = os.path.join(scratch, "after")
    run(binary, "export", "--db", db, "--out", after)
    pack = open(os.path.join(after, "artifacts", "spec-pack.md")).read()
    assert re.search(r"\| prd\.md \| 2 \| `[0-9a-f]{12}` \| user \|", pack), pack
    print("ok: %d of %d calls" % (regen["model_calls"], full["model_calls"]))


if __name__ == "__main__":
    main()
