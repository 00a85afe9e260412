#!/usr/bin/env python3
"""The command line as a newcomer meets it: the README's sample output is the
program's; shell completion (bash, from the option table) completes commands,
options and their values; --bom makes a CSV table Excel reads (a byte order mark,
cells that would run as formulas made inert) and Python's csv module reads back;
--version names the OpenCC it was built with; `make -n run` needs no test tool.

usage: check.py BIN        Ends with "cli: N passed, N failed".
"""
import csv
import io
import os
import shutil
import subprocess
import sys

BIN = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENV = {"NO_COLOR": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
results = []


def check(name, ok, detail=""):
    results.append(ok)
    if not ok:
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def readme_sample():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    start = text.index("A part of the text report for the bundled sample")
    block = text[start:].split("\n\n", 1)[1].split("\n\n### ")[0]
    shown = [l[4:] if l.startswith("    ") else l for l in block.split("\n")]
    out = subprocess.run([BIN, "tests/corpus/party-building-speech.txt"], capture_output=True,
                         env=ENV, cwd=ROOT).stdout.decode().split("\n")
    at, missing = 0, []
    for line in shown:
        if line.strip() == "...":
            continue
        while at < len(out) and out[at] != line:
            at += 1
        if at == len(out):
            missing.append(line)
            at = 0
    check("README: the sample output is the program's, in order", not missing, missing[:3])


def completion():
    script = subprocess.run([BIN, "--completion", "bash"], capture_output=True).stdout.decode()
    cases = [("gangyao --for", "--format"), ("gangyao --format j", "json jsonl"),
             ("gangyao diff --format ''", "text json html"), ("gangyao pa", "panel"),
             ("gangyao --only tasks,ta", "tasks,tasks tasks,targets"),
             ("gangyao panel --cs", "--csv"), ("gangyao --encoding BIG", "BIG5 BIG5-HKSCS"), ("gangyao te", "terms tests"),
             ("gangyao diff --al", "--all"), ("gangyao --input j", "jsonl")]
    for words, want in cases:
        prog = (script + "\nCOMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                " [ \"${COMP_WORDS[COMP_CWORD]}\" = \"''\" ] && COMP_WORDS[COMP_CWORD]=;"
                " _gangyao; echo \"${COMPREPLY[*]}\"\ncomplete -p gangyao >/dev/null && echo ok\n")
        p = subprocess.run(["bash", "--norc", "-c", prog], capture_output=True, cwd=ROOT)
        got = p.stdout.decode().split("\n")
        check(f"bash completion of '{words}'", got[:2] == [want, "ok"], got)
    if shutil.which("zsh"):
        z = subprocess.run([BIN, "--completion", "zsh"], capture_output=True).stdout
        p = subprocess.run(["zsh", "-n"], input=z, capture_output=True)
        check("zsh completion parses", p.returncode == 0, p.stderr.decode()[:200])


def excel():
    import tempfile
    tmp = tempfile.mkdtemp()
    try:
        # a file name and an op a spreadsheet would run as formulas
        open(os.path.join(tmp, "=cmd.txt"), "w", encoding="utf-8").write(
            "2024年政府工作报告\n今年发展主要预期目标是：国内生产总值增长5%左右，居民消费价格涨幅3%左右，"
            "粮食产量1.3万亿斤。\n")
        run = lambda *a: subprocess.run([BIN, *a], capture_output=True, cwd=tmp).stdout
        raw = run("--csv", "--bom", "=cmd.txt")
        check("--bom: the table begins with a UTF-8 byte order mark", raw.startswith(b"\xef\xbb\xbf"),
              raw[:10])
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        head, body = rows[0], rows[1:]
        cells = [c for r in body for c in r]
        formula = [c for c in cells if c and (c[0] in "=+@\t\r" or
                                              (c[0] == "-" and not c[1:].replace(".", "").isdigit()))]
        check("--bom: no cell a spreadsheet would run as a formula", not formula, formula[:5])
        check("--bom: such cells kept as text", body and body[0][head.index("file")] == "'=cmd.txt" and
              [r[head.index("op")] for r in body] == ["~", "~", "'="], body[:1])
        check("--bom: numbers stay numbers", [r[head.index("value")] for r in body] ==
              ["5", "3", "650000000"] or [r[head.index("value")] for r in body] == ["5", "3", "1300000000000"],
              [r[head.index("value")] for r in body])
        raw = run("--csv", "=cmd.txt")
        check("without --bom the table is as before", not raw.startswith(b"\xef\xbb\xbf") and
              b"\r\n=cmd.txt," in raw and b",=," in raw, raw[:200])
        raw = run("panel", "--csv", "--bom", "-q", "=cmd.txt")
        check("panel --csv --bom", raw.startswith(b"\xef\xbb\xbf"), raw[:10])
    finally:
        shutil.rmtree(tmp)


def version():
    out = subprocess.run([BIN, "--version"], capture_output=True).stdout.decode()
    check("--version names OpenCC", "OpenCC" in out, out)


def lean_run():
    p = subprocess.run(["make", "-n", "run"], capture_output=True, cwd=ROOT, env=ENV)
    text = p.stdout.decode()
    tools = [t for t in ("chromium", "nodejs", "npm", "parallel", "jsonschema", "fonts-wqy",
                         "python3-distributed") if t in text]
    check("make -n run lists no test tool", p.returncode == 0 and not tools, tools or p.stderr[-300:])


readme_sample()
completion()
excel()
version()
lean_run()
print(f"cli: {sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
