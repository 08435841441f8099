"""The growth engine: one front door, :func:`growth`, choosing among registered backends.

A backend is a function ``run(graph, **options) -> GrowthResult`` plus a predicate telling whether it
can handle a graph with the given options. ``backend="auto"`` picks the available backend of highest
priority that supports the request. Every backend returns identical ``layer_sizes``.
"""

from __future__ import annotations

import os

# Idle OpenMP threads of the numba kernels must sleep, not spin, or they starve the busy ones on a
# shared or small machine. numba reads this once, when its thread pool starts.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from dataclasses import dataclass  # noqa: E402
from typing import Callable

from ..graph import CayleyGraph
from ..result import GrowthResult
from .progress import Progress
from .xp_engine import growth_xp

__all__ = ["growth", "register_backend", "backends", "Backend"]


@dataclass(frozen=True)
class Backend:
    name: str
    run: Callable[..., GrowthResult]
    supports: Callable[[CayleyGraph, dict], bool]
    available: Callable[[], bool]
    priority: int | Callable[[CayleyGraph, dict], int] = 0

    def rank(self, graph: CayleyGraph, options: dict) -> int:
        """How strongly ``backend="auto"`` prefers this backend for this request."""
        return self.priority(graph, options) if callable(self.priority) else self.priority


_BACKENDS: dict[str, Backend] = {}


def register_backend(name, run, supports=None, available=None, priority=0) -> None:
    """Make ``growth(..., backend=name)`` call ``run(graph, **options)``.

    ``priority``: a number, or a function ``(graph, options) -> number``; ``backend="auto"`` runs the
    available backend of highest priority that supports the request."""
    _BACKENDS[name] = Backend(
        name, run, supports or (lambda graph, options: True), available or (lambda: True), priority
    )


def backends() -> list[str]:
    """Names of the registered backends that can run on this machine."""
    return [b.name for b in _BACKENDS.values() if b.available()]


def _numpy_run(graph, **options):
    options.pop("checkpoint_dir", None)
    workers = min(os.cpu_count() or 1, 8)
    return growth_xp(graph, backend_name="numpy", workers=workers, **options)


def _cupy_available() -> bool:
    try:
        import cupy

        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


def _cupy_run(graph, **options):
    import cupy

    options.pop("checkpoint_dir", None)
    return growth_xp(graph, xp=cupy, backend_name="cupy", **options)


register_backend("numpy", _numpy_run, supports=lambda g, o: o.get("checkpoint_dir") is None, priority=0)
GPU_FROM_STATES = 1 << 24  # auto runs graphs of at least this orbit bound on a GPU (when there is one)


def _cupy_priority(graph, options) -> int:
    """Above the numba backend's 10 for large graphs: on one H100 the CuPy backend ran the full S_11
    graphs, LRX(12) and the LRX cosets n = 28, 30 1.4x-2.8x faster than the numba backend on that
    machine's 16 cores (``benchmarks/results/growth_gpu_with_numba.md``); below it for small graphs,
    which would mostly pay for starting the GPU."""
    bound = graph.orbit_bound()
    return 20 if bound is not None and bound >= GPU_FROM_STATES else 5


register_backend(
    "cupy", _cupy_run, supports=lambda g, o: o.get("checkpoint_dir") is None, available=_cupy_available,
    priority=_cupy_priority,
)


def _check_options(max_diameter) -> None:
    if max_diameter is not None and (
        isinstance(max_diameter, bool) or not isinstance(max_diameter, int) or max_diameter < 0
    ):
        raise ValueError(f"max_diameter must be a non-negative integer or None, got {max_diameter!r}")


def growth(
    graph: CayleyGraph,
    backend: str = "auto",
    max_diameter: int | None = None,
    progress=None,
    *,
    memory_budget=None,
    checkpoint_dir=None,
    keep_layers: bool = False,
) -> GrowthResult:
    """Number of states at each distance from the central state of ``graph``.

    Parameters
    ----------
    backend:
        ``"auto"`` (fastest correct engine available), ``"numpy"``, ``"numba"``, ``"cupy"``, ...
    max_diameter:
        Stop after this many layers (the result then has ``complete=False``).
    progress:
        None: per-layer lines on stderr once a run lasts a few seconds; True / False: always / never;
        a callable receives one dict per layer.
    memory_budget:
        Bytes, or a fraction of available memory (default 0.6). Over budget raises
        :class:`cayley.MemoryBudgetError` before allocating.
    checkpoint_dir:
        Persist each finished layer there and resume from it (backends that support it).
    keep_layers:
        Keep every layer (packed) in the result, for path restoration.

    Example
    -------
    >>> import cayley
    >>> r = cayley.growth(cayley.groups.lrx(5))
    >>> r.diameter, r.num_states
    (10, 120)
    """
    if not isinstance(graph, CayleyGraph):
        raise ValueError(f"growth() needs a CayleyGraph, got {type(graph).__name__}")
    _check_options(max_diameter)
    options = {
        "max_diameter": max_diameter,
        "progress": progress,
        "memory_budget": memory_budget,
        "keep_layers": keep_layers,
    }
    if checkpoint_dir is not None:
        options["checkpoint_dir"] = checkpoint_dir
    chosen = _choose(backend, graph, options)
    return chosen.run(graph, **options)


def _choose(name: str, graph: CayleyGraph, options: dict) -> Backend:
    if name == "auto":
        candidates = [b for b in _BACKENDS.values() if b.available() and b.supports(graph, options)]
        if not candidates:
            raise ValueError("no available backend supports this graph with these options")
        return max(candidates, key=lambda b: b.rank(graph, options))
    if name not in _BACKENDS:
        raise ValueError(f"unknown backend {name!r}; choose from: auto, {', '.join(sorted(_BACKENDS))}")
    chosen = _BACKENDS[name]
    if not chosen.available():
        raise ValueError(f"backend {name!r} is not available on this machine")
    if not chosen.supports(graph, options):
        raise ValueError(f"backend {name!r} does not support this graph with these options")
    return chosen


__all__ += ["Progress"]

from . import numba_backend  # noqa: E402,F401  (registers the "numba" backend)
