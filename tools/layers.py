#!/usr/bin/env python3
"""Checks that data flows one way between the library's files: no include
cycle among the headers and sources of src/ (each stage a folder: src/core,
src/input ...; a header is included by its name from any of them) and the
CLI, and no call cycle among the object files
(a file that calls into another is never called back by it, directly or
through others).  Prints each cycle found; exits 1 if there is one.

    tools/layers.py BUILD_DIR
"""
import re
import subprocess
import sys
from pathlib import Path


def cycles(graph):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def includes(src):
    graph = {}
    files = sorted(src.glob("*/*.[ch]"))
    by_name = {f.name: f for f in files}
    for f in files:
        deps = set()
        for m in re.finditer(r'^#include "([^"]+)"', f.read_text(encoding="utf-8"), re.M):
            target = by_name.get(m.group(1)) or (f.parent / m.group(1))
            if target.exists() and target != f:
                deps.add(target.name)
        graph[f.name] = deps
    return graph


def calls(build):
    defined, used = {}, {}
    for o in sorted((build / "obj").glob("*.o")):
        text = subprocess.run(["nm", str(o)], capture_output=True, text=True, check=True).stdout
        d, u = set(), set()
        for line in text.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDRBC":
                d.add(parts[2])
            elif len(parts) == 2 and parts[0] == "U":
                u.add(parts[1])
        defined[o.stem], used[o.stem] = d, u
    owner = {s: f for f, ds in defined.items() for s in ds}
    return {f: {owner[s] for s in us if s in owner and owner[s] != f} for f, us in used.items()}


def main():
    build = Path(sys.argv[1] if len(sys.argv) > 1 else "build")
    root = Path(__file__).resolve().parent.parent
    bad = 0
    for kind, graph in (("include", includes(root / "src")), ("call", calls(build))):
        for comp in cycles(graph):
            print(f"layers: {kind} cycle among {', '.join(comp)}")
            bad += 1
    print(f"layers: {'no cycles' if not bad else f'{bad} cycles'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
