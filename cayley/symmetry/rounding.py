"""Rounding null-space matrices to permutations (assignment + individualisation).

A permutation ``P`` in the (near-)null space ``N = span(Q_1..Q_n)`` is found from *pins*, pairs
``(i, j)`` asking for ``p[i] = j``. The seed ``E = sum_pins e_i e_j^T`` is projected onto ``N``:
``X = sum_k <Q_k, E> Q_k``, and ``X`` is rounded by a maximum-weight assignment
(:func:`scipy.optimize.linear_sum_assignment`) with the pins forced. If the rounded permutation fails the
caller's check, the least decided free point is pinned to each of its best few images in turn
(individualisation, as in graph-automorphism search) and the rounding is repeated.

Refinement: a rounded ``P`` is projected back onto ``N`` and rounded again (alternating projections
between ``N`` and the permutations, pins kept) until it stops changing. A permutation of ``N`` is a fixed
point, and under noise this pulls near-misses onto the group.

Pruning: if ``P`` lies in ``N`` and satisfies the pins then ``<X, P> = <E, P> = #pins``, so
``||X||_F^2 >= #pins^2 / M``; seeds below (half) that bound cannot be completed and are skipped.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["Budget", "NullSpace", "round_to_permutation", "Search"]


class Budget:
    """A shared allowance of assignment problems.

    >>> b = Budget(1); b.spend(); b.exhausted
    True
    """

    def __init__(self, total: int):
        self.total, self.used = int(total), 0

    def spend(self) -> None:
        self.used += 1

    @property
    def exhausted(self) -> bool:
        return self.used >= self.total


class NullSpace:
    """Orthonormal matrices ``Q`` (shape ``(n, M, M)``) with cheap seed projections.

    >>> Q = np.eye(3)[[[1, 2, 0]]] / np.sqrt(3)        # span of one 3-cycle
    >>> ns = NullSpace(Q)
    >>> round(ns.weight([(0, 1)]), 6), round(ns.weight([(0, 2)]), 6)
    (0.333333, 0.0)
    """

    def __init__(self, Q: np.ndarray):
        self.n, self.M = Q.shape[0], Q.shape[1]
        self.matrices = Q
        self._flat = Q.reshape(self.n, self.M * self.M)

    def coefficients(self, pins) -> np.ndarray:
        """``<Q_k, E>`` for the seed ``E`` of the pins."""
        idx = [i * self.M + j for i, j in pins]
        return self._flat[:, idx].conj().sum(axis=1)

    def weight(self, pins) -> float:
        """``||proj_N(E)||_F^2`` for the seed of the pins."""
        a = self.coefficients(pins)
        return float(np.vdot(a, a).real)

    def feasible(self, pins, slack: float = 0.5) -> bool:
        """Necessary condition for a permutation in ``N`` that satisfies the pins (up to ``slack``)."""
        return self.weight(pins) >= slack * len(pins) ** 2 / self.M

    def project(self, pins) -> np.ndarray:
        """Real part of the projection of the seed onto ``N``, an ``M x M`` score matrix."""
        a = self.coefficients(pins)
        return (a @ self._flat).reshape(self.M, self.M).real


def round_to_permutation(X: np.ndarray, pins=()) -> np.ndarray:
    """Permutation ``p`` maximising ``sum_i X[i, p[i]]`` subject to ``p[i] = j`` for the pins.

    >>> round_to_permutation(np.array([[0.1, 0.9, 0.0], [0.8, 0.1, 0.1], [0.0, 0.2, 0.7]])).tolist()
    [1, 0, 2]
    >>> round_to_permutation(np.eye(3), pins=[(0, 1)]).tolist()
    [1, 0, 2]
    """
    M = X.shape[0]
    p = np.full(M, -1, dtype=np.int64)
    for i, j in pins:
        p[i] = j
    rows = np.flatnonzero(p < 0)
    cols = np.setdiff1d(np.arange(M), p[p >= 0])
    if rows.size:
        r, c = linear_sum_assignment(X[np.ix_(rows, cols)], maximize=True)
        p[rows[r]] = cols[c]
    return p


class Search:
    """Individualisation search for a permutation in ``N`` accepted by ``accept``.

    ``branch`` images are tried for each newly pinned point, at most ``depth`` extra pins deep, and at
    most ``budget`` assignments are solved (an int, or a :class:`Budget` shared between searches).
    ``improve(p, pins)`` may locally repair a rounded permutation before it is checked;
    ``allowed(pins, i, images)`` may filter the images of a newly pinned point ``i`` (e.g. by matrix
    entries that must agree).
    """

    def __init__(self, ns: NullSpace, accept: Callable[[np.ndarray], bool], branch: int = 2,
                 depth: int = 6, budget: int | Budget = 2000, refine: int = 8,
                 allowed: Callable[[list, int, np.ndarray], np.ndarray] | None = None,
                 improve: Callable[[np.ndarray, list], np.ndarray] | None = None):
        self.ns, self.accept, self.allowed, self.improve = ns, accept, allowed, improve
        self.branch, self.depth, self.refine = branch, depth, refine
        self.budget = budget if isinstance(budget, Budget) else Budget(budget)

    @property
    def calls(self) -> int:
        """Assignment problems solved so far (against the shared budget)."""
        return self.budget.used

    @property
    def exhausted(self) -> bool:
        """True once the assignment budget is spent."""
        return self.budget.exhausted

    def find(self, pins) -> np.ndarray | None:
        """A permutation that satisfies ``pins`` and is accepted, or None."""
        return self._find(list(pins), 0)

    def _find(self, pins, level: int):
        if self.exhausted or not self.ns.feasible(pins):
            return None
        X = self.ns.project(pins)
        self.budget.spend()
        p = self._refined(round_to_permutation(X, pins), pins)
        if p is not None:
            return p
        if level >= self.depth or len(pins) >= self.ns.M - 1:
            return None
        i, images = self._next_pin(X, pins)
        for j in images:
            found = self._find(pins + [(i, j)], level + 1)
            if found is not None:
                return found
        return None

    def _refined(self, p: np.ndarray, pins):
        """Alternate projection and rounding from ``p``; the first accepted permutation, or None."""
        for _ in range(self.refine + 1):
            candidate = p if self.improve is None else self.improve(p, pins)
            if self.accept(candidate):
                return candidate
            if self.exhausted:
                return None
            self.budget.spend()
            q = round_to_permutation(self.ns.project(list(enumerate(p.tolist()))), pins)
            if np.array_equal(q, p):
                return None
            p = q
        return None

    def _next_pin(self, X: np.ndarray, pins):
        """The free point whose best images are least separated, and its ``branch`` best images."""
        M = X.shape[0]
        pinned_rows = {i for i, _ in pins}
        used = {j for _, j in pins}
        rows = np.array([i for i in range(M) if i not in pinned_rows], dtype=np.int64)
        cols = np.array([j for j in range(M) if j not in used], dtype=np.int64)
        sub = X[np.ix_(rows, cols)]
        if cols.size == 1:
            return int(rows[0]), [int(cols[0])]
        top = -np.sort(-sub, axis=1)[:, :2]
        spread = sub.max(axis=1) - sub.min(axis=1)
        margin = (top[:, 0] - top[:, 1]) / np.maximum(spread, 1e-300)
        k = int(np.argmin(margin))
        images = cols[np.argsort(-sub[k], kind="stable")]
        if self.allowed is not None:
            images = self.allowed(pins, int(rows[k]), images)
        return int(rows[k]), [int(j) for j in images[: self.branch]]
