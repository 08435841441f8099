"""Level-by-level search for a permutation outside the group found so far.

Along a base ``b_0, b_1, ...`` (points ordered by how much the near-null space moves them), level ``t``
pins ``b_0..b_{t-1}`` to themselves and ``b_t`` to a point ``j`` outside the orbit of ``b_t`` under the
pointwise stabiliser of ``b_0..b_{t-1}`` in the current group. Any permutation found this way is new, and
if a larger group commutes with ``R`` some level has such a ``j`` (orbit sizes multiply to the order).

Each pinned set is completed by rounding in the near-null space (:class:`.rounding.Search`). Two
colourings prune and complete it combinatorially:

* exact mode: images must agree with ``R`` entry-wise (``g(f) = f'`` and ``g(i) = j`` force
  ``R[f', j] = R[f, i]``, and ``j``'s sorted row must equal ``i``'s); when rounding fails, a
  depth-first completion on these colours is tried (a small automorphism backtrack);
* closure mode: images must respect the orbitals of the group found so far. Its 2-closure (the
  permutations in the span of its permutation matrices, which the certificate cannot reveal) is
  searched this way, exactly even when ``R`` is noisy.
"""

from __future__ import annotations

import numpy as np

from .closure import ClosedGroup, orbitals
from .rounding import Budget, NullSpace, Search

__all__ = ["Colours", "Searcher"]


class Colours:
    """Entry-wise compatibility of point mappings for an exactly symmetric ``R``.

    >>> c = Colours(np.array([[2.0, 1.0, 1.0], [1.0, 2.0, 1.0], [1.0, 1.0, 3.0]]))
    >>> c.allowed([], 0, np.array([0, 1, 2])).tolist()
    [0, 1]
    """

    def __init__(self, R: np.ndarray, rtol: float = 1e-5):
        self.R = np.asarray(R)
        self.tol = rtol * max(float(np.abs(self.R).max()), np.finfo(float).tiny)
        R = self.R
        sig = np.concatenate([np.sort(R.real, axis=1), np.sort(R.imag, axis=1), np.diag(R).real[:, None]], 1)
        M = R.shape[0]
        self.compatible = np.zeros((M, M), dtype=bool)
        for b in range(M):
            self.compatible[b] = np.max(np.abs(sig - sig[b]), axis=1) <= self.tol

    def allowed(self, pins, i: int, images: np.ndarray) -> np.ndarray:
        """The images ``j`` of ``i`` consistent with the pins (order kept)."""
        images = np.asarray(images, dtype=np.int64)
        ok = self.compatible[i, images]
        if pins:
            src = np.array([f for f, _ in pins])
            dst = np.array([g for _, g in pins])
            diff = np.abs(self.R[np.ix_(dst, images)] - self.R[src, i][:, None])
            back = np.abs(self.R[np.ix_(images, dst)].T - self.R[i, src][:, None])
            ok &= np.all(diff <= self.tol, axis=0) & np.all(back <= self.tol, axis=0)
        return images[ok]

    @classmethod
    def of_group(cls, generators, M: int) -> "Colours":
        """Colours by the orbitals of a group: every element of its 2-closure respects them.

        >>> Colours.of_group([[1, 2, 3, 0]], 4).allowed([(0, 0)], 1, np.arange(4)).tolist()
        [1]
        """
        return cls(orbitals(generators, M).astype(float), rtol=0.0)


