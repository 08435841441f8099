"""The double-commutator generalised eigenvalue problem on an explicit basis.

For candidate matrices ``B_1..B_d`` the residual of ``G = sum_i c_i B_i`` is the Rayleigh quotient
``c^H D c / c^H N c`` with ``D_ij = <[R, B_i], [R, B_j]>_F`` and ``N_ij = <B_i, B_j>_F``. The basis is
orthonormalised through the eigendecomposition of ``N`` (dropping linearly dependent directions),
which turns ``D c = lambda N c`` into a standard Hermitian problem solved by :func:`scipy.linalg.eigh`.
Cost: ``O(d M^3)`` for the commutators, ``O(d^2 M^2)`` for ``D`` and ``O(d^3)`` for the solve.

Eigenvalues are reported divided by :func:`spectrum_scale`, the mean of ``||[R, G]||^2 / ||G||^2``
over all ``M x M`` matrices ``G``; a value of 0 is an exactly commuting direction, 1 is "typical".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import scipy.linalg

__all__ = ["Spectrum", "explicit_spectrum", "spectrum_scale", "normalised_residual"]


@dataclass(frozen=True)
class Spectrum:
    """Eigenvalues of the double-commutator problem and a way to get the eigenvectors as matrices.

    ``values`` are normalised (divided by ``scale``) and ascending; ``complete`` is False when they are
    Rayleigh-Ritz values of a reduced problem (upper bounds, exact on the null space).
    ``matrices(k)`` returns the first ``k`` eigenvectors as Frobenius-orthonormal ``M x M`` matrices;
    ``outside(p)`` is the squared share of the permutation matrix of ``p`` outside the span (0 when the
    span holds every permutation matrix).
    """

    values: np.ndarray
    scale: float
    dimension: int
    complete: bool
    _matrices: Callable[[int], np.ndarray] = field(repr=False)
    _outside: Callable[[np.ndarray], float] | None = field(default=None, repr=False)

    def matrices(self, k: int) -> np.ndarray:
        """The eigenvectors of the ``k`` smallest eigenvalues, shape ``(k, M, M)``."""
        k = int(min(max(k, 0), self.values.size))
        return self._matrices(k)

    def outside(self, p) -> float:
        """``||P - proj(P)||_F^2 / ||P||_F^2`` for the permutation matrix of ``p``."""
        return 0.0 if self._outside is None else float(self._outside(np.asarray(p)))


def spectrum_scale(R: np.ndarray) -> float:
    """Mean of ``||[R, G]||_F^2 / ||G||_F^2`` over all ``M x M`` matrices: ``2 ||R - tr(R) I / M||_F^2 / M``.

    >>> round(spectrum_scale(np.diag([1.0, -1.0])), 12)
    2.0
    """
    M = R.shape[0]
    R0 = R - np.trace(R).real / M * np.eye(M)
    return float(2.0 * np.linalg.norm(R0) ** 2 / M)


def normalised_residual(R: np.ndarray, p, scale: float) -> float:
    """``||[R, P]||_F^2 / (||P||_F^2 * scale)`` for the permutation ``p``: the Rayleigh quotient of ``P``.

    >>> R = np.array([[2.0, 1.0], [1.0, 2.0]])
    >>> normalised_residual(R, [1, 0], spectrum_scale(R))
    0.0
    """
    p = np.asarray(p)
    diff = np.linalg.norm(R[np.ix_(p, p)] - R) ** 2
    return float(diff / (p.size * scale))


def _orthonormalise(B: np.ndarray) -> np.ndarray:
    """Frobenius-orthonormal basis of span(B) from the eigendecomposition of the Gram matrix ``N``."""
    d, M, _ = B.shape
    flat = B.reshape(d, M * M)
    N = flat.conj() @ flat.T
    w, U = scipy.linalg.eigh(N, driver="evd")
    keep = w > 1e-10 * max(w[-1], np.finfo(float).tiny)
    T = U[:, keep] / np.sqrt(w[keep])
    return (T.T @ flat).reshape(-1, M, M)


def explicit_spectrum(R: np.ndarray, B: np.ndarray) -> Spectrum:
    """Solve ``D c = lambda N c`` for the candidate matrices ``B`` (shape ``(d, M, M)``).

    >>> from cayley.symmetry.bases import shift_basis
    >>> R = np.array([[3.0, 1.0, 1.0], [1.0, 3.0, 1.0], [1.0, 1.0, 3.0]])
    >>> s = explicit_spectrum(R, shift_basis(3))
    >>> np.allclose(s.values, 0)     # every circulant commutes with a circulant
    True
    """
    M = R.shape[0]
    dtype = np.result_type(R, B)
    O = _orthonormalise(B.astype(dtype, copy=False))
    C = (R @ O - O @ R).reshape(O.shape[0], M * M)
    D = C.conj() @ C.T
    scale = spectrum_scale(R)
    lam, V = scipy.linalg.eigh(D, driver="evd")
    lam = np.clip(lam, 0.0, None) / scale if scale > 0 else np.zeros_like(lam)
    flatO = O.reshape(O.shape[0], M * M)

    def matrices(k: int) -> np.ndarray:
        return (V[:, :k].T @ flatO).reshape(k, M, M)

    def outside(p: np.ndarray) -> float:
        c = flatO[:, np.arange(M) * M + p].conj().sum(axis=1)
        return max(0.0, 1.0 - float(np.vdot(c, c).real) / M)

    return Spectrum(values=lam, scale=scale, dimension=O.shape[0], complete=True, _matrices=matrices,
                    _outside=outside)
