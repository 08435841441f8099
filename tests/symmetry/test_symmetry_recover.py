"""Planted symmetries under a hidden relabelling, recovered exactly from noise-free matrices."""

from math import factorial

import numpy as np
import pytest
from symmetry_cases import (
    automorphism_count,
    block_exchangeable,
    conjugate,
    cyclic_elements,
    dihedral_elements,
    relabel,
    ring,
    ring_of_blocks,
    two_rings,
    wishart,
)

from cayley.symmetry import SymmetryResult, recover_group
from cayley.symmetry.closure import ClosedGroup


def assert_valid(s: SymmetryResult, R: np.ndarray) -> None:
    """Generators commute with R, residuals are reported and match, eigenvalues sorted and >= 0."""
    M = R.shape[0]
    assert s.M == M
    assert len(s.residuals) == len(s.generators) == len(s.relative_residuals)
    for g, res in zip(s.generators, s.residuals):
        g = np.asarray(g)
        assert sorted(g.tolist()) == list(range(M))
        P = np.eye(M)[g]
        assert np.linalg.norm(R @ P - P @ R) / np.linalg.norm(R) == pytest.approx(res, abs=1e-12)
        assert res < 1e-9
    assert np.all(np.diff(s.eigenvalues) >= -1e-12) and np.all(s.eigenvalues >= 0)
    assert s.certificate >= 0


def assert_same_group(s: SymmetryResult, elements, M: int) -> None:
    truth = ClosedGroup(M, elements)
    assert s.group_order == truth.order
    assert all(truth.contains(g) for g in s.generators)


@pytest.mark.parametrize("M", [5, 8, 12, 17])
def test_complex_hermitian_circulant_gives_cyclic_group(M):
    rng = np.random.default_rng(M)
    R, q = relabel(ring(M, rng, complex_=True), rng)
    s = recover_group(R)
    assert_valid(s, R)
    assert_same_group(s, conjugate(cyclic_elements(M), q), M)
    assert s.exact and s.certificate > 0
    # multiplicity-free: the null space is exactly the group algebra (dimension M)
    assert int(np.sum(s.eigenvalues < 1e-9)) == M


@pytest.mark.parametrize("M", [4, 7, 10, 16])
def test_real_symmetric_circulant_gives_dihedral_group(M):
    rng = np.random.default_rng(100 + M)
    R, q = relabel(ring(M, rng), rng)
    s = recover_group(R)
    assert_valid(s, R)
    assert_same_group(s, conjugate(dihedral_elements(M), q), M)
    assert s.certificate > 0
    assert s.orbits == [list(range(M))]


def test_group_algebra_dimension_of_dihedral_null_space():
    rng = np.random.default_rng(5)
    M = 9
    s = recover_group(relabel(ring(M, rng), rng)[0])
    assert int(np.sum(s.eigenvalues < 1e-9)) == 2 * M - 1     # 1 + 4 (M - 1) / 2


@pytest.mark.parametrize("sizes, complex_, order", [((3, 4), False, 48), ((3, 5), True, 15), ((4, 4), True, 16)])
def test_kronecker_product_of_circulants(sizes, complex_, order):
    rng = np.random.default_rng(sum(sizes))
    a, b = sizes
    R, _ = relabel(np.kron(ring(a, rng, complex_), ring(b, rng, complex_)), rng)
    s = recover_group(R)
    assert_valid(s, R)
    assert s.group_order == order == automorphism_count(R)


@pytest.mark.parametrize("k, m", [(2, 3), (3, 2), (2, 4), (3, 3), (4, 2)])
def test_block_exchangeable_gives_wreath_product(k, m):
    rng = np.random.default_rng(10 * k + m)
    R, _ = relabel(block_exchangeable(k, m), rng)
    s = recover_group(R)
    assert_valid(s, R)
    assert s.group_order == factorial(k) ** m * factorial(m)
    assert len(s.orbits) == 1
    assert s.certificate > 0


@pytest.mark.parametrize("k, m", [(2, 4), (3, 3), (2, 5)])
def test_ring_of_exchangeable_blocks(k, m):
    rng = np.random.default_rng(7 * k + m)
    R, _ = relabel(ring_of_blocks(k, m, rng), rng)
    s = recover_group(R)
    assert_valid(s, R)
    assert s.group_order == factorial(k) ** m * 2 * m


