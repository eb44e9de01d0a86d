#!/usr/bin/env python3
"""sshdiag's benchmark: sshdiag against the tools a user would use instead,
on inputs built from the corpus's real -vvv logs, in one run (bench/README.md).

Peers run interleaved (round by round) so that the load of a shared machine
falls on all of them alike; figures are medians. Whole-process timings of the
typical log use hyperfine; the big inputs are timed here (wall time and peak
RSS from wait4). Instruction counts (callgrind) are the load-proof figures.
"""
import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = "/tmp"
WARMUP = 2
MB = 1000 * 1000


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def uptime():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def real_vvv_logs():
    """The corpus's real ssh -vvv client logs (the lab's and the fresh batches'), sorted."""
    out = []
    for base in ("corpus/lab", "corpus/fresh"):
        for dirpath, dirs, files in os.walk(os.path.join(ROOT, base)):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".log") or name.endswith((".v.log", ".plain.log")) or "sshd" in name:
                    continue
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    data = f.read()
                if data.startswith(b"OpenSSH_") and b"\ndebug3: " in data:
                    out.append((os.path.relpath(path, ROOT), data))
    return out


def build_inputs(args, out):
    """typical.log (~40 KB), big.log (--size-mb), big.d/ (the same logs as
    separate files), slices of big.log, and the patterns in three flavors."""
    logs = real_vvv_logs()
    if not logs:
        sys.exit("bench: no real -vvv logs found under corpus/")
    stamp = hashlib.sha256()
    for name, data in logs:
        stamp.update(name.encode() + hashlib.sha256(data).digest())
    stamp.update(f"{args.size_mb}:{args.slice_grep_mb}:{args.slice_py_mb}".encode())
    stamp = stamp.hexdigest()
    stamp_file = os.path.join(out, "inputs.stamp")
    fresh = os.path.exists(stamp_file) and open(stamp_file).read() == stamp
    if not fresh:
        log(f"bench: building inputs in {out} ({args.size_mb} MB from {len(logs)} real -vvv logs)")
        shutil.rmtree(os.path.join(out, "big.d"), ignore_errors=True)
        os.makedirs(os.path.join(out, "big.d"))
        # The typical log: the README's example failure (ipqos-reset) after the
        # earlier attempts a user pasted with it, real logs up to ~40 KB.
        by_name = dict(logs)
        last = by_name.get("corpus/lab/openssh-9.2/ipqos-reset.log", logs[0][1])
        typical = b""
        for name, data in logs:
            if len(typical) + len(data) + len(last) > 40 * 1024:
                break
            if name.startswith("corpus/lab/openssh-9.2/") and not name.endswith("ipqos-reset.log"):
                typical += data
        typical += last
        with open(os.path.join(out, "typical.log"), "wb") as f:
            f.write(typical)
        with open(os.path.join(out, "one-line.log"), "wb") as f:
            f.write(last.split(b"\n", 1)[0] + b"\n")
        target = args.size_mb * MB
        written = 0
        i = 0
        with open(os.path.join(out, "big.log"), "wb") as big:
            while written < target:
                name, data = logs[i % len(logs)]
                big.write(data)
                sub = os.path.join(out, "big.d", f"{i // 1000:04d}")
                if i % 1000 == 0:
                    os.makedirs(sub, exist_ok=True)
                with open(os.path.join(sub, f"{i:07d}-{os.path.basename(name)}"), "wb") as f:
                    f.write(data)
                written += len(data)
                i += 1
        for slice_name, size in (("slice-grep.log", args.slice_grep_mb), ("slice-py.log", args.slice_py_mb),
                                 ("slice-100.log", min(100, args.size_mb))):
            with open(os.path.join(out, "big.log"), "rb") as src, open(os.path.join(out, slice_name), "wb") as dst:
                data = src.read(int(size * MB))
                dst.write(data[: data.rfind(b"\n") + 1])
        with open(stamp_file, "w") as f:
            f.write(stamp)
    # The patterns always come from the binary under test.
    for flavor in ("re2", "pcre", "ere"):
        r = subprocess.run([args.sshdiag, "signatures", "export-patterns", "--flavor", flavor],
                           capture_output=True, check=True)
        with open(os.path.join(out, f"patterns.{flavor}"), "wb") as f:
            f.write(r.stdout)
        if r.stderr:
            log("bench: " + r.stderr.decode().strip())
    n = {f: sum(1 for _ in open(os.path.join(out, f"patterns.{f}"), "rb")) for f in ("re2", "pcre", "ere")}
    if n["re2"] < 50:
        sys.exit(f"bench: only {n['re2']} patterns exported")
    return n


