#!/usr/bin/env python3
"""Reads gangyao's CSV back with Python's csv module and checks it against the JSON.

usage: readback.py BIN

For every file of tests/corpus and tests/inputs: `--csv` and `--only tasks --csv` must parse as
RFC 4180 (CRLF rows, one header), hold one row per target (task), and each cell must hold what the
JSON field of the same name holds (numbers equal as numbers and written without an exponent, null as
an empty cell, a section as its heading). All files given at once make one table. Ends with
"csv: N passed, N failed".
"""
import csv
import glob
import io
import json
import re
import subprocess
import sys

DOC_COLUMNS = ["file", "title", "date", "year", "region", "region_code", "region_level"]
TARGET_COLUMNS = DOC_COLUMNS + ["line", "indicator", "subject", "target_year", "year_from", "text",
                                "value", "op", "min", "max", "unit", "bound", "stretch", "aspiration",
                                "kind", "estimate", "restates", "period", "section"]
TASK_COLUMNS = DOC_COLUMNS + ["line", "section", "marker", "number", "text", "directive", "deadline"]
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def run(bin_, args):
    out = subprocess.run([bin_] + args, capture_output=True, env={"NO_COLOR": "1"})
    if out.returncode == 4 and b"--lossy" in out.stderr:
        out = subprocess.run([bin_, "--lossy"] + args, capture_output=True, env={"NO_COLOR": "1"})
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{args}: exit {out.returncode}: {out.stderr.decode(errors='replace')}")
    return out.stdout


def table(raw):
    """The rows of a CSV output; every row must end in CRLF."""
    text = raw.decode("utf-8")
    if text and not text.endswith("\r\n"):
        raise ValueError("the last row does not end in CRLF")
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def expect(cell, value, what):
    if value is None:
        if cell != "":
            raise ValueError(f"{what}: {cell!r}, want an empty cell for null")
    elif isinstance(value, bool):
        if cell != ("true" if value else "false"):
            raise ValueError(f"{what}: {cell!r}, want {value}")
    elif isinstance(value, (int, float)):
        if not PLAIN_NUMBER.fullmatch(cell) or float(cell) != float(value):
            raise ValueError(f"{what}: {cell!r}, want the number {value!r} written plainly")
    elif cell != str(value):
        raise ValueError(f"{what}: {cell!r}, want {value!r}")


def check_rows(rows, header, doc, elements, path):
    headings = {s["id"]: s["heading"] for s in doc.get("sections", [])}
    if len(rows) != len(elements):
        raise ValueError(f"{len(rows)} rows, want {len(elements)}")
    for n, (row, el) in enumerate(zip(rows, elements), 2):
        if len(row) != len(header):
            raise ValueError(f"row {n}: {len(row)} cells, want {len(header)}")
        cells = dict(zip(header, row))
        expect(cells["file"], path, f"row {n} file")
        expect(cells["title"], doc.get("title"), f"row {n} title")
        expect(cells["date"], doc.get("date"), f"row {n} date")
        expect(cells["year"], doc.get("year"), f"row {n} year")
        region = doc.get("region") or {}
        expect(cells["region"], region.get("name"), f"row {n} region")
        expect(cells["region_code"], region.get("code"), f"row {n} region_code")
        expect(cells["region_level"], region.get("level"), f"row {n} region_level")
        for col in header[len(DOC_COLUMNS):]:
            name = "year" if col == "target_year" else col
            value = headings.get(el[name]) if name == "section" else el[name]
            expect(cells[col], value, f"row {n} {col}")


def check_file(bin_, path):
    doc = json.loads(run(bin_, ["--json", path]))
    for args, header, key in ((["--csv"], TARGET_COLUMNS, "targets"),
                              (["--only", "tasks", "--csv"], TASK_COLUMNS, "tasks")):
        rows = table(run(bin_, args + [path]))
        if not rows or rows[0] != header:
            raise ValueError(f"{' '.join(args)}: header {rows[:1]}, want {header}")
        check_rows(rows[1:], header, doc, doc[key], path)


def main():
    bin_ = sys.argv[1]
    passed = failed = 0
    paths = sorted(glob.glob("tests/corpus/*.txt")) + sorted(glob.glob("tests/inputs/*.txt"))
    for path in paths:
        try:
            check_file(bin_, path)
            passed += 1
        except (ValueError, RuntimeError, csv.Error, UnicodeDecodeError) as e:
            failed += 1
            print(f"FAIL {path}: {e}", file=sys.stderr)
    # several files make one table with one header
    corpus = sorted(glob.glob("tests/corpus/*.txt"))
    rows = table(run(bin_, ["--csv"] + corpus))
    want = sum(len(json.loads(run(bin_, ["--json", p]))["targets"]) for p in corpus)
    if rows[0] == TARGET_COLUMNS and len(rows) == want + 1 and TARGET_COLUMNS not in rows[1:]:
        passed += 1
    else:
        failed += 1
        print(f"FAIL one table of {len(corpus)} files: {len(rows)} rows, want {want + 1}", file=sys.stderr)
    print(f"csv: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
