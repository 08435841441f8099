from math import factorial

import numpy as np
import pytest

import cayley
from cayley import groups

FAMILIES = ["lrx", "lx", "pancake", "coxeter", "cyclic_coxeter", "all_transpositions"]


@pytest.mark.parametrize("name", FAMILIES)
@pytest.mark.parametrize("n", [3, 5, 6])
def test_generators_are_permutations_and_generate_sn(name, n):
    g = groups.get(name, n=n)
    assert g.state_size == n
    for p in g.generators:
        assert sorted(p.tolist()) == list(range(n))
    assert cayley.growth(g).num_states == factorial(n)


def test_inverse_closure_as_documented():
    assert groups.lrx(5).is_inverse_closed
    assert not groups.lx(5).is_inverse_closed
    for name in ("pancake", "coxeter", "cyclic_coxeter", "all_transpositions"):
        assert groups.get(name, n=5).is_inverse_closed


@pytest.mark.parametrize("n, expected", [(2, 1), (3, 3), (4, 4), (5, 5), (6, 7), (7, 8), (8, 9)])
def test_pancake_numbers_oeis_a058986(n, expected):
    assert cayley.growth(groups.pancake(n)).diameter == expected


@pytest.mark.parametrize("n", range(3, 9))
def test_cyclic_coxeter_diameter_floor_n2_over_4(n):
    assert cayley.growth(groups.cyclic_coxeter(n)).diameter == n * n // 4


def test_lrx_k_moves_x():
    g = groups.lrx(6, k=2)
    assert g.apply(np.arange(6), "X").tolist() == [2, 1, 0, 3, 4, 5]


def test_registry_errors():
    with pytest.raises(ValueError, match="unknown family"):
        groups.get("nope", n=3)
    with pytest.raises(ValueError, match="needs parameter"):
        groups.get("lrx")
    with pytest.raises(ValueError, match="integer"):
        groups.lrx(3.5)