def scaled_signatures(out, factor):
    """OUT/signatures-xFACTOR/: factor - 1 generated variants of every built-in
    signature, so that with the built-in set sshdiag loads factor times as many.
    Each variant's line and absent regexes get a literal no log holds, after
    the leading ^ where there is one (as a real signature's own message text
    would be, in most logs): they weigh on loading, the literal index and
    matching, and answer nothing. The files are dated an hour back, as a
    layer a user wrote earlier would be (the data cache leaves files changed
    in the last seconds to the next run). Returns the directory and how many
    files it holds."""
    src = os.path.join(ROOT, "signatures")
    dst = os.path.join(out, f"signatures-x{factor}")
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)

    def vary(regex, k):
        tag = f"zqxv{k}zq"
        return "^" + tag + regex[1:] if regex.startswith("^") else tag + regex

    count = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(src, name)) as f:
            sig = json.load(f)
        for k in range(1, factor):
            v = json.loads(json.dumps(sig))
            v["id"] = f"{sig['id']}-variant-{k}"
            v.pop("examples", None)
            v.pop("suppresses", None)
            for key in ("lines", "absent"):
                for cond in v.get(key, []):
                    if "regex" in cond:
                        cond["regex"] = vary(cond["regex"], k)
            with open(os.path.join(dst, f"{v['id']}.json"), "w") as f:
                json.dump(v, f, indent=1)
            count += 1
    an_hour_ago = time.time() - 3600
    for name in os.listdir(dst):
        os.utime(os.path.join(dst, name), (an_hour_ago, an_hour_ago))
    os.utime(dst, (an_hour_ago, an_hour_ago))
    return dst, count


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)
    return os.path.getsize(path)


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, ok_codes):
    """Runs cmd with stdout to /dev/null; returns (wall s, peak RSS KiB, user+sys s).
    Peak RSS comes from /usr/bin/time: a child forked from Python would count
    Python's pages too."""
    stats = os.path.join(OUT, "time.out")
    full = [TIME, "-f", "%U %S %M", "-o", stats] + cmd if TIME else cmd
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(full, stdout=devnull, stderr=subprocess.PIPE)
        err = proc.stderr.read()
        proc.wait()
    wall = time.perf_counter() - start
    code = proc.returncode
    if code not in ok_codes:
        sys.exit(f"bench: {' '.join(cmd)} exited {code}: {err.decode(errors='replace')[:500]}")
    if TIME:
        with open(stats) as f:
            user, sys_, rss = f.read().split()[-3:]
        return wall, int(rss), float(user) + float(sys_)
    return wall, 0, 0.0


def hit_count(cmd):
    r = subprocess.run(cmd, capture_output=True)
    text = r.stdout.decode(errors="replace").strip()
    if cmd[0].endswith(("hs_scan", "py_re_scan.py")) or (len(cmd) > 1 and cmd[1].endswith("py_re_scan.py")):
        return text.split(" ")[0] if text else "?"
    return text or "0"


class Peer:
    def __init__(self, name, cmd, input_path, ok_codes=(0, 1), note=""):
        self.name, self.cmd, self.input, self.ok_codes, self.note = name, cmd, input_path, ok_codes, note
        self.walls, self.rss, self.cpu = [], [], []


