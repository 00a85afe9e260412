#!/usr/bin/env python3
"""Pathological inputs, each generated at two sizes (n and 2n), in the manner
of cmark's test/pathological_tests.py: the analyzer must finish each within a
generous timeout, and its time must grow no faster than about linearly (at
most RATIO times for twice the input; CPU time, best of three runs).  Some
cases also bound the memory per line or per byte.

    tests/pathological.py BIN [CASE ...]      (run by make test)
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

RATIO = 2.5
TIMEOUT = 120
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus_text():
    with open(os.path.join(ROOT, "tests", "corpus", "gwr-2019.txt"), encoding="utf-8") as f:
        return f.read()


def repeat_to(unit, nbytes):
    return unit * (nbytes // len(unit.encode()) + 1)


def one_line(n):
    return repeat_to(corpus_text().replace("\n", ""), n * 2000)


def task_series(n):
    return "要做好工作：" + "一是加强基层组织建设；二是推进乡村全面振兴。" * n + "\n"


def numeral_run(n):
    return "投资" + "九" * (n * 100) + "元。\n"


def blank_lines(n):
    return " \n" * (n * 500)


def sections(n):
    return "".join(f"一、标题{i}\n（一）小标题\n1. 细目\n正文。\n" for i in range(n * 10))


def noise_echoes(n):
    head = "酷乐文行整理，获得完整版资料咨询唯一指定QQ206157060\n" * 900
    return head + "党建工作\n" * (n * 20)


def duplicate_body(n):
    body = "".join(corpus_text().splitlines(True)[20:60])
    return body * max(2, n // 20)


def times_in_paragraph(n):
    return "".join("2024年3月5日，" for _ in range(n * 20)) + "开会。\n"


def numbers_in_one_clause(n):
    return "".join(f"增长{i % 97}%" for i in range(n * 20)) + "。\n"


def list_of_numbers(n):
    return "客运量分别达" + "1409万、" * (n * 20) + "1305万人次。\n"


def trailing_markup(n):
    return "正文内容" + "<i></i>" * (n * 20) + "\n"


def long_sentence_of_targets(n):
    return "今年" + "，新增就业1100万人以上" * (n * 10) + "。\n"


def backtracking_lines(n):
    """Lines of a...ab, which a rule (a+)+$ backtracks on exponentially."""
    return "".join("a" * (60 + i * 7 % 30) + "b\n" for i in range(n))


def backtracking_rules(binary, tmp):
    """The built-in rules and a noise pattern with catastrophic backtracking."""
    dump = subprocess.run([binary, "rules", "--dump"], capture_output=True, check=True).stdout
    rules = json.loads(dump)
    rules["noise"]["lines"].append({"name": "backtracks", "pattern": "(a+)+$"})
    path = os.path.join(tmp, "backtracking-rules.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rules, f, ensure_ascii=False)
    return path


def marker_clauses(n):
    return "".join("，一是抓好落实" for _ in range(n * 20)) + "。\n"


CASES = [
    # name, generator, base n, extra arguments
    ("one long line", one_line, 400, []),
    ("task series in one paragraph", task_series, 2000, []),
    ("a long run of numerals", numeral_run, 2000, []),
    ("lines of spaces", blank_lines, 1000, []),
    ("many sections", sections, 1000, []),
    ("noise and echoes", noise_echoes, 1000, []),
    ("a repeated body", duplicate_body, 1000, []),
    ("times in one paragraph", times_in_paragraph, 500, []),
    ("numbers in one clause", numbers_in_one_clause, 1000, []),
    ("a list of numbers", list_of_numbers, 1000, []),
    ("markup at a line's end", trailing_markup, 1000, []),
    ("targets in one long sentence", long_sentence_of_targets, 1000, []),
    ("task markers in one sentence", marker_clauses, 1000, []),
    # a rule file from someone else: its work is bounded per line and per
    # document (the rule is given up after a few failures); before, 300
    # lines took 8 s
    ("a rule that backtracks", backtracking_lines, 2000, ["--rules", "{backtracking}"]),
]

# at most this many CPU seconds for the larger size of a case
MAX_SECONDS = {"a rule that backtracks": 2.0}


def synthetic_tasks(n, seed):
    import random
    rng = random.Random(seed)
    verbs = "加强 推进 完善 健全 深化 落实 提升 扩大 优化 强化".split()
    objs = "基层治理 产业体系 科技创新 营商环境 社会保障 生态保护 乡村振兴 对外开放".split()
    nums = "一二三四五六七八九十"
    out = ["一、工作任务\n"]
    for i in range(n):
        if i % 10 == 0:
            out.append("今年要做好以下工作：")
        r = rng.randrange(1 << 30)
        out.append(f"{nums[i % 10]}要{verbs[r % 10]}{objs[(r // 10) % 8]}，第{i + 1}项工作")
        out.append("。\n" if i % 10 == 9 else "；")
    return "".join(out)


def cpu_run(argv):
    """CPU seconds (user + system) of one run, its peak memory in KB and exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=TIMEOUT)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return max(cpu, 1e-3), after.ru_maxrss, p.returncode, wall


