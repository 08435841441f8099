"""Beam search towards the central state, guided by a pluggable heuristic.

Each step expands every state of the beam by every move, stops if the goal is among the
neighbours, and otherwise keeps the ``beam_width`` best-scored neighbours not seen before (ties
broken by a seeded random key, so runs are reproducible). Parent pointers of every step give the
path back. Paths are short but not always shortest.

Values are relabelled before the search so that the goal of a permutation graph is ``0..n-1``
(moves act on positions, so relabelling values commutes with them).

Example
-------
>>> import cayley
>>> g = cayley.groups.pancake(12)
>>> path = beam_search(g, [11, 3, 5, 0, 1, 9, 2, 8, 4, 10, 7, 6], beam_width=200)
>>> from cayley.paths.moves import reaches_center
>>> reaches_center(g, [11, 3, 5, 0, 1, 9, 2, 8, 4, 10, 7, 6], path)
True
"""

from __future__ import annotations

import numpy as np

from ._kernels import expand_permutations
from .heuristics import resolve_heuristic
from .moves import Moves, flat_state

__all__ = ["beam_search", "relabel", "default_max_steps"]


def _small_dtype(max_value: int):
    for dt in (np.uint8, np.uint16, np.int32):
        if max_value <= np.iinfo(dt).max:
            return dt
    return np.int64


def relabel(graph, state: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(start, goal)`` in small integers: goal ``0..n-1`` when the central state has distinct values.

    >>> import cayley
    >>> g = cayley.groups.lrx(3).with_central_state([5, 7, 9])
    >>> [a.tolist() for a in relabel(g, np.array([9, 5, 7]))]
    [[2, 0, 1], [0, 1, 2]]
    """
    center = graph.central_state.reshape(-1)
    if graph.is_matrix_group:
        start, goal = state.copy(), center.copy()
    elif graph.is_coset_graph:
        values = np.unique(center)
        start, goal = np.searchsorted(values, state), np.searchsorted(values, center)
    else:
        order = np.argsort(center)
        start = order[np.searchsorted(center[order], state)]
        goal = np.arange(center.shape[0])
    dtype = _small_dtype(int(max(start.max(), goal.max())))
    return start.astype(dtype), goal.astype(dtype)


def default_max_steps(graph) -> int:
    """Step limit used when none is given: ``4 n^2 + 100`` for states of ``n`` entries."""
    n = graph.state_size
    return 4 * n * n + 100


def _check_positive(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def beam_search(graph, state, heuristic=None, beam_width: int = 1000, max_steps: int | None = None,
                seed: int = 0) -> list[int]:
    """Generator indices of a path from ``state`` to the central state found by beam search.

    ``heuristic``: None (best built-in for the graph, see
    :func:`cayley.paths.heuristics.default_heuristic`), a name, or ``h(states, goal) -> scores``.
    Raises ``ValueError`` when no path is found within ``max_steps`` moves.
    """
    beam_width = _check_positive("beam_width", beam_width)
    max_steps = default_max_steps(graph) if max_steps is None else _check_positive("max_steps", max_steps)
    score = resolve_heuristic(graph, heuristic)
    start, goal = relabel(graph, flat_state(graph, state))
    if np.array_equal(start, goal):
        return []
    moves = Moves(graph)
    rng = np.random.default_rng(seed)
    beam, seen = start[None], {start.tobytes()}
    parents, taken = [], []
    for _ in range(max_steps):
        candidates, hit = _expand(moves, beam, goal)
        if hit >= 0:
            return _trace(parents, taken, hit // moves.k) + [hit % moves.k]
        keep = _select(candidates, _scores(score, candidates, goal), seen, beam_width, rng)
        if keep.size == 0:
            break
        parents.append(keep // moves.k)
        taken.append(keep % moves.k)
        beam = candidates[keep]
    raise ValueError(f"beam search found no path within {max_steps} moves (beam_width={beam_width}); "
                     "raise beam_width or max_steps, or use method='mitm'")


def _expand(moves, beam, goal) -> tuple[np.ndarray, int]:
    """(B * k, n) neighbours of the beam and the index of the first one equal to ``goal`` (or -1)."""
    if moves.modulo is None:
        candidates, hit = expand_permutations(beam, moves.generators, goal)
        return candidates, int(hit)
    candidates = moves.all(beam).reshape(-1, goal.shape[0])
    done = np.flatnonzero(np.all(candidates == goal[None, :], axis=1))
    return candidates, int(done[0]) if done.size else -1


def _ranking(scores: np.ndarray, rng) -> np.ndarray:
    """Indices by increasing score, ties in a seeded random order (one integer sort when possible)."""
    tie = rng.random(scores.shape[0])
    if np.issubdtype(scores.dtype, np.integer) and scores.size and 0 <= scores.min() and scores.max() < 2**40:
        key = scores.astype(np.int64) * (1 << 20) + (tie * (1 << 20)).astype(np.int64)
        return np.argsort(key)
    return np.lexsort((tie, scores))


def _scores(score, candidates, goal) -> np.ndarray:
    values = np.asarray(score(candidates, goal))
    if values.shape != (candidates.shape[0],):
        raise ValueError(f"heuristic returned shape {values.shape}, expected ({candidates.shape[0]},)")
    return values


def _select(candidates, scores, seen: set, width: int, rng) -> np.ndarray:
    """Indices of the ``width`` best-scored candidates not seen before (adds them to ``seen``)."""
    order = _ranking(scores, rng)
    kind = np.dtype((np.void, candidates.itemsize * candidates.shape[1]))
    keep = []
    chunk = 2 * width
    for lo in range(0, order.shape[0], chunk):
        part = order[lo : lo + chunk]
        keys = np.ascontiguousarray(candidates[part]).view(kind).ravel()
        first = np.sort(np.unique(keys, return_index=True)[1])
        distinct = keys[first].tolist()
        fresh = np.flatnonzero([key not in seen for key in distinct])[: width - len(keep)]
        seen.update(distinct[i] for i in fresh)
        keep.extend(part[first[fresh]].tolist())
        if len(keep) >= width:
            break
    return np.asarray(keep, dtype=np.int64)


def _trace(parents, taken, index: int) -> list[int]:
    """Moves from the start to beam entry ``index`` of the last step, following parent pointers."""
    path = []
    for step in range(len(parents) - 1, -1, -1):
        path.append(int(taken[step][index]))
        index = int(parents[step][index])
    return path[::-1]
