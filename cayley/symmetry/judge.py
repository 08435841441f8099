"""Acceptance of candidate permutations: exact residuals, or data-driven tests under noise.

A candidate ``p`` always needs a small *relative residual* (:func:`.estimate.relative_residual`). In
exact mode that is all (at most ``EXACT_ACCEPT``). Under noise (default ``tol``) it must also

* stay below ``NOISY_ACCEPT * sqrt(moved points / M)``: a residual resting on fewer entries is noisier,
  so the bar is lower for permutations of small support;
* have entry changes that look like noise (outlier ratio at most ``OUTLIER_RATIO``);
* keep random elements of the group it generates below the same bars, with homogeneous residuals;
* once a *transitive* group is known, stay within ``NOISE_FACTOR`` of the noise level estimated from
  that group's Reynolds residual (a group moving few, strongly correlated points understates the noise
  of sample covariances, hence the transitivity requirement).

Near misses (a true symmetry with a few points wrong) are repaired by pairwise swaps first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .closure import ClosedGroup, orbit_partition, random_elements
from .estimate import entry_variances, noise_ratio, outlier_ratio, relative_residual
from .polish import polish

__all__ = ["Plan", "Judge", "drop_inconsistent", "transitive"]

#: Largest relative residual of an accepted permutation in exact mode.
EXACT_ACCEPT = 1e-6
#: Default largest relative residual under noise (override with ``tol``).
NOISY_ACCEPT = 0.15
#: A generator is consistent with the noise if its residual is within this factor of the noise level.
NOISE_FACTOR = 3.0
#: Largest mean/median ratio of squared entry changes accepted under noise (Gaussian: 1.4 to 2.2).
OUTLIER_RATIO = 16.0
#: Under noise, candidates with a relative residual below this are polished by at most this many swaps.
POLISH_BELOW = 0.5
POLISH_STEPS = 8
#: Group elements sampled to check a candidate's closure under noise.
CLOSURE_SAMPLES = 48


@dataclass(frozen=True)
class Plan:
    """How a matrix is treated: exact or noisy mode and the thresholds (see :func:`.recover._plan`)."""

    exact: bool
    n: int               # near-null space dimension used for rounding
    nu_threshold: float  # normalised eigenvalues at or below count as null (certificate test)
    accept: float        # largest relative residual of an accepted permutation
    user_tol: bool


class Judge:
    """Accepts or rejects candidate permutations against the plan's thresholds.

    >>> R = np.array([[2.0, 1.0, 0.5], [1.0, 2.0, 0.5], [0.5, 0.5, 3.0]])
    >>> judge = Judge(R, Plan(True, 2, 1e-9, EXACT_ACCEPT, False), np.random.default_rng(0))
    >>> judge.accept(np.array([1, 0, 2]), ClosedGroup(3)), judge.accept(np.array([2, 1, 0]), ClosedGroup(3))
    (True, False)
    """

    def __init__(self, R: np.ndarray, plan: Plan, rng: np.random.Generator, outside=None):
        self.R, self.plan, self.rng, self.outside = R, plan, rng, outside
        self.variances = entry_variances(R)
        self.threshold = plan.accept
        self.noise_limit = np.inf

    def residual(self, p) -> float:
        """Relative residual of ``p`` (0 for an exact symmetry)."""
        return relative_residual(self.R, p, self.variances)

    def limit(self, p) -> float:
        """Threshold for ``p``. Under noise with the default, the fixed part is scaled by
        ``sqrt(moved points / M)`` (a small-support residual rests on fewer entries), and once a group is
        found the noise-calibrated part ``NOISE_FACTOR * noise level`` applies as well."""
        if self.plan.exact or self.plan.user_tol:
            return self.threshold
        p = np.asarray(p)
        fixed = self.plan.accept * np.sqrt(np.count_nonzero(p != np.arange(p.size)) / p.size)
        return min(fixed, self.noise_limit)

    def repair(self, p: np.ndarray, pins) -> np.ndarray:
        """Polish a promising near miss by pairwise swaps (pinned points stay)."""
        if self.residual(p) > POLISH_BELOW:
            return p
        return polish(self.R, p, max_steps=POLISH_STEPS, frozen=[i for i, _ in pins])

    def update(self, group: ClosedGroup) -> None:
        """Record the noise level implied by the group found (noisy mode, default tol).

        Only a transitive group is trusted for this: sample-covariance noise is correlated, and the
        changes under a group that moves few, similar points understate it for other relabellings.
        """
        if self.plan.exact or self.plan.user_tol or not transitive(group.generators, group.M):
            return
        rho = noise_ratio(self.R, group.generators, self.variances)
        self.noise_limit = max(NOISE_FACTOR * rho, 1e-12)
        self.threshold = min(self.plan.accept, self.noise_limit)

    def accept(self, p: np.ndarray, group: ClosedGroup) -> bool:
        """Whether ``p`` is taken as a symmetry, given the group found so far."""
        if np.array_equal(p, np.arange(p.size)) or self.residual(p) > self.limit(p):
            return False
        if self.outside is not None and self.outside(p) > 1e-8:
            return False            # not a member of the candidate span
        if self.plan.exact:
            return True
        if outlier_ratio(self.R, p) > OUTLIER_RATIO:
            return False            # a few large changes, not noise
        words = random_elements(group.generators + [p], CLOSURE_SAMPLES, self.rng)
        sample = [g for g in words if np.any(g != np.arange(g.size))] or [p]
        rho = np.array([self.residual(g) for g in sample])
        limits = np.array([self.limit(g) for g in sample])
        return bool(np.all(rho <= limits) and rho.max() <= NOISE_FACTOR * np.median(rho))


def transitive(generators, M: int) -> bool:
    """True when the generated group has a single orbit on ``0..M-1``."""
    return bool(generators) and len(orbit_partition(generators, M)) == 1


def drop_inconsistent(group: ClosedGroup, judge: Judge) -> ClosedGroup:
    """Leave-one-out check under noise, most suspicious generator first.

    A generator is dropped when its residual exceeds ``NOISE_FACTOR`` times the noise level estimated
    from the (transitive) group that the other generators generate.
    """
    gens = list(group.generators)
    changed = True
    while changed and len(gens) > 1:
        changed = False
        for g in sorted(gens, key=judge.residual, reverse=True):
            rest = [h for h in gens if h is not g]
            if not transitive(rest, group.M):
                continue
            rho = noise_ratio(judge.R, rest, judge.variances)
            if rho > 0 and judge.residual(g) > NOISE_FACTOR * rho:
                gens, changed = rest, True
                break
    return ClosedGroup(group.M, gens, group.base)
