"""Impossible parameters raise ValueError naming the parameter."""

import pytest

import cayley
from cayley import groups
from cayley.groups._cycletype import MAX_GENERATORS

BAD = [
    ("lrx", {"n": 1}, "n"),
    ("lrx", {"n": 5, "k": 5}, "k"),
    ("lrx", {"n": 5, "k": 0}, "k"),
    ("lx", {"n": 0}, "n"),
    ("larx", {"n": 2}, "n"),
    ("top_spin", {"n": 5, "k": 6}, "k"),
    ("top_spin", {"n": 5, "k": 1}, "k"),
    ("cyclic", {"n": 1}, "n"),
    ("dihedral", {"n": 2}, "n"),
    ("lsl_cycles", {"n": 2}, "n"),
    ("pancake", {"n": -3}, "n"),
    ("full_reversals", {"n": 1}, "n"),
    ("cubic_pancake", {"n": 5, "subset": (2, 6)}, "subset"),
    ("cubic_pancake", {"n": 5, "subset": (2, 2, 5)}, "subset"),
    ("cubic_pancake", {"n": 5, "subset": "abc"}, "subset"),
    ("cubic_pancake", {"n": 5, "subset": ()}, "subset"),
    ("k_reversals", {"n": 4, "k": 5}, "k"),
    ("burnt_pancake", {"n": 0}, "n"),
    ("signed_reversals", {"n": 0}, "n"),
    ("coxeter_b", {"n": 0}, "n"),
    ("coxeter_d", {"n": 1}, "n"),
    ("hypercube", {"n": 0}, "n"),
    ("coxeter", {"n": 1}, "n"),
    ("cyclic_coxeter", {"n": 2}, "n"),
    ("stars", {"n": 1}, "n"),
    ("generalized_stars", {"n": 5, "k": 5}, "k"),
    ("generalized_stars", {"n": 5, "k": 0}, "k"),
    ("transposition_graph", {"n": 4, "edges": [(0, 4)]}, "edges"),
    ("transposition_graph", {"n": 4, "edges": [(1, 1)]}, "edges"),
    ("transposition_graph", {"n": 4, "edges": [0, 1, 2]}, "edges"),
    ("transposition_graph", {"n": 4, "edges": "x"}, "edges"),
    ("three_cycles", {"n": 2}, "n"),
    ("three_cycles_0ij", {"n": 2}, "n"),
    ("three_cycles_01i", {"n": 2}, "n"),
    ("all_cycles", {"n": 1}, "n"),
    ("all_cycles", {"n": 12}, "all_cycles"),
    ("consecutive_k_cycles", {"n": 4, "k": 5}, "k"),
    ("consecutive_k_cycles", {"n": 4, "k": 1}, "k"),
    ("wrapped_k_cycles", {"n": 4, "k": 4}, "k"),
    ("increasing_k_cycles", {"n": 4, "k": 5}, "k"),
    ("prefix_cycles", {"n": 1}, "n"),
    ("down_cycles", {"n": 1}, "n"),
    ("insertions", {"n": 1}, "n"),
    ("transposons", {"n": 1}, "n"),
    ("block_interchange", {"n": 1}, "n"),
    ("prefix_transpositions", {"n": 1}, "n"),
    ("derangements", {"n": 1}, "n"),
    ("derangements", {"n": 11}, "derangements"),
    ("conjugacy_class", {"n": 4, "cycle_type": (3, 2)}, "cycle_type"),
    ("conjugacy_class", {"n": 4, "cycle_type": (1, 1)}, "cycle_type"),
    ("conjugacy_class", {"n": 4, "cycle_type": (0, 2)}, "cycle_type"),
    ("conjugacy_class", {"n": 4, "cycle_type": None}, "cycle_type"),
    ("involutive_derangements", {"n": 5}, "even"),
    ("rapaport_m1", {"n": 3}, "n"),
    ("rapaport_m2", {"n": 3}, "n"),
    ("random_generators", {"n": 3, "k": 6}, "k"),
    ("random_generators", {"n": 3, "k": 0}, "k"),
    ("random_generators", {"n": 3, "k": 1, "seed": -1}, "seed"),
    ("random_generators", {"n": 3, "k": 1, "inverse_closed": "yes"}, "inverse_closed"),
]


@pytest.mark.parametrize("name, params, word", BAD)
def test_impossible_parameters_raise_value_error_naming_them(name, params, word):
    with pytest.raises(ValueError, match=word):
        groups.get(name, **params)


@pytest.mark.parametrize("value", [2.5, "3", None, True])
def test_non_integer_n_is_rejected(value):
    with pytest.raises(ValueError, match="parameter n must be an integer"):
        groups.pancake(value)


def test_registry_rejects_unknown_names_and_parameters():
    with pytest.raises(ValueError, match="unknown family"):
        groups.get("no_such_family", n=3)
    with pytest.raises(ValueError, match="unknown family"):
        groups.info(None)
    with pytest.raises(ValueError, match="takes no parameter"):
        groups.get("cube", n=3)
    with pytest.raises(ValueError, match="needs parameter"):
        groups.get("conjugacy_class", n=4)


def test_generator_limit_is_large_enough_for_documented_uses():
    # all_cycles(8) has 16,064 generators (OEIS A006231) and must be allowed
    assert MAX_GENERATORS >= 16_064
    assert groups.all_cycles(8).n_generators == 16_064


def test_random_generators_are_reproducible_and_distinct():
    a, b = groups.random_generators(7, 4, seed=11), groups.random_generators(7, 4, seed=11)
    assert a == b
    assert groups.random_generators(7, 4, seed=12) != a
    closed = groups.random_generators(7, 4, seed=11, inverse_closed=True)
    assert closed.is_inverse_closed
    assert cayley.growth(closed, progress=False).num_states <= 5040
