#!/usr/bin/env python3
"""Peer for the benchmark: Python's re over each line, pattern by pattern (the
pcre flavor). Prints how many lines hit at least one pattern.
Usage: py_re_scan.py PATTERNS FILE..."""
import re
import sys


def main():
    patterns = []
    skipped = 0
    with open(sys.argv[1], "rb") as f:
        for p in f.read().split(b"\n"):
            if not p:
                continue
            try:
                patterns.append(re.compile(p))
            except re.error:
                skipped += 1
    if skipped:
        print(f"py_re_scan: {skipped} pattern(s) Python cannot compile were left out", file=sys.stderr)
    searches = [p.search for p in patterns]
    hit = lines = 0
    for name in sys.argv[2:]:
        with open(name, "rb") as f:
            for line in f:
                line = line.rstrip(b"\n")
                lines += 1
                for s in searches:
                    if s(line):
                        hit += 1
                        break
    print(f"{hit} of {lines} lines hit")


if __name__ == "__main__":
    main()
