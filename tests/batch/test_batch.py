#!/usr/bin/env python3
"""The batch path: many files, --jobs, --files-from, error records, streams of records, GNU parallel.

usage: test_batch.py BIN

Ends with "batch: N passed, N failed".
"""
import glob
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
CORPUS = sorted(glob.glob("tests/corpus/*.txt"))
NL = b"\n"
ENV = {"NO_COLOR": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
results = []


def run(args, stdin=None, env=None):
    return subprocess.run([BIN] + args, input=stdin, capture_output=True, env=env or ENV)


def check(name, ok, detail=""):
    results.append(ok)
    if not ok:
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def lines_json(out):
    return [json.loads(line) for line in out.decode("utf-8").split("\n") if line]


def test_jsonl_every_file():
    p = run(["--jsonl"] + CORPUS)
    docs = lines_json(p.stdout)
    paths = [d["source"]["path"] for d in docs]
    check("jsonl: one line per file, in order", p.returncode == 0 and paths == CORPUS,
          f"status {p.returncode}, paths {paths[:3]}")
    one = [json.loads(run(["--json", f]).stdout) for f in CORPUS[:3]]
    check("jsonl: each line is the analysis --json gives", docs[:3] == one)


def test_jobs_identical():
    for fmt in (["--jsonl"], ["--json"], [], ["--csv"], ["--only", "tasks", "--csv"]):
        a = run(fmt + ["-J", "1"] + CORPUS + ["tests/bad/binary.dat"] + CORPUS[:4])
        b = run(fmt + ["--jobs", "2"] + CORPUS + ["tests/bad/binary.dat"] + CORPUS[:4])
        check(f"--jobs 2 == --jobs 1 {' '.join(fmt) or 'text'}",
              (a.stdout, a.stderr, a.returncode) == (b.stdout, b.stderr, b.returncode),
              f"stdout same {a.stdout == b.stdout}, stderr same {a.stderr == b.stderr}, "
              f"status {a.returncode} {b.returncode}")
    a = run(["--jsonl", "-J", "1", "--input", "jsonl"], stdin=records_stream())
    b = run(["--jsonl", "-J", "2", "--input", "jsonl"], stdin=records_stream())
    check("--jobs 2 == --jobs 1 on records", (a.stdout, a.stderr, a.returncode) ==
          (b.stdout, b.stderr, b.returncode))


def test_files_from():
    tmp = tempfile.mkdtemp()
    try:
        names = [os.path.join(tmp, "a dir", "with space.txt"), os.path.join(tmp, "new\nline.txt"),
                 os.path.join(tmp, "tab\tand 中文.txt")]
        os.makedirs(os.path.dirname(names[0]))
        for n, src in zip(names, CORPUS):
            shutil.copy(src, n)
        listing = os.path.join(tmp, "list")
        with open(listing, "wb") as f:
            f.write(b"".join(n.encode() + b"\0" for n in names))
        p = run(["--jsonl", "-0", "--files-from", listing])
        paths = [d["source"]["path"] for d in lines_json(p.stdout)]
        check("--files-from -0: names with spaces, tabs and newlines", p.returncode == 0 and paths == names,
              f"status {p.returncode} {p.stderr[:200]!r}, {paths}")
        p = run(["--jsonl", "--files-from", "-", CORPUS[0]],
                stdin=(names[0] + "\r\n\n" + names[2] + "\n").encode())
        paths = [d["source"]["path"] for d in lines_json(p.stdout)]
        check("--files-from -: after the command line's files, CRLF and blank lines",
              paths == [CORPUS[0], names[0], names[2]], f"{paths}")
        p = run(["--jsonl", "--files-from", os.path.join(tmp, "missing")])
        check("--files-from a missing list: an error, status 3",
              p.returncode == 3 and b"cannot read the list of files" in p.stderr, f"{p.returncode} {p.stderr!r}")
        p = run(["--jsonl", "-0", CORPUS[0]])
        check("-0 without --files-from is a usage error", p.returncode == 2, f"{p.returncode}")
    finally:
        shutil.rmtree(tmp)


def test_bad_file_in_the_middle():
    files = CORPUS[:3] + ["tests/bad/binary.dat", "no/such/file.txt"] + CORPUS[3:6]
    p = run(["--jsonl", "-J", "2"] + files)
    docs = lines_json(p.stdout)
    paths = [d["source"]["path"] for d in docs]
    errors = {d["source"]["path"]: d["error"] for d in docs if "error" in d}
    check("a bad file in the middle: its error record in place, every other analysis",
          paths == files and set(errors) == {"tests/bad/binary.dat", "no/such/file.txt"}
          and all("targets" in d for d in docs if "error" not in d), f"{paths}")
    check("error records: code and status",
          errors.get("tests/bad/binary.dat", {}).get("code") == "binary"
          and errors.get("no/such/file.txt", {}).get("status") == 3, f"{errors}")
    check("the status is that of the first file that failed", p.returncode == 5, f"{p.returncode}")
    p = run(["--json", "-J", "2"] + files)
    check("--json: no error records, the errors on stderr", p.stdout.count(b'"schema"') == 6
          and p.stderr.count(b"gangyao: ") >= 2, f"{p.stdout.count(b'schema')}")


def records_stream():
    out = []
    for i, path in enumerate(CORPUS[:6]):
        text = open(path, "rb").read()
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = text.decode("gb18030")
        out.append(json.dumps({"id": 10 ** 20 + i, "region": "省", "text": text}, ensure_ascii=False))
    out.insert(2, "{not json")
    out.insert(4, '{"id": "no text here"}')
    out.insert(5, "")
    return ("\n".join(out) + "\n").encode("utf-8")


def test_records():
    p = run(["--input", "jsonl", "--jsonl"], stdin=records_stream())
    docs = lines_json(p.stdout)
    ok = [d for d in docs if "error" not in d]
    bad = [d for d in docs if "error" in d]
    check("records: one line per record, in order", len(docs) == 8 and len(ok) == 6,
          f"{len(docs)} lines, {len(ok)} analyses, status {p.returncode}")
    check("records: other fields echoed under meta, ids exact",
          [d["meta"]["id"] for d in ok] == [10 ** 20 + i for i in range(6)]
          and all(d["meta"]["region"] == "省" for d in ok), f"{[d.get('meta') for d in ok][:2]}")
    check("records: a bad record's error record has its line",
          [(d["source"]["record"], d["error"]["code"]) for d in bad] == [(3, "bad-record"), (5, "bad-record")]
          and bad[1].get("meta") == {"id": "no text here"}, f"{bad}")
    check("records: status 10, the run goes on", p.returncode == 10 and b"<stdin>:3:" in p.stderr,
          f"{p.returncode} {p.stderr[:300]!r}")
    plain = run(["--json", CORPUS[0]]).stdout
    first = json.loads(plain)
    del ok[0]["meta"]
    ok[0]["source"].update(path=first["source"]["path"], encoding=first["source"]["encoding"],
                           bom=first["source"]["bom"], bytes=first["source"]["bytes"])
    check("records: the analysis of a record is that of the file", ok[0] == first)


def test_gnu_parallel():
    if not shutil.which("parallel"):
        check("GNU parallel recipe", False, "GNU parallel is not installed (make deps installs it)")
        return
    # only good records: error records name their line in the chunk a process was given
    good = [l + NL for l in records_stream().split(NL) if b'"text"' in l]
    stream = b"".join(good[i % len(good)] for i in range(250))
    one = run(["--input", "jsonl", "--jsonl"], stdin=stream)
    p = subprocess.run(["parallel", "--will-cite", "--pipe", "-k", "-N", "100", BIN, "--input", "jsonl", "--jsonl"],
                       input=stream, capture_output=True, env=ENV)
    check("GNU parallel --pipe -k -N 100 gives the lines of one process",
          p.returncode == 0 and p.stdout == one.stdout and one.stdout.count(NL) == stream.count(NL),
          f"status {p.returncode} {p.stderr[:300]!r}, {p.stdout.count(NL)} lines")


def test_progress():
    env = dict(ENV, GANGYAO_PROGRESS_AFTER_MS="0")
    master, slave = pty.openpty()
    subprocess.run([BIN, "--jsonl", "-J", "2"] + CORPUS, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            seen += chunk
    except OSError:
        pass
    os.close(master)
    check("progress on a terminal", b"files," in seen and b"MB/s" in seen and seen.endswith(b"\r\x1b[K"),
          f"{seen[:200]!r}")
    p = run(["--jsonl"] + CORPUS, env=env)
    check("no progress in a pipe", b"files," not in p.stderr, f"{p.stderr[:200]!r}")
    master, slave = pty.openpty()
    subprocess.run([BIN, "-q", "--jsonl"] + CORPUS, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    try:
        seen = os.read(master, 65536)
    except OSError:
        seen = b""
    os.close(master)
    check("no progress with --quiet", b"files," not in seen, f"{seen[:200]!r}")


for t in (test_jsonl_every_file, test_jobs_identical, test_files_from, test_bad_file_in_the_middle,
          test_records, test_gnu_parallel, test_progress):
    t()
print(f"batch: {sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
