"""The double-commutator problem on the span of all permutation matrices, solved without dense operators.

The span ``S`` of the ``M x M`` permutation matrices is the set of matrices whose row and column sums
are all equal, i.e. the commutant of ``J = 1 1^T``. Take the orthonormal basis ``V = [u, V_perp]`` with
``u = 1 / sqrt(M)`` and ``V_perp`` the eigenvectors of ``R`` compressed to ``u^perp``, so that

    V^H R V = [[rho, r^H], [r, diag(mu)]]        and every ``X`` in ``S`` is ``V diag(c, Y) V^H``.

With the coordinates ``x = (c, Y)`` (an isometry: ``||X||_F^2 = |c|^2 + ||Y||_F^2``)

    ||[R, X]||_F^2 = sum_ab (mu_a - mu_b)^2 |Y_ab|^2 + ||(Y - c) r||^2 + ||(Y^T - c) conj(r)||^2,

so the operator is ``D = Delta + L^H L`` with ``Delta`` diagonal and ``L`` of rank ``<= 2(M - 1)``.
When ``R 1 = rho 1`` (every transitive symmetry) ``r = 0`` and the spectrum is just ``{(mu_a - mu_b)^2}``.

For large ``M`` only the coordinates ``K`` with small ``Delta`` (the diagonal, exactly degenerate pairs and
the closest eigenvalue pairs) are kept; the others (``C``, where ``Delta > 0``) are eliminated by their
optimal (harmonic) extension ``x_C = -D_CC^{-1} D_CK x_K``. By the Woodbury identity

    D_eff = Delta_K + L_K^H W L_K,     N_eff = I + L_K^H W (L_C Delta_C^{-2} L_C^H) W L_K,
    W = (I + L_C Delta_C^{-1} L_C^H)^{-1},

a ``|K| x |K|`` generalised problem (Rayleigh-Ritz on the extended vectors): its values are upper bounds
on the true eigenvalues and its null vectors are exact. Cost ``O(M^4)`` memory-light dense algebra instead
of ``O(M^6)`` for the dense ``(M - 1)^2 + 1`` dimensional problem.
"""

from __future__ import annotations

import numpy as np
import scipy.linalg

from .gevp import Spectrum, spectrum_scale

__all__ = ["permutation_span_spectrum", "ones_complement"]

#: Below this many coordinates the problem is solved in full (exact spectrum).
FULL_DIMENSION_MAX = 1100
#: Hard cap on the number of kept coordinates in the reduced problem.
REDUCED_DIMENSION_MAX = 3000


def ones_complement(M: int) -> np.ndarray:
    """An orthonormal basis of the vectors orthogonal to ``1`` (Helmert contrasts), shape ``(M, M - 1)``.

    >>> H = ones_complement(4)
    >>> np.allclose(H.T @ H, np.eye(3)), np.allclose(H.sum(axis=0), 0)
    (True, True)
    """
    H = np.zeros((M, M - 1))
    for k in range(1, M):
        H[:k, k - 1] = 1.0
        H[k, k - 1] = -k
        H[:, k - 1] /= np.sqrt(k * (k + 1))
    return H


def _coupling_columns(r: np.ndarray, m: int, idx: np.ndarray) -> np.ndarray:
    """Columns ``idx`` of ``L`` (``2m`` rows): ``(Y - c) r`` stacked on ``(Y^T - c) conj(r)``.

    Coordinate 0 is ``c``; coordinate ``1 + a m + b`` is ``Y_ab``, which enters row ``a`` of the first
    block with weight ``r_b`` and row ``b`` of the second with weight ``conj(r_a)``.
    """
    L = np.zeros((2 * m, idx.size), dtype=r.dtype)
    y = idx > 0
    a, b = np.divmod(idx[y] - 1, m)
    cols = np.flatnonzero(y)
    L[a, cols] = r[b]
    L[m + b, cols] = r.conj()[a]
    c = np.flatnonzero(~y)
    L[:m, c] = -r[:, None]
    L[m:, c] = -r.conj()[:, None]
    return L


