"""Growth of standard graphs: cayley's backends side by side with CayleyPy (CPU) and GAP, in one run.

Usage: python benchmarks/bench_growth.py [--suite small|numpy|full-sn|general|gpu] [--backends numpy,numba]
       [--no-gap] [--cayleypy-device cpu|cuda] [--out benchmarks/results/growth_<suite>.md]

On a GPU machine: ``--suite gpu --backends cupy --cayleypy-device cuda --no-gap`` (both GPU engines
load their kernels with a short search of the same graph before the timed run).

Every engine's layer sizes are compared; a disagreement is reported and makes the script exit 1.
Every run of every engine on every case is a fresh subprocess (no engine shares a process, its thread
pools or its caches with another, and no run inherits another's memory placement); each engine gets
``--repeat`` runs per case, and the fastest run's wall seconds are reported with the CPU seconds of
that same run. The numba backend loads its compiled kernels before the timed run. Before every
timed run of a Python engine the garbage collector runs once: a full collection in a process that
loaded numba or torch takes 40-60 ms, and where one falls otherwise depends on what the process
allocated before. Ratios are peer time / cayley time: above 1 means cayley is faster.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import cayley  # noqa: E402
from _peers import PeerMissing, cayleypy_growth, cayleypy_version, gap_growth, gap_version, machine_info  # noqa: E402


def _heisenberg(m):
    x, y = [[1, 1, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    return cayley.CayleyGraph.from_matrices([x, y], m).make_inverse_closed()


def _coset(n):
    return cayley.groups.lrx(n).with_central_state([0] * (n // 2) + [1] * (n - n // 2))


SUITES = {
    "small": [("LRX(8)", lambda: cayley.groups.lrx(8)), ("pancake(8)", lambda: cayley.groups.pancake(8))],
    "numpy": [
        ("LRX(10)", lambda: cayley.groups.lrx(10)),
        ("pancake(10)", lambda: cayley.groups.pancake(10)),
        ("LRX coset n=24 (12+12)", lambda: _coset(24)),
    ],
    "full-sn": [
        ("LRX(11)", lambda: cayley.groups.lrx(11)),
        ("pancake(11)", lambda: cayley.groups.pancake(11)),
        ("coxeter(11)", lambda: cayley.groups.coxeter(11)),
        ("cyclic_coxeter(11)", lambda: cayley.groups.cyclic_coxeter(11)),
        ("top_spin(11)", lambda: cayley.groups.get("top_spin", n=11)),
    ],
    "general": [
        ("LRX coset n=28 (14+14)", lambda: _coset(28)),
        ("2x2x2 cube, corner fixed (HTM)", lambda: cayley.groups.get("cube", size=2, metric="HTM", fix_corner=True)),
        ("burnt_pancake(8)", lambda: cayley.groups.burnt_pancake(8)),
        ("Heisenberg UT(3) mod 160", lambda: _heisenberg(160)),
    ],
    "gpu": [
        ("LRX(11)", lambda: cayley.groups.lrx(11)),
        ("pancake(11)", lambda: cayley.groups.pancake(11)),
        ("LRX coset n=28 (14+14)", lambda: _coset(28)),
        ("2x2x2 cube, corner fixed (HTM)", lambda: cayley.groups.get("cube", size=2, metric="HTM", fix_corner=True)),
        ("burnt_pancake(8)", lambda: cayley.groups.burnt_pancake(8)),
        ("LRX coset n=30 (15+15)", lambda: _coset(30)),
        ("LRX(12)", lambda: cayley.groups.lrx(12)),
    ],
}


def run_cayley(graph, backend):
    if backend == "numba":  # load (or compile) every kernel the run may use, outside the timing
        from cayley.bfs.numba_backend import engine_for
        from cayley.bfs.rank_bfs import growth_rank

        for direction in ("top-down", "bottom-up"):
            growth_rank(cayley.groups.lrx(6), direction=direction, progress=False)
        if engine_for(graph) != "rank":
            cayley.growth(graph, backend="numba", max_diameter=1, progress=False)
    if backend == "cupy":  # CUDA context and kernels, outside the timing
        cayley.growth(graph, backend="cupy", max_diameter=3, progress=False)
    gc.collect()  # the process's pending garbage is collected before the timer, as for the peers
    wall, cpu = time.perf_counter(), time.process_time()
    result = cayley.growth(graph, backend=backend, progress=False)
    return result.layer_sizes, time.perf_counter() - wall, time.process_time() - cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", default="numpy", choices=sorted(SUITES))
    ap.add_argument("--backends", default="numpy")
    ap.add_argument("--no-gap", action="store_true")
    ap.add_argument("--no-cayleypy", action="store_true")
    ap.add_argument("--gap-timeout", type=int, default=900)
    ap.add_argument("--repeat", type=int, default=3, help="runs per engine and case; the fastest is reported")
    ap.add_argument("--out", default=None)
    ap.add_argument("--cayleypy-device", default="cpu", help="torch device for CayleyPy (cpu or cuda)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds one engine's process may take")
    ap.add_argument("--only", default=None, help="run only the cases whose label contains this text")
    ap.add_argument("--worker", nargs=2, metavar=("CASE", "ENGINE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return _worker(args)
    backends = [b for b in args.backends.split(",") if b]
    rows, notes, failed = [], [], False
    load_before = os.getloadavg()[0]
    for label, make in SUITES[args.suite]:
        if args.only and args.only not in label:
            continue
        try:
            graph = make()
        except ValueError as exc:
            notes.append(f"{label}: skipped ({exc})")
            continue
        times, cpu_times, reference = {}, {}, None
        engines = [f"cayley[{b}]" for b in backends]
        engines += [] if args.no_cayleypy else ["CayleyPy"]
        engines += [] if args.no_gap else ["GAP"]
        for name, outcome in _interleaved_runs(args, label, engines).items():
            if isinstance(outcome, PeerMissing):
                notes.append(f"{label}: {name} not run ({outcome})")
                continue
            if isinstance(outcome, Exception):  # a peer failing (timeout, memory) is reported, not fatal
                notes.append(f"{label}: {name} failed ({type(outcome).__name__}: {str(outcome)[:120]})")
                continue
            sizes, seconds, cpu_seconds = outcome
            if reference is None:
                reference = sizes
            elif sizes != reference:
                failed = True
                notes.append(f"{label}: {name} DISAGREES on layer sizes")
            times[name], cpu_times[name] = seconds, cpu_seconds
            print(f"{label:32s} {name:16s} {seconds:9.3f} s wall {cpu_seconds:9.3f} s CPU", file=sys.stderr, flush=True)
        rows.append((label, sum(reference or [0]), len(reference or [0]) - 1, times, cpu_times))
        _write(args, render(args, backends, rows, notes))  # what is done so far survives an interruption
    notes.append(f"load average (1 min) before -> after the run: {load_before:.1f} -> {os.getloadavg()[0]:.1f}")
    text = render(args, backends, rows, notes)
    _write(args, text)
    print(text)
    return 1 if failed else 0


def _write(args, text: str) -> None:
    out = Path(args.out or Path(__file__).parent / "results" / f"growth_{args.suite}.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)


def _runner(name: str, args):
    if name.startswith("cayley["):
        return lambda g: run_cayley(g, name[len("cayley["):-1])
    if name == "CayleyPy":
        return lambda g: cayleypy_growth(g, device=args.cayleypy_device)
    return lambda g: gap_growth(g, timeout=args.gap_timeout)


def _interleaved_runs(args, label: str, engines: list[str]) -> dict:
    """Per engine: (sizes, wall, CPU) of its fastest of ``args.repeat`` runs, or the exception that
    stopped it. Every run is a fresh Python process, and the engines take turns (one run each per
    round), so a slow spell of the machine falls on every engine instead of on all runs of one.

    Timings on a virtual machine vary more between processes (memory placement, host load) than
    between runs in one process, so every run gets its own process.
    """
    runs: dict = {name: [] for name in engines}
    stopped: dict = {}
    for _ in range(max(1, args.repeat)):
        for name in engines:
            if name in stopped:
                continue
            try:
                runs[name].append(_in_subprocess(args, label, name))
            except Exception as exc:  # noqa: BLE001  (reported per engine by the caller)
                stopped[name] = exc
    out: dict = {}
    for name in engines:
        try:
            out[name] = stopped[name] if name in stopped else _fastest(runs[name])
        except RuntimeError as exc:
            out[name] = exc
    return out


def _in_subprocess(args, label: str, name: str):
    """Run one engine on one case once in a fresh Python process; (sizes, wall, CPU)."""
    cmd = [sys.executable, __file__, "--worker", label, name, "--suite", args.suite, "--repeat", "1",
           "--gap-timeout", str(args.gap_timeout), "--cayleypy-device", args.cayleypy_device]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise RuntimeError((out.stderr.strip().splitlines() or ["no output"])[-1])
    reply = json.loads(lines[-1])
    if "missing" in reply:
        raise PeerMissing(reply["missing"])
    return reply["sizes"], reply["wall"], reply["cpu"]


def _worker(args) -> int:
    label, name = args.worker
    graph = dict(SUITES[args.suite])[label]()
    try:
        sizes, wall, cpu = _fastest_run(_runner(name, args), graph, args.repeat)
    except PeerMissing as exc:
        print(json.dumps({"missing": str(exc)}))
        return 0
    print(json.dumps({"sizes": [int(x) for x in sizes], "wall": wall, "cpu": cpu}))
    return 0


def _fastest_run(runner, graph, repeat: int):
    """(layer sizes, wall s, CPU s) of the fastest of ``repeat`` runs."""
    return _fastest([runner(graph) for _ in range(max(1, repeat))])


def _fastest(runs):
    """The fastest of ``runs`` ((layer sizes, wall s, CPU s) each); RuntimeError when their layer
    sizes differ."""
    if any(r[0] != runs[0][0] for r in runs):
        raise RuntimeError("layer sizes differ between repeated runs")
    return min(runs, key=lambda r: r[1])


def render(args, backends, rows, notes) -> str:
    peers = [p for p in ("CayleyPy", "GAP") if any(p in r[3] for r in rows)]
    lines = [
        f"# Growth benchmark, suite `{args.suite}`",
        "",
        f"Run {datetime.date.today()} on {machine_info()}; CayleyPy {cayleypy_version() or 'not installed'}, "
        f"GAP {gap_version() or 'not installed'}. Each run of each engine in a fresh process, fastest of {args.repeat} run(s), the engines taking turns. Wall seconds, and CPU seconds (all "
        "threads of the process; GAP: its own Runtime(), start-up excluded). Ratios are peer / cayley: above 1 "
        "means cayley is faster. All engines' layer sizes agree unless noted."
        + (f" CayleyPy ran on torch device `{args.cayleypy_device}`." if args.cayleypy_device != "cpu" else ""),
        "",
    ]
    for title, column in (("Wall time", 3), ("CPU time", 4)):
        head = ["case", "states", "diameter"] + [f"cayley[{b}] s" for b in backends]
        for p in peers:
            head += [f"{p} s"] + [f"{p} / cayley[{b}]" for b in backends]
        lines += [f"## {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for row in rows:
            label, states, diameter, times = row[0], row[1], row[2], row[column]
            cells = [label, f"{states:,}", str(diameter)]
            cells += [_fmt(times.get(f"cayley[{b}]")) for b in backends]
            for p in peers:
                cells.append(_fmt(times.get(p)))
                for b in backends:
                    mine, theirs = times.get(f"cayley[{b}]"), times.get(p)
                    cells.append(f"{theirs / mine:.1f}x" if mine and theirs else "-")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    if notes:
        lines += ["Notes:", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def _fmt(seconds):
    return "-" if seconds is None else f"{seconds:.3f}"


if __name__ == "__main__":
    sys.exit(main())
