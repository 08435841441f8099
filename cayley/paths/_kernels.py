"""numba kernels of the beam-search heuristics (thin wrappers live in :mod:`cayley.paths.heuristics`)."""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["cut_inversions", "expand_permutations", "gap_counts"]


@njit(cache=True)
def cut_inversions(states):
    """For each row ``s`` (a permutation of 0..n-1): the smallest, over values ``c``, of the number of
    inversions of the circle ``s`` read from the position of ``c`` with values shifted by ``-c`` mod n.

    Uses: inv((s - (c+1)) mod n) = inv((s - c) mod n) + n - 1 - 2 pos(c) (the smallest value becomes
    the largest), and moving the first entry ``x`` of a sequence to its end adds ``n - 1 - 2x``.
    O(n^2) per row.
    """
    rows, n = states.shape
    out = np.empty(rows, dtype=np.int64)
    pos = np.empty(n, dtype=np.int64)
    for r in range(rows):
        for i in range(n):
            pos[np.int64(states[r, i])] = i
        base = 0
        for i in range(n):
            si = np.int64(states[r, i])
            for j in range(i + 1, n):
                if si > np.int64(states[r, j]):
                    base += 1
        best = n * n
        for c in range(n):
            p = pos[c]
            shifted = 0
            for i in range(p):
                v = np.int64(states[r, i]) - c
                shifted += v + n if v < 0 else v
            value = base + p * (n - 1) - 2 * shifted
            if value < best:
                best = value
            base += n - 1 - 2 * p
        out[r] = best
    return out


@njit(cache=True)
def expand_permutations(states, generators, goal):
    """All neighbours ``s[g]`` of every row, as (rows * k, n), and the first row index equal to
    ``goal`` (-1 when none): one pass over memory instead of gather + compare."""
    rows, n = states.shape
    k = generators.shape[0]
    out = np.empty((rows * k, n), dtype=states.dtype)
    hit = -1
    for r in range(rows):
        for g in range(k):
            row = r * k + g
            same = True
            for i in range(n):
                v = states[r, generators[g, i]]
                out[row, i] = v
                if v != goal[i]:
                    same = False
            if same and hit < 0:
                hit = row
    return out, hit


@njit(cache=True)
def gap_counts(states):
    """Gap heuristic of each row: adjacent entries that differ by more than 1, plus one when the
    last entry is not n - 1."""
    rows, n = states.shape
    out = np.empty(rows, dtype=np.int64)
    for r in range(rows):
        gaps = 0
        for i in range(n - 1):
            d = np.int64(states[r, i]) - np.int64(states[r, i + 1])
            if d != 1 and d != -1:
                gaps += 1
        if np.int64(states[r, n - 1]) != n - 1:
            gaps += 1
        out[r] = gaps
    return out
