"""The result object of :func:`cayley.symmetry.recover_group`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["SymmetryResult", "cycle_notation"]


def cycle_notation(p) -> str:
    """Disjoint-cycle notation of a 0-based one-line permutation; ``"()"`` for the identity.

    >>> cycle_notation([1, 2, 0, 4, 3])
    '(0 1 2)(3 4)'
    """
    p = [int(x) for x in p]
    seen, out = set(), []
    for start in range(len(p)):
        if start in seen or p[start] == start:
            continue
        cycle, i = [], start
        while i not in seen:
            seen.add(i)
            cycle.append(i)
            i = p[i]
        out.append("(" + " ".join(map(str, cycle)) + ")")
    return "".join(out) or "()"


@dataclass(frozen=True)
class SymmetryResult:
    """Recovered symmetry group of a covariance matrix.

    Attributes
    ----------
    generators : list of list of int
        Permutations (0-based one-line notation, ``p[i]`` is the image of ``i``) that commute with ``R``
        up to the threshold; ``R[p][:, p] ~ R``.
    group_order : int
        Order of the group they generate (Schreier-Sims).
    eigenvalues : numpy.ndarray
        The double-commutator spectrum, ascending, normalised so that a random ``M x M`` matrix has mean
        Rayleigh quotient 1. Complete for explicit bases and ``M <= 34``; otherwise Rayleigh-Ritz values
        of the reduced problem (upper bounds, exact on the null space).
    certificate : float
        Smallest normalised eigenvalue left after deflating the trivial solutions and the algebra of the
        group found (computed among the kept eigenvectors; the first eigenvalue beyond them when the
        group's algebra fills them; ``inf`` when the whole candidate span is explained). A value at or
        below the null threshold means the span still holds a commuting matrix the group does not
        explain (more symmetry, or, for repeated irreducible representations, no permutation at all).
    residuals : numpy.ndarray
        ``||[R, P]||_F / ||R||_F`` for every generator ``P``.
    relative_residuals : numpy.ndarray
        Change of ``R`` under each generator relative to a random relabelling of the same entries
        (:func:`cayley.symmetry.estimate.relative_residual`); about the noise-to-signal ratio.
    null_dimension : int
        Number of eigenvectors treated as the (near-)null space for rounding.
    threshold : float
        Acceptance threshold used (on the normalised eigenvalues and relative residuals).
    exact : bool
        True when ``R`` was treated as exactly symmetric (null space at numerical zero).
    """

    generators: list
    group_order: int
    eigenvalues: np.ndarray
    certificate: float
    residuals: np.ndarray
    relative_residuals: np.ndarray
    null_dimension: int
    threshold: float
    exact: bool
    basis: str
    M: int
    orbits: list = field(default_factory=list)

    def __repr__(self) -> str:
        gens = ", ".join(cycle_notation(g) for g in self.generators) or "()"
        return (f"SymmetryResult(M={self.M}, group_order={self.group_order}, generators=[{gens}], "
                f"certificate={self.certificate:.3g})")

    def to_dict(self, max_eigenvalues: int = 50) -> dict:
        """A JSON-ready summary (``inf`` becomes ``None``)."""
        def num(x):
            x = float(x)
            return x if np.isfinite(x) else None

        return {
            "M": self.M,
            "basis": self.basis,
            "group_order": int(self.group_order),
            "generators": [list(map(int, g)) for g in self.generators],
            "cycles": [cycle_notation(g) for g in self.generators],
            "orbits": [list(map(int, o)) for o in self.orbits],
            "certificate": num(self.certificate),
            "residuals": [num(r) for r in self.residuals],
            "relative_residuals": [num(r) for r in self.relative_residuals],
            "null_dimension": int(self.null_dimension),
            "threshold": num(self.threshold),
            "exact": bool(self.exact),
            "eigenvalues": [num(v) for v in self.eigenvalues[:max_eigenvalues]],
        }