def test_non_abelian_groups_match_independent_automorphism_count():
    rng = np.random.default_rng(11)
    cases = [ring_of_blocks(2, 4, rng), block_exchangeable(2, 3), np.kron(ring(3, rng), ring(3, rng) + np.eye(3))]
    for R0 in cases:
        R, _ = relabel(R0, rng)
        s = recover_group(R)
        assert s.group_order == automorphism_count(R)


def test_intransitive_product_of_two_rings():
    rng = np.random.default_rng(3)
    R, q = relabel(two_rings(5, 7, rng), rng)
    s = recover_group(R)
    assert_valid(s, R)
    assert s.group_order == 10 * 14
    assert sorted(len(o) for o in s.orbits) == [5, 7]


def test_random_wishart_matrix_is_rigid_with_positive_certificate():
    rng = np.random.default_rng(0)
    R = wishart(12, 30, rng)
    s = recover_group(R)
    assert s.group_order == 1 and s.generators == []
    assert s.certificate > 1e-8
    assert s.eigenvalues[0] == pytest.approx(0.0, abs=1e-12)    # the identity, removed as trivial


@pytest.mark.parametrize("M", [2, 5])
def test_exchangeable_matrix_gives_symmetric_group(M):
    for R in (2.0 * np.eye(M), 3.0 * np.eye(M) + 0.5 * np.ones((M, M))):
        s = recover_group(R)
        assert s.group_order == factorial(M)
        assert s.certificate == float("inf")


def test_random_coloured_graphs_against_networkx():
    """Matrices with few distinct entries have all kinds of automorphism groups."""
    rng = np.random.default_rng(2024)
    for _ in range(25):
        M = int(rng.integers(4, 8))
        A = np.triu(rng.integers(0, 3, size=(M, M)).astype(float), 1)
        R = A + A.T + np.diag(rng.integers(0, 2, size=M)) + 4 * np.eye(M)
        assert recover_group(R).group_order == automorphism_count(R)


def test_planted_random_groups_against_networkx():
    """Colour the orbitals of a random permutation group: the automorphism group contains it."""
    from cayley.symmetry import orbitals

    rng = np.random.default_rng(7)
    for _ in range(15):
        M = int(rng.integers(5, 10))
        p = np.arange(M)
        idx = rng.permutation(M)
        for s in range(0, M - 2, 3):
            if rng.random() < 0.7:
                p[idx[s:s + 3]] = np.roll(idx[s:s + 3], 1)
        lab = orbitals([p], M)
        lab = np.minimum(lab, lab.T)
        values = rng.integers(0, 4, size=lab.max() + 1) + 0.25 * rng.integers(0, 3, size=lab.max() + 1)
        R = values[lab] + 5.0 * np.eye(M)
        s = recover_group(R)
        truth = automorphism_count(R)
        assert s.group_order == truth
        assert ClosedGroup(M, s.generators).contains(p)


def test_complex_hermitian_random_colouring():
    rng = np.random.default_rng(5)
    for _ in range(10):
        M = int(rng.integers(4, 8))
        A = np.triu(rng.integers(0, 2, size=(M, M)) + 1j * rng.integers(0, 2, size=(M, M)), 1)
        R = A + A.conj().T + 3 * np.eye(M)
        assert recover_group(R).group_order == automorphism_count(R)


def test_result_repr_and_dict():
    rng = np.random.default_rng(1)
    s = recover_group(relabel(ring(6, rng), rng)[0])
    assert "group_order=12" in repr(s)
    d = s.to_dict()
    assert d["group_order"] == 12 and len(d["generators"]) == len(d["cycles"]) == len(s.generators)
    assert d["orbits"] == [list(range(6))]


def test_deterministic_for_a_seed():
    rng = np.random.default_rng(9)
    R, _ = relabel(block_exchangeable(2, 3), rng)
    a, b = recover_group(R, seed=3), recover_group(R, seed=3)
    assert a.generators == b.generators and a.certificate == b.certificate


@pytest.mark.parametrize("M, complex_", [(40, False), (48, True)])
def test_large_rings_use_the_reduced_problem(M, complex_):
    rng = np.random.default_rng(M)
    R, q = relabel(ring(M, rng, complex_), rng)
    s = recover_group(R)
    elements = cyclic_elements(M) if complex_ else dihedral_elements(M)
    assert_same_group(s, conjugate(elements, q), M)
    assert s.eigenvalues.size < (M - 1) ** 2 + 1      # Rayleigh-Ritz values of the reduced problem
    assert s.certificate > 0


def test_too_degenerate_for_the_reduced_problem_is_a_clear_error():
    with pytest.raises(ValueError, match="pairs of equal eigenvalues"):
        recover_group(block_exchangeable(8, 8))
