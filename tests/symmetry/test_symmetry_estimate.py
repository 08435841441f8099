"""Reynolds averaging, explained fraction and residual statistics."""

import numpy as np
import pytest
from symmetry_cases import dihedral_elements, ring, sample_covariance

from cayley.symmetry import (
    SymmetryResult,
    explained_fraction,
    noise_ratio,
    orbit_partition,
    orbitals,
    recover_group,
    relative_residual,
    symmetrize,
)
from cayley.symmetry.closure import ClosedGroup, random_elements
from cayley.symmetry.estimate import outlier_ratio


def brute_force_reynolds(R, elements):
    return sum(R[np.ix_(g, g)] for g in elements) / len(elements)


def test_symmetrize_equals_group_average():
    rng = np.random.default_rng(0)
    M = 7
    R_hat = sample_covariance(ring(M, rng), 200, rng)
    gens = [dihedral_elements(M)[1], dihedral_elements(M)[M]]
    np.testing.assert_allclose(symmetrize(R_hat, gens), brute_force_reynolds(R_hat, dihedral_elements(M)))


def test_symmetrize_is_an_invariant_projection():
    rng = np.random.default_rng(1)
    M = 8
    A = rng.normal(size=(M, M)) + 1j * rng.normal(size=(M, M))
    R_hat = A @ A.conj().T
    gens = [[1, 0, 3, 2, 5, 4, 7, 6], [2, 3, 0, 1, 6, 7, 4, 5]]
    S = symmetrize(R_hat, gens)
    np.testing.assert_allclose(S, S.conj().T)
    for g in gens:
        np.testing.assert_allclose(S[np.ix_(g, g)], S)
    np.testing.assert_allclose(symmetrize(S, gens), S)
    # orthogonal projection: the residual is orthogonal to the invariant part
    assert abs(np.vdot(S, R_hat - S)) < 1e-9 * np.linalg.norm(R_hat) ** 2


def test_symmetrize_accepts_a_result_and_the_trivial_group():
    rng = np.random.default_rng(2)
    R = ring(6, rng)
    s = recover_group(R)
    assert isinstance(s, SymmetryResult)
    np.testing.assert_allclose(symmetrize(R, s), R)
    np.testing.assert_allclose(symmetrize(R, []), R)


def test_explained_fraction():
    rng = np.random.default_rng(3)
    R = ring(6, rng)
    assert explained_fraction(R, dihedral_elements(6)[1:2]) == pytest.approx(1.0)
    W = rng.normal(size=(6, 6))
    W = W @ W.T
    f = explained_fraction(W, dihedral_elements(6)[1:2])
    assert 0 < f < 1


def test_relative_residual_and_noise_ratio():
    rng = np.random.default_rng(4)
    M = 10
    R = ring(M, rng)
    rotation = dihedral_elements(M)[1]
    assert relative_residual(R, rotation) == 0.0
    assert relative_residual(R, rng.permutation(M)) > 0.2
    R_hat = sample_covariance(R, 10000, rng)
    rho = noise_ratio(R_hat, [rotation])
    assert 0 < rho < 0.05
    assert relative_residual(R_hat, rotation) == pytest.approx(rho, rel=1.0)
    assert outlier_ratio(R_hat, rotation) < 8


def test_orbitals_and_orbits():
    lab = orbitals([[1, 2, 0, 3]], 4)
    assert lab[0, 1] == lab[1, 2] == lab[2, 0] and lab[0, 1] != lab[1, 0]
    assert orbit_partition([[1, 2, 0, 3]], 4) == [[0, 1, 2], [3]]


def test_random_elements_stay_in_the_group():
    gens = [[1, 2, 3, 4, 0], [0, 4, 3, 2, 1]]
    group = ClosedGroup(5, gens)
    sample = random_elements(gens, 50, np.random.default_rng(0))
    assert all(group.contains(g) for g in sample)
    assert len({tuple(g) for g in sample}) > 5
