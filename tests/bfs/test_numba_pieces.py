"""The piece-coordinate BFS: numbering, move tables and layer sizes against theory and a naive BFS."""

import json
import textwrap
from math import factorial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from killing import kill_after_layers
from naive import naive_layers
from strategies import small_graphs
from theory import POCKET_HTM, POCKET_QTM, poincare

import cayley
from cayley import CayleyGraph, MemoryBudgetError
from cayley.bfs.numba_backend import engine_for
from cayley.bfs.numba_hash import growth_hash
from cayley.bfs.piece_bfs import growth_pieces
from cayley.bfs.pieces import piece_plan


def naive(g):
    return naive_layers(g.generators, g.central_state)


@pytest.mark.parametrize("metric, expected", [("HTM", POCKET_HTM), ("QTM", POCKET_QTM)])
def test_pocket_cube_distance_distribution(metric, expected):
    g = cayley.groups.get("cube", size=2, metric=metric, fix_corner=True)
    assert engine_for(g) == "pieces"
    r = cayley.growth(g, backend="numba", progress=False)
    assert r.info["engine"] == "pieces"
    assert r.layer_sizes == expected
    assert r.num_states == factorial(7) * 3**6


@pytest.mark.parametrize("n", [3, 4, 5, 6])
def test_coxeter_b_and_d_follow_their_poincare_polynomials(n):
    b = growth_pieces(cayley.groups.coxeter_b(n), progress=False)
    assert b.layer_sizes == poincare([2 * i for i in range(1, n + 1)])
    d = growth_pieces(cayley.groups.coxeter_d(n), progress=False)
    assert d.layer_sizes == poincare([2 * i for i in range(1, n)] + [n])


def test_burnt_pancake_numbers_and_group_order():
    # burnt pancake numbers (OEIS A078941): 1, 4, 6, 8, 10, 12, 14, 15 for n = 1..8
    for n, diameter in [(2, 4), (3, 6), (4, 8), (5, 10), (6, 12), (7, 14)]:
        r = growth_pieces(cayley.groups.burnt_pancake(n), progress=False)
        assert r.diameter == diameter and r.num_states == 2**n * factorial(n)


def test_last_layer_matches_the_hash_engine():
    for g in (cayley.groups.get("cube", size=2, metric="QTM", fix_corner=True), cayley.groups.signed_reversals(5)):
        ref = growth_hash(g, progress=False)
        r = growth_pieces(g, progress=False)
        assert r.layer_sizes == ref.layer_sizes
        assert np.array_equal(r.last_layer, ref.last_layer)


