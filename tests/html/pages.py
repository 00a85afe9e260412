#!/usr/bin/env python3
"""Writes the HTML pages the browser test opens, and what each must show.

usage: pages.py BIN OUT_DIR

Pages: several corpus speeches (one with web residue, one with noise), an input made of markup,
a diff of two national reports and a panel of reports. The expected counts come from the JSON
of the same inputs. Writes OUT_DIR/pages.json for browser.mjs.
"""
import json
import os
import subprocess
import sys

BIN, OUT = sys.argv[1], sys.argv[2]
SPEECHES = ["tests/corpus/party-building-speech.txt", "tests/corpus/gwr-2019-htmlresidue.txt",
            "tests/corpus/province-hebei-2026.txt", "tests/inputs/html-hostile.txt"]
PANEL = sorted(f"tests/corpus/{f}" for f in os.listdir("tests/corpus")
               if f.startswith("province-") or f.startswith("gwr-20"))


def run(args, out=None):
    p = subprocess.run([BIN] + args, capture_output=True, env={"NO_COLOR": "1"})
    if p.returncode not in (0, 1):
        sys.exit(f"{args}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    if out:
        with open(os.path.join(OUT, out), "wb") as f:
            f.write(p.stdout)
    return p.stdout


def main():
    os.makedirs(OUT, exist_ok=True)
    pages = []
    for path in SPEECHES:
        name = os.path.splitext(os.path.basename(path))[0]
        run(["--format", "html", path], name + ".html")
        doc = json.loads(run(["--json", path]))
        inds = [t["indicator"] for t in doc["targets"] if t["indicator"]]
        years = [t["year"] for t in doc["targets"] if t["year"]]
        pages.append({"name": name, "file": name + ".html", "kind": "speech",
                      "sections": len(doc["sections"]), "figures": len(doc["targets"]),
                      "tasks": len([t for t in doc["tasks"] if t["marker"]]),
                      "lines": doc["source"]["lines"],
                      "indicator": inds[0] if inds else None, "year": years[0] if years else None,
                      "kinds": sorted({t["kind"] for t in doc["targets"]})})
    old, new = "tests/corpus/gwr-2021.txt", "tests/corpus/gwr-2022.txt"
    run(["diff", "--format", "html", old, new], "diff-gwr-2021-2022.html")
    d = json.loads(run(["diff", "--json", old, new]))
    pages.append({"name": "diff-gwr-2021-2022", "file": "diff-gwr-2021-2022.html", "kind": "diff",
                  "headline": len([p for p in d["targets"] if p.get("indicator")]),
                  "tasks": len(d["items"]), "charmarks": False,
                  "changed": len([p for p in d["targets"] if p["status"] == "changed"])})
    old, new = "tests/corpus/gwr-2019.txt", "tests/inputs/gwr-2019-swapped.txt"
    run(["diff", "--format", "html", old, new], "diff-swapped.html")
    d = json.loads(run(["diff", "--json", old, new]))
    pages.append({"name": "diff-swapped", "file": "diff-swapped.html", "kind": "diff",
                  "headline": len([p for p in d["targets"] if p.get("indicator")]),
                  "tasks": len(d["items"]),
                  "charmarks": any(p["status"] == "changed" for p in d["items"]),
                  "changed": len([p for p in d["targets"] if p["status"] == "changed"])})
    run(["--format", "html"] + PANEL, "panel.html")
    rows = json.loads(run(["panel", "--json", "-q"] + PANEL))["rows"]
    inds = {r["indicator"] for r in rows if r["goal_text"] or r["no_goal"]}
    pages.append({"name": "panel", "file": "panel.html", "kind": "panel", "reports": len(PANEL),
                  "rows": len({(r["region"], r["year"]) for r in rows
                               if any(x["region"] == r["region"] and x["year"] == r["year"] and
                                      x["indicator"] in inds for x in rows)}),
                  "goals": len([r for r in rows if r["goal_text"]]),
                  "judged": len([r for r in rows if r["met"] is not None]),
                  "no_goal": len([r for r in rows if r["no_goal"]])})
    national = sorted(f"tests/corpus/{f}" for f in os.listdir("tests/corpus") if f.startswith("gwr-20"))
    run(["terms", "--format", "html", "-q"] + national, "terms.html")
    rows = [json.loads(l) for l in run(["terms", "--jsonl", "-q"] + national).decode().split("\n") if l]
    pages.append({"name": "terms", "file": "terms.html", "kind": "terms", "documents": len(national),
                  "terms": len({r["term"] for r in rows if r["kind"] == "term"}),
                  "firsts": len({r["term"] for r in rows if r["kind"] == "term"})})
    with open(os.path.join(OUT, "pages.json"), "w", encoding="utf-8") as f:
        json.dump(pages, f, ensure_ascii=False, indent=1)
    print(f"pages: {len(pages)} written to {OUT}")


if __name__ == "__main__":
    main()
