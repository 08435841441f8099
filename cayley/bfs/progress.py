"""Per-layer progress reports on stderr (or to a callback)."""

from __future__ import annotations

import sys
import time

__all__ = ["Progress"]


class Progress:
    """Report finished BFS layers.

    ``enabled``: True prints every layer, False nothing, None (default) starts printing once the run
    has lasted ``min_seconds``; a callable receives one dict per layer instead of printing.
    """

    def __init__(self, enabled=None, stream=None, min_seconds: float = 2.0, label: str = "bfs"):
        self.callback = enabled if callable(enabled) else None
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.min_seconds = min_seconds
        self.label = label
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def layer(self, distance: int, size: int, total: int, memory_bytes: int | None = None) -> None:
        elapsed = self.elapsed()
        info = {"distance": distance, "size": size, "total": total, "elapsed": elapsed, "memory": memory_bytes}
        if self.callback is not None:
            self.callback(info)
            return
        if self.enabled is False or (self.enabled is None and elapsed < self.min_seconds):
            return
        rate = total / elapsed if elapsed > 0 else float("inf")
        mem = f", {memory_bytes / 2**20:,.0f} MiB" if memory_bytes else ""
        print(
            f"[{self.label}] layer {distance}: {size:,} states (total {total:,}, "
            f"{rate:,.0f} states/s, {elapsed:,.1f} s{mem})",
            file=self.stream,
            flush=True,
        )
