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
for sanitizer in ("TSAN_OPTIONS", "ASAN_OPTIONS", "UBSAN_OPTIONS"):
    if sanitizer in os.environ:
        ENV[sanitizer] = os.environ[sanitizer]
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


# inputs in every encoding, so that threads open converters at once
ENCODED = CORPUS + ["tests/bad/binary.dat"] + sorted(glob.glob("tests/inputs/utf16*.txt")) + CORPUS[:4]


def test_jobs_identical():
    for fmt in (["--jsonl"], ["--json"], [], ["--csv"], ["--only", "tasks", "--csv"]):
        a = run(fmt + ["-J", "1"] + ENCODED)
        for jobs in ("2", "8"):
            b = run(fmt + ["--jobs", jobs] + ENCODED)
            check(f"--jobs {jobs} == --jobs 1 {' '.join(fmt) or 'text'}",
                  (a.stdout, a.stderr, a.returncode) == (b.stdout, b.stderr, b.returncode),
                  f"stdout same {a.stdout == b.stdout}, stderr same {a.stderr == b.stderr}, "
                  f"status {a.returncode} {b.returncode} {b.stderr[-300:]!r}")
    big5 = ["--encoding", "BIG5", "--jsonl"] + ["tests/inputs/big5.txt"] * 24
    a, b = run(big5 + ["-J", "1"]), run(big5 + ["-J", "8"])
    check("--jobs 8 == --jobs 1 with --encoding BIG5", (a.stdout, a.returncode) == (b.stdout, b.returncode)
          and a.returncode == 0, f"{b.stderr[-300:]!r}")
    # folding learns each character's simplified form once for the whole run:
    # a traditional text reads the same after another as alone
    tmp = tempfile.mkdtemp()
    big5 = os.path.join(tmp, "big5-as-utf8.txt")
    with open("tests/inputs/big5.txt", "rb") as f, open(big5, "wb") as g:
        g.write(f.read().decode("big5").encode("utf-8"))
    trad = ["tests/corpus/hk-policy-address-1997.txt", big5]
    alone = [run(["--jsonl", f]).stdout for f in trad]
    for jobs in ("1", "2"):
        mixed = run(["--jsonl", "-J", jobs, trad[0], trad[1], trad[0], trad[1]])
        check(f"traditional texts read the same after another (-J {jobs})",
              mixed.stdout == (alone[0] + alone[1]) * 2 and len(alone[1]) > 100, f"{mixed.stderr[-200:]!r}")
    shutil.rmtree(tmp)
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
        out.append(json.dumps({"id": 10 ** 20 + i, "kind": "省", "text": text}, ensure_ascii=False))
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
          and all(d["meta"]["kind"] == "省" for d in ok), f"{[d.get('meta') for d in ok][:2]}")
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


SANITIZED = "san" in os.path.basename(os.path.dirname(os.path.abspath(BIN)))


def test_stream_goes_on():
    """A record that cannot be read is an error record; the stream goes on (issue 17.1)."""
    good = b'{"id": 1, "text": "\xe5\xa2\x9e\xe9\x95\xbf5%"}\n'
    stream = good + b'{"id": 2, "text": "' + b"a" * (3 << 20) + b'"}\n' + good.replace(b"1", b"3")
    p = run(["--input", "jsonl", "--jsonl", "--max-input", "1M"], stdin=stream)
    docs = lines_json(p.stdout)
    check("records: a record above --max-input is an error record, the next one is read",
          [(d["source"].get("record"), d.get("error", {}).get("code")) for d in docs]
          == [(None, None), (2, "bad-record"), (None, None)] and docs[2]["meta"] == {"id": 3}
          and p.returncode == 10 and b"<stdin>:2: record longer than 1048576 bytes" in p.stderr,
          f"{[d.get('error') for d in docs]} status {p.returncode} {p.stderr[:300]!r}")
    if not SANITIZED:  # the sanitizers reserve more address space than the limit
        import resource
        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (400 << 20, 400 << 20))
        big = good + b'{"id": 2, "text": "' + b"a" * (300 << 20) + b'"}\n' + good.replace(b"1", b"3")
        p = subprocess.run([BIN, "--input", "jsonl", "--jsonl", "--max-input", "1G"], input=big,
                           capture_output=True, env=ENV, preexec_fn=limit)
        docs = lines_json(p.stdout)
        check("records: no memory for a record is an error record, not the stream's end",
              [d.get("error", {}).get("code") for d in docs] == [None, "internal", None]
              and p.returncode == 9, f"{[d.get('error') for d in docs]} status {p.returncode}")
    p = subprocess.run([BIN, "--input", "jsonl", "--jsonl", "/dev/zero"], capture_output=True,
                       env=ENV, timeout=20)
    docs = lines_json(p.stdout)
    check("records: /dev/zero is binary, said in an error record",
          p.returncode == 5 and [d["error"]["code"] for d in docs] == ["binary"], f"{p.returncode}")
    p = subprocess.run([BIN, "/dev/zero"], capture_output=True, env=ENV, timeout=20)
    check("a file: /dev/zero stops at its first NUL", p.returncode == 5
          and b"binary" in p.stderr, f"{p.returncode} {p.stderr[:200]!r}")
    p = run(["--max-input", "1K", CORPUS[0]])
    check("a file above --max-input is refused", p.returncode == 3
          and b"larger than 1024 bytes" in p.stderr, f"{p.returncode} {p.stderr[:200]!r}")
    p = subprocess.run(["sh", "-c", f"yes 增长5% | {BIN} --max-input 1M"], capture_output=True,
                       env=ENV, timeout=20)
    check("endless standard input is refused at --max-input", p.returncode == 3
          and b"larger than 1048576" in p.stderr, f"{p.returncode} {p.stderr[:200]!r}")