def test_numbering_is_exact_and_tables_follow_the_moves():
    rng = np.random.default_rng(7)
    for g in (cayley.groups.get("cube", size=2, metric="HTM"), cayley.groups.burnt_pancake(6)):
        plan = piece_plan(g)
        gens = np.asarray(g.generators)
        states = np.repeat(g.central_state[None], 500, axis=0)
        for _ in range(25):  # random walks
            states = states[np.arange(len(states))[:, None], gens[rng.integers(0, len(gens), len(states))]]
        numbers = plan.encode_states(states)
        assert np.array_equal(plan.decode(numbers), states)
        distinct_states = len({row.tobytes() for row in states})
        assert len(set(numbers.tolist())) == distinct_states
        for gi, perm in enumerate(gens):
            moved = np.zeros(len(numbers), np.int64)
            for c, table in enumerate(plan.tables):
                moved += table[(numbers // plan.strides[c]) % plan.sizes[c], gi].astype(np.int64) * plan.strides[c]
            assert np.array_equal(moved, plan.encode_states(states[:, perm]))


@settings(max_examples=80, deadline=None)
@given(small_graphs(max_n=7))
def test_matches_naive_bfs_whenever_a_plan_exists(g):
    plan = piece_plan(g)
    if plan is None:
        return
    expected = naive(g)
    for direction in ("auto", "top-down", "bottom-up"):
        assert growth_pieces(g, plan=plan, direction=direction, progress=False).layer_sizes == expected


@st.composite
def block_puzzles(draw):
    """Random puzzles: m blocks of b positions, each move permutes the blocks and turns each one by an
    element of a cyclic group of order b; every position starts with its own value."""
    m, b = draw(st.integers(2, 5)), draw(st.integers(1, 4))
    k = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    gens = []
    for _ in range(k):
        blocks, turns = rng.permutation(m), rng.integers(0, b, m)
        perm = np.empty(m * b, np.int64)
        for dst in range(m):
            for t in range(b):
                perm[dst * b + t] = blocks[dst] * b + (t + turns[dst]) % b
        gens.append(perm)
    g = CayleyGraph(gens, central_state=list(range(m * b)))
    return g.make_inverse_closed() if draw(st.booleans()) else g


@settings(max_examples=60, deadline=None)
@given(block_puzzles())
def test_random_block_puzzles(g):
    plan = piece_plan(g)
    if plan is None:  # e.g. the moves never mix two orbits' blocks into a shape with distinct pieces
        assert engine_for(g) != "pieces"
        return
    expected = naive(g)
    for direction in ("top-down", "bottom-up"):
        assert growth_pieces(g, plan=plan, direction=direction, progress=False).layer_sizes == expected


def test_plans_are_refused_where_the_numbering_would_not_be_exact():
    # blocks {0,1,2}, {3,4,5}; the local maps generate all of S_3 (a turn and a flip): a piece's
    # reference slot no longer determines where its other values are
    swap_blocks = [3, 4, 5, 0, 1, 2]
    turn = [1, 2, 0, 3, 4, 5]
    flip = [1, 0, 2, 3, 4, 5]
    g = CayleyGraph([swap_blocks, turn, flip], central_state=list(range(6)))
    plan = piece_plan(g)
    assert plan is None or plan.orbits[0].b == 1  # only the one-position numbering may remain
    assert cayley.growth(g, backend="numba", progress=False).layer_sizes == naive(g)
    coset = cayley.groups.lrx(6).with_central_state([0, 0, 0, 1, 1, 1])  # repeated values: no pieces
    assert piece_plan(coset) is None and engine_for(coset) == "keys"
    with pytest.raises(ValueError, match="pieces"):
        growth_pieces(coset)
    assert piece_plan(cayley.groups.get("heisenberg", n=3, modulo=3)) is None


def test_dispatch_and_options():
    g = cayley.groups.get("cube", size=2, metric="HTM", fix_corner=True)
    assert engine_for(g, {"keep_layers": True}) == "hash"
    assert engine_for(cayley.groups.pancake(6)) == "rank"
    with pytest.raises(ValueError, match="workers"):
        growth_pieces(g, workers=0)
    with pytest.raises(ValueError, match="direction"):
        growth_pieces(g, direction="sideways")
    with pytest.raises(ValueError, match="keep_layers"):
        growth_pieces(g, keep_layers=True)
    with pytest.raises(ValueError, match="max_diameter"):
        growth_pieces(g, max_diameter=-1)
    with pytest.raises(MemoryBudgetError):
        growth_pieces(g, memory_budget=1000)
    part = growth_pieces(g, max_diameter=4, progress=False)
    assert part.layer_sizes == POCKET_HTM[:5] and not part.complete
    one = growth_pieces(g, workers=1, progress=False)
    assert one.layer_sizes == POCKET_HTM


def test_checkpoint_resume(tmp_path):
    g = cayley.groups.burnt_pancake(6)
    full = growth_pieces(g, progress=False)
    part = growth_pieces(g, max_diameter=5, checkpoint_dir=tmp_path, progress=False)
    assert json.loads((tmp_path / "meta.json").read_text())["layer_sizes"] == part.layer_sizes
    resumed = growth_pieces(g, checkpoint_dir=tmp_path, progress=False)
    assert resumed.layer_sizes == full.layer_sizes
    assert np.array_equal(resumed.last_layer, full.last_layer)
    with pytest.raises(ValueError, match="another computation"):
        growth_pieces(cayley.groups.burnt_pancake(5), checkpoint_dir=tmp_path, progress=False)


_CHILD = textwrap.dedent(
    """
    import sys, time
    import cayley
    from cayley.bfs.piece_bfs import growth_pieces
    growth_pieces(cayley.groups.burnt_pancake(7), checkpoint_dir=sys.argv[1], progress=lambda info: time.sleep(0.2))
    """
)


def test_killed_run_resumes_with_identical_layers(tmp_path):
    g = cayley.groups.burnt_pancake(7)
    expected = growth_pieces(g, progress=False)
    ck = tmp_path / "ck"
    done = kill_after_layers(_CHILD, ck, 6)
    assert len(done) < len(expected.layer_sizes)
    assert done == expected.layer_sizes[: len(done)]
    resumed = growth_pieces(g, checkpoint_dir=ck, progress=False)
    assert resumed.layer_sizes == expected.layer_sizes


def test_coordinates_keep_only_reachable_values():
    # a 2x2x2 cube's twists sum to 0 mod 3: 3**7 of 3**8 orientation values stay, so the numbering is
    # exactly the 24 * 7! * 3**6 states; burnt pancakes fill B_n, type D keeps the even sign changes
    assert piece_plan(cayley.groups.get("cube", size=2, metric="QTM")).num_slots == 24 * factorial(7) * 3**6
    assert piece_plan(cayley.groups.burnt_pancake(6)).num_slots == 2**6 * factorial(6)
    assert piece_plan(cayley.groups.coxeter_d(6)).num_slots == 2**5 * factorial(6)
    skewb = cayley.groups.get("skewb")
    assert engine_for(skewb) == "pieces"  # its distribution is checked in tests/puzzles
    plan = piece_plan(skewb)
    with pytest.raises(ValueError, match="reachable"):
        plan.encode_states(np.asarray(skewb.central_state)[None, ::-1])


def test_auto_direction_mixes_both_and_stays_exact():
    g = cayley.groups.burnt_pancake(7)
    auto = growth_pieces(g, progress=False)
    assert auto.info["directions"][0] == "top-down" and auto.info["directions"][-1] == "bottom-up"
    forced = growth_pieces(g, direction="bottom-up", progress=False)
    assert forced.layer_sizes == auto.layer_sizes == growth_pieces(g, direction="top-down", progress=False).layer_sizes
    assert np.array_equal(forced.last_layer, auto.last_layer)
    assert auto.diameter == 14 and auto.num_states == 2**7 * factorial(7)  # OEIS A078941