class Searcher:
    """Finds a permutation of the near-null space outside the current group (see the module docstring).

    ``spaces`` are nested near-null spaces (smallest first): at each level they are searched in turn, so
    the most nearly commuting directions are rounded first. ``accept(p, group)`` decides; ``residual(p)``
    ranks accepted candidates of equal support; ``colours`` is used in exact mode; ``per_level`` limits tries per level
    (None: all); ``keep`` is how many accepted candidates to compare before returning the best;
    ``depth`` bounds the individualisation; ``improve(p, pins)`` repairs near misses (noisy mode).
    """

    def __init__(self, spaces: list[NullSpace], accept, residual, budget: int, colours: Colours | None = None,
                 per_level: int | None = None, keep: int = 1, depth: int = 6, improve=None):
        self.accept, self.residual = accept, residual
        self.colours, self.per_level, self.keep = colours, per_level, keep
        self.budget = Budget(budget)
        self.searches = [Search(ns, accept=lambda p: False, budget=self.budget, depth=depth, improve=improve)
                         for ns in spaces]
        self._filters: list[Colours] = []
        self._group = None
        largest = spaces[-1]
        W = np.sum(np.abs(largest.matrices) ** 2, axis=0)
        self.mobility = (W.sum(axis=1) - np.diag(W)) * largest.M
        self.base = [int(b) for b in np.argsort(-self.mobility, kind="stable")]

    @property
    def calls(self) -> int:
        """Assignment problems solved so far."""
        return self.budget.used

    def new_element(self, group: ClosedGroup, closure: bool = False):
        """A verified permutation outside ``group``, or None.

        With ``closure`` only permutations that respect the orbitals of ``group`` are looked for: the
        elements of its 2-closure, which lie in the span of its permutation matrices where the
        certificate cannot reveal them. They are completed combinatorially (backtracking on the orbital
        colours), which is exact even when ``R`` is noisy.
        """
        self._group = group
        self._filters = [f for f in (self.colours,) if f is not None]
        if closure:
            self._filters.append(Colours.of_group(group.generators, group.M))
        for search in self.searches:
            search.accept = lambda p: self.accept(p, group)
            search.allowed = self._allowed if self._filters else None
        found = []
        for level, b in enumerate(self.base):
            if self.budget.exhausted or (self.mobility[b] < 0.25 and not closure):
                break
            fixed = self.base[:level]
            orbit = group.stabiliser_orbit(level)
            pins = [(f, f) for f in fixed]
            if closure:
                p = self._closure_level(pins, b, orbit | set(fixed), group)
                if p is not None:
                    return p
                continue
            for search in self.searches:
                found += self._level(search, pins, b, orbit | set(fixed), self.keep - len(found))
                if len(found) >= self.keep:
                    break
            if found:
                return min(found, key=self._preference)
        return None

    def _closure_level(self, pins, b: int, excluded: set, group: ClosedGroup):
        """First accepted completion of ``pins + [(b, j)]`` on the colours, over the allowed ``j``."""
        M = group.M
        cols = np.array([j for j in range(M) if j not in excluded], dtype=np.int64)
        for j in self._allowed(pins, b, cols) if cols.size else []:
            p = self._complete(pins + [(b, int(j))], M)
            if p is not None and self.accept(p, group):
                return p
        return None

    def _complete(self, pins, M: int, nodes: int | None = None):
        """Depth-first completion of ``pins`` to a permutation respecting every colour filter."""
        p = np.full(M, -1, dtype=np.int64)
        for i, j in pins:
            p[i] = j
        rest = [i for i in self.base if p[i] < 0]
        budget = [nodes if nodes is not None else 10 * M + 100]
        current = list(pins)

        def extend(k: int) -> bool:
            if k == len(rest):
                return True
            i = rest[k]
            free = np.setdiff1d(np.arange(M), p[p >= 0])
            free = np.concatenate(([i], free[free != i])) if i in free else free
            for j in self._allowed(current, i, free):
                budget[0] -= 1
                if budget[0] < 0:
                    return False
                p[i] = j
                current.append((i, int(j)))
                if extend(k + 1):
                    return True
                current.pop()
                p[i] = -1
            return False

        return p if extend(0) else None

    def _preference(self, p: np.ndarray) -> tuple:
        """Prefer candidates that move more points (their residual rests on more entries, so the noise
        level estimated from them is representative), then lower residuals."""
        return (-int(np.count_nonzero(p != np.arange(p.size))), self.residual(p))

    def _level(self, search: Search, pins, b: int, excluded: set, wanted: int) -> list:
        """Up to ``wanted`` accepted permutations with ``pins`` and ``b`` mapped outside ``excluded``."""
        found = []
        for j in self._candidates(search.ns, pins, b, excluded)[: self.per_level]:
            p = search.find(pins + [(b, j)])
            if p is None and self.colours is not None:
                p = self._complete(pins + [(b, j)], search.ns.M)     # exact: colour backtracking
                p = p if p is not None and self.accept(p, self._group) else None
            if p is not None:
                found.append(p)
                if len(found) >= wanted:
                    break
        return found

    def _allowed(self, pins, i: int, images: np.ndarray) -> np.ndarray:
        for f in self._filters:
            images = f.allowed(pins, i, images)
        return images

    def _candidates(self, ns: NullSpace, pins, b: int, excluded: set) -> list[int]:
        """Images of ``b`` that pass the colour and projection-weight tests, best first."""
        M = ns.M
        cols = np.array([j for j in range(M) if j not in excluded], dtype=np.int64)
        if cols.size:
            cols = self._allowed(pins, b, cols)
        if cols.size == 0:
            return []
        a = ns.coefficients(pins)[:, None] if pins else 0.0
        weights = np.sum(np.abs(a + ns.matrices[:, b, cols].conj()) ** 2, axis=0)
        bound = 0.5 * (len(pins) + 1) ** 2 / M
        order = np.argsort(-weights, kind="stable")
        return [int(cols[o]) for o in order if weights[o] >= bound]
