"""Number of reachable states (group orders) from theory, and agreement with the naive BFS."""

from math import factorial

import pytest
from naive import naive_layers

import cayley
from cayley import groups


def states(g):
    return cayley.growth(g, progress=False).num_states


def sym(n):
    return factorial(n)


def alt(n):
    return factorial(n) // 2


def signed(n):
    return 2**n * factorial(n)


# (family, parameters, expected number of states, why)
ORDERS = [
    ("lrx", {"n": 6}, sym(6), "S_n"),
    ("lx", {"n": 6}, sym(6), "S_n"),
    ("larx", {"n": 6}, sym(6), "S_n"),
    ("lsl_cycles", {"n": 6}, sym(6), "n-cycle and (n-1)-cycle generate S_n"),
    ("cyclic", {"n": 7}, 7, "Z/n"),
    ("dihedral", {"n": 7}, 14, "dihedral group of order 2n"),
    ("top_spin", {"n": 7}, alt(7), "A_n for odd n >= 7, k = 4 (Chen & Skiena 1996)"),
    ("top_spin", {"n": 9}, alt(9), "A_n for odd n >= 7, k = 4"),
    ("top_spin", {"n": 6}, sym(6), "S_n for even n >= 6, k = 4"),
    ("top_spin", {"n": 8}, sym(8), "S_n for even n >= 6, k = 4"),
    ("pancake", {"n": 6}, sym(6), "S_n"),
    ("full_reversals", {"n": 6}, sym(6), "S_n"),
    ("cubic_pancake", {"n": 6}, sym(6), "{P2, P5, P6} generate S_n"),
    ("k_reversals", {"n": 7, "k": 3}, sym(4) * sym(3), "length-3 reversals keep position parity"),
    ("k_reversals", {"n": 5, "k": 2}, sym(5), "adjacent transpositions"),
    ("burnt_pancake", {"n": 5}, signed(5), "B_n"),
    ("signed_reversals", {"n": 5}, signed(5), "B_n"),
    ("coxeter_b", {"n": 5}, signed(5), "B_n"),
    ("coxeter_d", {"n": 5}, signed(5) // 2, "D_n: even number of sign changes"),
    ("hypercube", {"n": 6}, 2**6, "(Z/2)^n"),
    ("coxeter", {"n": 6}, sym(6), "S_n"),
    ("cyclic_coxeter", {"n": 6}, sym(6), "S_n"),
    ("all_transpositions", {"n": 6}, sym(6), "S_n"),
    ("stars", {"n": 6}, sym(6), "S_n"),
    ("generalized_stars", {"n": 6, "k": 3}, sym(6), "connected transposition graph"),
    ("bubble_sort_star", {"n": 6}, sym(6), "S_n"),
    ("short_swaps", {"n": 6}, sym(6), "S_n"),
    ("transposition_graph", {"n": 6, "edges": [(0, 1), (2, 3), (4, 5)]}, 8, "disconnected: (Z/2)^3"),
    ("transposition_graph", {"n": 6, "edges": [(0, 5), (5, 1), (1, 4), (4, 2), (2, 3)]}, sym(6), "a path"),
    ("three_cycles", {"n": 6}, alt(6), "A_n"),
    ("three_cycles_0ij", {"n": 6}, alt(6), "A_n"),
    ("three_cycles_01i", {"n": 6}, alt(6), "A_n"),
    ("all_cycles", {"n": 6}, sym(6), "S_n"),
    ("consecutive_k_cycles", {"n": 6, "k": 3}, alt(6), "consecutive 3-cycles generate A_n"),
    ("consecutive_k_cycles", {"n": 6, "k": 4}, sym(6), "odd moves"),
    ("wrapped_k_cycles", {"n": 6, "k": 3}, alt(6), "3-cycles"),
    ("increasing_k_cycles", {"n": 6, "k": 3}, alt(6), "3-cycles"),
    ("prefix_cycles", {"n": 6}, sym(6), "S_n"),
    ("down_cycles", {"n": 6}, sym(6), "S_n"),
    ("insertions", {"n": 6}, sym(6), "S_n"),
    ("transposons", {"n": 6}, sym(6), "S_n"),
    ("block_interchange", {"n": 6}, sym(6), "S_n"),
    ("prefix_transpositions", {"n": 6}, sym(6), "S_n"),
    ("derangements", {"n": 3}, 3, "the two 3-cycles: A_3"),
    ("derangements", {"n": 6}, sym(6), "S_n for n >= 4"),
    ("conjugacy_class", {"n": 6, "cycle_type": (3,)}, alt(6), "even class: A_n"),
    ("conjugacy_class", {"n": 6, "cycle_type": (2, 2, 1, 1)}, alt(6), "even class: A_n"),
    ("conjugacy_class", {"n": 5, "cycle_type": (2,)}, sym(5), "odd class: S_n"),
    ("conjugacy_class", {"n": 6, "cycle_type": (4,)}, sym(6), "odd class: S_n"),
    ("involutive_derangements", {"n": 4}, 4, "Klein four-group"),
    ("involutive_derangements", {"n": 6}, sym(6), "odd class (n = 2 mod 4): S_n"),
    ("involutive_derangements", {"n": 8}, alt(8), "even class (n = 0 mod 4): A_n"),
    ("rapaport_m1", {"n": 7}, sym(7), "S_n"),
    ("rapaport_m2", {"n": 7}, sym(7), "S_n"),
]


@pytest.mark.parametrize("name, params, expected, why", ORDERS)
def test_number_of_states_matches_theory(name, params, expected, why):
    assert states(groups.get(name, **params)) == expected, why


def test_lrx_k_generates_sn_exactly_when_gcd_is_one():
    # an n-cycle and the transposition (0 k) generate S_n iff gcd(k, n) = 1. For n = 6, k = 2 the
    # conjugates of (0 2) generate S_3 x S_3 on the even and the odd positions and L swaps the two
    # blocks: the wreath product S_3 wr C_2 of order 2 * 6^2 = 72.
    assert states(groups.lrx(7, k=2)) == sym(7)
    assert states(groups.lrx(6, k=2)) == 72


CASES = [
    ("lrx", {"n": 5}),
    ("lx", {"n": 5}),
    ("larx", {"n": 5}),
    ("top_spin", {"n": 5}),
    ("lsl_cycles", {"n": 5}),
    ("cubic_pancake", {"n": 5, "subset": (3, 4, 5)}),
    ("burnt_pancake", {"n": 3}),
    ("signed_reversals", {"n": 3}),
    ("coxeter_b", {"n": 3}),
    ("coxeter_d", {"n": 3}),
    ("short_swaps", {"n": 5}),
    ("three_cycles_01i", {"n": 5}),
    ("increasing_k_cycles", {"n": 5, "k": 3}),
    ("prefix_cycles", {"n": 5}),
    ("down_cycles", {"n": 5}),
    ("insertions", {"n": 5}),
    ("block_interchange", {"n": 5}),
    ("prefix_transpositions", {"n": 5}),
    ("rapaport_m2", {"n": 5}),
    ("random_generators", {"n": 5, "k": 2, "seed": 7}),
    ("random_generators", {"n": 5, "k": 2, "seed": 7, "inverse_closed": True}),
]


@pytest.mark.parametrize("name, params", CASES)
def test_growth_agrees_with_naive_bfs(name, params):
    g = groups.get(name, **params)
    assert cayley.growth(g, progress=False).layer_sizes == naive_layers(g.generators, g.central_state)
