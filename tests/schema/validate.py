#!/usr/bin/env python3
"""Validates gangyao's JSON output against docs/gangyao.schema.json.

usage: validate.py SCHEMA BIN

Runs BIN on every corpus file (--json, --json --only ..., diff --json) and
validates each document; then checks that broken documents are rejected,
so that the validation itself is known to work.  Ends with a line
"schema: N passed, N failed".
"""
import copy
import glob
import json
import subprocess
import sys

import jsonschema


def run(bin_, args):
    out = subprocess.run([bin_] + args, capture_output=True, env={"NO_COLOR": "1"})
    if out.returncode == 4 and b"--lossy" in out.stderr:  # an input test that needs it
        out = subprocess.run([bin_, "--lossy"] + args, capture_output=True, env={"NO_COLOR": "1"})
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{args}: exit {out.returncode}: {out.stderr.decode(errors='replace')}")
    return json.loads(out.stdout)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    bin_ = sys.argv[2]
    validator = jsonschema.Draft202012Validator(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    passed = failed = 0

    def check(name, doc, want_valid=True):
        nonlocal passed, failed
        errors = list(validator.iter_errors(doc))
        if bool(errors) == want_valid:
            failed += 1
            if want_valid:
                e = jsonschema.exceptions.best_match(errors)
                where = "/".join(map(str, e.absolute_path))
                print(f"FAIL {name}: at /{where}: {str(e.message)[:300]}", file=sys.stderr)
            else:
                print(f"FAIL {name}: an invalid document passed", file=sys.stderr)
        else:
            passed += 1

    corpus = sorted(glob.glob("tests/corpus/*.txt")) + sorted(glob.glob("tests/inputs/*.txt"))
    docs = {}
    for path in corpus:
        doc = run(bin_, ["--json", path])
        docs[path] = doc
        check(path, doc)
    check("only", run(bin_, ["--json", "--only", "targets,warnings", corpus[0]]))
    check("diff", run(bin_, ["diff", "--json", "tests/corpus/gwr-2021.txt", "tests/corpus/gwr-2022.txt"]))
    check("diff --all", run(bin_, ["diff", "--json", "--all", "tests/corpus/gwr-2019.txt",
                                        "tests/corpus/gwr-2024.txt"]))
    check("diff swapped", run(bin_, ["diff", "--json", "tests/corpus/gwr-2019.txt",
                                     "tests/inputs/gwr-2019-swapped.txt"]))
    panel_files = sorted(glob.glob("tests/corpus/gwr-20*.txt") + glob.glob("tests/corpus/province-*.txt"))
    check("panel", run(bin_, ["panel", "--json", "-q"] + panel_files))
    rows = subprocess.run([bin_, "panel", "--jsonl", "-q"] + panel_files, capture_output=True).stdout
    for k, line in enumerate(rows.split(b"\n")[:-1]):
        check(f"panel row {k + 1}", json.loads(line))
    check("terms", run(bin_, ["terms", "--json", "-q", "--context", "5"] + panel_files[:3]))
    rows = subprocess.run([bin_, "terms", "--jsonl", "-q", "tests/corpus/party-building-speech.txt"],
                          capture_output=True).stdout
    for k, line in enumerate(rows.split(b"\n")[:-1]):
        check(f"terms row {k + 1}", json.loads(line))

    # JSON Lines: analyses and error records, of files and of records
    lines = subprocess.run([bin_, "--jsonl"] + corpus + ["tests/bad/binary.dat", "no/such/file"],
                           capture_output=True).stdout
    lines += subprocess.run([bin_, "--input", "jsonl", "--jsonl"], capture_output=True,
                            stdin=open("tests/golden/records/stdin", "rb")).stdout
    kinds = set()
    for k, line in enumerate(lines.split(b"\n")[:-1]):
        doc = json.loads(line)
        kinds.add(("error" in doc, "meta" in doc))
        check(f"jsonl line {k + 1}", doc)
    if kinds != {(False, False), (True, False), (False, True), (True, True)}:
        failed += 1
        print(f"FAIL jsonl: not every kind of line was seen: {kinds}", file=sys.stderr)

    # broken documents must be rejected
    good = docs["tests/corpus/party-building-speech.txt"]
    bad = copy.deepcopy(good)
    del bad["source"]
    check("missing source", bad, want_valid=False)
    bad = copy.deepcopy(good)
    bad["targets"][0]["op"] = "=>"
    check("bad op", bad, want_valid=False)
    bad = copy.deepcopy(good)
    bad["sections"][0]["level"] = 0
    check("bad level", bad, want_valid=False)
    bad = copy.deepcopy(good)
    bad["tasks"][0]["surprise"] = 1
    check("extra field", bad, want_valid=False)
    bad = next(d for d in map(json.loads, lines.split(b"\n")[:-1]) if "error" in d)
    bad["error"]["code"] = "oops"
    check("bad error code", bad, want_valid=False)
    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
