#!/usr/bin/env python3
"""gangyao on a cluster engine: a Dask distributed cluster on this machine (a
scheduler and two worker processes on 127.0.0.1) maps batches of records through
`gangyao --input jsonl --jsonl`; the gathered lines must equal one process's
output.  docs/scale-out.md runs the same script on a cluster of several hosts.

usage: check.py BIN        Ends with "dask: N passed, N failed", or says why it
                            was skipped (python3-distributed missing: exit 77).
"""
import glob
import json
import os
import subprocess
import sys

BIN = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "docs"))
try:
    import distributed  # noqa: F401  (Debian: python3-distributed)
except ImportError:
    print("dask: skipped: python3-distributed is not installed (apt-get install python3-distributed)")
    sys.exit(77)
import dask_gangyao  # docs/dask_gangyao.py: the recipe of docs/scale-out.md


def records():
    out = []
    for i, path in enumerate(sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.txt")))[:24]):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        out.append(json.dumps({"id": i, "file": os.path.basename(path), "text": text},
                              ensure_ascii=False).encode() + b"\n")
    return out


def main():
    recs = records()
    one = subprocess.run([BIN, "--input", "jsonl", "--jsonl"], input=b"".join(recs),
                         capture_output=True, check=True).stdout
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        workers = len(client.scheduler_info()["workers"])
        out = dask_gangyao.analyze(client, recs, BIN, batch=5)
    ok = [workers == 2, out == one, out.count(b"\n") == len(recs)]
    for name, good in zip(("two worker processes", "the cluster's lines equal one process's",
                           "one line per record"), ok):
        if not good:
            print(f"FAIL dask: {name}", file=sys.stderr)
    print(f"dask: {sum(ok)} passed, {len(ok) - sum(ok)} failed")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
