"""Pyraminx, Skewb, Dino cube, Megaminx, globes and Hungarian rings: orders, distributions, structure."""

from math import factorial

import numpy as np
import pytest
from naive import naive_layers
from sympy.combinatorics import Permutation, PermutationGroup

import cayley
from cayley.groups._perm import compose
from cayley.puzzles import dino, globe, hungarian_rings, megaminx, pyraminx, skewb

# Jaap's Puzzle Page: distance distributions (the last Pyraminx term is implied by the total 933,120).
PYRAMINX = [1, 8, 48, 288, 1728, 9896, 51808, 220111, 480467, 166276, 2457, 32]
SKEWB = [1, 8, 48, 288, 1728, 10248, 59304, 315198, 1225483, 1455856, 81028, 90]


def group_order(g):
    return PermutationGroup([Permutation(p.tolist()) for p in g.generators]).order()


def order_of(p):
    q, k = np.asarray(p), 1
    while not np.array_equal(q, np.arange(len(p))):
        q, k = q[np.asarray(p)], k + 1
    return k


def limited_naive(g, depth):
    """Layer sizes up to ``depth`` by a plain set-based BFS (independent of the package)."""
    start = tuple(g.central_state.tolist())
    seen, layer, sizes = {start}, [start], [1]
    for _ in range(depth):
        nxt = []
        for s in layer:
            arr = np.asarray(s)
            for p in g.generators:
                t = tuple(arr[p].tolist())
                if t not in seen:
                    seen.add(t)
                    nxt.append(t)
        sizes.append(len(nxt))
        layer = nxt
    return sizes


def test_distribution_totals():
    assert sum(PYRAMINX) == factorial(6) // 2 * 2**5 * 3**4 == 933_120
    assert sum(SKEWB) == 3_149_280


def test_pyraminx_group_orders():
    assert group_order(pyraminx(tips=False)) == 933_120
    assert group_order(pyraminx()) == 933_120 * 3**4


def test_pyraminx_moves():
    g = pyraminx()
    assert g.n_generators == 16
    assert np.bincount(g.central_state).tolist() == [9] * 4
    for name in ("U", "u", "B", "b"):
        p = g.generators[g.names.index(name)]
        assert order_of(p) == 3
    # a tip turn moves its 3 tip stickers; a vertex turn moves 3 + 9 stickers (tip and middle layer)
    assert int(np.sum(g.generators[g.names.index("u")] != np.arange(36))) == 3
    assert int(np.sum(g.generators[g.names.index("U")] != np.arange(36))) == 12


def test_pyraminx_first_layers():
    assert cayley.growth(pyraminx(tips=False), max_diameter=5, progress=False).layer_sizes == PYRAMINX[:6]


def test_pyraminx_distribution():
    assert cayley.growth(pyraminx(tips=False), progress=False).layer_sizes == PYRAMINX


def test_skewb_orders_and_first_layers():
    assert group_order(skewb()) == 3_149_280
    # all eight corners: the 12 rotations of the cube that permute the centres evenly are reachable
    assert group_order(skewb(fix_corner=False)) == 12 * 3_149_280
    assert cayley.growth(skewb(), max_diameter=5, progress=False).layer_sizes == SKEWB[:6]


def test_skewb_distribution():
    assert cayley.growth(skewb(), progress=False).layer_sizes == SKEWB


def test_dino_order_and_first_layers():
    g = dino()
    assert group_order(g) == factorial(12) // 2
    assert cayley.growth(g, max_diameter=3, progress=False).layer_sizes == limited_naive(g, 3)


def test_megaminx_moves():
    g = megaminx()
    assert np.bincount(g.central_state).tolist() == [11] * 12
    for name in ("U", "F", "DBL", "DR"):
        p = g.generators[g.names.index(name)]
        assert order_of(p) == 5
        assert int(np.sum(p != np.arange(132))) == 25  # 10 on the face (centre stays) + 15 on neighbours
    u, d = g.generators[g.names.index("U")], g.generators[g.names.index("D")]
    assert np.array_equal(compose(u, d), compose(d, u))  # opposite faces commute
    assert megaminx(metric="FTM").n_generators == 48
    assert cayley.growth(g, max_diameter=2, progress=False).layer_sizes == limited_naive(g, 2)


@pytest.mark.slow
def test_megaminx_group_order():
    expected = factorial(30) // 2 * 2**29 * factorial(20) // 2 * 3**19
    assert group_order(megaminx()) == expected


@pytest.mark.parametrize("a, b", [(0, 2), (0, 3), (1, 1), (1, 2), (2, 1), (3, 1)])
def test_globe_states_equal_group_order(a, b):
    g = globe(a, b)
    assert g.state_size == (a + 1) * 2 * b
    assert cayley.growth(g, progress=False).num_states == group_order(g)


def test_globe_moves_agree_with_naive_bfs():
    g = globe(1, 2)
    assert cayley.growth(g, progress=False).layer_sizes == naive_layers(g.generators, g.central_state)
    flip = g.generators[g.names.index("f0")]
    assert order_of(flip) == 2
    # f0 turns columns 0..1 of both rows: cell (0, 0) <-> (1, 1)
    assert flip[1 * 4 + 1] == 0 and flip[0] == 5


@pytest.mark.parametrize("args", [(4, 2), (6, 3), (5, 2), (3, 1)])
def test_hungarian_rings_agree_with_naive_bfs(args):
    g = hungarian_rings(*args)
    assert cayley.growth(g, progress=False).layer_sizes == naive_layers(g.generators, g.central_state)


def test_hungarian_rings_orders():
    # two 5-cycles are even: the rings of 5 sharing two cells generate A_8
    assert group_order(hungarian_rings(5, 2)) == factorial(8) // 2
    # the classic puzzle: two odd 20-cycles on 38 balls generate S_38
    assert group_order(hungarian_rings()) == factorial(38)
    # one shared cell: two rings of 4 and 3 cells on 6 positions; 4-cycle and 3-cycle generate S_6
    one = hungarian_rings(4, 0, m=3)
    assert one.state_size == 6
    assert group_order(one) == factorial(6)
    # ring B of 4 cells: its cell 0 is A's cell 0, its cell 1 is A's cell 2, then new cells 6 and 7
    g = hungarian_rings(6, 2, m=4, j=1)
    assert g.state_size == 8
    assert g.generators[g.names.index("B")].tolist() == [2, 1, 6, 3, 4, 5, 7, 0]


@pytest.mark.parametrize(
    "func, kwargs, word",
    [
        (globe, {"a": -1, "b": 2}, "a"),
        (globe, {"a": 1, "b": 0}, "b"),
        (hungarian_rings, {"n": 5, "k": 5}, "k"),
        (hungarian_rings, {"n": 5, "k": 2, "m": 4, "j": 4}, "j"),
        (hungarian_rings, {"n": 1, "k": 1}, "n"),
        (hungarian_rings, {"n": 2, "k": 1}, "n and m"),
        (hungarian_rings, {"n": 5, "k": 2, "m": 2, "j": 1}, "n and m"),
        (hungarian_rings, {"n": 5, "k": 0, "m": 4, "j": 2}, "k and j"),
        (pyraminx, {"tips": "no"}, "tips"),
        (skewb, {"fix_corner": 1}, "fix_corner"),
        (megaminx, {"metric": "STM"}, "metric"),
    ],
)
def test_bad_puzzle_parameters(func, kwargs, word):
    with pytest.raises(ValueError, match=word):
        func(**kwargs)
