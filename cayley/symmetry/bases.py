"""Candidate spans for the double-commutator eigenvalue problem.

A *basis* is the set of matrices whose span is searched for generators that commute with ``R``:

``"permutations"``
    the span of all ``M x M`` permutation matrices, i.e. the matrices whose row sums and column sums
    are all equal (dimension ``(M - 1)^2 + 1``). Used for hidden, unlabelled symmetry; it is never
    built densely (see :mod:`cayley.symmetry.span`).
``"shifts"`` (alias ``"circulant"``)
    the ``M`` cyclic shifts of a known ring geometry; their span is the circulant matrices.
``"dihedral"``
    the ``M`` shifts and the ``M`` reflections ``i -> (k - i) mod M`` of a known ring.
a list or array of ``M x M`` matrices
    any user-supplied candidate set (need not be permutations or linearly independent).

Conventions: the permutation ``p`` (0-based one-line notation) has the matrix ``P`` with
``P[i, p[i]] = 1``, so that ``P @ x == x[p]`` and ``(P R P^T)[i, j] == R[p[i], p[j]]``.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "BASIS_NAMES",
    "PERMUTATIONS",
    "dihedral_basis",
    "permutation_matrix",
    "permutation_span_dimension",
    "resolve_basis",
    "shift_basis",
    "shift_permutations",
    "dihedral_permutations",
    "trivial_matrices",
]

PERMUTATIONS = "permutations"
BASIS_NAMES = ("permutations", "shifts", "circulant", "dihedral")


def permutation_matrix(p) -> np.ndarray:
    """The matrix ``P`` of a permutation with ``P[i, p[i]] = 1`` (so ``P @ x == x[p]``).

    >>> permutation_matrix([1, 2, 0]).astype(int)
    array([[0, 1, 0],
           [0, 0, 1],
           [1, 0, 0]])
    """
    p = np.asarray(p, dtype=np.int64)
    return np.eye(p.size)[p]


def shift_permutations(M: int) -> np.ndarray:
    """The ``M`` cyclic shifts ``i -> (i + k) mod M`` as rows of an ``(M, M)`` int array.

    >>> shift_permutations(3).tolist()
    [[0, 1, 2], [1, 2, 0], [2, 0, 1]]
    """
    i = np.arange(M)
    return (i[None, :] + i[:, None]) % M


def dihedral_permutations(M: int) -> np.ndarray:
    """The ``M`` shifts followed by the ``M`` reflections ``i -> (k - i) mod M``, shape ``(2M, M)``.

    >>> dihedral_permutations(3)[3:].tolist()
    [[0, 2, 1], [1, 0, 2], [2, 1, 0]]
    """
    i = np.arange(M)
    return np.vstack([shift_permutations(M), (i[:, None] - i[None, :]) % M])


def shift_basis(M: int) -> np.ndarray:
    """Permutation matrices of the ``M`` cyclic shifts, shape ``(M, M, M)``; they span the circulants.

    >>> shift_basis(4).shape
    (4, 4, 4)
    """
    return np.eye(M)[shift_permutations(M)]


def dihedral_basis(M: int) -> np.ndarray:
    """Permutation matrices of the shifts and reflections of an ``M``-ring, shape ``(2M, M, M)``.

    >>> dihedral_basis(5).shape
    (10, 5, 5)
    """
    return np.eye(M)[dihedral_permutations(M)]


def permutation_span_dimension(M: int) -> int:
    """Dimension of the span of the ``M x M`` permutation matrices, ``(M - 1)^2 + 1``.

    >>> permutation_span_dimension(4)
    10
    """
    return (M - 1) ** 2 + 1


def trivial_matrices(M: int) -> dict[str, np.ndarray]:
    """The solutions that commute with many matrices and carry no symmetry: identity and all-ones.

    >>> sorted(trivial_matrices(3))
    ['all-ones', 'identity']
    """
    return {"identity": np.eye(M), "all-ones": np.ones((M, M))}


def resolve_basis(basis, M: int):
    """Turn the ``basis`` argument into ``"permutations"`` or a validated ``(d, M, M)`` array.

    >>> resolve_basis("circulant", 3).shape
    (3, 3, 3)
    >>> resolve_basis("permutations", 3)
    'permutations'
    >>> resolve_basis("rotations", 3)
    Traceback (most recent call last):
    ...
    ValueError: unknown basis 'rotations'; expected one of permutations, shifts, circulant, dihedral or a list of M x M matrices
    """
    if isinstance(basis, str):
        name = basis.lower()
        if name == PERMUTATIONS:
            return PERMUTATIONS
        if name in ("shifts", "circulant"):
            return shift_basis(M)
        if name == "dihedral":
            return dihedral_basis(M)
        raise ValueError(
            f"unknown basis {basis!r}; expected one of {', '.join(BASIS_NAMES)} or a list of M x M matrices"
        )
    return _user_basis(basis, M)


def _user_basis(basis, M: int) -> np.ndarray:
    """Validate a user-supplied list/array of ``M x M`` candidate matrices."""
    try:
        arr = np.asarray(basis)
    except Exception as exc:
        raise ValueError(f"basis is not a list of {M} x {M} matrices: {exc}") from None
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
        raise ValueError(f"basis is not a list of {M} x {M} numeric matrices (dtype {arr.dtype})")
    if arr.ndim == 2:
        arr = arr[None]
    if arr.ndim != 3 or arr.shape[1:] != (M, M) or arr.shape[0] == 0:
        raise ValueError(f"basis must be a non-empty list of {M} x {M} matrices, got shape {arr.shape}")
    arr = arr.astype(np.complex128 if np.iscomplexobj(arr) else np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError("basis contains NaN or infinite entries")
    if not np.any(arr):
        raise ValueError("basis matrices are all zero")
    return arr
