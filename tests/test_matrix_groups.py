"""Matrix groups over Z/m: orders from theory, agreement with the naive BFS, validation."""

from math import prod

import numpy as np
import pytest
from naive import naive_layers

import cayley
from cayley import groups
from cayley.matrix_groups import general_linear, group_order, heisenberg, special_linear, unitriangular


def states(g):
    return cayley.growth(g, progress=False).num_states


def gl_order(n, p):
    return prod(p**n - p**i for i in range(n))


@pytest.mark.parametrize("p", [2, 3, 5, 7])
def test_heisenberg_3_has_p_cubed_elements(p):
    g = heisenberg(3, modulo=p)
    assert g.is_inverse_closed
    assert states(g) == p**3


@pytest.mark.parametrize("n, p", [(4, 2), (4, 3), (5, 2)])
def test_higher_heisenberg_has_p_to_2n_minus_3_elements(n, p):
    assert states(heisenberg(n, modulo=p)) == p ** (2 * n - 3)


@pytest.mark.parametrize("n, p", [(2, 7), (3, 3), (4, 2), (3, 4)])
def test_unitriangular_order(n, p):
    assert states(unitriangular(n, p)) == p ** (n * (n - 1) // 2)


def test_ut3_equals_heisenberg3():
    assert unitriangular(3, 5) == heisenberg(3, modulo=5)


@pytest.mark.parametrize("p", [2, 3, 5, 7, 11])
def test_sl2_p_order(p):
    assert states(special_linear(2, p)) == p * (p * p - 1)


def test_sl_over_rings_and_higher_rank():
    assert states(special_linear(2, 4)) == 48  # |SL(2, Z/p^k)| = p^(3k) (1 - 1/p^2)
    assert states(special_linear(2, 6)) == 6 * 24  # CRT: SL(2, Z/2) x SL(2, Z/3)
    assert states(special_linear(3, 2)) == 168  # GL(3, 2) = SL(3, 2)


@pytest.mark.parametrize("n, p", [(2, 2), (2, 3), (2, 5), (3, 2), (2, 7)])
def test_gl_order(n, p):
    assert states(general_linear(n, p)) == gl_order(n, p)


def test_group_order_helper_matches_formulas():
    assert group_order("GL", 2, 3) == 48
    assert group_order("SL", 2, 7) == 7 * 48
    assert group_order("UT", 4, 3) == 3**6
    with pytest.raises(ValueError, match="prime"):
        group_order("SL", 2, 4)
    with pytest.raises(ValueError, match="kind"):
        group_order("SO", 2, 3)


@pytest.mark.parametrize(
    "g",
    [heisenberg(3, modulo=4), unitriangular(3, 3), special_linear(2, 5), general_linear(2, 3)],
    ids=["H3_4", "UT3_3", "SL2_5", "GL2_3"],
)
def test_growth_agrees_with_naive_bfs(g):
    expected = naive_layers(g.generators, g.central_state, modulo=g.modulo)
    assert cayley.growth(g, progress=False).layer_sizes == expected


def test_generators_are_elementary_matrices_and_inverses():
    g = special_linear(3, 5)
    assert g.n_generators == 12
    for name, m in zip(g.names, g.generators):
        i, j = (int(x) for x in name.split("^")[0][1:].split("_"))
        expected = np.eye(3, dtype=np.int64)
        expected[i, j] = 4 if name.endswith("^-1") else 1
        assert np.array_equal(m, expected)
    assert unitriangular(3, 2).n_generators == 2  # mod 2 each generator is its own inverse


def test_registry_and_cli_find_matrix_groups():
    assert {"heisenberg", "unitriangular", "special_linear", "general_linear"} <= set(groups.names())
    assert groups.info("special_linear").kind == "matrix"
    assert groups.get("general_linear", n=2, p=5) == general_linear(2, 5)


@pytest.mark.parametrize(
    "func, kwargs, word",
    [
        (heisenberg, {"n": 2, "modulo": 3}, "n"),
        (heisenberg, {"n": 3, "modulo": 1}, "modulo"),
        (unitriangular, {"n": 1, "p": 3}, "n"),
        (unitriangular, {"n": 3, "p": 0}, "p"),
        (special_linear, {"n": 2, "modulo": 1}, "modulo"),
        (special_linear, {"n": 1, "modulo": 5}, "n"),
        (general_linear, {"n": 2, "p": 4}, "prime"),
        (general_linear, {"n": 2, "p": 1.5}, "p"),
    ],
)
def test_bad_parameters(func, kwargs, word):
    with pytest.raises(ValueError, match=word):
        func(**kwargs)
