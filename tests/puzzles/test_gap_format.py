"""The GAP puzzle format: parsing, semantics of moves, identical pieces, round trips and errors."""

import numpy as np
import pytest
from naive import naive_layers
from sympy.combinatorics import Permutation, PermutationGroup

import cayley
from cayley.puzzles import cube, load_gap, parse_gap, to_gap

# The Rubik's cube example of the GAP manual ("Analyzing Rubik's Cube with GAP"): 48 moving stickers.
GAP_MANUAL_CUBE = """
# faces U, L, F, R, B, D
cube := Group(
( 1, 3, 8, 6)( 2, 5, 7, 4)( 9,33,25,17)(10,34,26,18)(11,35,27,19),
( 9,11,16,14)(10,13,15,12)( 1,17,41,40)( 4,20,44,37)( 6,22,46,35),
(17,19,24,22)(18,21,23,20)( 6,25,43,16)( 7,28,42,13)( 8,30,41,11),
(25,27,32,30)(26,29,31,28)( 3,38,43,19)( 5,36,45,21)( 8,33,48,24),
(33,35,40,38)(34,37,39,36)( 3, 9,46,32)( 2,12,47,29)( 1,14,48,27),
(41,43,48,46)(42,45,47,44)(14,22,30,38)(15,23,31,39)(16,24,32,40) );
"""


def group_order(g):
    return PermutationGroup([Permutation(p.tolist()) for p in g.generators]).order()


def test_gap_manual_cube_has_the_cube_group_order():
    g = parse_gap(GAP_MANUAL_CUBE)
    assert g.state_size == 48 and g.n_generators == 6
    assert group_order(g) == 43_252_003_274_489_856_000


def test_a_gap_cycle_moves_the_piece_at_a_point_to_its_image():
    g = parse_gap("M := (1,2,3);")
    # the piece at point 1 goes to point 2, the one at 2 to 3, the one at 3 to 1
    assert g.apply([0, 1, 2], "M").tolist() == [2, 0, 1]


def test_products_follow_gap_order_and_inverses_apply_to_whole_literals():
    g = parse_gap("A := (1,2); B := (2,3); C := A*B; D := (1,2,3)(4,5,6)^-1; E := (1,3,2)(4,6,5);")
    s = np.arange(6)
    assert np.array_equal(g.apply(g.apply(s, "A"), "B"), g.apply(s, "C"))  # A then B
    assert g.apply(s, "C").tolist() == [1, 2, 0, 3, 4, 5]  # 1 -> 2 -> 3, 2 -> 1, 3 -> 2
    d, e = g.generators[g.names.index("D")], g.generators[g.names.index("E")]
    assert np.array_equal(d, e)
    h = parse_gap("P := (1,2,3); Q := P^-1 * P;", degree=3)
    assert h.generators[1].tolist() == [0, 1, 2]


def test_generator_lists_groups_comments_and_multiline_statements():
    text = """
    # a comment with (1,2) inside
    X := (1,2,3,
          4);
    Y := (4,5);   # trailing comment
    Z := (1,5);
    Gens := [Y, X];
    """
    g = parse_gap(text)
    assert g.names == ("Y", "X")
    assert parse_gap("G := Group([(1,2), (2,3)]);").names == ("g0", "g1")
    assert parse_gap("Group((1,2), (2,3));").n_generators == 2
    assert parse_gap("A := (1,2); B := (2,3);").names == ("A", "B")


def test_identical_pieces_give_a_coset_graph():
    text = "A := (1,2,3,4); B := (3,4,5,6); ip := [[1, 2], [5, 6]];"
    g = parse_gap(text)
    assert g.central_state.tolist() == [0, 0, 1, 2, 3, 3]
    assert g.is_coset_graph
    assert cayley.growth(g, progress=False).layer_sizes == naive_layers(g.generators, g.central_state)


def test_round_trip_through_gap_text_keeps_moves_and_colours():
    g = cube(2, metric="HTM", fix_corner=True)
    text = to_gap(g)
    assert "U_inv := " in text and text.count("[") >= 2
    back = parse_gap(text)
    assert np.array_equal(back.generators, g.generators)
    assert np.array_equal(back.central_state, g.central_state)
    assert back.names[:2] == ("U", "U_inv")


def test_load_gap_reads_a_file(tmp_path):
    path = tmp_path / "puzzle.g"
    path.write_text("R := (1,2)(3,4);\nGens := [R];\n")
    g = load_gap(path, degree=6)
    assert g.state_size == 6 and g.names == ("R",)
    with pytest.raises(ValueError, match="does not exist"):
        load_gap(tmp_path / "missing.g")


@pytest.mark.parametrize(
    "text, word",
    [
        ("A := (1,1);", "invalid cycle"),
        ("A := (0,1);", "invalid cycle"),
        ("A := B * (1,2);", "unknown permutation name"),
        ("A := (1,2) + (2,3);", "cannot read"),
        ("# nothing here", "no permutations"),
        ("ip := [[1, 2]];", "no permutations"),
        ("A := (1,2); ip := [1, 2];", "identical pieces"),
        ("A := (1,2); ip := [[0, 1]];", "identical pieces"),
        ("A := (1,2); ip := [[]];", "identical pieces"),
        ("1A := (1,2);", "cannot read"),
        ("A := ^-1;", "without a permutation"),
    ],
)
def test_bad_gap_input(text, word):
    with pytest.raises(ValueError, match=word):
        parse_gap(text)


def test_bad_degree_and_types():
    with pytest.raises(ValueError, match="degree"):
        parse_gap("A := (1,5);", degree=3)
    with pytest.raises(ValueError, match="string"):
        parse_gap(b"A := (1,2);")
    with pytest.raises(ValueError, match="matrix"):
        to_gap(cayley.matrix_groups.special_linear(2, 3))