def best(argv, runs=2):
    results = [cpu_run(argv) for _ in range(runs)]
    return min(r[0] for r in results), results[0][1], results[0][2]


def measure(binary, tmp, name, make, n, extra):
    times = []
    extra = [a.format(backtracking=backtracking_rules(binary, tmp)) if "{" in a else a
             for a in extra]
    for k, size in enumerate((n, 2 * n)):
        path = os.path.join(tmp, f"case{k}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(make(size))
        nbytes = os.path.getsize(path)
        # the noise stage runs only where the case's arguments ask for it
        flags = extra or ["--keep-noise"]
        cpu, rss, status, = best([binary, "--json", *flags, path])
        if status not in (0,):
            return f"exit status {status}", None
        if cpu > MAX_SECONDS.get(name, TIMEOUT):
            return f"{cpu:.1f} s for {nbytes} bytes (at most {MAX_SECONDS[name]} s)", None
        times.append((cpu, nbytes, rss))
    return None, times


def diff_case(binary, tmp, n):
    times = []
    for k, size in enumerate((n, 2 * n)):
        a, b = os.path.join(tmp, f"a{k}.txt"), os.path.join(tmp, f"b{k}.txt")
        with open(a, "w", encoding="utf-8") as f:
            f.write(synthetic_tasks(size, 1))
        with open(b, "w", encoding="utf-8") as f:
            f.write(synthetic_tasks(size, 2))
        cpu, rss, status = best([binary, "diff", a, b])
        if status not in (0, 1):
            return f"exit status {status}", None
        times.append((cpu, os.path.getsize(a), rss))
    return None, times


def self_diff_case(binary, tmp, n):
    """A document compared with itself reports no change, at any size."""
    text = "".join(open(os.path.join(ROOT, "tests", "corpus", f), encoding="utf-8").read()
                   for f in ("gwr-2019.txt", "gwr-2021.txt", "province-beijing-2026.txt"))
    times = []
    for k, size in enumerate((n, 2 * n)):
        a = os.path.join(tmp, f"same{k}.txt")
        with open(a, "w", encoding="utf-8") as f:
            f.write(repeat_to(text, size * 1000))
        cpu, rss, status = best([binary, "diff", "--keep-noise", a, a])
        if status != 0:
            return f"exit status {status}: a document differs from itself", None
        times.append((cpu, os.path.getsize(a), rss))
    return None, times


def large_reports(n, seed):
    """A report of n lines, each of them its own (numbered), drawn from a real one."""
    import random
    lines = [l for l in corpus_text().splitlines() if l.strip()]
    rng = random.Random(seed)
    return "".join(f"{i}号：{rng.choice(lines)}\n" for i in range(n))


def large_diff_case(binary, tmp, n):
    """Two different reports of tens of MB: the diff stays linear."""
    times = []
    for k, size in enumerate((n, 2 * n)):
        a, b = os.path.join(tmp, f"la{k}.txt"), os.path.join(tmp, f"lb{k}.txt")
        with open(a, "w", encoding="utf-8") as f:
            f.write(large_reports(size, 1))
        with open(b, "w", encoding="utf-8") as f:
            f.write(large_reports(size, 2))
        cpu, rss, status = best([binary, "diff", a, b], runs=1)
        if status not in (0, 1):
            return f"exit status {status}", None
        times.append((cpu, os.path.getsize(a), rss))
    return None, times


def truncated_while_read(binary, tmp):
    """A file cut short while it is read is a shorter text, never a crash."""
    path = os.path.join(tmp, "shrinking.txt")
    for delay in (0.0, 0.01, 0.05):
        with open(path, "w", encoding="utf-8") as f:
            f.write(repeat_to(corpus_text(), 64 << 20))
        p = subprocess.Popen([binary, "--json", path], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.truncate(path, 1000)
        status = p.wait(timeout=TIMEOUT)
        if status < 0:
            return f"killed by signal {-status} (file cut after {delay} s)"
    return None


def ratio_ok(times):
    (t1, _, _), (t2, _, _) = times
    return t2 / t1 <= RATIO or t2 < 0.05  # below 50 ms the ratio is noise


def measured(run):
    """run() measured again when its ratio looks superlinear: a busy machine can slow one run,
    while a superlinear stage fails every time."""
    err, times = run()
    if not err and not ratio_ok(times):
        err, times = run()
    return err, times


def verdict(name, err, times, rss_per_byte=None):
    if err:
        print(f"FAIL {name}: {err}")
        return False
    (t1, b1, r1), (t2, b2, r2) = times
    ratio = t2 / t1
    ok = ratio_ok(times)
    line = f"{'ok  ' if ok else 'FAIL'} {name}: {b1 / 1e6:.2f} MB {t1:.3f} s, {b2 / 1e6:.2f} MB {t2:.3f} s (x{ratio:.2f})"
    if rss_per_byte is not None and ok:
        per = (r2 - r1) * 1024 / max(1, b2 - b1)
        line += f", {per:.0f} bytes of memory per input byte"
        if per > rss_per_byte:
            ok = False
            line = "FAIL" + line[4:] + f" (want at most {rss_per_byte})"
    print(line)
    return ok


def main(argv):
    if not argv:
        print(__doc__.strip().splitlines()[-1])
        return 2
    binary, only = argv[0], argv[1:]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, n, extra in CASES:
            if only and name not in only:
                continue
            err, times = measured(lambda: measure(binary, tmp, name, make, n, extra))
            # a line of spaces: 2 bytes of input, about 100 bytes of model
            limit = 60 if name == "lines of spaces" else None
            failed += not verdict(name, err, times, limit)
        if not only or "diff of task lists" in only:
            err, times = measured(lambda: diff_case(binary, tmp, 3000))
            failed += not verdict("diff of task lists", err, times)
        if not only or "diff of a document with itself" in only:
            err, times = measured(lambda: self_diff_case(binary, tmp, 1000))
            failed += not verdict("diff of a document with itself", err, times)
        if not only or "diff of two large reports" in only:
            # 25 MB and 50 MB
            err, times = measured(lambda: large_diff_case(binary, tmp, 42500))
            failed += not verdict("diff of two large reports", err, times)
        if not only or "a file truncated while read" in only:
            err = truncated_while_read(binary, tmp)
            print(f"{'FAIL' if err else 'ok  '} a file truncated while read{': ' + err if err else ''}")
            failed += err is not None
    total = len(CASES) + 4 if not only else len(only)
    print(f"pathological: {total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
