"""Every registered family: discovery, documentation, generator shapes and documented inverse-closure."""

import json

import numpy as np
import pytest

import cayley
from cayley import groups
from cayley.cli import main

# One small instance of every family: name -> (parameters, state size, inverse-closed as documented).
# Signed families act on 2n positions; matrix groups have d*d entries per state.
SMALL = {
    # shifts
    "lrx": ({"n": 5}, 5, True),
    "lx": ({"n": 5}, 5, False),
    "larx": ({"n": 5}, 5, False),
    "top_spin": ({"n": 6}, 6, True),
    "cyclic": ({"n": 5}, 5, False),
    "dihedral": ({"n": 5}, 5, True),
    "lsl_cycles": ({"n": 5}, 5, True),
    # reversals
    "pancake": ({"n": 5}, 5, True),
    "full_reversals": ({"n": 5}, 5, True),
    "cubic_pancake": ({"n": 5, "subset": (2, 4, 5)}, 5, True),
    "k_reversals": ({"n": 5, "k": 3}, 5, True),
    # signed: 2n positions
    "burnt_pancake": ({"n": 4}, 8, True),
    "signed_reversals": ({"n": 4}, 8, True),
    "coxeter_b": ({"n": 4}, 8, True),
    "coxeter_d": ({"n": 4}, 8, True),
    "hypercube": ({"n": 4}, 8, True),
    # transpositions
    "coxeter": ({"n": 5}, 5, True),
    "cyclic_coxeter": ({"n": 5}, 5, True),
    "all_transpositions": ({"n": 5}, 5, True),
    "stars": ({"n": 5}, 5, True),
    "generalized_stars": ({"n": 5, "k": 2}, 5, True),
    "bubble_sort_star": ({"n": 5}, 5, True),
    "short_swaps": ({"n": 5}, 5, True),
    "transposition_graph": ({"n": 5, "edges": [(0, 1), (1, 2), (1, 3), (3, 4)]}, 5, True),
    # cycles
    "three_cycles": ({"n": 5}, 5, True),
    "three_cycles_0ij": ({"n": 5}, 5, True),
    "three_cycles_01i": ({"n": 5}, 5, True),
    "all_cycles": ({"n": 5}, 5, True),
    "consecutive_k_cycles": ({"n": 5, "k": 3}, 5, True),
    "wrapped_k_cycles": ({"n": 5, "k": 3}, 5, True),
    "increasing_k_cycles": ({"n": 5, "k": 3}, 5, False),
    "prefix_cycles": ({"n": 5}, 5, False),
    "down_cycles": ({"n": 5}, 5, False),
    "insertions": ({"n": 5}, 5, True),
    # blocks
    "transposons": ({"n": 5}, 5, True),
    "block_interchange": ({"n": 5}, 5, True),
    "prefix_transpositions": ({"n": 5}, 5, True),
    # classes, involutions, random
    "derangements": ({"n": 5}, 5, True),
    "conjugacy_class": ({"n": 5, "cycle_type": (2, 2)}, 5, True),
    "involutive_derangements": ({"n": 6}, 6, True),
    "rapaport_m1": ({"n": 5}, 5, True),
    "rapaport_m2": ({"n": 5}, 5, True),
    "random_generators": ({"n": 6, "k": 2, "seed": 3}, 6, False),
    # puzzles
    "cube": ({"size": 2, "metric": "QTM", "fix_corner": True}, 24, True),
    "globe": ({"a": 1, "b": 2}, 8, True),
    "hungarian_rings": ({"n": 5, "k": 2}, 8, True),
    "pyraminx": ({"tips": True}, 36, True),
    "megaminx": ({}, 132, True),
    "skewb": ({}, 30, True),
    "dino": ({}, 24, True),
    # matrix groups: state size d * d
    "heisenberg": ({"n": 3, "modulo": 3}, 9, True),
    "unitriangular": ({"n": 3, "p": 2}, 9, True),
    "special_linear": ({"n": 2, "modulo": 3}, 4, True),
    "general_linear": ({"n": 2, "p": 3}, 4, True),
}


def test_at_least_45_families_and_every_one_has_a_case():
    names = groups.names()
    assert len(names) >= 45
    assert sorted(SMALL) == names


@pytest.mark.parametrize("name", sorted(SMALL))
def test_generators_have_the_documented_shape_and_closure(name):
    params, size, closed = SMALL[name]
    g = groups.get(name, **params)
    assert g.state_size == size
    assert g.is_inverse_closed is closed
    assert len(set(g.names)) == g.n_generators
    if not g.is_matrix_group:
        for p in g.generators:
            assert sorted(p.tolist()) == list(range(size))
    # no generator is the identity and none repeats
    keys = {p.tobytes() for p in g.generators}
    assert len(keys) == g.n_generators
    identity = np.eye(g.matrix_size, dtype=np.int64) if g.is_matrix_group else np.arange(size)
    assert all(not np.array_equal(p, identity) for p in g.generators)


@pytest.mark.parametrize("name", sorted(SMALL))
def test_docstring_states_definition_generators_and_source(name):
    fam = groups.info(name)
    doc = fam.func.__doc__
    assert fam.summary and len(fam.summary) > 20
    assert "Generators" in doc or "generators" in doc or "Generator" in doc
    assert ">>>" in doc  # an example
    # a source: a paper (year), an OEIS id or a named reference
    assert any(mark in doc for mark in ("OEIS", "19", "20", "Jaap", "Kaggle", "Humphreys", "classical"))


def test_get_builds_the_same_graph_as_the_function():
    assert groups.get("burnt_pancake", n=3) == groups.burnt_pancake(3)
    assert groups.get("cube", size=2) == cayley.puzzles.cube(2)
    assert groups.get("heisenberg", n=3, modulo=5) == cayley.matrix_groups.heisenberg(3, modulo=5)


def test_hungarian_rings_is_reachable_from_groups_and_puzzles():
    assert groups.hungarian_rings is cayley.puzzles.hungarian_rings
    assert "hungarian_rings" in groups.names()


def test_cli_lists_every_family_with_parameters(capsys):
    assert main(["families", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == set(groups.names())
    assert by_name["cube"]["params"] == ["size", "metric", "fix_corner"]
    assert by_name["special_linear"]["kind"] == "matrix"
    assert all(r["summary"] for r in rows)
    assert main(["families"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(rows)
    assert any(line.startswith("top_spin") and "k=4" in line for line in lines)
