#!/usr/bin/env python3
"""Writes seed inputs for a libFuzzer run (make fuzz-run): for each corpus
file, about 1 MB of its lines in a shuffled order, joined without line ends,
as scraped reports arrive in one line.

    tests/fuzz/seeds.py OUT_DIR
"""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    corpus = os.path.join(ROOT, "tests", "corpus")
    rng = random.Random(1)
    for name in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, name), "rb") as f:
            lines = [l.rstrip(b"\r\n") for l in f.read().split(b"\n") if l.strip()]
        if not lines:
            continue
        parts, size = [], 0
        while size < 1 << 20:
            line = rng.choice(lines)
            parts.append(line)
            size += len(line)
        with open(os.path.join(out, "joined-" + name), "wb") as f:
            f.write(b"".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
