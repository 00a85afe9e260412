#!/usr/bin/env python3
"""gangyao terms on what a reader can check by hand: on the national reports of the
corpus, 新常态 first appears in 2015 (3 times; twice in 2016) and 供给侧结构性改革 in 2016
(5 times; in 2017 four times and once as 供给侧改革, counted with it); 结构性改革 is
counted only outside 供给侧结构性改革 (5 of the 10 in 2016, none of the 4 in 2017); the
numbered formulations of the sample speech (“五个一批” and “三大工程” with their
items); a text in traditional characters; -e with a term not in the list; --since
and --top; the CSV, JSON Lines and JSON tables; --jobs 2 equals --jobs 1.

usage: check.py BIN        Ends with "terms: N passed, N failed".
"""
import csv
import glob
import io
import json
import os
import subprocess
import sys

BIN = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "corpus")
results = []


def check(name, ok, detail=""):
    ok = bool(ok)
    results.append(ok)
    if not ok:
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def run(*args, stdin=None):
    p = subprocess.run([BIN, "terms", "-q", *args], capture_output=True, input=stdin)
    return p


def rows(*args, stdin=None):
    out = run("--jsonl", *args, stdin=stdin).stdout.decode()
    return [json.loads(l) for l in out.split("\n") if l]


def national():
    files = sorted(glob.glob(os.path.join(CORPUS, "gwr-*.txt")))
    r = rows(*files)
    count = {(x["year"], x["term"]): x for x in r if x["kind"] == "term"}
    c = lambda y, t: count.get((y, t), {}).get("count", 0)
    check("新常态 first in 2015", count.get((2015, "新常态"), {}).get("first_year") == 2015 and
          not any(x["term"] == "新常态" and x["year"] < 2015 for x in r), count.get((2015, "新常态")))
    check("新常态: 3 in 2015, 2 in 2016", (c(2015, "新常态"), c(2016, "新常态")) == (3, 2),
          (c(2015, "新常态"), c(2016, "新常态")))
    check("供给侧结构性改革 first in 2016", count.get((2016, "供给侧结构性改革"), {}).get("first_year") == 2016
          and c(2015, "供给侧结构性改革") == 0, count.get((2016, "供给侧结构性改革")))
    check("供给侧结构性改革: 5 in 2016, 5 in 2017 (one written 供给侧改革)",
          (c(2016, "供给侧结构性改革"), c(2017, "供给侧结构性改革")) == (5, 5),
          (c(2016, "供给侧结构性改革"), c(2017, "供给侧结构性改革")))
    check("the longest match: 结构性改革 only outside 供给侧结构性改革 (5 in 2016, 0 in 2017)",
          (c(2016, "结构性改革"), c(2017, "结构性改革")) == (5, 0),
          (c(2016, "结构性改革"), c(2017, "结构性改革")))
    y2016 = next(x for x in r if x["year"] == 2016 and x["term"] == "供给侧结构性改革")
    check("a row: region, per 10k, first line", y2016["region"] == "全国" and y2016["first_line"] > 0
          and 0 < y2016["per_10k"] < 10, y2016)
    a = run("--csv", "-J", "1", *files).stdout
    b = run("--csv", "-J", "2", *files).stdout
    check("--jobs 2 == --jobs 1", a == b and a.count(b"\n") > 100, len(a))
    table = list(csv.reader(io.StringIO(a.decode(), newline="")))
    check("CSV: the columns", table[0] == ["file", "region", "region_code", "year", "kind", "term",
                                            "category", "count", "per_10k", "first_line",
                                            "first_year", "items"], table[0])
    since = rows("--since", "2016", *files)
    check("--since 2016: only terms first said in 2016 or later",
          since and all(x["first_year"] >= 2016 for x in since if x["kind"] == "term") and
          any(x["term"] == "供给侧结构性改革" for x in since) and
          not any(x["term"] == "新常态" for x in since), len(since))
    top = rows("--top", "3", os.path.join(CORPUS, "gwr-2019.txt"))
    check("--top 3", len([x for x in top if x["kind"] == "term"]) == 3, len(top))
    whole = json.loads(run("--json", files[0]).stdout)
    check("JSON: schema gangyao-terms/1", whole["schema"] == "gangyao-terms/1" and whole["rows"], whole.keys())


def numbered():
    r = rows(os.path.join(CORPUS, "party-building-speech.txt"))
    nb = {x["term"]: x for x in r if x["kind"] == "numbered"}
    five, three = nb.get("“五个一批”"), nb.get("“三大工程”")
    check("“五个一批” with its five items", five and five["items"] and len(five["items"]) == 5 and
          five["items"][0] == "从农村致富能手中选拔一批", five)
    check("“三大工程” with its three items", three and three["items"] and len(three["items"]) == 3 and
          three["items"][0].startswith("扎扎实实实施“千村头雁”培育工程"), three)
    check("“四个全面” found, no idiom taken for one", "“四个全面”" in nb and "“八仙过海各显神通”" not in nb,
          sorted(nb)[:8])


def traditional_and_user_terms():
    text = "關於施政報告\n我們要推進供給側結構性改革，堅持新發展理念和創新發展理念。新質生產力很重要。\n"
    r = rows("-e", "新质生产力", "-e", "我們的提法|我们的提法", "--context", "3", stdin=text.encode())
    count = {x["term"]: x for x in r}
    check("traditional characters count as simplified ones", count.get("供给侧结构性改革", {}).get("count") == 1
          and count.get("新质生产力", {}).get("count") == 1, sorted(count))
    check("创新发展理念 is not 新发展理念 (a blocker)", count.get("新发展理念", {}).get("count") == 1,
          count.get("新发展理念"))
    hit = (count.get("供给侧结构性改革", {}).get("hits") or [{}])[0]
    check("a hit shows the text as stored", hit.get("match") == "供給側結構性改革" and
          hit.get("left") == "要推進", hit)
    r = rows("-e", "低空经济新业态", "--terms-only", stdin="发展低空经济新业态，低空经济。\n".encode())
    check("-e: a term not in the list, alone with --terms-only",
          [(x["term"], x["count"]) for x in r if x["kind"] == "term"] == [("低空经济新业态", 1)], r)


def year_warning():
    # terms reads no figures; the year its counts are keyed on is still read,
    # and a text that names none is said to have none
    p = subprocess.run([BIN, "terms", "--csv", "-"], capture_output=True,
                       input="推进高质量发展。\n".encode())
    check("a text of no year is said to have none", p.returncode == 0 and
          b"its counts have no year" in p.stderr, p.stderr[-300:])
    p = subprocess.run([BIN, "terms", "--csv", os.path.join(CORPUS, "gwr-2019.txt")],
                       capture_output=True)
    check("a report with its year: no warning", p.returncode == 0 and b"warning" not in p.stderr,
          p.stderr[-300:])


national()
numbered()
traditional_and_user_terms()
year_warning()
print(f"terms: {sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