def _coupling_gram(r: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``L_C diag(w) L_C^H`` in ``O(m^2)``, with ``w`` an ``m x m`` weight on the ``Y_ab`` coordinates."""
    m = r.size
    G = np.zeros((2 * m, 2 * m), dtype=r.dtype)
    G[:m, :m] = np.diag(w @ np.abs(r) ** 2)
    G[m:, m:] = np.diag(np.abs(r) ** 2 @ w)
    G[:m, m:] = r[:, None] * w * r[None, :]
    G[m:, :m] = G[:m, m:].conj().T
    return G


def _select(delta: np.ndarray, m: int, scale: float, pairs: int | None) -> np.ndarray:
    """Indices of the kept coordinates: ``c``, the diagonal, the degenerate pairs and then the ``budget``
    closest non-degenerate pairs (so that the reduced spectrum reaches past the null space)."""
    n = delta.size
    if n <= FULL_DIMENSION_MAX and pairs is None:
        return np.arange(n)
    a = np.arange(m)
    diag = 1 + a * m + a
    off = np.setdiff1d(np.arange(1, n), diag)
    budget = 4 * m if pairs is None else 2 * int(pairs)
    order = off[np.argsort(delta[off], kind="stable")]
    degenerate = int(np.sum(delta[order] <= 1e-12 * scale))
    keep = np.union1d(np.concatenate(([0], diag)), order[: degenerate + budget])
    if keep.size > REDUCED_DIMENSION_MAX:
        raise ValueError(
            f"R has {degenerate // 2} pairs of equal eigenvalues on the complement of the all-ones vector, "
            f"too many for the reduced problem at M = {m + 1} (at most {REDUCED_DIMENSION_MAX} kept "
            "coordinates); pass an explicit basis such as basis='dihedral' or a list of matrices"
        )
    return keep


def permutation_span_spectrum(R: np.ndarray, pairs: int | None = None) -> Spectrum:
    """Spectrum of the double-commutator problem on the span of all permutation matrices.

    ``pairs`` forces the reduced problem with that many closest eigenvalue pairs (default: exact problem
    up to ``FULL_DIMENSION_MAX`` coordinates, i.e. ``M <= 34``, else ``2 (M - 1)`` pairs).

    >>> R = np.array([[2.0, 1.0, 0.5], [1.0, 2.0, 1.0], [0.5, 1.0, 2.0]])   # reflection symmetric
    >>> s = permutation_span_spectrum(R)
    >>> s.dimension, int(np.sum(s.values < 1e-10))                          # identity, reversal
    (5, 2)
    """
    M = R.shape[0]
    m = M - 1
    u = np.full(M, 1.0 / np.sqrt(M))
    H = ones_complement(M)
    mu, Wr = scipy.linalg.eigh(H.T @ R @ H)
    Vp = H @ Wr
    r = Vp.conj().T @ (R @ u)
    scale = spectrum_scale(R)
    delta = np.concatenate(([0.0], ((mu[:, None] - mu[None, :]) ** 2).ravel()))
    K = _select(delta, m, scale, pairs)
    S, N, extend = _reduce(delta, r, K)
    if scale > 0:
        if N is None:
            lam, X = scipy.linalg.eigh(S, driver="evd")
        else:
            lam, X = scipy.linalg.eigh(S, N, driver="gvd")
        lam = np.clip(lam, 0.0, None) / scale
    else:
        lam, X = np.zeros(K.size), np.eye(K.size, dtype=S.dtype)

    def matrices(k: int) -> np.ndarray:
        full = extend(X[:, :k])
        c, Y = full[0], full[1:].T.reshape(k, m, m)
        out = (Vp @ Y) @ Vp.conj().T
        out += c[:, None, None] * (u[:, None] * u[None, :])
        return out

    return Spectrum(values=lam, scale=scale, dimension=delta.size, complete=K.size == delta.size,
                    _matrices=matrices)


def _reduce(delta: np.ndarray, r: np.ndarray, K: np.ndarray):
    """Schur-complement reduction onto the kept coordinates ``K`` (see the module docstring).

    Returns ``D_eff``, ``N_eff`` (None when nothing is eliminated) and ``extend(x_K) -> x`` (all
    coordinates, one column per vector).
    """
    m = r.size
    n = delta.size
    LK = _coupling_columns(r, m, K)
    S = np.diag(delta[K]).astype(LK.dtype) + LK.conj().T @ LK if K.size == n else None
    if S is not None:
        def extend_full(xK):
            full = np.zeros((n, xK.shape[1]), dtype=np.result_type(xK, LK))
            full[K] = xK
            return full

        return (S + S.conj().T) / 2, None, extend_full
    keep = np.zeros(n, dtype=bool)
    keep[K] = True
    w = np.where(keep[1:], 0.0, 1.0 / np.where(keep[1:], 1.0, delta[1:])).reshape(m, m)
    G1, G2 = _coupling_gram(r, w), _coupling_gram(r, w**2)
    W = np.linalg.inv(np.eye(2 * m) + G1)
    WLK = ((W + W.conj().T) / 2) @ LK
    S = np.diag(delta[K]).astype(LK.dtype) + LK.conj().T @ WLK
    N = np.eye(K.size) + WLK.conj().T @ G2 @ WLK
    S, N = (S + S.conj().T) / 2, (N + N.conj().T) / 2

    def extend(xK: np.ndarray) -> np.ndarray:
        y = WLK @ xK
        Y = -(y[:m, None, :] * r.conj()[None, :, None] + r[:, None, None] * y[m:][None, :, :]) * w[:, :, None]
        full = np.concatenate([np.zeros((1, xK.shape[1]), dtype=Y.dtype), Y.reshape(m * m, -1)])
        full[K] = xK
        return full

    return S, N, extend
