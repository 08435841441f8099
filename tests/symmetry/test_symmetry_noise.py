"""Sample covariances: thresholds from the data, the tol override, the certificate's meaning."""

from math import factorial

import numpy as np
import pytest
from symmetry_cases import (
    block_exchangeable,
    conjugate,
    cyclic_elements,
    dihedral_elements,
    relabel,
    ring,
    sample_covariance,
    wishart,
)

from cayley.symmetry import recover_group, symmetrize
from cayley.symmetry.closure import ClosedGroup


def same_group(s, elements, M):
    truth = ClosedGroup(M, elements)
    return s.group_order == truth.order and all(truth.contains(g) for g in s.generators)


@pytest.mark.parametrize("M, complex_", [(10, False), (12, True), (16, False)])
def test_ring_recovered_from_sample_covariance(M, complex_):
    rng = np.random.default_rng(M)
    R, q = relabel(ring(M, rng, complex_), rng)
    R_hat = sample_covariance(R, 20000, rng)
    s = recover_group(R_hat)
    assert not s.exact
    elements = cyclic_elements(M) if complex_ else dihedral_elements(M)
    assert same_group(s, conjugate(elements, q), M)
    assert np.all(s.residuals > 0) and np.all(s.relative_residuals <= s.threshold + 1e-12)


@pytest.mark.parametrize("k, m", [(2, 3), (3, 2)])
def test_wreath_product_recovered_from_sample_covariance(k, m):
    rng = np.random.default_rng(k + 10 * m)
    R, _ = relabel(block_exchangeable(k, m), rng)
    s = recover_group(sample_covariance(R, 20000, rng))
    assert s.group_order == factorial(k) ** m * factorial(m)


def test_too_few_snapshots_recover_nothing_false():
    """At L = M the noise swamps the structure: whatever is returned must still be a subgroup."""
    rng = np.random.default_rng(4)
    M = 12
    R, q = relabel(ring(M, rng), rng)
    s = recover_group(sample_covariance(R, M, rng))
    truth = ClosedGroup(M, conjugate(dihedral_elements(M), q))
    assert all(truth.contains(g) for g in s.generators)


def test_noisy_wishart_is_rigid():
    rng = np.random.default_rng(8)
    for M, L in [(10, 40), (16, 200)]:
        s = recover_group(wishart(M, L, rng))
        assert s.group_order == 1 and s.certificate > 0


def test_user_tolerance_overrides_the_defaults():
    rng = np.random.default_rng(2)
    M = 10
    R, q = relabel(ring(M, rng), rng)
    R_hat = sample_covariance(R, 20000, rng)
    strict = recover_group(R_hat, tol=1e-12)
    assert strict.group_order == 1 and strict.threshold == 1e-12
    loose = recover_group(R_hat, tol=0.05)
    assert same_group(loose, conjugate(dihedral_elements(M), q), M)


def test_certificate_is_zero_when_symmetry_is_left_unfound():
    """With no search budget the group stays trivial and the certificate flags the missing symmetry."""
    rng = np.random.default_rng(6)
    R, _ = relabel(ring(9, rng), rng)
    unfinished = recover_group(R, budget=0)
    assert unfinished.group_order == 1
    assert unfinished.certificate < 1e-9
    finished = recover_group(R)
    assert finished.certificate > 1e-6


def test_symmetrize_beats_the_sample_covariance():
    rng = np.random.default_rng(12)
    M = 12
    R, _ = relabel(ring(M, rng), rng)
    errors_raw, errors_sym = [], []
    for _ in range(3):
        R_hat = sample_covariance(R, 5000, rng)
        s = recover_group(R_hat)
        errors_raw.append(np.linalg.norm(R_hat - R))
        errors_sym.append(np.linalg.norm(symmetrize(R_hat, s.generators) - R))
    assert np.mean(errors_sym) < 0.5 * np.mean(errors_raw)
