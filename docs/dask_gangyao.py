#!/usr/bin/env python3
"""gangyao over a Dask distributed cluster: a stream of records (JSON Lines, one
{"id": ..., "text": ...} per line) cut into batches, each batch piped through
`gangyao --input jsonl --jsonl` on a worker, the lines gathered in order.

    # on this machine: a scheduler and two workers
    python3 docs/dask_gangyao.py --local 2 records.jsonl > analyses.jsonl
    # on a cluster: `dask scheduler` on one host, `dask worker tcp://HOST:8786` on others
    python3 docs/dask_gangyao.py --scheduler tcp://HOST:8786 records.jsonl > analyses.jsonl

gangyao must be installed on every worker (the Debian package: apt-get install
./gangyao_*.deb), or --bin names where it is.
"""
import argparse
import subprocess
import sys


def run_batch(lines, bin_):
    """One batch of records through gangyao on a worker: its JSON Lines."""
    p = subprocess.run([bin_, "--input", "jsonl", "--jsonl", "--jobs", "1"], input=b"".join(lines),
                       capture_output=True)
    return p.stdout


def analyze(client, records, bin_="gangyao", batch=100):
    """records: a list of lines (bytes, each ending in a newline); the analyses in order."""
    batches = [records[i:i + batch] for i in range(0, len(records), batch)]
    futures = client.map(run_batch, batches, bin_=bin_, pure=False)
    return b"".join(client.gather(futures))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", help="a JSON Lines file of records")
    ap.add_argument("--scheduler", help="the address of a running scheduler (tcp://HOST:8786)")
    ap.add_argument("--local", type=int, default=2, help="else: so many local worker processes")
    ap.add_argument("--bin", default="gangyao", help="gangyao on the workers")
    ap.add_argument("--batch", type=int, default=100, help="records per task")
    a = ap.parse_args()
    from distributed import Client, LocalCluster
    recs = open(a.records, "rb").read().splitlines(keepends=True)
    if a.scheduler:
        with Client(a.scheduler) as client:
            sys.stdout.buffer.write(analyze(client, recs, a.bin, a.batch))
    else:
        with LocalCluster(n_workers=a.local, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, Client(cluster) as client:
            sys.stdout.buffer.write(analyze(client, recs, a.bin, a.batch))


if __name__ == "__main__":
    main()
