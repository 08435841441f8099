"""Rubik's cubes: sticker geometry, group orders, and the 2x2x2 / 3x3x3 distance distributions."""

from math import factorial

import numpy as np
import pytest
from sympy.combinatorics import Permutation, PermutationGroup

import cayley
from cayley.groups._perm import compose, inverse
from cayley.puzzles import cube
from cayley.puzzles.cube import cube_stickers

# OEIS A079761: 2x2x2 positions (one corner fixed) at each distance, half-turn metric.
A079761 = [1, 9, 54, 321, 1847, 9992, 50136, 227536, 870072, 1887748, 623800, 2644]
# OEIS A079762: the same in the quarter-turn metric.
A079762 = [1, 6, 27, 120, 534, 2256, 8969, 33058, 114149, 360508, 930588, 1350852, 782536, 90280, 276]
# OEIS A080601 (3x3x3, half-turn metric) and A080583 (quarter-turn metric), first terms.
A080601 = [1, 18, 243, 3240, 43239]
A080583 = [1, 12, 114, 1068, 10011]
CUBE_2 = factorial(7) * 3**6  # 3,674,160: corners of the 2x2x2 with one corner fixed
CUBE_3 = factorial(8) * 3**7 * factorial(12) * 2**11 // 2  # 43,252,003,274,489,856,000


def group_order(g):
    return PermutationGroup([Permutation(p.tolist()) for p in g.generators]).order()


def move(g, name):
    return g.generators[g.names.index(name)]


def order_of(p):
    p, q, k = np.asarray(p), np.asarray(p), 1
    while not np.array_equal(q, np.arange(len(p))):
        q, k = q[p], k + 1
    return k


def test_oeis_totals():
    assert sum(A079761) == sum(A079762) == CUBE_2 == 3_674_160
    assert CUBE_3 == 43_252_003_274_489_856_000


@pytest.mark.parametrize("size", [2, 3, 4, 5])
def test_stickers_faces_and_quarter_turns(size):
    g = cube(size, metric="QTM")
    assert g.state_size == 6 * size * size
    assert np.bincount(g.central_state).tolist() == [size * size] * 6
    for name in ("U", "R", "F", "D", "L", "B"):
        p = move(g, name)
        assert order_of(p) == 4
        moved = int(np.sum(p != np.arange(g.state_size)))
        centre = 1 if size % 2 else 0
        assert moved == size * size - centre + 4 * size  # the face and a strip of each neighbour
        assert np.array_equal(move(g, name + "'"), inverse(p))


@pytest.mark.parametrize(
    "name, face, shows",
    [("U", "F", "R"), ("U", "L", "F"), ("R", "U", "F"), ("F", "R", "U"), ("D", "F", "L"), ("L", "F", "U")],
)
def test_singmaster_directions(name, face, shows):
    # after a clockwise turn the neighbouring face shows, in the turned layer, the colour named
    g = cube(3)
    after = g.central_state[move(g, name)]
    on_face = after["URFDLB".index(face) * 9 : "URFDLB".index(face) * 9 + 9]
    assert np.sum(on_face == "URFDLB".index(shows)) == 3


def test_known_move_orders_on_3x3x3():
    g = cube(3)
    r, u = move(g, "R"), move(g, "U")
    assert order_of(compose(r, u, inverse(r), inverse(u))) == 6  # the commutator R U R' U'
    assert order_of(compose(r, u)) == 105  # R U
    assert np.array_equal(compose(u, move(g, "D")), compose(move(g, "D"), u))
    assert np.array_equal(compose(r, r), move(g, "R2"))


@pytest.mark.parametrize("size", [2, 3, 4])
def test_turning_every_layer_of_an_axis_rotates_the_cube(size):
    # clockwise on R, all layers together, is the rotation x: the front face goes to the top
    g = cube(size, metric="QSTM")
    layers = [move(g, "R")] + [move(g, f"{d}R") for d in range(2, size // 2 + 1)]
    layers += [move(g, f"{d}L'") for d in range(2, size // 2 + 1)] + [move(g, "L'")]
    if size % 2:
        layers.append(move(g, "M'"))
    x = compose(*layers)
    faces = g.central_state
    u_positions = np.flatnonzero(faces == 0)
    assert set(faces[x[u_positions]].tolist()) == {2}  # U now shows what F showed


def test_fix_corner_never_moves_the_dlb_corner():
    for size in (2, 3):
        g = cube(size, metric="HTM", fix_corner=True)
        assert g.names[:3] == ("U", "U'", "U2") and "D" not in g.names
        pts, _ = cube_stickers(size)
        corner = np.flatnonzero(np.all(pts <= -(size - 1), axis=1))
        assert len(corner) == 3
        for p in g.generators:
            assert np.array_equal(p[corner], corner)


def test_group_orders_by_theory():
    assert group_order(cube(2, fix_corner=True)) == CUBE_2
    assert group_order(cube(2, metric="QTM", fix_corner=True)) == CUBE_2
    assert group_order(cube(2)) == 24 * CUBE_2  # all 24 orientations of the whole cube
    assert group_order(cube(3)) == CUBE_3
    assert group_order(cube(3, metric="ATM")) == CUBE_3


def test_metric_generator_counts():
    assert cube(3, "QTM").n_generators == 12
    assert cube(3, "HTM").n_generators == cube(3, "FTM").n_generators == 18
    assert cube(3, "QSTM").n_generators == 18
    assert cube(3, "STM").n_generators == 27
    assert cube(3, "ATM").n_generators == 45  # 15 axial combinations per axis
    assert cube(4, "HTM").n_generators == 36
    assert cube(2, "HTM", fix_corner=True).n_generators == 9


def test_2x2x2_prefix_of_distance_distributions():
    htm = cayley.growth(cube(2, "HTM", fix_corner=True), max_diameter=6, progress=False)
    qtm = cayley.growth(cube(2, "QTM", fix_corner=True), max_diameter=7, progress=False)
    assert htm.layer_sizes == A079761[:7]
    assert qtm.layer_sizes == A079762[:8]


def test_3x3x3_first_layers():
    assert cayley.growth(cube(3, "HTM"), max_diameter=4, progress=False).layer_sizes == A080601
    assert cayley.growth(cube(3, "QTM"), max_diameter=4, progress=False).layer_sizes == A080583


def test_2x2x2_half_turn_metric_a079761():
    r = cayley.growth(cube(2, "HTM", fix_corner=True), progress=False)
    assert r.layer_sizes == A079761
    assert r.num_states == 3_674_160 and r.diameter == 11


def test_2x2x2_quarter_turn_metric_a079762():
    r = cayley.growth(cube(2, "QTM", fix_corner=True), progress=False)
    assert r.layer_sizes == A079762
    assert r.num_states == 3_674_160 and r.diameter == 14


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"size": 1}, "size"),
        ({"size": 2.0}, "size"),
        ({"size": 3, "metric": "XTM"}, "metric"),
        ({"size": 3, "metric": 3}, "metric"),
        ({"size": 4, "metric": "ATM"}, "metric"),
        ({"size": 2, "fix_corner": "yes"}, "fix_corner"),
    ],
)
def test_bad_cube_parameters(kwargs, word):
    with pytest.raises(ValueError, match=word):
        cube(**kwargs)
