"""Candidate spans: the structured permutation-span solver and the explicit bases."""

import itertools

import numpy as np
import pytest
from symmetry_cases import relabel, ring, sample_covariance

from cayley.symmetry import (
    dihedral_basis,
    dihedral_permutations,
    permutation_matrix,
    permutation_span_dimension,
    recover_group,
    shift_basis,
    shift_permutations,
)
from cayley.symmetry.gevp import explicit_spectrum, spectrum_scale
from cayley.symmetry.span import permutation_span_spectrum


def all_permutation_matrices(M):
    return np.eye(M)[np.array(list(itertools.permutations(range(M))))]


@pytest.mark.parametrize("complex_", [False, True])
def test_structured_span_solver_matches_dense_problem(complex_):
    rng = np.random.default_rng(1)
    M = 5
    A = rng.normal(size=(M, M)) + (1j * rng.normal(size=(M, M)) if complex_ else 0)
    R = A @ A.conj().T
    fast = permutation_span_spectrum(R)
    dense = explicit_spectrum(R, all_permutation_matrices(M))
    assert fast.dimension == dense.dimension == permutation_span_dimension(M)
    np.testing.assert_allclose(fast.values, dense.values, atol=1e-10)


def test_span_eigenvectors_are_orthonormal_rayleigh_quotients():
    rng = np.random.default_rng(2)
    M = 7
    R = sample_covariance(ring(M, rng), 500, rng)
    s = permutation_span_spectrum(R)
    X = s.matrices(10)
    gram = np.einsum("kij,lij->kl", X.conj(), X)
    np.testing.assert_allclose(gram, np.eye(10), atol=1e-10)
    rq = np.array([np.linalg.norm(R @ x - x @ R) ** 2 for x in X]) / spectrum_scale(R)
    np.testing.assert_allclose(rq, s.values[:10], atol=1e-10)
    # equal row and column sums: members of the permutation span
    np.testing.assert_allclose(X.sum(axis=1), X.sum(axis=2), atol=1e-10)


@pytest.mark.parametrize("complex_", [False, True])
def test_reduced_solver_gives_upper_bounds_exact_on_the_null_space(complex_):
    rng = np.random.default_rng(3)
    M = 16
    exact = relabel(ring(M, rng, complex_), rng)[0]
    noisy = sample_covariance(exact, 3000, rng)
    for R in (exact, noisy):
        full = permutation_span_spectrum(R).values
        reduced = permutation_span_spectrum(R, pairs=2 * M).values
        assert np.all(reduced >= full[: reduced.size] - 1e-12)
        k = int(np.sum(full < 1e-9))
        np.testing.assert_allclose(reduced[:k], 0.0, atol=1e-9)
        np.testing.assert_allclose(reduced[:20], full[:20], rtol=0.05, atol=1e-9)


def test_shift_and_reflection_permutations():
    assert shift_permutations(4)[1].tolist() == [1, 2, 3, 0]
    assert dihedral_permutations(4)[4].tolist() == [0, 3, 2, 1]
    P = permutation_matrix([2, 0, 1])
    x = np.array([10.0, 20.0, 30.0])
    np.testing.assert_array_equal(P @ x, x[[2, 0, 1]])
    assert shift_basis(5).shape == (5, 5, 5) and dihedral_basis(5).shape == (10, 5, 5)


@pytest.mark.parametrize("basis", ["shifts", "circulant"])
def test_shift_basis_on_known_ring(basis):
    rng = np.random.default_rng(4)
    M = 10
    s = recover_group(ring(M, rng), basis=basis)
    assert s.group_order == M
    assert s.certificate == float("inf")          # every circulant is explained by C_M
    assert s.eigenvalues.size == M


def test_dihedral_basis_real_and_complex():
    rng = np.random.default_rng(5)
    M = 9
    assert recover_group(ring(M, rng), basis="dihedral").group_order == 2 * M
    s = recover_group(ring(M, rng, complex_=True), basis="dihedral")
    assert s.group_order == M and s.certificate > 0   # reflections do not commute
    noisy = recover_group(sample_covariance(ring(M, rng), 5000, rng), basis="dihedral")
    assert noisy.group_order == 2 * M


def test_known_geometry_basis_misses_relabelled_symmetry():
    rng = np.random.default_rng(6)
    R, _ = relabel(ring(8, rng), rng)
    s = recover_group(R, basis="dihedral")
    assert s.group_order == 1 and s.certificate > 0


def test_user_basis_with_redundant_and_foreign_matrices():
    rng = np.random.default_rng(7)
    M = 6
    R = ring(M, rng)
    B = list(dihedral_basis(M)) + [dihedral_basis(M)[1] * 2.0, rng.normal(size=(M, M))]
    s = recover_group(R, basis=B)
    assert s.basis == "user" and s.group_order == 2 * M
    few = recover_group(R, basis=shift_basis(M)[:2])        # identity and one shift: C_M
    assert few.group_order == M


def test_scalar_matrix_with_explicit_basis_stays_inside_the_span():
    M = 7
    s = recover_group(np.eye(M), basis="dihedral")
    assert s.group_order == 2 * M
    span = {tuple(p) for p in dihedral_permutations(M)}
    assert all(tuple(g) in span for g in s.generators)
