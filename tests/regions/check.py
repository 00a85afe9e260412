#!/usr/bin/env python3
"""The region of every corpus file (tests/regions/expected.tsv), read from the
text alone: each file is also analyzed under a neutral name in a directory
of its own, so that nothing can come from the file's name.  Then --region
and a record's region field override what the text says.

usage: check.py BIN        Ends with "regions: N passed, N failed".
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
results = []


def check(name, ok, detail=""):
    results.append(ok)
    if not ok:
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def region_of(doc):
    r = doc.get("region")
    return "null" if r is None else "\t".join([r["name"], r["code"] or "-", r["level"] or "-"])


def main():
    expected = {}
    for line in open(os.path.join(HERE, "expected.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, _, want = line.rstrip("\n").partition("\t")
        expected[name] = want
    tmp = tempfile.mkdtemp()
    try:
        names = []
        for i, name in enumerate(sorted(expected)):
            neutral = os.path.join(tmp, f"doc{i}.txt")
            shutil.copy(os.path.join(ROOT, "tests", "corpus", name), neutral)
            names.append(neutral)
        p = subprocess.run([BIN, "--jsonl", "-q"] + names, capture_output=True)
        docs = [json.loads(l) for l in p.stdout.decode().split("\n") if l]
        for name, doc in zip(sorted(expected), docs):
            got = region_of(doc)
            check(f"region of {name}", got == expected[name], f"got {got!r}, want {expected[name]!r}")
        check("every file analyzed", len(docs) == len(expected), f"{len(docs)} of {len(expected)}")
    finally:
        shutil.rmtree(tmp)
    gwr = os.path.join(ROOT, "tests", "corpus", "gwr-2019.txt")
    for given, want in (("江苏", "江苏省\t320000\tprovince"), ("150702", "海拉尔区\t150702\tcounty"),
                        ("全国", "全国\t000000\tnational")):
        doc = json.loads(subprocess.run([BIN, "--json", "--region", given, gwr], capture_output=True).stdout)
        check(f"--region {given}", region_of(doc) == want, region_of(doc))
    doc = json.loads(subprocess.run([BIN, "--json", "--region", "某某县", gwr], capture_output=True).stdout)
    check("--region of a name not in the table: kept, no code, a warning",
          region_of(doc) == "某某县\t-\t-" and any(w["code"] == "region-given" for w in doc["warnings"]),
          region_of(doc))
    text = open(gwr, encoding="utf-8").read()
    stream = (json.dumps({"id": 1, "region": "四川省", "text": text}, ensure_ascii=False) + "\n" +
              json.dumps({"id": 2, "text": text}, ensure_ascii=False) + "\n").encode()
    docs = [json.loads(l) for l in subprocess.run([BIN, "--jsonl", "--input", "jsonl"], input=stream,
                                                  capture_output=True).stdout.decode().split("\n") if l]
    check("a record's region field", [region_of(d) for d in docs] ==
          ["四川省\t510000\tprovince", "全国\t000000\tnational"], [region_of(d) for d in docs])
    print(f"regions: {sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
