"""Simple constructive solvers, the baselines that search methods are compared against.

* :func:`pancake_sort_path`: the classic prefix-reversal sort: bring the largest unsorted value to
  the front with one flip, then flip it into place. At most 2n - 3 flips.
* :func:`lrx_bubble_path`: bubble sort on a circle for L (left shift), X (swap of positions 0 and
  1) and optionally R: the circle is cut where the array has the fewest inversions, then a cursor
  walks along it with L, swapping out-of-order neighbours with X; each pass ends one place earlier,
  and the cursor goes back to the start the short way.
  About n^2 / 2 + n^2 / 4 moves on average.

Both relabel the values so that the goal is ``0..n-1`` and return generator names.

Example
-------
>>> import cayley
>>> pancake_sort_path(cayley.groups.pancake(4), [1, 3, 0, 2])
['P2', 'P4', 'P3', 'P2']
>>> lrx_bubble_path(cayley.groups.lrx(4), [1, 0, 2, 3])
['X']
"""

from __future__ import annotations

import numpy as np

from .beam import relabel
from .heuristics import inversions
from .moves import flat_state

__all__ = ["pancake_sort_path", "lrx_bubble_path"]


def _generator_lookup(graph) -> dict[bytes, str]:
    return {np.asarray(g, dtype=np.int64).tobytes(): name for g, name in zip(graph.generators, graph.names)}


def _name_of(lookup: dict, perm: np.ndarray, what: str) -> str:
    name = lookup.get(np.asarray(perm, dtype=np.int64).tobytes())
    if name is None:
        raise ValueError(f"this graph has no generator for {what}")
    return name


def _permutation_start(graph, state) -> list[int]:
    if graph.is_matrix_group or graph.is_coset_graph:
        raise ValueError("constructive solvers need a permutation graph whose central state has distinct values")
    return relabel(graph, flat_state(graph, state))[0].astype(np.int64).tolist()


def pancake_sort_path(graph, state) -> list[str]:
    """At most 2n - 3 prefix reversals sorting ``state`` (the graph must contain the flips used).

    >>> import cayley
    >>> len(pancake_sort_path(cayley.groups.pancake(5), [4, 3, 2, 1, 0]))
    1
    """
    p = _permutation_start(graph, state)
    n = len(p)
    lookup = _generator_lookup(graph)
    path = []

    def flip(k: int) -> None:
        perm = np.arange(n)
        perm[:k] = perm[:k][::-1]
        path.append(_name_of(lookup, perm, f"the reversal of the first {k} entries"))
        p[:k] = p[:k][::-1]

    for m in range(n, 1, -1):
        pos = p.index(m - 1)
        if pos == m - 1:
            continue
        if pos != 0:
            flip(pos + 1)
        flip(m)
    return path


def lrx_bubble_path(graph, state) -> list[str]:
    """Bubble sort on a circle with moves L (left shift), X (swap 0 and 1) and R if present.

    >>> import cayley
    >>> lrx_bubble_path(cayley.groups.lrx(4), [1, 2, 3, 0])
    ['R']
    """
    t = _permutation_start(graph, state)
    n = len(t)
    lookup = _generator_lookup(graph)
    left = _name_of(lookup, (np.arange(n) + 1) % n, "the left shift L")
    swap = _name_of(lookup, np.r_[1, 0, np.arange(2, n)], "the swap X of positions 0 and 1")
    right = lookup.get(((np.arange(n) - 1) % n).astype(np.int64).tobytes())
    cursor = _best_cursor(t)
    a = [t[(j - cursor) % n] for j in range(n)]
    path, goal = _rotate_home(cursor, n, left, right), sorted(a)
    cursor = 0
    for end in range(n - 1, 0, -1):
        for c in range(end):
            if a == goal:
                return path + _rotate_home(cursor, n, left, right)
            if a[c] > a[c + 1]:
                a[c], a[c + 1] = a[c + 1], a[c]
                path.append(swap)
            if a == goal:
                return path + _rotate_home(cursor, n, left, right)
            path.append(left)
            cursor = c + 1
        path += _rotate_home(cursor, n, left, right)
        cursor = 0
    return path + _rotate_home(cursor, n, left, right)


def _best_cursor(t: list[int]) -> int:
    """The reading offset c of the circle ``t`` (t[i] = a[i + c]) whose array ``a`` has the fewest
    inversions plus the min(c, n - c) shifts to bring the cursor to 0."""
    n = len(t)
    arrays = np.array([[t[(j - c) % n] for j in range(n)] for c in range(n)])
    shifts = np.minimum(np.arange(n), n - np.arange(n))
    return int(np.argmin(inversions(arrays) + shifts))


def _rotate_home(cursor: int, n: int, left: str, right: str | None) -> list[str]:
    """Moves bringing a cursor at ``cursor`` back to 0: L going forward, or R going back when shorter."""
    if cursor == 0:
        return []
    if right is not None and cursor < n - cursor:
        return [right] * cursor
    return [left] * (n - cursor)
