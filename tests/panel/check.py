#!/usr/bin/env python3
"""gangyao panel over the reports of the panel reference (tests/eval/panel/dev.json:
the national series, the provinces of 2025 with those of 2026, a district): every
headline goal of a report is its region's goal for the report's year, every growth
figure a report gives for the year before is that year's outcome when no nearer
report of the region stands between; met and gap follow the bound; a report that
sets no growth goal (2020) says so; --jobs 2 gives the table of --jobs 1.

usage: check.py BIN        Ends with "panel: N passed, N failed".
"""
import json
import os
import subprocess
import sys

BIN = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
results = []


def check(name, ok, detail=""):
    results.append(ok)
    if not ok:
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def regions():
    out = {}
    for line in open(os.path.join(ROOT, "tests", "regions", "expected.tsv"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            f, rest = line.rstrip("\n").split("\t", 1)
            out[f] = rest.split("\t")[0]
    return out


# the panel compares grain in 吨 (data/rules/panel.json: conversions)
TO_TONNES = {"斤": 0.0005, "公斤": 0.001}


def near(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def run(args):
    p = subprocess.run([BIN, "panel", "-q"] + args, capture_output=True)
    return p, [json.loads(l) for l in p.stdout.decode().split("\n") if l]


def main():
    ref = json.load(open(os.path.join(ROOT, "tests", "eval", "panel", "dev.json"), encoding="utf-8"))
    docs = ref["documents"]
    region = regions()
    files = [os.path.join(ROOT, "tests", "corpus", d["file"]) for d in docs]
    p, rows = run(["--jsonl"] + files)
    check("panel runs", p.returncode == 0, p.stderr.decode()[-300:])
    cell = {(r["region"], r["year"], r["indicator"]): r for r in rows}
    years = {}
    for d in docs:
        years.setdefault(region[d["file"]], set()).add(d["year"])
    kept = set()
    for d in docs:  # of two reports of one region and year the first given is kept
        key = (region[d["file"]], d["year"])
        if key not in {(region[k["file"]], k["year"]) for k in docs if k["file"] in kept}:
            kept.add(d["file"])
    for d in docs:
        reg = region[d["file"]]
        for t in d["targets"]:
            if "indicator" not in t:
                continue  # a phrase, no catalogue indicator: not a panel column
            r = cell.get((reg, t["year"], t["indicator"]))
            what = f"{d['file']}:{t['line']} {t['indicator']} {t['year']} {t['core']}"
            k = TO_TONNES.get(t["unit"], 1)
            unit = "吨" if t["unit"] in TO_TONNES else t["unit"]
            if t["kind"] == "target" and t["year"] == d["year"] and d["file"] in kept:
                ok = r is not None and r["goal_op"] in t["ops"] and near(r["goal_min"], t["min"] * k) \
                    and near(r["goal_max"], t["max"] * k) and r["unit"] == unit \
                    and r["goal_source"].endswith(f"{d['file']}:{t['line']}")
                check(f"goal {what}", ok, r and (r["goal_text"], r["goal_op"], r["goal_min"],
                                                 r["goal_max"], r["goal_source"]))
            elif t["kind"] == "fact" and d["file"] in kept and \
                    not any(t["year"] < y < d["year"] for y in years[reg]):
                ok = r is not None and near(r["outcome_value"], t["min"] * k) and \
                    r["outcome_source"].endswith(f"{d['file']}:{t['line']}")
                check(f"outcome {what}", ok, r and (r["outcome_text"], r["outcome_source"]))
    for r in rows:
        if r["met"] is None:
            continue
        v, lo, hi, op = r["outcome_value"], r["goal_min"], r["goal_max"], r["goal_op"]
        lower = r["indicator"] in ("cpi", "unemployment_rate", "registered_unemployment_rate")
        want = (v >= lo if op in (">=", ">") else v <= hi if op in ("<=", "<") else
                lo <= v <= hi if op == "range" else v <= lo if lower else v >= lo)
        check(f"met {r['region']} {r['year']} {r['indicator']}", r["met"] == want,
              (r["goal_text"], r["outcome_text"], r["met"]))
    corpus = os.path.join(ROOT, "tests", "corpus")
    _, extra = run(["--jsonl", os.path.join(corpus, "gwr-2020-transcript-gbk.txt"),
                    os.path.join(corpus, "gwr-2021.txt")])
    nat = {(r["year"], r["indicator"]): r for r in extra}.get((2020, "gdp_growth"))
    check("2020: the national report sets no growth goal, its outcome is 2.3%",
          nat is not None and nat["no_goal"] and not nat["goal_text"] and nat["outcome_value"] == 2.3, nat)
    # a national report of 2025 (tests/panel/national-2025.txt: its statement of goals)
    # and the provinces of 2025: each province's goal against the national one
    _, esc = run(["--jsonl", os.path.join(ROOT, "tests", "panel", "national-2025.txt")] +
                 [f for f in files if "2025" in f])
    national = {r["indicator"]: r for r in esc if r["level"] == "national" and r["goal_text"]}
    check("escalation: the national goals of 2025 read", set(national) >= {"gdp_growth", "cpi",
          "unemployment_rate", "new_urban_jobs"}, sorted(national))
    seen = 0
    for r in esc:
        if r["level"] != "province" or r["year"] != 2025 or not r["goal_text"] or r["indicator"] not in national:
            continue
        n = national[r["indicator"]]
        if r["unit"] != n["unit"]:
            continue
        ref = lambda x: x["goal_max"] if x["goal_op"] in ("<=", "<") else x["goal_min"]
        seen += 1
        check(f"escalation {r['region']} {r['indicator']}", near(r["national_goal"], ref(n)) and
              near(r["escalation"], round(ref(r) - ref(n), 9)), (r["goal_text"], r["escalation"]))
    check("escalation: provinces compared", seen >= 20, seen)
    a = subprocess.run([BIN, "panel", "--csv", "-J", "1"] + files, capture_output=True)
    b = subprocess.run([BIN, "panel", "--csv", "-J", "2"] + files, capture_output=True)
    check("--jobs 2 == --jobs 1", (a.stdout, a.stderr, a.returncode) == (b.stdout, b.stderr, b.returncode))
    print(f"panel: {sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
