"""Building blocks: assignment rounding, swap polishing, group closure helpers, result formatting."""

import numpy as np
import pytest
from symmetry_cases import dihedral_elements, relabel, ring, sample_covariance

from cayley.symmetry import cycle_notation
from cayley.symmetry.closure import ClosedGroup
from cayley.symmetry.polish import polish, swap_gains
from cayley.symmetry.rounding import NullSpace, Search, round_to_permutation
from cayley.symmetry.search import Colours


@pytest.mark.parametrize("complex_", [False, True])
def test_swap_gains_match_brute_force(complex_):
    rng = np.random.default_rng(0)
    M = 6
    A = rng.normal(size=(M, M)) + (1j * rng.normal(size=(M, M)) if complex_ else 0)
    R = A @ A.conj().T
    p = rng.permutation(M)

    def f(q):
        return np.linalg.norm(R - R[np.ix_(q, q)]) ** 2

    G = swap_gains(R, p)
    for a in range(M):
        for b in range(a + 1, M):
            q = p.copy()
            q[[a, b]] = q[[b, a]]
            assert G[a, b] == pytest.approx(f(q) - f(p), abs=1e-9)


def test_polish_repairs_a_near_miss_under_noise():
    rng = np.random.default_rng(1)
    M = 12
    R = sample_covariance(ring(M, rng), 20000, rng)
    rotation = dihedral_elements(M)[1]
    near = rotation.copy()
    near[[3, 7]] = near[[7, 3]]
    assert polish(R, near).tolist() == rotation.tolist()
    assert polish(R, near, frozen=[3]).tolist() != rotation.tolist()


def test_rounding_recovers_a_group_element_from_one_pin():
    M = 7
    elements = dihedral_elements(M)
    Q = np.linalg.qr(np.eye(M)[np.array(elements)].reshape(2 * M, -1).T)[0].T[: 2 * M - 1]
    ns = NullSpace(Q.reshape(-1, M, M))
    found = Search(ns, accept=lambda p: any(np.array_equal(p, g) for g in elements[1:])).find([(0, 3)])
    assert found is not None and found[0] == 3
    assert ns.feasible([(0, 1), (1, 0)])          # the reflection through the edge {0, 1}
    assert ns.weight([(0, 1), (1, 0)]) >= 4 / M - 1e-12


def test_round_to_permutation_respects_pins():
    X = np.eye(4)
    assert round_to_permutation(X, [(0, 2)]).tolist()[0] == 2


def test_colours_and_stabiliser_orbits():
    rng = np.random.default_rng(2)
    R, _ = relabel(ring(6, rng), rng)
    c = Colours(R)
    assert set(c.allowed([], 0, np.arange(6)).tolist()) == set(range(6))     # transitive
    g = ClosedGroup(4, [[1, 2, 3, 0], [3, 2, 1, 0]])
    assert g.order == 8 and g.stabiliser_orbit(1) == {1, 3}
    assert g.elements(100, rng).shape == (8, 4)


def test_cycle_notation():
    assert cycle_notation([0, 1, 2]) == "()"
    assert cycle_notation([2, 0, 1, 4, 3]) == "(0 2 1)(3 4)"
