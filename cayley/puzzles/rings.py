"""Ring puzzles: the globe (rows that rotate, hemispheres that flip) and the Hungarian rings."""

from __future__ import annotations

import numpy as np

from ..groups._perm import graph_from, with_inverses
from ..groups._registry import check_int, family, require

__all__ = ["globe", "hungarian_rings"]


def _ring_rotation(size: int, cells) -> np.ndarray:
    """new[cells[t]] = s[cells[t+1]]: every ball moves one cell back along the ring."""
    p = np.arange(size)
    cells = list(cells)
    p[cells] = cells[1:] + cells[:1]
    return p


@family("puzzles")
def globe(a: int, b: int):
    """The globe puzzle a/b: a+1 rows (circles of latitude) of 2b cells; rows rotate and half-globes flip.

    Cell (row r, column c) is position r * 2b + c. Generators ``r{i}`` (new[i, c] = s[i, c+1 mod 2b]) and
    ``r{i}^-1`` for each row, and ``f{j}`` for j = 0..2b-1: turn the half-globe of columns j..j+b-1 by 180
    degrees, which sends cell (r, j+t) to (a-r, j+b-1-t); with an odd number of rows the middle row's
    half is reversed in place, as in the physical turn. Inverse-closed. This is the "globe_a/b" puzzle
    of the Kaggle Santa 2023 challenge (also in CayleyPy). The central state is the identity (every
    cell distinct); use :meth:`~cayley.CayleyGraph.with_central_state` for coloured versions.

    >>> globe(1, 2).names
    ('r0', 'r1', 'f0', 'f1', 'f2', 'f3', 'r0^-1', 'r1^-1')
    """
    a = check_int("a", a, 0)
    b = check_int("b", b, 1)
    cols = 2 * b
    size = (a + 1) * cols
    rows = [(f"r{i}", _ring_rotation(size, range(i * cols, (i + 1) * cols))) for i in range(a + 1)]
    flips = []
    for j in range(cols):
        p = np.arange(size)
        for r in range(a + 1):
            for t in range(b):
                p[(a - r) * cols + (j + b - 1 - t) % cols] = r * cols + (j + t) % cols
        flips.append((f"f{j}", p))
    return graph_from(with_inverses(rows + flips))


@family("puzzles")
def hungarian_rings(n: int = 20, k: int = 5, m: int | None = None, j: int | None = None):
    """Two rings of balls that share two cells (or one): ring A of n cells and ring B of m cells (default n).

    Ring A is positions 0..n-1 in order. Ring B's cell 0 is A's cell 0 and its cell j (default k) is A's
    cell k; its other cells follow as positions n, n+1, .... With k = j = 0 the rings share only cell 0.
    Generators ``A`` and ``B`` (every ball of the ring moves one cell back along it) and ``A^-1``,
    ``B^-1``. The classic Hungarian rings (Endre Pap, 1983) has two rings of 20 balls (38 in all);
    CayleyPy uses the same four parameters (ring sizes and second-intersection indices). The central
    state is the identity; the puzzle colours balls, see :meth:`~cayley.CayleyGraph.with_central_state`.

    >>> hungarian_rings(4, 2).state_size
    6
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 0)
    m = n if m is None else check_int("m", m, 2)
    j = k if j is None else check_int("j", j, 0)
    require(k < n, f"parameter k must be < n = {n}, got {k}")
    require(j < m, f"parameter j must be < m = {m}, got {j}")
    require((k == 0) == (j == 0),
            f"parameters k and j must both be 0 (one shared cell) or both >= 1, got k={k}, j={j}")
    shared = 1 if k == 0 else 2
    require(min(n, m) > shared, f"parameters n and m: each ring needs a cell of its own, got n={n}, m={m}")
    size = n + m - shared
    others = iter(range(n, size))
    ring_b = [0 if t == 0 else k if (t == j and k > 0) else next(others) for t in range(m)]
    return graph_from(with_inverses([("A", _ring_rotation(size, range(n))), ("B", _ring_rotation(size, ring_b))]))
