#!/usr/bin/env python3
"""Hot methods and allocation sites of a JFR recording (e.g. one written by run-producer.sh --jfr true).

Reads `jfr print --json` (the JDK's jfr tool) and prints, for the CPU samples (jdk.ExecutionSample) of the threads
chosen: the top methods by self samples, by inclusive samples (the share of samples whose stack holds the method), the
share of chosen frames (--frame REGEX, e.g. the component's package), and for allocation samples
(jdk.ObjectAllocationSample, weighted by the bytes each sample stands for) the top classes and allocation sites (the
first frame outside java., jdk. and sun.).

Usage: benchmarks/jfr-hot.py FILE.jfr [--threads REGEX] [--top N] [--frame REGEX ...] [--bucket NAME=REGEX ...]
"""
import argparse
import collections
import json
import re
import subprocess
import sys

JDK = re.compile(r"^(java|javax|jdk|sun|com\.sun)\.")


def events(path, kinds):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", ",".join(kinds), path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def frames(event):
    trace = event["values"].get("stackTrace")
    return [frame_name(f) for f in trace["frames"]] if trace else []


def thread_name(event, key):
    thread = event["values"].get(key) or {}
    return thread.get("javaName") or thread.get("osName") or "?"


def table(title, counter, total, top, unit="samples"):
    print(f"\n{title} (of {total} {unit})")
    for name, n in counter.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--threads", default=".*", help="only threads whose name matches (default: all)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--frame", action="append", default=[],
                        help="also print the share of samples with a frame matching REGEX (repeatable)")
    parser.add_argument("--bucket", action="append", default=[], metavar="NAME=REGEX",
                        help="attribute each sample to the bucket of its innermost frame matching one of the REGEXes"
                             " (repeatable; samples matching none count as 'other')")
    args = parser.parse_args()
    threads = re.compile(args.threads)

    cpu = [e for e in events(args.file, ["jdk.ExecutionSample"]) if threads.search(thread_name(e, "sampledThread"))]
    if not cpu:
        sys.exit("no CPU samples for threads matching " + args.threads)
    by_thread = collections.Counter(re.sub(r"\d+", "#", thread_name(e, "sampledThread")) for e in cpu)
    self_time = collections.Counter()
    inclusive = collections.Counter()
    for e in cpu:
        stack = frames(e)
        if stack:
            self_time[stack[0]] += 1
        for name in set(stack):
            inclusive[name] += 1
    total = len(cpu)
    table("CPU samples by thread", by_thread, total, args.top)
    table("Self CPU by method", self_time, total, args.top)
    table("Inclusive CPU by method", inclusive, total, args.top * 2)
    if args.bucket:
        buckets = [(b.split("=", 1)[0], re.compile(b.split("=", 1)[1])) for b in args.bucket]
        by_bucket = collections.Counter()
        for e in cpu:
            by_bucket[next((name for f in frames(e) for name, regex in buckets if regex.search(f)), "other")] += 1
        table("CPU by bucket (innermost matching frame)", by_bucket, total, len(buckets) + 1)
    for pattern in args.frame:
        regex = re.compile(pattern)
        hits = sum(1 for e in cpu if any(regex.search(f) for f in frames(e)))
        print(f"\nSamples with a frame matching {pattern}: {100.0 * hits / total:.1f}% ({hits} of {total})")

    allocations = [e for e in events(args.file, ["jdk.ObjectAllocationSample"])
                   if threads.search(thread_name(e, "eventThread"))]
    if allocations:
        by_class = collections.Counter()
        by_site = collections.Counter()
        weight = 0
        for e in allocations:
            w = e["values"]["weight"]
            weight += w
            by_class[e["values"]["objectClass"]["name"].replace("/", ".")] += w
            stack = frames(e)
            site = next((f for f in stack if not JDK.match(f)), stack[0] if stack else "?")
            by_site[site] += w
        table("Allocated bytes by class", by_class, weight, args.top, "sampled bytes")
        table("Allocated bytes by first non-JDK frame", by_site, weight, args.top, "sampled bytes")


if __name__ == "__main__":
    main()
