"""Local improvement of a candidate relabelling by pairwise swaps (2-opt on ``||R - P R P^T||_F``).

Under noise, rounding often returns a *near miss*: a symmetry with a few points mapped wrongly. Such a
permutation is one or two swaps away from a true symmetry, whose residual is a local minimum. All
``M (M - 1) / 2`` swap gains are evaluated at once from two matrix products (``O(M^3)`` per step):
for ``S = R[p][:, p]`` and ``A = conj(R)``, swapping the images of ``a`` and ``b`` changes
``<R, S>`` by the row, column and corner terms assembled in :func:`swap_gains`, and
``||R - S||^2 = ||R||^2 + ||S||^2 - 2 Re <R, S>`` with ``||S|| = ||R||``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["swap_gains", "polish"]


def swap_gains(R: np.ndarray, p: np.ndarray) -> np.ndarray:
    """``G[a, b]``: change of ``||R - R[p][:, p]||_F^2`` when ``p[a]`` and ``p[b]`` are exchanged.

    >>> R = np.array([[3.0, 1.0, 0.0], [1.0, 2.0, 0.5], [0.0, 0.5, 1.0]])
    >>> p = np.array([1, 0, 2])
    >>> G = swap_gains(R, p)
    >>> q = p.copy(); q[[0, 1]] = q[[1, 0]]
    >>> bool(np.isclose(G[0, 1], np.linalg.norm(R - R[np.ix_(q, q)])**2 - np.linalg.norm(R - R[np.ix_(p, p)])**2))
    True
    """
    S = R[np.ix_(p, p)]
    A = R.conj()
    X = A @ S.T                     # X[a, b] = sum_j A[a, j] S[b, j]
    Y = A.T @ S                     # Y[a, b] = sum_i A[i, a] S[i, b]
    dX, dY, dA, dS = np.diag(X), np.diag(Y), np.diag(A), np.diag(S)
    rows = X + X.T - dX[:, None] - dX[None, :]
    cols = Y + Y.T - dY[:, None] - dY[None, :]
    # remove the j in {a, b} (rows) and i in {a, b} (columns) terms, counted in the corner below
    rows -= (dA[:, None] - A.T) * (S.T - dS[:, None]) + (A - dA[None, :]) * (dS[None, :] - S)
    cols -= (dA[:, None] - A) * (S - dS[:, None]) + (A.T - dA[None, :]) * (dS[None, :] - S.T)
    corner = (dA[:, None] - dA[None, :]) * (dS[None, :] - dS[:, None]) + (A - A.T) * (S.T - S)
    gains = -2.0 * np.real(rows + cols + corner)
    np.fill_diagonal(gains, 0.0)
    return gains


def polish(R: np.ndarray, p, max_steps: int | None = None, frozen=()) -> np.ndarray:
    """Apply the best improving swap while one lowers the residual by more than rounding error.

    Points in ``frozen`` keep their images.

    >>> R = np.array([[4.0, 1.0, 0.2, 0.2], [1.0, 4.0, 0.2, 0.2], [0.2, 0.2, 3.0, 0.5], [0.2, 0.2, 0.5, 3.0]])
    >>> polish(R, [2, 0, 1, 3]).tolist()     # two points off the swap (0 1): repaired
    [1, 0, 2, 3]
    """
    p = np.array(p, dtype=np.int64)
    M = p.size
    frozen = np.asarray(list(frozen), dtype=np.int64)
    floor = 1e-12 * max(np.linalg.norm(R) ** 2, np.finfo(float).tiny)
    for _ in range(M if max_steps is None else max_steps):
        G = swap_gains(R, p)
        G[frozen, :] = np.inf
        G[:, frozen] = np.inf
        a, b = np.unravel_index(int(np.argmin(G)), G.shape)
        if G[a, b] >= -floor:
            break
        p[[a, b]] = p[[b, a]]
    return p
