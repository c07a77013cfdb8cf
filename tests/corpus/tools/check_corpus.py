#!/usr/bin/env python3
"""Checks the reply corpus itself, without the engine: that every folder loads
in the test server (file names, sequences, serve.json), that the compliant
replies are consistent across documents in exactly the ways the traceability
check and issue 14 ask (so a correct engine finds 0 gaps: every feature
covered, every epic with tasks, every Touches item an entity, endpoint or
component, every Resources item an entity, every component token defined),
that the drifting replies carry the same facts in their own id styles, that
fan-out and review replies sit at the index of the item they answer, and that
each manifest names exactly its folder's replies. Prints one line per check;
exits 1 if any failed.

  python3 tests/corpus/tools/check_corpus.py
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(CORPUS, "..", "support"))
import llm_test_server as server  # noqa: E402

failures = []
VALIDATE_ORDER = ["analysis.md", "stack.md", "design-tokens.md", "prd.md", "architecture.md", "data-model.md",
                  "api-spec.md", "component-mapping.md", "journey-maps.md", "dependencies.md", "epics.md", "tasks.md"]


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f"  -- {detail}"), flush=True)
    if not ok:
        failures.append(name)


def folder(name):
    return os.path.join(CORPUS, name)


def files_of(reply):
    """{file name: text} of a multi-file reply (markers as the compliant set writes them)."""
    parts = re.split(r"^=== FILE: (\S+) ===\n", reply, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def unfence(text):
    """A reply with its wrappers taken off the way a cleaner would: preamble, one fence, closing remark."""
    text = text.replace("\r\n", "\n")
    m = re.search(r"^(`{3,}|~{3,})[\w-]*\n(.*?)^\1\s*$", text, re.M | re.S)
    return m.group(2) if m else text


# --- the facts a document defines ------------------------------------------------

def entities(data_model):
    return set(re.findall(r"^### ([A-Z]\w+)\s*$", data_model, re.M))


def endpoints(api):
    found = re.findall(r"^#{3,4} `?((?:GET|POST|PUT|PATCH|DELETE) /\S+?)`?\s*$", api, re.M)
    found += re.findall(r"^\*\*((?:GET|POST|PUT|PATCH|DELETE) /\S+)\*\*", api, re.M)
    found += [f"{m} {p}" for m, p in re.findall(r"^\| (GET|POST|PUT|PATCH|DELETE) \| `?(/[^ `|]+)`? \|", api, re.M)]
    return found


def resources(api):
    return [r.strip() for line in re.findall(r"^(?:\*\*)?Resources:(?:\*\*)? (.*)$", api, re.M) for r in line.split(",")]


def resource_cells(api):
    return [r.strip() for line in re.findall(r"^\| (?:GET|POST|PUT|PATCH|DELETE) \| [^|]+ \| ([^|]+) \|", api, re.M)
            for r in line.split(",")]


def components(mapping):
    return set(re.findall(r"^### ([A-Z]\w+)\s*$", mapping, re.M))


def component_tokens(mapping):
    return [t.strip(" `") for line in re.findall(r"^(?:\*\*)?Tokens:(?:\*\*)? (.*)$", mapping, re.M)
            for t in line.split(",")]


def design_tokens(tokens_md):
    named = set(re.findall(r"^\| ((?:color|space|type|motion|radius|elevation)\.[\w-]+) \|", tokens_md, re.M))
    return named


def touches(tasks_text):
    return [t.strip(" `") for line in re.findall(r"^\s*(?:- )?(?:\*\*)?Touches:(?:\*\*)? (.*)$", tasks_text, re.M)
            for t in line.split(",")]


# --- checks ----------------------------------------------------------------------------

def check_loads():
    for name in ("compliant", "compliant-short", "drifting"):
        try:
            replies, _ = server.load_corpus([folder(name)])
            check(f"{name}: loads in the test server ({len(replies)} labels)", len(replies) >= 26, sorted(replies))
        except (OSError, ValueError) as e:
            check(f"{name}: loads in the test server", False, e)
    hostile = folder("hostile")
    for scenario in sorted(os.listdir(hostile)):
        if os.path.isdir(os.path.join(hostile, scenario)):
            try:
                replies, faults = server.load_corpus([folder("compliant"), os.path.join(hostile, scenario)])
                check(f"hostile/{scenario}: loads on top of compliant", len(replies) >= 26, sorted(replies))
            except (OSError, ValueError) as e:
                check(f"hostile/{scenario}: loads on top of compliant", False, e)
    replies, _ = server.load_corpus([folder("compliant"), os.path.join(hostile, "huge")])
    check("hostile/huge: architecture grown to 1.5 MB at start", len(replies["SPEC_ARCHITECT"][0]) >= 1_500_000)
    replies, _ = server.load_corpus([folder("compliant"), os.path.join(hostile, "many-epics")])
    check("hostile/many-epics: 65 '## ' headings", len(re.findall(r"^## ", replies["SOLUTIONING_EPICS"][0], re.M)) == 65)


def check_compliant(name):
    r = {k: v[0] for k, v in server.load_corpus([folder(name)])[0].items()}
    arch = files_of(r["SPEC_ARCHITECT"])
    design = files_of(r["SPEC_DESIGN_COMPONENTS"])
    prd, epics, tokens_md = r["SPEC_PM"], r["SOLUTIONING_EPICS"], r["SPEC_DESIGN_TOKENS"]
    tasks = "\n".join(r[f"SOLUTIONING_TASKS[{i}]"] for i in range(6))
    check(f"{name}: SPEC_ARCHITECT has its three files, SPEC_DESIGN_COMPONENTS its two",
          set(arch) == {"architecture.md", "data-model.md", "api-spec.md"}
          and set(design) == {"component-mapping.md", "journey-maps.md"}, (list(arch), list(design)))
    features = re.findall(r"^### (F\d+): ", prd, re.M)
    check(f"{name}: prd.md defines F1-F8", features == [f"F{i}" for i in range(1, 9)], features)
    epic_heads = re.findall(r"^## (E\d+): (.*)$", epics, re.M)
    covers = {f for line in re.findall(r"^Covers: (.*)$", epics, re.M) for f in re.findall(r"F\d+", line)}
    check(f"{name}: epics.md's only '## ' headings are E1-E6",
          [e for e, _ in epic_heads] == [f"E{i}" for i in range(1, 7)]
          and len(re.findall(r"^## ", epics, re.M)) == 6, epic_heads)
    check(f"{name}: every feature covered, every Covers id defined", covers == set(features), covers ^ set(features))
    for i, (eid, title) in enumerate(epic_heads):
        item = r[f"SOLUTIONING_TASKS[{i}]"]
        ids = re.findall(r"^### (T\d+\.\d+): ", item, re.M)
        epic_lines = set(re.findall(r"^Epic: (E\d+)$", item, re.M))
        check(f"{name}: SOLUTIONING_TASKS[{i}] starts with '## {eid}: {title}', its tasks {eid[1:]}.n name {eid}",
              item.startswith(f"## {eid}: {title}\n") and ids and all(t.startswith(f"T{eid[1:]}.") for t in ids)
              and epic_lines == {eid} and len(re.findall(r"^Epic: ", item, re.M)) == len(ids),
              (item[:60], ids, epic_lines))
    known = entities(arch["data-model.md"]) | set(endpoints(arch["api-spec.md"])) | components(design["component-mapping.md"])
    bad = [t for t in touches(tasks) if t not in known]
    check(f"{name}: every Touches item is an entity, endpoint or component ({len(touches(tasks))} items)", not bad, bad)
    bad = [x for x in resources(arch["api-spec.md"]) if x not in entities(arch["data-model.md"])]
    check(f"{name}: every endpoint has Resources naming entities ({len(endpoints(arch['api-spec.md']))} endpoints)",
          not bad and len(resources(arch["api-spec.md"])) >= len(endpoints(arch["api-spec.md"])), bad)
    bad = [t for t in component_tokens(design["component-mapping.md"]) if t not in design_tokens(tokens_md)]
    check(f"{name}: every component token is defined in design-tokens.md", not bad, bad)
    journeys = set(re.findall(r"\bF\d+\b", design["journey-maps.md"]))
    check(f"{name}: the journeys exercise every feature", journeys == set(features), journeys ^ set(features))
    for i, artifact in enumerate(VALIDATE_ORDER):
        review = r[f"VALIDATE[{i}]"]
        check(f"{name}: VALIDATE[{i}] reviews {artifact}", review.startswith(f"### {artifact}\n"), review[:40])


def check_drifting():
    r = {k: v[0] for k, v in server.load_corpus([folder("drifting")])[0].items()}
    prd, epics = r["SPEC_PM"], r["SOLUTIONING_EPICS"]
    features = re.findall(r"^### (FR\d+) — ", prd, re.M)
    check("drifting: prd.md defines FR1-FR8 as '### FR<n> — Title'", features == [f"FR{i}" for i in range(1, 9)], features)
    heads = re.findall(r"^## (.*)$", epics, re.M)
    check("drifting: epics.md has Overview, FR Coverage Map and Epic 1-6",
          heads[:2] == ["Overview", "FR Coverage Map"] and [h.split(":")[0] for h in heads[2:]] == [f"Epic {i}" for i in range(1, 7)],
          heads)
    covered = {f for line in re.findall(r"^\*\*FRs Addressed:\*\* (.*)$", epics, re.M) for f in re.findall(r"FR\d+", line)}
    check("drifting: FRs Addressed cover FR1-FR8", covered == set(features), covered ^ set(features))
    for i in range(6):
        body = unfence(r[f"SOLUTIONING_TASKS[{i}]"])
        check(f"drifting: SOLUTIONING_TASKS[{i}] is Epic {i + 1}'s section",
              f"## Epic {i + 1}: {heads[i + 2].split(': ', 1)[1]}\n" in body, body[:80])
    arch_text = r["SPEC_ARCHITECT"]
    markers = re.findall(r"^=== FILE: (\S+) ===$", arch_text, re.M)
    check("drifting: SPEC_ARCHITECT's markers vary in case and path, and '=== Runtime ===' is inside a document",
          markers == ["architecture.md", "docs/data-model.md", "API-Spec.md"] and "\n=== Runtime ===\n" in arch_text, markers)
    api = arch_text.split("=== FILE: API-Spec.md ===", 1)[1]
    model = unfence(arch_text.split("=== FILE: docs/data-model.md ===", 1)[1].split("=== FILE:", 1)[0])
    eps = endpoints(api)
    bad = [x for x in resources(api) + resource_cells(api) if x not in entities(model)]
    check(f"drifting: the API's {len(eps)} endpoints (headings, bold lines, table rows) name only entities",
          len(eps) == 23 and not bad, (len(eps), bad))
    comps = unfence(r["SPEC_DESIGN_COMPONENTS"].split("=== FILE: journey-maps.md ===")[0])
    known = entities(model) | set(eps) | components(comps)
    all_tasks = "\n".join(unfence(r[f"SOLUTIONING_TASKS[{i}]"]) for i in range(6))
    bad = [t for t in touches(all_tasks) if t not in known]
    check("drifting: every Touches item is an entity, endpoint or component", not bad, bad)
    tokens_md = unfence(r["SPEC_DESIGN_TOKENS"])
    bad = [t for t in component_tokens(comps) if t not in design_tokens(tokens_md)]
    check("drifting: every component token is defined in design-tokens.md", not bad, bad)
    check("drifting: CRLF where the manifest says (STACK_SELECTION, VALIDATE[5], VALIDATE[8]) and nowhere else",
          sorted(k for k, v in r.items() if "\r\n" in v) == ["STACK_SELECTION", "VALIDATE[5]", "VALIDATE[8]"],
          sorted(k for k, v in r.items() if "\r\n" in v))
    check("drifting: the repair reply drops the false Sea Glass pair",
          "| Sea Glass #8AC2CD | Sea Foam #F6FBFC | large | ✅ 3.2:1 |" in r["SPEC_DESIGN_TOKENS"]
          and "3.2:1" not in r["SPEC_DESIGN_TOKENS#repair"].split("Here is the corrected document:", 1)[1])


def check_short_is_current():
    sys.path.insert(0, HERE)
    import make_short
    stale = []
    for name in sorted(os.listdir(folder("compliant"))):
        if not name.endswith(".md"):
            continue
        text = server.read_text(os.path.join(folder("compliant"), name))
        want = text if name == "SPEC_DESIGN_TOKENS.md" else make_short.shorten(text)
        path = os.path.join(folder("compliant-short"), name)
        if not os.path.isfile(path) or server.read_text(path) != want:
            stale.append(name)
    check("compliant-short: what tools/make_short.py writes from compliant/ today", not stale, stale)


def check_manifests():
    for name in ("compliant", "drifting"):
        with open(os.path.join(folder(name), "manifest.yml"), encoding="utf-8") as f:
            manifest = f.read()
        listed = set(re.findall(r"label: \"?([A-Z][A-Z_]*(?:\[\d+\])?(?:#repair)?)\"?", manifest))
        labels = set(server.load_corpus([folder(name)])[0])
        check(f"{name}: manifest.yml lists exactly the folder's replies", listed == labels, listed ^ labels)
    with open(os.path.join(folder("hostile"), "manifest.yml"), encoding="utf-8") as f:
        manifest = f.read()
    scenarios = {d for d in os.listdir(folder("hostile")) if os.path.isdir(os.path.join(folder("hostile"), d))}
    listed = set(re.findall(r"^  ([a-z-]+):$", manifest, re.M))
    check("hostile: manifest.yml describes exactly the scenario folders", listed == scenarios, listed ^ scenarios)


def main():
    check_loads()
    check_compliant("compliant")
    check_compliant("compliant-short")
    check_short_is_current()
    check_drifting()
    check_manifests()
    print("all passed" if not failures else f"FAILED {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
