#!/usr/bin/env python3
"""Durability under kill -9 (issue #5).

Each iteration starts `specwave run` on a fresh database with simulated
latency, kills it with SIGKILL at a random moment, records what the database
holds as complete (succeeded phases and their artifact versions, with
SHA-256), then runs `specwave resume` and checks that:
  * every artifact version stored before the kill is still there, byte for
    byte (same version number and hash);
  * the resumed run did not run again — and made no model call for — any
    phase that had completed before the kill;
  * the resumed run succeeds and every artifact of the workflow exists.

usage: kill_resume.py SPECWAVE_BINARY SOURCE_ROOT SCRATCH_DIR [ITERATIONS] [SEED]
ITERATIONS defaults to $SPECWAVE_KILL_ITERATIONS or 24; the long mode is 1000.
"""
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time


def completed(db):
    """Phases whose latest record is 'succeeded', and every artifact version."""
    con = sqlite3.connect(db)
    try:
        phases = {}
        for phase, status in con.execute("SELECT phase, status FROM phase_runs ORDER BY id"):
            phases[phase] = status
        versions = {}
        for a, v, h, content in con.execute("SELECT a.name, v.version, v.sha256, v.content FROM artifact_versions v "
                                            "JOIN artifacts a ON a.id = v.artifact_id"):
            if hashlib.sha256(content.encode()).hexdigest() != h:
                raise SystemExit(f"{a} v{v}: stored content does not match its SHA-256")
            versions[(a, v)] = h
        return {p for p, s in phases.items() if s == "succeeded"}, versions
    finally:
        con.close()


def main():
    binary, root, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
    iterations = int(sys.argv[4]) if len(sys.argv) > 4 else int(os.environ.get("SPECWAVE_KILL_ITERATIONS", "24"))
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1234
    rng = random.Random(seed)
    os.makedirs(scratch, exist_ok=True)
    spec = os.path.join(root, "assets/workflows/default.yml")
    brief = os.path.join(root, "assets/briefs/tidewater.md")
    latency = os.path.join(scratch, "latency.yml")
    with open(latency, "w") as f:
        f.write("default: 40\nDONE: 0\n")
    stats = {"killed_before_any": 0, "killed_mid": 0, "finished_before_kill": 0, "phases_kept": 0}
    for i in range(iterations):
        db = os.path.join(scratch, f"kill-{os.getpid()}.db")
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        proc = subprocess.Popen([binary, "run", "--spec", spec, "--brief", brief, "--db", db, "--auto-approve",
                                 "--sim-latency", latency, "--quiet"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.33))
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if not os.path.exists(db):
            stats["killed_before_any"] += 1
            continue
        try:
            done_before, versions_before = completed(db)
        except sqlite3.DatabaseError:
            # Killed while the schema was being created: nothing was complete.
            stats["killed_before_any"] += 1
            continue
        if finished:
            stats["finished_before_kill"] += 1
        else:
            stats["killed_mid"] += 1
        stats["phases_kept"] += len(done_before)
        res = subprocess.run([binary, "resume", "--db", db, "--json", "--sim-latency", latency, "--auto-approve"],
                             capture_output=True, text=True)
        if "no run to continue" in res.stderr or "no projects" in res.stderr:
            continue  # killed before the run record existed
        if res.returncode != 0 and not res.stdout.strip().startswith("{") and "already succeeded" not in res.stdout:
            print(f"iteration {i}: resume failed ({res.returncode}): {res.stderr.strip()}")
            return 1
        report = json.loads(res.stdout) if res.stdout.strip().startswith("{") else None
        if report is not None:
            if report["status"] != "succeeded":
                print(f"iteration {i}: resumed run ended {report['status']}: {report.get('stop_reason', '')}")
                return 1
            for p in report["phases"]:
                if p["name"] in done_before and (p.get("calls", 0) != 0 or not p.get("done_earlier")):
                    print(f"iteration {i}: phase {p['name']} completed before the kill but was run again "
                          f"(calls {p.get('calls')})")
                    return 1
        _, versions_after = completed(db)
        for key, sha in versions_before.items():
            if versions_after.get(key) != sha:
                print(f"iteration {i}: artifact {key[0]} v{key[1]} changed or vanished after the crash")
                return 1
        artifacts = {a for (a, _v) in versions_after}
        if len(artifacts) != 14:
            print(f"iteration {i}: {len(artifacts)} artifacts after resume, expected 14")
            return 1
    print(f"kill -9 durability: {iterations} iterations, seed {seed}: {stats['killed_mid']} killed mid-run, "
          f"{stats['finished_before_kill']} finished first, {stats['killed_before_any']} killed before anything "
          f"was stored; {stats['phases_kept']} completed phases kept and none re-run; all artifacts byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