def test_record_strictness():
    """BOM, escaped keys, duplicate keys (issue 17.7)."""
    stream = ('\ufeff{"id": 1, "text": "增长5%"}\n{"\\u0074ext": "增长6%", "id": 2}\n'
              '{"id": 3, "id": 4, "text": "x"}\n{"text": "a", "t\\u0065xt": "b"}\n').encode()
    p = run(["--input", "jsonl", "--jsonl"], stdin=stream)
    docs = lines_json(p.stdout)
    check("records: a byte order mark before the first record is passed over",
          docs[0].get("meta") == {"id": 1} and docs[0]["title"] == "增长5%", f"{docs[0]}")
    check("records: a key written with escapes is the key", docs[1].get("meta") == {"id": 2}
          and docs[1]["title"] == "增长6%", f"{docs[1]}")
    check("records: a member named twice is an error record",
          [d.get("error", {}).get("code") for d in docs[2:]] == ["bad-record", "bad-record"]
          and b'names the member "id" twice' in p.stderr
          and b'names the member "t\\u0065xt" twice' in p.stderr, f"{p.stderr[-400:]!r}")


def test_output_is_utf8():
    """Names and fields that are not UTF-8 still give JSON (issue 17.2)."""
    tmp = tempfile.mkdtemp()
    try:
        name = os.path.join(tmp.encode(), b"\xb9\xa4\xd7\xf7.txt")
        shutil.copy(CORPUS[0], name)
        p = run(["--jsonl", "-0", "--files-from", "-"], stdin=name + b"\0")
        out = p.stdout.decode("utf-8", "strict")
        check("a GBK file name: the JSON line is UTF-8 with U+FFFD for its bytes",
              json.loads(out)["source"]["path"].endswith("\ufffd" * 4 + ".txt"), out[:200])
        p = run(["--input", "jsonl", "--jsonl"], stdin=b'{"text": "\xe5\xa2\x9e", "who": "\xb9\xa4"}\n'
                b"{not json \xff\n")
        lines = p.stdout.decode("utf-8", "strict").splitlines()
        check("a record's other fields that are not UTF-8: meta is UTF-8",
              json.loads(lines[0])["meta"] == {"who": "\ufffd\ufffd"}, lines[0][:200])
        p = run(["--csv", name.decode("utf-8", "surrogateescape")])
        check("CSV names the file as it is", name in p.stdout, f"{p.stdout[:200]!r}")
    finally:
        shutil.rmtree(tmp)


def test_terminal_escapes():
    """Control characters and bidi overrides are shown escaped in text output (issue 17.5)."""
    tmp = tempfile.mkdtemp()
    try:
        name = os.path.join(tmp, "esc\x1b[31m.txt")
        with open(name, "w", encoding="utf-8") as f:
            f.write("关于\x1b]0;title\x07政府工作的报告\n今年目标：\x1b[2J地区生产总值增长\u202e5%左右。\n")
        p = run([name, CORPUS[0]])
        shown = p.stdout + p.stderr
        check("text output writes no escape byte and no bidi override",
              b"\x1b" not in shown and b"\x07" not in shown and "\u202e".encode() not in shown
              and b"esc\\x1B[31m.txt" in p.stdout and b"<U+202E>" in p.stdout
              and b"\\x1B]0;title\\x07" in p.stdout, f"{shown[:600]!r}")
    finally:
        shutil.rmtree(tmp)


def test_csv_records():
    """CSV rows of records carry the record's line and id (issue 17.6)."""
    stream = ('{"id": "a,1", "text": "2024年地区生产总值增长5%左右。"}\n\n'
              '{"text": "2024年地区生产总值增长6%左右。", "id": 7}\n').encode()
    p = run(["--input", "jsonl", "--csv"], stdin=stream)
    import csv
    import io
    rows = list(csv.reader(io.StringIO(p.stdout.decode())))
    check("CSV of records: record and id columns",
          rows[0][:3] == ["file", "record", "id"]
          and [(r[1], r[2], r[rows[0].index("value")]) for r in rows[1:]] == [("1", "a,1", "5"), ("3", "7", "6")],
          f"{rows}")
    p = run(["--csv", CORPUS[0]])
    check("CSV of files: no record columns", p.stdout.startswith(b"file,title,"), f"{p.stdout[:80]!r}")


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
          test_records, test_stream_goes_on, test_record_strictness, test_output_is_utf8,
          test_terminal_escapes, test_csv_records, test_gnu_parallel, test_progress):
    t()
print(f"batch: {sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
