"""Path-finding quality and speed: beam search vs constructive baselines and vs exact distances.

Writes ``benchmarks/results/paths.md``. Every path is replayed and checked. Run:

    python benchmarks/bench_paths.py            # a few minutes on 2 cores
    python benchmarks/bench_paths.py --quick    # smaller sizes, for a smoke test

Tables:

* pancake(n), n = 40..100: beam search with the gap heuristic; mean length divided by the mean gap
  lower bound (target <= 1.1), against the simple 2n-3 flips algorithm;
* LRX(n), n = 16..32: beam search with the cyclic-inversion heuristic; mean length against the
  diameter n(n-1)/2 and a bubble-sort-like constructive baseline;
* pancake(9), LRX(9): beam lengths against the exact distances (``method="bfs"``);
* pancake(40) with ``find_path`` defaults (``auto``), the time a user waits.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

import cayley
from cayley.paths import find_path, random_states, reaches_center
from cayley.paths.constructive import lrx_bubble_path, pancake_sort_path
from cayley.paths.heuristics import gap

RESULTS = Path(__file__).resolve().parent / "results" / "paths.md"


def _timed(func, *args, **kwargs):
    t0 = time.perf_counter()
    out = func(*args, **kwargs)
    return out, time.perf_counter() - t0


def _solve_all(graph, states, solver, **kwargs):
    """Lengths and times of ``solver(graph, state, **kwargs)``, every path checked."""
    lengths, times = [], []
    for s in states:
        path, seconds = _timed(solver, graph, s, **kwargs)
        if not reaches_center(graph, s, path):
            raise RuntimeError(f"{solver.__name__} returned an invalid path")
        lengths.append(len(path))
        times.append(seconds)
    return np.array(lengths), np.array(times)


def bench_pancake(sizes, instances, width, seed):
    rows = []
    for n in sizes:
        g = cayley.groups.pancake(n)
        states = random_states(g, instances, seed=seed)
        lower = gap(states.astype(np.uint8), np.arange(n)).astype(float)
        beam, beam_t = _solve_all(g, states, find_path, method="beam", beam_width=width)
        base, base_t = _solve_all(g, states, pancake_sort_path)
        rows.append([
            n, instances, width, f"{beam.mean():.1f}", f"{lower.mean():.1f}", f"{beam.mean() / lower.mean():.3f}",
            f"{(beam / lower).max():.3f}", f"{base.mean():.1f}", f"{base.mean() / lower.mean():.3f}",
            f"{beam_t.mean():.2f}", f"{base_t.mean() * 1000:.1f}",
        ])
        print(f"pancake({n}): beam {beam.mean():.1f} / gap {lower.mean():.1f}, {beam_t.mean():.2f} s", flush=True)
    head = ["n", "instances", "beam width", "beam mean length", "gap lower bound (mean)", "beam / bound",
            "worst beam / bound", "2n-3 algorithm mean", "2n-3 / bound", "beam s / instance", "2n-3 ms / instance"]
    return head, rows


def bench_lrx(sizes, instances, width, seed):
    rows = []
    for n in sizes:
        g = cayley.groups.lrx(n)
        states = random_states(g, instances, seed=seed)
        beam, beam_t = _solve_all(g, states, find_path, method="beam", beam_width=width)
        base, base_t = _solve_all(g, states, lrx_bubble_path)
        diam = n * (n - 1) // 2
        rows.append([
            n, instances, width, f"{beam.mean():.1f}", diam, f"{beam.mean() / diam:.3f}", f"{base.mean():.1f}",
            f"{base.mean() / diam:.3f}", f"{beam.mean() / base.mean():.3f}", f"{beam_t.mean():.2f}",
            f"{base_t.mean() * 1000:.1f}",
        ])
        print(f"LRX({n}): beam {beam.mean():.1f} vs n(n-1)/2 = {diam}, {beam_t.mean():.2f} s", flush=True)
    head = ["n", "instances", "beam width", "beam mean length", "n(n-1)/2", "beam / n(n-1)/2",
            "bubble baseline mean", "bubble / n(n-1)/2", "beam / bubble", "beam s / instance",
            "bubble ms / instance"]
    return head, rows


def bench_exact(n, instances, width, seed):
    rows = []
    for name in ("pancake", "lrx"):
        g = getattr(cayley.groups, name)(n)
        states = random_states(g, instances, seed=seed)
        _, layers_t = _timed(find_path, g, states[0], method="bfs")
        exact, exact_t = _solve_all(g, states, find_path, method="bfs")
        beam, beam_t = _solve_all(g, states, find_path, method="beam", beam_width=width)
        rows.append([
            f"{name}({n})", instances, width, f"{exact.mean():.2f}", f"{beam.mean():.2f}",
            f"{beam.mean() / exact.mean():.3f}", f"{int((beam == exact).sum())}/{instances}",
            f"{layers_t:.2f}", f"{exact_t.mean() * 1000:.1f}", f"{beam_t.mean():.3f}",
        ])
        print(f"{name}({n}): exact {exact.mean():.2f}, beam {beam.mean():.2f}", flush=True)
    head = ["graph", "instances", "beam width", "exact mean (bfs)", "beam mean", "beam / exact",
            "beam optimal", "first bfs call s (layers)", "bfs ms / later call", "beam s / instance"]
    return head, rows


def bench_auto_pancake40(instances, seed):
    g = cayley.groups.pancake(40)
    states = random_states(g, instances, seed=seed + 1)
    lengths, times = [], []
    for s in states:
        found, seconds = _timed(cayley.paths.find.solve, g, s)
        if not reaches_center(g, s, found.path):
            raise RuntimeError("auto returned an invalid path")
        lengths.append(found.length)
        times.append(seconds)
    print(f"pancake(40) auto: max {max(times):.2f} s", flush=True)
    head = ["graph", "instances", "method chosen", "mean length", "mean s", "max s", "under a minute"]
    return head, [["pancake(40)", instances, found.method, f"{np.mean(lengths):.1f}", f"{np.mean(times):.2f}",
                   f"{max(times):.2f}", "yes" if max(times) < 60 else "NO"]]


def _table(head, rows) -> str:
    lines = ["| " + " | ".join(str(h) for h in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few instances")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    if args.quick:
        pancake_sizes, lrx_sizes, inst, exact_n = (40, 60), (16, 20), 2, 8
    else:
        pancake_sizes, lrx_sizes, inst, exact_n = (40, 60, 80, 100), (16, 20, 24, 28, 32), 4, 9
    t0 = time.perf_counter()
    sections = [
        ("Pancake: beam search (gap heuristic) vs the 2n-3 flips algorithm",
         bench_pancake(pancake_sizes, inst, 1000, args.seed)),
        ("LRX: beam search (cyclic-inversion heuristic) vs bubble sort on a circle",
         bench_lrx(lrx_sizes, inst, 1000, args.seed)),
        (f"Beam search against exact distances (n = {exact_n})", bench_exact(exact_n, 3 * inst, 1000, args.seed)),
        ("pancake(40) with find_path defaults", bench_auto_pancake40(inst, args.seed)),
    ]
    total = time.perf_counter() - t0
    text = [
        "# Path finding: beam search vs constructive baselines",
        "",
        f"Generated by `python benchmarks/bench_paths.py{' --quick' if args.quick else ''}` on {date.today()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs (shared), Python "
        f"{platform.python_version()}, numpy {np.__version__}; total {total:.0f} s.",
        "States are uniform random permutations (`cayley.paths.random_states`, seed "
        f"{args.seed}); every path was replayed and checked. Times are wall-clock per instance, single thread.",
        "The gap lower bound counts adjacent pairs that are not consecutive plus a misplaced bottom pancake;",
        "each flip changes one adjacency, so no path is shorter.",
    ]
    for title, (head, rows) in sections:
        text += ["", f"## {title}", "", _table(head, rows)]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(text) + "\n")
    print(f"wrote {args.out} in {total:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
