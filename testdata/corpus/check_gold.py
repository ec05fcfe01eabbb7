#!/usr/bin/env python3
"""Self-check a hand-annotated corpus (gold.json + manifest.yaml + articles).

usage: check_gold.py DIR [--scorer PATH]

Checks that the gold and the manifest parse, that every manifest file and
every gold `sources` / `articles` entry exists, that gold dates are well
formed, then converts the gold into a perfect prediction (JSON Lines, as in
docs/extraction-contract.md) and runs the shared scorer on it: every score
must be 1.0.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "../../../shared/tools/score_extraction.py"))
    a = ap.parse_args()
    gold = json.load(open(os.path.join(a.dir, "gold.json"), encoding="utf-8"))
    man = yaml.safe_load(open(os.path.join(a.dir, "manifest.yaml"), encoding="utf-8"))
    errs = []
    files = [m["file"] for m in man["articles"]]
    for fn in files:
        if not os.path.exists(os.path.join(a.dir, fn)):
            errs.append(f"manifest file missing: {fn}")
    if set(files) != set(gold["articles"]):
        errs.append(f"manifest/gold article mismatch: {sorted(set(files) ^ set(gold['articles']))}")
    ids = set()
    for ev in gold["events"] + gold.get("events_optional", []):
        if ev["id"] in ids:
            errs.append(f"duplicate event id {ev['id']}")
        ids.add(ev["id"])
        for k in ("date", "date_end"):
            if ev.get(k) is not None and not DATE.match(ev[k]):
                errs.append(f"{ev['id']}: bad {k} {ev[k]!r}")
        for s in ev.get("sources", []):
            if s not in gold["articles"]:
                errs.append(f"{ev['id']}: unknown source {s}")
        for p in ev.get("required_participants") or []:
            if p not in ev["participants"]:
                errs.append(f"{ev['id']}: required participant {p} not in participants")
        if ev.get("status") not in ("occurred", "planned", "any"):
            errs.append(f"{ev['id']}: bad status {ev.get('status')}")
    undated_articles = {m["file"] for m in man["articles"] if not m.get("published")}
    for c in gold.get("claims", []):
        if c["article"] not in gold["articles"]:
            errs.append(f"claim on unknown article {c['article']}")
    # perfect prediction
    lines = []
    for fn in files:
        m = next(x for x in man["articles"] if x["file"] == fn)
        lines.append({"type": "article", "id": fn, "path": os.path.join(a.dir, fn), "title": m.get("title"),
                      "published": str(m["published"]) if m.get("published") else None, "language": m.get("language")})
        g = gold["articles"][fn]
        for kind, key in (("person", "persons"), ("country", "countries"), ("organization", "organizations")):
            for name in g.get(key, []):
                rec = {"type": "entity", "article": fn, "kind": kind, "key": name, "name": name, "resolved": True, "mentions": []}
                if kind == "country":
                    rec["iso3"] = name
                lines.append(rec)
    for ev in gold["events"]:
        lines.append({"type": "event", "key": ev["id"], "category": ev.get("category"), "date": ev.get("date"),
                      "date_end": ev.get("date_end"), "place": ev.get("place"), "country": ev.get("country"),
                      "participants": ev["participants"], "participant_countries": [],
                      "status": "occurred" if ev["status"] == "any" else ev["status"], "confidence": 1.0,
                      "sources": [{"article": s} for s in ev["sources"]]})
    for c in gold.get("claims", []):
        lines.append(dict(c, type="claim"))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in lines:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        pred = f.name
    out = subprocess.run([sys.executable, a.scorer, "--gold", os.path.join(a.dir, "gold.json"), "--pred", pred, "--json"],
                         capture_output=True, text=True)
    os.unlink(pred)
    if out.returncode:
        errs.append("scorer failed: " + out.stderr)
    else:
        res = json.loads(out.stdout[:out.stdout.rindex("}") + 1])
        for kind, v in res["entities"].items():
            if v["precision"] != 1.0 or v["recall"] != 1.0:
                errs.append(f"entities {kind} not perfect: {v}")
        ev = res["events"]
        for k in ("precision", "recall", "date_exact", "place_accuracy", "participant_recall", "source_recall", "status_accuracy"):
            if ev[k] != 1.0:
                errs.append(f"events {k} = {ev[k]}")
        if ev["duplicates"]:
            errs.append(f"events duplicates = {ev['duplicates']}")
        print(out.stdout.strip().splitlines()[-1])
    n_undated = sum(1 for e in gold["events"] if not e.get("date"))
    print(f"{a.dir}: {len(files)} articles ({len(undated_articles)} without published), "
          f"{len(gold['events'])} events ({n_undated} undated), {len(gold.get('events_optional', []))} optional, "
          f"{len(gold.get('claims', []))} claims")
    for e in errs:
        print("ERROR", e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
