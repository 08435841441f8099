r"""Recover the permutation symmetry group of a covariance matrix: the double-commutator eigenproblem.

Given an ``M x M`` real symmetric or complex Hermitian ``R`` (a covariance, possibly estimated from
samples), find the group of relabellings ``p`` with ``R[p][:, p] == R``, i.e. the permutation matrices
``P`` (``P[i, p[i]] = 1``) with ``P R P^T = R``, equivalently ``[R, P] = RP - PR = 0``.

>>> import numpy as np, cayley.symmetry as sym
>>> c = np.array([5.0, 2.0, 1.0, 0.5, 1.0, 2.0])                 # a ring: R depends on |i - j| mod 6
>>> R = c[(np.arange(6)[None, :] - np.arange(6)[:, None]) % 6]
>>> p = np.random.default_rng(1).permutation(6)                   # hide the geometry
>>> s = sym.recover_group(R[np.ix_(p, p)])
>>> s.group_order                                                 # the dihedral group D_6
12

The method
----------
**Rayleigh quotient.** Search a span ``G = sum_i c_i B_i`` of candidate matrices. Because
``||[R, G]||_F^2`` is a quadratic form in ``c``,

    ||[R, G]||_F^2 / ||G||_F^2 = c^H D c / c^H N c,
    D_ij = <[R, B_i], [R, B_j]>_F = tr(B_i^H [R, [R, B_j]]),      N_ij = <B_i, B_j>_F,

(``ad_R = [R, .]`` is self-adjoint for Hermitian ``R``, which gives the double-commutator form). ``D`` is
positive semi-definite, so the minimisers are the lowest eigenpairs of the generalised problem
``D c = lambda N c`` (solved with :func:`scipy.linalg.eigh` after orthonormalising the basis), and
``lambda_min = 0`` exactly when a matrix of the span commutes with ``R``. The null space is the
intersection of the span with the commutant of ``R``; it contains the span ``A(G)`` of the permutation
matrices of the symmetry group ``G`` (its group algebra). Eigenvalues are reported divided by
``2 ||R - tr(R) I / M||_F^2 / M``, the mean Rayleigh quotient over all ``M x M`` matrices, so 1 is
"typical" and 0 is "commutes"; a generator's residual is reported as ``||[R, P]||_F / ||R||_F``.

**Trivial solutions.** The identity always commutes; the all-ones ``J`` commutes whenever ``R 1`` is a
multiple of ``1`` (every transitive symmetry). Neither carries information, so both are deflated
explicitly.

**Certificate.** Let ``T`` be the span of the trivial solutions and of ``A(G_found)``. The smallest
eigenvalue of ``D`` restricted to the ``N``-orthogonal complement of ``T`` (Courant-Fischer),

    certificate = min { c^H D c / c^H N c : G(c) orthogonal to T },

is zero iff the span holds a commuting matrix that the group found does not explain, and is otherwise
the optimality gap: no permutation of the span outside ``A(G_found)`` commutes with ``R`` to within it.
Two caveats, both handled by the search rather than the certificate: ``A(G_found)`` can contain
permutations outside ``G_found`` (its 2-closure), and when the permutation representation repeats an
irreducible the commutant is larger than ``A(G)``, so the certificate stays 0 for a complete group.

**Deflation, sequentially.** Null-space matrices are rounded to permutations (maximum-weight assignment
of projected seeds with :func:`scipy.optimize.linear_sum_assignment`, alternating projections,
individualisation: :mod:`.rounding`), every candidate's own commutator residual is verified, the group
is closed (order by Schreier-Sims, :mod:`sympy.combinatorics`), its algebra is deflated and the search
repeats for elements outside the group (:mod:`.search`), so non-Abelian groups (dihedral, wreath
products ``S_k wr S_m``, ...) come out whole rather than as one cyclic subgroup. Elements of the
2-closure, and exact symmetries that rounding misses, are completed by backtracking on entry and
orbital colours.

**Bases.** ``"permutations"``: the span of all permutation matrices (equal row and column sums,
dimension ``(M-1)^2 + 1``) for hidden, unlabelled symmetry. It is never formed densely: in the basis
``[1/sqrt(M), eigenvectors of R on 1^perp]`` the operator is diagonal plus rank ``2(M-1)``
(:mod:`.span`), solved exactly for ``M <= 34`` and above that by a Schur-complement Rayleigh-Ritz
reduction that keeps the diagonal, the exactly degenerate and the ``2(M-1)`` closest eigenvalue pairs. ``"shifts"``/``"circulant"`` and ``"dihedral"``: the shifts
(and reflections) of a known ring; or any list of ``M x M`` matrices.

**Cost.** Explicit basis of ``d`` matrices: ``O(d M^3)`` commutators, ``O(d^2 M^2)`` for ``D``,
``O(d^3)`` for the eigensolve. Permutation span: ``O(M^3)`` eigendecomposition plus an ``O(k^3)``
reduced problem with ``k ~ 5 M`` kept coordinates (plus the degenerate pairs), ``O(n M^3)`` to form the ``n`` near-null eigenvectors
and ``O(n M^2 + M^3)`` per rounding step, instead of ``O(M^6)`` for the dense ``M^2 x M^2`` operator.

**Noise.** A sample covariance never commutes exactly. Exact mode is used when a spectral gap of at least
``10^4`` separates numerically zero eigenvalues from the rest (the threshold is the geometric mean across
that gap); otherwise the near-null space is taken generously (the ``M + 2``, ``2M + 2``, ``3M + 2``
lowest eigenvectors, searched in turn), rounded candidates are repaired by pairwise swaps
(:mod:`.polish`), and a permutation is accepted when

* its relative residual (the change of ``R`` against a random relabelling of the same entries, about
  the noise-to-signal ratio for a true symmetry) is at most ``0.15 sqrt(moved points / M)``,
* its entry changes look like noise (mean/median of the squared changes at most 16, where Gaussian
  noise gives 1.4 to 2.2 and a structural near-miss gives a few huge changes),
* random elements of the group it generates (product replacement) pass the same residual test and are
  homogeneous, and
* once a transitive group has been found, it lies within a factor 3 of the noise level estimated from
  that group's Reynolds residual (the same check prunes the final generators one at a time).

``tol`` replaces all of these by one threshold on the residuals and the normalised eigenvalues.

**Estimator.** :func:`symmetrize` applies the Reynolds operator ``|G|^{-1} sum_g P_g R P_g^T`` of the
whole generated group (orbital averages, exact for any group size), the least-squares ``G``-invariant
estimate; :func:`explained_fraction` is ``||Phi_G(R)||^2 / ||R||^2``.
"""

from .bases import (
    BASIS_NAMES,
    dihedral_basis,
    dihedral_permutations,
    permutation_matrix,
    permutation_span_dimension,
    shift_basis,
    shift_permutations,
)
from .closure import orbit_partition, orbitals
from .estimate import explained_fraction, noise_ratio, relative_residual, symmetrize
from .recover import recover_group
from .result import SymmetryResult, cycle_notation

__all__ = [
    "recover_group",
    "symmetrize",
    "explained_fraction",
    "SymmetryResult",
    "relative_residual",
    "noise_ratio",
    "cycle_notation",
    "orbitals",
    "orbit_partition",
    "BASIS_NAMES",
    "shift_basis",
    "dihedral_basis",
    "shift_permutations",
    "dihedral_permutations",
    "permutation_matrix",
    "permutation_span_dimension",
]
