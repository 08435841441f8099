"""The front door for path finding: :func:`find_path` (names) and :func:`solve` (names + method used).

Methods:

* ``"bfs"``: shortest path restored from the BFS layers of the whole graph (computed once per
  graph and cached); for graphs of up to a few million states.
* ``"mitm"``: shortest path by bidirectional meet-in-the-middle search from the state and from the
  central state; for graphs too large to store whole but with a moderate distance.
* ``"beam"``: beam search with a heuristic; for large graphs, short but not always shortest paths.
* ``"auto"``: ``bfs`` when the graph has at most ``BFS_LIMIT`` states, else ``mitm`` while both halves
  stay under ``MITM_LIMIT`` states, else ``beam``.

Every path is checked by replaying it before it is returned.

Example
-------
>>> import cayley
>>> g = cayley.groups.pancake(6)
>>> find_path(g, [2, 1, 0, 3, 4, 5])
['P3']
>>> solve(g, [2, 1, 0, 3, 4, 5], method="mitm").method
'mitm'
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..errors import MemoryBudgetError
from ..graph import CayleyGraph
from .beam import beam_search
from .exact import bfs_path, mitm_path
from .moves import flat_state, validate_path

__all__ = ["find_path", "solve", "Solution", "METHODS", "BFS_LIMIT", "MITM_LIMIT"]

METHODS = ("auto", "bfs", "mitm", "beam")
BFS_LIMIT = 1_000_000
MITM_LIMIT = 1_000_000


@dataclass(frozen=True)
class Solution:
    """A validated path, the method that found it, whether it is a shortest path, and the wall time."""

    path: list
    method: str
    optimal: bool
    elapsed: float

    @property
    def length(self) -> int:
        return len(self.path)


def solve(graph, state, method: str = "auto", *, beam_width: int = 1000, heuristic=None,
          max_steps: int | None = None, seed: int = 0, memory_budget=None,
          max_states: int | None = None) -> Solution:
    """Find a path from ``state`` to the central state; see :func:`find_path` for the parameters."""
    if not isinstance(graph, CayleyGraph):
        raise ValueError(f"find_path needs a CayleyGraph, got {type(graph).__name__}")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from: {', '.join(METHODS)}")
    start = flat_state(graph, state)
    t0 = time.perf_counter()
    beam_options = {"beam_width": beam_width, "heuristic": heuristic, "max_steps": max_steps, "seed": seed}
    if method == "auto":
        method, indices = _auto(graph, start, memory_budget, max_states, beam_options)
    elif method == "bfs":
        indices = bfs_path(graph, start, memory_budget)
    elif method == "mitm":
        indices = mitm_path(graph, start, max_states=max_states, memory_budget=memory_budget)
    else:
        indices = beam_search(graph, start, **beam_options)
    names = _validated(graph, start, indices, method)
    return Solution(names, method, method != "beam", time.perf_counter() - t0)


def find_path(graph, state, method: str = "auto", *, beam_width: int = 1000, heuristic=None,
              max_steps: int | None = None, seed: int = 0, memory_budget=None,
              max_states: int | None = None) -> list[str]:
    """Generator names that, applied in order to ``state``, reach the central state.

    Parameters
    ----------
    method:
        ``"auto"``, ``"bfs"``, ``"mitm"`` (both exact: shortest paths) or ``"beam"``.
    beam_width, heuristic, max_steps, seed:
        Beam search options: states kept per step; ``None`` (best built-in for the family), a name
        from :data:`cayley.paths.HEURISTICS` or a function ``h(states, goal) -> scores``; step limit;
        seed of the tie-breaking.
    memory_budget, max_states:
        Bounds of the exact methods (bytes or a fraction of free memory; states stored by ``mitm``).

    A state that cannot reach the central state, an unknown method and a search over its budget
    raise ``ValueError``.

    >>> import cayley
    >>> find_path(cayley.groups.lrx(4), [1, 0, 2, 3])
    ['X']
    """
    return solve(graph, state, method, beam_width=beam_width, heuristic=heuristic, max_steps=max_steps,
                 seed=seed, memory_budget=memory_budget, max_states=max_states).path


def _auto(graph, start, memory_budget, max_states, beam_options):
    bound = graph.orbit_bound()
    if bound is not None and bound <= BFS_LIMIT:
        try:
            return "bfs", bfs_path(graph, start, memory_budget)
        except MemoryBudgetError:
            pass
    try:
        limit = MITM_LIMIT if max_states is None else max_states
        return "mitm", mitm_path(graph, start, max_states=limit, memory_budget=memory_budget)
    except MemoryBudgetError:
        return "beam", beam_search(graph, start, **beam_options)


def _validated(graph, start: np.ndarray, indices, method: str) -> list[str]:
    try:
        return validate_path(graph, start.reshape(graph.central_state.shape), indices)
    except ValueError as exc:
        raise RuntimeError(f"method {method!r} returned an invalid path: {exc}") from exc