def time_interleaved(peers, rounds, runs):
    for r in range(rounds):
        for p in peers:
            for _ in range(runs):
                wall, rss, cpu = run_once(p.cmd, p.ok_codes)
                p.walls.append(wall)
                p.rss.append(rss)
                p.cpu.append(cpu)
        log(f"bench:   round {r + 1}/{rounds} done (load {uptime()})")


def time_hyperfine(peers, rounds, runs, out):
    """hyperfine rounds over all peers: each round runs every peer `runs` times."""
    for r in range(rounds):
        export = os.path.join(out, f"hyperfine-{r}.json")
        cmd = ["hyperfine", "-N", "-i", "--style", "none", "--warmup", str(WARMUP), "--runs", str(runs), "--export-json",
               export] + [" ".join(shell_quote(a) for a in p.cmd) for p in peers]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(export) as f:
            results = json.load(f)["results"]
        for p, res in zip(peers, results):
            p.walls.extend(res["times"])
            p.cpu.append(res["user"] + res["system"])  # hyperfine gives the mean per round
            codes = res.get("exit_codes") or [0]
            bad = [c for c in codes if c not in p.ok_codes]
            if bad:
                sys.exit(f"bench: {p.name} exited {bad[0]} under hyperfine")
        log(f"bench:   hyperfine round {r + 1}/{rounds} done (load {uptime()})")
    # Peak RSS once each, outside hyperfine.
    for p in peers:
        _, rss, _ = run_once(p.cmd, p.ok_codes)
        p.rss.append(rss)


def shell_quote(a):
    if a and all(c.isalnum() or c in "/._-=+,:" for c in a):
        return a
    return "'" + a.replace("'", "'\\''") + "'"


