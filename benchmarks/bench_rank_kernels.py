"""The rank-bitset engine (``backend="numba"`` on full S_n) by itself: compile time, speed, memory.

Usage: python benchmarks/bench_rank_kernels.py [--cases lrx:11,pancake:11,...] [--big] [--lrx13]
       [--out benchmarks/results/rank_kernels.md]

Each case runs in a fresh subprocess (so its peak RSS is its own) after a warm-up that loads the
compiled kernels from numba's cache; cases below 1e9 states run ``--repeat`` times (the fastest is reported). Reported per case: wall and CPU seconds of the growth call,
states per wall second, the engine's bytes per state (codes + per-block tables, as estimated before
allocating) and the process's peak RSS. Compile time is measured separately, in a subprocess with an
empty numba cache, followed by a second subprocess that only loads the cache.

The machine may be shared: the load average before and after each case is recorded, and CPU seconds
(both threads) are the number to compare across runs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from math import factorial
from pathlib import Path

DEFAULT_CASES = "lrx:11,pancake:11,coxeter:11,cyclic_coxeter:11,top_spin:11,lx:11"

_CASE = r"""
import gc, json, os, resource, sys, time
import cayley
from cayley.bfs.rank_bfs import growth_rank
family, n, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
graph = getattr(cayley.groups, family)(n)
growth_rank(getattr(cayley.groups, family)(6), progress=False)   # load the compiled kernels
growth_rank(getattr(cayley.groups, family)(6), progress=False, direction="bottom-up")
base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
load = os.getloadavg()[0]
runs = []
for _ in range(repeat):
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    r = growth_rank(graph, progress=False)
    runs.append((time.perf_counter() - wall, time.process_time() - cpu))
wall, cpu = min(runs)
print(json.dumps({
    "states": r.num_states, "diameter": r.diameter, "wall": wall, "cpu": cpu,
    "bytes_per_state": r.info["bytes_per_state"], "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "base_rss": base_rss, "load_before": load, "load_after": os.getloadavg()[0],
    "bottom_up_layers": r.info["directions"].count("bottom-up"), "layout": r.info["layout"],
}))
"""

_COMPILE = r"""
import time
t = time.perf_counter()
import cayley
from cayley.bfs.rank_bfs import growth_rank
t1 = time.perf_counter()
growth_rank(cayley.groups.lrx(6), progress=False)
growth_rank(cayley.groups.lrx(6), progress=False, direction="bottom-up")
print(time.perf_counter() - t1, t1 - t)
"""


def _python(code: str, *args, env=None) -> str:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip().splitlines()[-1]


def compile_times() -> tuple[float, float, float]:
    """(cold compile s, cached load s, import s) of the rank kernels."""
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache)
        cold = float(_python(_COMPILE, env=env).split()[0])
        warm, imp = map(float, _python(_COMPILE, env=env).split())
    return cold, warm, imp


def run_case(family: str, n: int, repeat: int) -> dict:
    return json.loads(_python(_CASE, family, str(n), str(repeat)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=DEFAULT_CASES, help="comma-separated family:n")
    ap.add_argument("--big", action="store_true", help="also LRX(12)")
    ap.add_argument("--lrx13", action="store_true", help="also LRX(13) (about 1.6 GB, minutes)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per case below 1e9 states (the fastest is reported)")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "rank_kernels.md"))
    args = ap.parse_args(argv)
    cases = [(c.split(":")[0], int(c.split(":")[1])) for c in args.cases.split(",") if c]
    cases += [("lrx", 12)] * args.big + [("lrx", 13)] * args.lrx13

    cold, warm, imp = compile_times()
    lines = [
        "# Rank-bitset engine (numba backend, full S_n)",
        "",
        f"Run {datetime.date.today()} on {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}. "
        f"Each case in a fresh process after loading the compiled kernels: the fastest of {args.repeat} runs "
        "(one run from 1e9 states up). CPU s counts both "
        "threads; the load average (1 min, before -> after) shows how busy the shared machine was.",
        "",
        f"Compile time with an empty numba cache: {cold:.1f} s; loading the cache in a new process: "
        f"{warm:.2f} s (after {imp:.2f} s of imports).",
        "",
        "| case | states | diameter | wall s | CPU s | states / wall s | bytes / state | peak RSS | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for family, n in cases:
        r = run_case(family, n, args.repeat if factorial(n) < 10**9 else 1)
        rate = r["states"] / r["wall"]
        lines.append(
            f"| {family}({n}) | {r['states']:,} | {r['diameter']} | {r['wall']:.2f} | {r['cpu']:.2f} | "
            f"{rate / 1e6:,.1f} M | {r['bytes_per_state']:.3f} | {r['peak_rss'] / 2**20:,.0f} MiB | "
            f"{r['load_before']:.1f} -> {r['load_after']:.1f} |"
        )
        print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
