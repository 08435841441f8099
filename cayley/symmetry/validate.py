"""Input checks shared by :mod:`cayley.symmetry`.

Every check raises :class:`ValueError` with a message that names the problem; nothing here asserts.
"""

from __future__ import annotations

import numpy as np

__all__ = ["as_covariance", "as_permutation", "as_permutations", "as_tolerance"]

#: Relative tolerance for ``R`` to count as symmetric / Hermitian: ``||R - R^H||_F <= HERMITIAN_RTOL ||R||_F``.
HERMITIAN_RTOL = 1e-8


def as_covariance(R, name: str = "R") -> np.ndarray:
    """Return ``R`` as a validated square real-symmetric or complex-Hermitian float array.

    The returned matrix is the exact Hermitian part ``(R + R^H) / 2`` (real when ``R`` is real).

    >>> as_covariance([[2, 1], [1, 2]])
    array([[2., 1.],
           [1., 2.]])
    >>> as_covariance([[1, 2], [0, 1]])
    Traceback (most recent call last):
    ...
    ValueError: R is not symmetric/Hermitian: ||R - R^H||_F / ||R||_F = 1.15 (tolerance 1e-08)
    """
    try:
        a = np.asarray(R)
    except Exception as exc:  # ragged nested lists and the like
        raise ValueError(f"{name} is not a numeric matrix: {exc}") from None
    if a.dtype == object or not (np.issubdtype(a.dtype, np.number) or a.dtype == bool):
        raise ValueError(f"{name} is not a numeric matrix (dtype {a.dtype})")
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise ValueError(f"{name} must be a square matrix, got shape {a.shape}")
    if a.shape[0] < 2:
        raise ValueError(f"{name} must be at least 2 x 2, got M = {a.shape[0]}")
    a = a.astype(np.complex128 if np.iscomplexobj(a) else np.float64)
    if not np.all(np.isfinite(a)):
        raise ValueError(f"{name} contains NaN or infinite entries")
    norm = np.linalg.norm(a)
    skew = np.linalg.norm(a - a.conj().T)
    if skew > HERMITIAN_RTOL * max(norm, np.finfo(float).tiny):
        rel = skew / norm if norm > 0 else np.inf
        raise ValueError(
            f"{name} is not symmetric/Hermitian: ||R - R^H||_F / ||R||_F = {rel:.3g} "
            f"(tolerance {HERMITIAN_RTOL:g})"
        )
    a = (a + a.conj().T) / 2
    if np.iscomplexobj(a) and not np.any(a.imag):
        a = np.ascontiguousarray(a.real)
    return a


def as_permutation(p, M: int, name: str = "generator") -> np.ndarray:
    """Return ``p`` as an int64 array after checking it is a permutation of ``0..M-1``.

    >>> as_permutation([1, 2, 0], 3)
    array([1, 2, 0])
    >>> as_permutation([0, 0, 1], 3)
    Traceback (most recent call last):
    ...
    ValueError: generator [0, 0, 1] is not a permutation of 0..2
    """
    try:
        arr = np.asarray(p)
    except Exception:
        raise ValueError(f"{name} {p!r} is not a sequence of integers") from None
    if arr.ndim != 1 or arr.size != M:
        raise ValueError(f"{name} must have length {M}, got shape {arr.shape}")
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        if not np.all(np.equal(np.mod(arr, 1), 0)):
            raise ValueError(f"{name} {list(p)!r} is not a sequence of integers")
    arr = arr.astype(np.int64)
    if not np.array_equal(np.sort(arr), np.arange(M)):
        raise ValueError(f"{name} {arr.tolist()!r} is not a permutation of 0..{M - 1}")
    return arr


def as_permutations(generators, M: int) -> list[np.ndarray]:
    """Validate a list of permutations of ``0..M-1`` (an empty list means the trivial group).

    >>> [g.tolist() for g in as_permutations([[1, 0, 2]], 3)]
    [[1, 0, 2]]
    """
    gens = getattr(generators, "generators", generators)
    if isinstance(gens, np.ndarray) and gens.ndim == 2:
        gens = list(gens)
    try:
        items = list(gens)
    except TypeError:
        raise ValueError(f"generators must be a list of permutations, got {type(generators).__name__}") from None
    return [as_permutation(g, M, name=f"generator {k}") for k, g in enumerate(items)]


def as_tolerance(tol) -> float | None:
    """Check a user tolerance: ``None`` (choose from the data) or a finite number > 0.

    >>> as_tolerance(1e-3)
    0.001
    >>> as_tolerance(-1)
    Traceback (most recent call last):
    ...
    ValueError: tol must be a finite number > 0 or None, got -1
    """
    if tol is None:
        return None
    try:
        value = float(tol)
    except (TypeError, ValueError):
        raise ValueError(f"tol must be a finite number > 0 or None, got {tol!r}") from None
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"tol must be a finite number > 0 or None, got {tol!r}")
    return value
