#!/usr/bin/env python3
"""Every workflow bundled in assets/workflows/ (the ones the web app offers
for a new project, issue #19) passes `specwave validate-spec` and runs offline
end to end with the real CLI: the run succeeds, with gates auto-approved, and
every artifact the workflow declares is written; fan-out phases make one call
per item.

usage: bundled_workflows.py SPECWAVE_BINARY SOURCE_ROOT SCRATCH_DIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    cli, root, scratch = sys.argv[1:4]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    workflows = sorted(glob.glob(os.path.join(root, "assets/workflows/*.yml")))
    names = [os.path.basename(w) for w in workflows]
    for required in ("default.yml", "landing-page.yml", "one-feature.yml"):
        assert required in names, f"{required} is not bundled ({names})"
    brief = os.path.join(root, "assets/briefs/tidewater.md")
    for wf in workflows:
        name = os.path.basename(wf)
        code, out, err = run([cli, "validate-spec", wf])
        assert code == 0, f"{name}: validate-spec exit {code}\n{out}{err}"
        code, out, err = run([cli, "plan", wf, "--json"])
        assert code == 0, f"{name}: plan exit {code}\n{err}"
        plan = json.loads(out)
        db = os.path.join(scratch, name + ".db")
        dest = os.path.join(scratch, name + ".out")
        code, out, err = run([cli, "run", "--spec", wf, "--brief", brief, "--db", db, "--auto-approve", "--out", dest,
                              "--json"])
        assert code == 0, f"{name}: run exit {code}\n{out}{err}"
        report = json.loads(out)
        assert report["status"] == "succeeded", f"{name}: {report['status']}"
        produced = set(os.listdir(dest))
        phases = plan["phases"] if isinstance(plan.get("phases"), list) else []
        for p in phases:
            for a in p.get("produces", []):
                assert a in produced, f"{name}: {a} of {p.get('name')} was not written ({sorted(produced)})"
        # Fan-out phases made one call per item (more than one).
        fanned = {p["name"]: p for p in report["phases"] if p.get("items")}
        for fan in {"landing-page.yml": ["SECTIONS"], "one-feature.yml": ["ACCEPTANCE"]}.get(name, []):
            assert fan in fanned and fanned[fan]["items"] > 1 and fanned[fan]["calls"] == fanned[fan]["items"], \
                f"{name}: {fan} did not fan out: {report['phases']}"
        print(f"{name}: {len(phases)} phases, {len(produced)} files, {report['model_calls']} calls — ok")
    print("bundled workflows: ok")


if __name__ == "__main__":
    main()