def callgrind_instructions(cmd, out):
    path = os.path.join(out, "callgrind.out")
    r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={path}"] + cmd,
                       capture_output=True)
    for line in r.stderr.decode(errors="replace").splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    return None


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def table(title, peers, ref_name, sizes):
    """Wall time is what a user waits; CPU time (user+sys) is what the load of
    a shared machine disturbs least. Ratios are to ref_name's, scaled for a
    peer that ran on a slice."""
    ref = next((p for p in peers if p.name == ref_name), None)
    lines = [f"### {title}", "",
             f"| peer | wall (median) | CPU user+sys (median) | runs | MB/s (wall) | wall vs {ref_name} | "
             f"CPU vs {ref_name} | peak RSS | note |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for p in peers:
        med = statistics.median(p.walls)
        cpu = statistics.median(p.cpu) if p.cpu else 0.0
        scale = getattr(p, "scale", 1.0)
        mbs = sizes[p.input] / MB / med
        wall_ratio = f"{med * scale / statistics.median(ref.walls):.2f}×" if ref else "-"
        cpu_ratio = f"{cpu * scale / statistics.median(ref.cpu):.2f}×" if ref and ref.cpu and statistics.median(ref.cpu) > 0 else "-"
        rss = f"{max(p.rss) / 1024:.1f} MB" if p.rss and max(p.rss) > 0 else "-"
        lines.append(f"| {p.name} | {fmt_time(med)} | {fmt_time(cpu)} | {len(p.walls)} | {mbs:.1f} | {wall_ratio} | "
                     f"{cpu_ratio} | {rss} | {p.note} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="the build directory (default build/)")
    ap.add_argument("--out", help="where inputs and results go (default BUILD/bench-data)")
    ap.add_argument("--size-mb", type=int, default=200, help="size of the big input in MB (default 200; 1000 for 1 GB)")
    ap.add_argument("--slice-grep-mb", type=float, default=4, help="slice GNU grep runs on (scaled)")
    ap.add_argument("--slice-py-mb", type=float, default=20, help="slice Python runs on (scaled)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds over the big input (default 3)")
    ap.add_argument("--typical-rounds", type=int, default=5, help="hyperfine rounds on the typical log (default 5)")
    ap.add_argument("--typical-runs", type=int, default=10, help="runs per peer per hyperfine round (default 10)")
    ap.add_argument("--warmup", type=int, default=2, help="hyperfine warm-up runs per peer and round (default 2)")
    ap.add_argument("--jobs", type=int, default=2, help="sshdiag --batch --jobs N (default 2)")
    ap.add_argument("--no-callgrind", action="store_true", help="skip the instruction counts (valgrind)")
    ap.add_argument("--no-micro", action="store_true", help="skip the Google Benchmark micro-benchmarks")
    ap.add_argument("--scale-signatures", type=int, default=10,
                    help="also time sshdiag with N times the signatures, generated variants (default 10; 1: skip)")
    ap.add_argument("--smoke", action="store_true",
                    help="a few seconds: 1 MB input, one run each, no callgrind (the ctest bench_smoke)")
    args = ap.parse_args()
    if args.smoke:
        args.size_mb, args.slice_grep_mb, args.slice_py_mb = 1, 0.1, 0.1
        args.rounds, args.typical_rounds, args.typical_runs = 1, 1, 1
        args.no_callgrind = True
    build = os.path.abspath(args.build)
    out = os.path.abspath(args.out or os.path.join(build, "bench-data"))
    os.makedirs(out, exist_ok=True)
    global OUT, WARMUP
    OUT = out
    WARMUP = 0 if args.smoke else args.warmup
    args.sshdiag = os.path.join(build, "sshdiag")
    # This tree's signatures, KB and failure lines, also for a binary copied out of its build directory.
    os.environ.setdefault("SSHDIAG_DATA_DIR", ROOT)
    # sshdiag's data cache (README "Data cache"), as every run after a user's first has it: kept with the
    # inputs, not in the home directory, and written before anything is timed (below).
    os.environ.setdefault("SSHDIAG_CACHE_DIR", os.path.join(out, "cache"))
    if not os.access(args.sshdiag, os.X_OK):
        sys.exit(f"bench: no {args.sshdiag}: build first (README)")
    hs_scan = os.path.join(build, "bench", "hs_scan")
    micro = os.path.join(build, "bench", "sshdiag_micro")
    have = {t: shutil.which(t) for t in ("rg", "grep", "hyperfine", "valgrind", "python3")}
    skipped = [f"{t} (not installed)" for t, w in have.items() if not w]
    if not os.access(hs_scan, os.X_OK):
        skipped.append("Hyperscan (hs_scan not built: libhyperscan-dev)")
        hs_scan = None
    if not os.access(micro, os.X_OK):
        skipped.append("micro-benchmarks (not built: libbenchmark-dev)")
        micro = None

    report = [f"load before: {uptime()}; {os.cpu_count()} CPUs; big input {args.size_mb} MB"]
    n = build_inputs(args, out)
    P = lambda name: os.path.join(out, name)
    sizes = {k: size_of(P(k)) for k in ("typical.log", "one-line.log", "big.log", "big.d", "slice-grep.log",
                                        "slice-py.log", "slice-100.log")}
    batch = b"--batch" in subprocess.run([args.sshdiag, "--help"], capture_output=True).stdout
    report.append(f"patterns: {n['re2']} re2 (rg -f), {n['pcre']} pcre (Hyperscan, Python), {n['ere']} ere "
                  f"(grep -E); typical log {sizes['typical.log']} bytes, "
                  f"{sum(1 for _ in open(P('typical.log'), 'rb'))} lines")
    s = args.sshdiag

    # Do the peers do the same work? Lines hit on the grep slice.
    checks = [("rg -f", ["rg", "-c", "-f", P("patterns.re2"), P("slice-grep.log")]),
              ("grep -E -f", ["grep", "-E", "-c", "-f", P("patterns.ere"), P("slice-grep.log")]),
              ("Python re", ["python3", os.path.join(ROOT, "bench", "py_re_scan.py"), P("patterns.pcre"),
                             P("slice-grep.log")])]
    if hs_scan:
        checks.append(("Hyperscan", [hs_scan, P("patterns.pcre"), P("slice-grep.log")]))
    hits = [f"{name} {hit_count(cmd)}" for name, cmd in checks if have.get(cmd[0], True)]
    report.append("lines hit on the grep slice: " + ", ".join(hits))

    # 1. The typical log, whole process.
    log(f"bench: typical log, whole process (load {uptime()})")
    t = "typical.log"
    peers = [Peer("cat", ["cat", P(t)], t), Peer("wc -l", ["wc", "-l", P(t)], t)]
    if have["grep"]:
        peers.append(Peer("grep -E -f", ["grep", "-E", "-c", "-f", P("patterns.ere"), P(t)], t))
    if have["rg"] and not args.smoke:  # the slowest compile: not in a smoke run
        peers.append(Peer("rg -f", ["rg", "-c", "-f", P("patterns.re2"), P(t)], t, note="Unicode classes (its default)"))
    if have["rg"]:
        peers.append(Peer("rg --no-unicode -f", ["rg", "--no-unicode", "-c", "-f", P("patterns.re2"), P(t)], t,
                          note="bytes, as sshdiag matches"))
    if hs_scan:
        peers.append(Peer("Hyperscan", [hs_scan, P("patterns.pcre"), P(t)], t, note="mostly its compile"))
    peers.append(Peer("Python re", ["python3", os.path.join(ROOT, "bench", "py_re_scan.py"), P("patterns.pcre"),
                                    P(t)], t))
    peers.append(Peer("sshdiag", [s, P(t)], t, ok_codes=(0, 1, 3), note="text"))
    peers.append(Peer("sshdiag json", [s, "--format", "json", P(t)], t, ok_codes=(0, 1, 3)))
    peers.append(Peer("sshdiag one line", [s, P("one-line.log")], "one-line.log", ok_codes=(0, 1, 3),
                      note="start-up floor"))
    scaled = None
    if args.scale_signatures > 1:
        scaled, n_variants = scaled_signatures(out, args.scale_signatures)
        x = f"{args.scale_signatures}x"
        peers.append(Peer(f"sshdiag {x} signatures", [s, "--signatures", scaled, P(t)], t, ok_codes=(0, 1, 3),
                          note=f"{n_variants} generated variants added"))
    # Write the data cache for each signature layout timed (a run that writes it is a user's first only).
    for layers in ([], ["--signatures", scaled] if scaled else None):
        if layers is not None:
            subprocess.run([s, *layers, "--version"], stdout=subprocess.DEVNULL, check=True)
    if have["hyperfine"]:
        time_hyperfine(peers, args.typical_rounds, args.typical_runs, out)
    else:
        time_interleaved(peers, args.typical_rounds, args.typical_runs)
    report.append(table(f"One typical log ({sizes[t]} bytes), whole process", peers, "rg --no-unicode -f", sizes))
    typical_peers = peers

    # 2. Instruction counts (load-proof).
    if not args.no_callgrind and have["valgrind"]:
        log(f"bench: instruction counts (callgrind) (load {uptime()})")
        rows = ["### Instructions, whole process (callgrind, typical log)", "", "| peer | instructions |", "|---|---:|"]
        for name, cmd in (("cat", ["cat", P(t)]),
                          ("rg --no-unicode -f", ["rg", "--no-unicode", "-c", "-f", P("patterns.re2"), P(t)]),
                          ("sshdiag", [s, P(t)]), ("sshdiag one line", [s, P("one-line.log")])) + (
                          ((f"sshdiag {args.scale_signatures}x signatures", [s, "--signatures", scaled, P(t)]),)
                          if scaled else ()):
            if cmd[0] == "rg" and not have["rg"]:
                continue
            ir = callgrind_instructions(cmd, out)
            rows.append(f"| {name} | {ir:,} |" if ir else f"| {name} | ? |")
        report.append("\n".join(rows))

    # 3. The big input: throughput and memory.
    log(f"bench: big input {args.size_mb} MB (load {uptime()})")
    b = "big.log"
    peers = [Peer("cat", ["cat", P(b)], b), Peer("wc -l", ["wc", "-l", P(b)], b)]
    if have["rg"] and not args.smoke:
        peers.append(Peer("rg -f", ["rg", "-c", "-f", P("patterns.re2"), P(b)], b, note="Unicode classes (its default)"))
    if have["rg"]:
        peers.append(Peer("rg --no-unicode -f", ["rg", "--no-unicode", "-c", "-f", P("patterns.re2"), P(b)], b,
                          note="bytes, as sshdiag matches"))
        peers.append(Peer("rg --no-unicode -f dir", ["rg", "--no-unicode", "-c", "-f", P("patterns.re2"), P("big.d")],
                          "big.d", note="the directory of separate logs"))
    if hs_scan:
        peers.append(Peer("Hyperscan", [hs_scan, P("patterns.pcre"), P(b)], b, note="block mode, line by line"))
    if have["grep"]:
        g = Peer("grep -E -f", ["grep", "-E", "-c", "-f", P("patterns.ere"), P("slice-grep.log")], "slice-grep.log",
                 note=f"on a {args.slice_grep_mb:g} MB slice; ratio scaled")
        g.scale = sizes[b] / sizes["slice-grep.log"]
        peers.append(g)
    py = Peer("Python re", ["python3", os.path.join(ROOT, "bench", "py_re_scan.py"), P("patterns.pcre"),
                            P("slice-py.log")], "slice-py.log", note=f"on a {args.slice_py_mb:g} MB slice; ratio scaled")
    py.scale = sizes[b] / sizes["slice-py.log"]
    peers.append(py)
    peers.append(Peer("sshdiag", [s, "--format", "json", P(b)], b, ok_codes=(0, 1, 3), note="one stream"))
    if batch:
        peers.append(Peer(f"sshdiag --batch --jobs {args.jobs}", [s, "--batch", P("big.d"), "--jobs", str(args.jobs)],
                          "big.d", ok_codes=(0, 1, 3), note="JSON Lines, one record per log"))
        peers.append(Peer("sshdiag --batch --jobs 1", [s, "--batch", P("big.d"), "--jobs", "1"], "big.d",
                          ok_codes=(0, 1, 3)))
    peers.append(Peer(f"sshdiag {min(100, args.size_mb)} MB", [s, "--format", "json", P("slice-100.log")], "slice-100.log",
                      ok_codes=(0, 1, 3), note="peak RSS beside the big input's"))
    time_interleaved(peers, args.rounds, 1)
    report.append(table(f"Big input ({sizes[b] / MB:.0f} MB, {args.rounds} interleaved rounds)", peers,
                        "rg --no-unicode -f", sizes))
    big_peers = peers

    # 4. Micro-benchmarks.
    if micro and not args.no_micro:
        log(f"bench: micro-benchmarks (load {uptime()})")
        env = dict(os.environ, SSHDIAG_BENCH_LOG=P(t))
        cmd = [micro, "--benchmark_repetitions=" + ("1" if args.smoke else "5"),
               "--benchmark_report_aggregates_only=true"]
        if args.smoke:
            cmd.append("--benchmark_min_time=0.01")
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        rows = [l for l in r.stdout.splitlines() if l.startswith("BM_") and ("median" in l or args.smoke)]
        report.append("### Micro-benchmarks (Google Benchmark, typical log, median of 5)\n\n```\n" +
                      "\n".join(rows) + "\n```")

    report.append(f"load after: {uptime()}")
    if skipped:
        report.append("skipped: " + "; ".join(skipped))
    text = "\n\n".join(report)
    print(text)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text + "\n")
    results = {name: [{"peer": p.name, "median_s": statistics.median(p.walls), "runs": len(p.walls),
                       "cpu_median_s": statistics.median(p.cpu) if p.cpu else None,
                       "peak_rss_kib": max(p.rss) if p.rss else None, "input_bytes": sizes[p.input],
                       "scale": getattr(p, "scale", 1.0)} for p in peers]
               for name, peers in (("typical", typical_peers), ("big", big_peers))}
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
