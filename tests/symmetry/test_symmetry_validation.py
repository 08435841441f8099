"""Bad input raises ValueError naming the problem."""

import numpy as np
import pytest

from cayley.symmetry import explained_fraction, recover_group, symmetrize


@pytest.mark.parametrize(
    "R, message",
    [
        (np.ones((3, 4)), "square"),
        (np.ones(5), "square"),
        (np.ones((1, 1)), "at least 2 x 2"),
        (np.array([[1.0, np.nan], [np.nan, 1.0]]), "NaN"),
        (np.array([[1.0, np.inf], [np.inf, 1.0]]), "infinite"),
        (np.array([[1.0, 2.0], [0.0, 1.0]]), "symmetric/Hermitian"),
        (np.array([[1.0, 1j], [1j, 1.0]]), "symmetric/Hermitian"),
        ([["a", "b"], ["c", "d"]], "numeric"),
        ([[1.0, 2.0], [3.0]], "numeric"),
    ],
)
def test_bad_matrices(R, message):
    with pytest.raises(ValueError, match=message):
        recover_group(R)


def test_bad_basis():
    R = np.eye(3) + 0.1
    with pytest.raises(ValueError, match="unknown basis 'rotations'"):
        recover_group(R, basis="rotations")
    with pytest.raises(ValueError, match="3 x 3"):
        recover_group(R, basis=[np.eye(4)])
    with pytest.raises(ValueError, match="NaN"):
        recover_group(R, basis=[np.full((3, 3), np.nan)])
    with pytest.raises(ValueError, match="all zero"):
        recover_group(R, basis=[np.zeros((3, 3))])


@pytest.mark.parametrize("tol", [0, -1e-3, np.nan, "small"])
def test_bad_tolerance(tol):
    with pytest.raises(ValueError, match="tol"):
        recover_group(np.eye(3) + 0.1, tol=tol)


def test_bad_generators_for_symmetrize():
    R = np.eye(3) + 0.1
    with pytest.raises(ValueError, match="not a permutation"):
        symmetrize(R, [[0, 0, 1]])
    with pytest.raises(ValueError, match="length 3"):
        symmetrize(R, [[1, 0]])
    with pytest.raises(ValueError, match="not symmetric"):
        explained_fraction(np.array([[1.0, 2.0], [0.0, 1.0]]), [[1, 0]])


def test_nearly_symmetric_input_is_accepted():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 4))
    R = A @ A.T
    R[0, 1] += 1e-12
    assert recover_group(R).M == 4
