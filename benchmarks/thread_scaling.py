"""Wall and CPU seconds of the numba engines against the number of worker threads (one process).

Usage: python benchmarks/thread_scaling.py [--threads 1,2,4,8,16] [--out FILE]

Cases: LRX(11) and LRX(12) on the rank engine, the LRX coset n = 28 (14 + 14) on the key engine. Each
is run once untimed (kernels loaded), then timed at every thread count, fastest of ``--repeat``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import cayley  # noqa: E402
from _peers import machine_info  # noqa: E402
from cayley.bfs.key_bfs import growth_keys  # noqa: E402
from cayley.bfs.rank_bfs import growth_rank  # noqa: E402

CASES = [
    ("LRX(11)", lambda: cayley.groups.lrx(11), growth_rank),
    ("LRX(12)", lambda: cayley.groups.lrx(12), growth_rank),
    ("LRX coset n=28 (14+14)", lambda: cayley.groups.lrx(28).with_central_state([0] * 14 + [1] * 14), growth_keys),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", default=",".join(str(t) for t in (1, 2, 4, 8, 16) if t <= (os.cpu_count() or 1)))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    threads = [int(t) for t in args.threads.split(",")]
    lines = [f"# Thread scaling of the numba engines", "", f"Run on {machine_info()}; fastest of {args.repeat}.", "",
             "| case | threads | wall s | CPU s | speed-up over 1 thread |", "|---|---|---|---|---|"]
    for label, make, engine in CASES:
        graph = make()
        engine(graph, progress=False, max_diameter=2)
        base = None
        for w in threads:
            runs = []
            for _ in range(args.repeat):
                wall, cpu = time.perf_counter(), time.process_time()
                engine(graph, progress=False, workers=w)
                runs.append((time.perf_counter() - wall, time.process_time() - cpu))
            wall, cpu = min(runs)
            base = base or wall
            lines.append(f"| {label} | {w} | {wall:.3f} | {cpu:.3f} | {base / wall:.2f}x |")
            print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
