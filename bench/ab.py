#!/usr/bin/env python3
"""Interleaved A/B timing of sshdiag binaries on one log.

    bench/ab.py RUNS LOG BINARY...

Runs each binary on LOG in turn, RUNS rounds, and prints each one's median,
quartiles and minimum wall time. Interleaving matters on a shared VM, whose
wall times drift by more than the changes being measured. Each binary gets a
data cache of its own (the cache's key includes the program, so binaries
sharing one would rewrite it on every run), warmed before timing.
Set SSHDIAG_DATA_DIR to the data to load (a source tree).
"""
import os
import subprocess
import sys
import tempfile
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, log, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    cache_root = tempfile.mkdtemp(prefix="sshdiag-ab-")
    envs = []
    for i, binary in enumerate(binaries):
        env = dict(os.environ, SSHDIAG_CACHE_DIR=os.path.join(cache_root, str(i)))
        subprocess.run([binary, log], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        envs.append(env)
    times = [[] for _ in binaries]
    for _ in range(runs):
        for i, binary in enumerate(binaries):
            start = time.perf_counter()
            subprocess.run([binary, log], env=envs[i], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[i].append(time.perf_counter() - start)
    for binary, t in zip(binaries, times):
        t.sort()
        ms = lambda q: 1000 * t[min(len(t) - 1, int(q * len(t)))]
        print(f"{binary}: median {ms(0.5):.2f} ms  p25 {ms(0.25):.2f}  p75 {ms(0.75):.2f}  min {1000 * t[0]:.2f}")


if __name__ == "__main__":
    main()
