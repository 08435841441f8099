"""One large growth computation (e.g. LRX(14), 8.7e10 states) with checkpoints, recorded as a result file.

Usage: python benchmarks/big_growth.py lrx 14 --checkpoint DIR [--memory-budget 0.92] [--store]
       [--out benchmarks/results/lrx14.md]

The run persists its layers in ``DIR`` (see :mod:`cayley.bfs.checkpoint`); killed at any moment and
started again with the same arguments it resumes from the last saved layer. Every process that works
on the run appends a *segment* (start, end, layers before and after, wall and CPU seconds, peak RSS)
to ``DIR/segments.json``, so the total time of a run that spanned several processes is the sum of its
segments. When the search is complete the result file lists the growth function, the diameter, the
last layer, the time, states per second and bytes per state; ``--store`` also adds the result to
the growth store (``datasets/growth``) for the conjecture checks.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

import cayley
from cayley import store


def _segments(directory: Path) -> list:
    path = directory / "segments.json"
    return json.loads(path.read_text()) if path.exists() else []


def _save_segments(directory: Path, segments: list) -> None:
    tmp = directory / "segments.json.tmp"
    tmp.write_text(json.dumps(segments, indent=1))
    os.replace(tmp, directory / "segments.json")


def _layers_saved(directory: Path) -> int:
    meta = directory / "meta.json"
    if not meta.exists():
        return 0
    return len(json.loads(meta.read_text()).get("layer_sizes", [])) - 1


def _report(family, n, result, segments, budget) -> str:
    wall = sum(s["wall"] for s in segments)
    cpu = sum(s["cpu"] for s in segments)
    rss = max(s["peak_rss"] for s in segments)
    states = result.num_states
    last = np.asarray(result.last_layer)
    lines = [
        f"# Growth of {family}({n}) in one run",
        "",
        f"Computed {datetime.date.today()} with cayley {cayley.__version__} (`backend=\"numba\"`, engine "
        f"`{result.info.get('engine', '?')}`, layout `{result.info.get('layout', '?')}`) on {os.cpu_count()} CPU "
        f"cores with {_total_memory() / 2**30:.1f} GiB of RAM; memory budget {budget}.",
        "",
        f"- states: {states:,} ({'complete' if result.complete else 'stopped early'})",
        f"- diameter: {result.diameter}",
        f"- last layer: {len(last):,} state(s): " + "; ".join("[" + ", ".join(map(str, r)) + "]" for r in last[:4]),
        f"- wall time: {wall:,.0f} s ({wall / 60:.1f} min) over {len(segments)} process(es); CPU time {cpu:,.0f} s",
        f"- rate: {states / wall / 1e6:,.1f} M states per wall second",
        f"- memory: {result.info.get('bytes_per_state', float('nan')):.3f} bytes per state allocated "
        f"(estimated before allocating); peak RSS {rss / 2**30:.2f} GiB",
        "",
        "Segments (a process each; a resumed one starts from the last saved layer):",
        "",
        "| start (UTC) | layers before -> after | wall s | CPU s | peak RSS GiB |",
        "|---|---|---|---|---|",
    ]
    for s in segments:
        lines.append(f"| {s['start']} | {s['layers_before']} -> {s['layers_after']} | {s['wall']:.0f} | "
                     f"{s['cpu']:.0f} | {s['peak_rss'] / 2**30:.2f} |")
    lines += ["", "| distance | states |", "|---|---|"]
    lines += [f"| {d} | {c:,} |" for d, c in enumerate(result.layer_sizes)]
    return "\n".join(lines) + "\n"


def _total_memory() -> int:
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("family")
    ap.add_argument("n", type=int)
    ap.add_argument("--checkpoint", required=True, help="checkpoint directory (resumed when it holds layers)")
    ap.add_argument("--memory-budget", type=float, default=0.92, help="fraction of available memory, or bytes")
    ap.add_argument("--store", action="store_true", help="add the finished result to the growth store")
    ap.add_argument("--out", default=None, help="result file (default benchmarks/results/<family><n>.md)")
    args = ap.parse_args(argv)
    budget = int(args.memory_budget) if args.memory_budget > 1 else args.memory_budget
    directory = Path(args.checkpoint)
    directory.mkdir(parents=True, exist_ok=True)
    graph = store.build_graph(args.family, args.n)

    segments = _segments(directory)
    before = _layers_saved(directory)
    start = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    wall, cpu = time.perf_counter(), time.process_time()
    result = cayley.growth(graph, backend="numba", checkpoint_dir=directory, memory_budget=budget, progress=True)
    segments.append({
        "start": start, "layers_before": before, "layers_after": len(result.layer_sizes) - 1,
        "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    })
    _save_segments(directory, segments)
    text = _report(args.family, args.n, result, segments, args.memory_budget)
    out = Path(args.out or Path(__file__).parent / "results" / f"{args.family}{args.n}.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print(text)
    if args.store and result.complete:
        store.save(args.family, args.n, result, graph)  # its wall_time is this process's share
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
