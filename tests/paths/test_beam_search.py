import numpy as np
import pytest
from reference import distances_to_center, replay

import cayley
from cayley.groups import all_transpositions, coxeter, cyclic_coxeter, lrx, lx, pancake
from cayley.paths import beam_search, find_path
from cayley.paths.heuristics import cyclic, default_heuristic, gap, hamming, inversions


def _valid(graph, state, path):
    end = replay(graph.generators, graph.names, np.asarray(state), path, graph.modulo)
    return np.array_equal(end, graph.central_state)


@pytest.mark.parametrize(
    "graph",
    [pancake(20), lrx(12), lx(7), coxeter(9), all_transpositions(8), cyclic_coxeter(9)],
    ids=["pancake20", "lrx12", "lx7", "coxeter9", "transpositions8", "cyclic_coxeter9"],
)
def test_beam_paths_are_valid(graph):
    rng = np.random.default_rng(1)
    for _ in range(3):
        state = rng.permutation(graph.state_size)
        path = find_path(graph, state, method="beam", beam_width=200)
        assert _valid(graph, state, path)


def test_beam_on_coset_and_matrix_graphs():
    g = lrx(8).with_central_state([0, 0, 0, 0, 1, 1, 1, 1])
    state = [1, 0, 1, 0, 1, 0, 1, 0]
    assert _valid(g, state, find_path(g, state, method="beam", beam_width=50))
    x = np.array([[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    y = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]])
    m = cayley.CayleyGraph.from_matrices([x, y], modulo=5, names=["x", "y"])
    state = (x @ y @ y @ x @ y) % 5
    assert _valid(m, state, find_path(m, state, method="beam", beam_width=50))


@pytest.mark.parametrize("family, n", [(pancake, 7), (lrx, 7)])
def test_beam_lengths_are_at_least_the_distance_and_often_equal(family, n):
    g = family(n)
    dist = distances_to_center(g.generators, g.central_state)
    rng = np.random.default_rng(2)
    states = [tuple(rng.permutation(n).tolist()) for _ in range(15)]
    lengths = [len(find_path(g, s, method="beam", beam_width=500)) for s in states]
    assert all(length >= dist[s] for length, s in zip(lengths, states))
    assert sum(length == dist[s] for length, s in zip(lengths, states)) >= 12


def test_beam_is_reproducible_for_a_seed():
    g = lrx(11)
    state = np.random.default_rng(4).permutation(11)
    a = find_path(g, state, method="beam", beam_width=30, seed=7)
    b = find_path(g, state, method="beam", beam_width=30, seed=7)
    assert a == b and _valid(g, state, a)


def test_custom_heuristic_and_bad_heuristics():
    g = pancake(9)
    state = np.random.default_rng(5).permutation(9)
    calls = []

    def mine(states, goal):
        calls.append(states.shape)
        return np.count_nonzero(states != goal, axis=1)

    assert _valid(g, state, find_path(g, state, method="beam", heuristic=mine, beam_width=50))
    assert calls and calls[0][1] == 9
    with pytest.raises(ValueError, match="unknown heuristic"):
        find_path(g, state, method="beam", heuristic="manhattan")
    with pytest.raises(ValueError, match="heuristic returned shape"):
        find_path(g, state, method="beam", heuristic=lambda s, goal: np.zeros(3))
    coset = pancake(6).with_central_state([0, 0, 0, 1, 1, 1])
    with pytest.raises(ValueError, match="distinct values"):
        find_path(coset, [1, 1, 1, 0, 0, 0], method="beam", heuristic="gap")


def test_beam_step_limit_and_width_validation():
    g = lrx(12)
    state = np.random.default_rng(6).permutation(12)
    with pytest.raises(ValueError, match="no path within 3 moves"):
        beam_search(g, state, max_steps=3)
    with pytest.raises(ValueError, match="beam_width"):
        beam_search(g, state, beam_width=0)


def test_default_heuristics_by_family():
    assert default_heuristic(pancake(8)) == "gap"
    assert default_heuristic(lrx(8)) == "cyclic" and default_heuristic(lx(8)) == "cyclic"
    assert default_heuristic(coxeter(8)) == "inversions"
    assert default_heuristic(all_transpositions(5)) == "hamming"
    assert default_heuristic(lrx(6).with_central_state([0, 0, 0, 1, 1, 1])) == "hamming"


def _naive_gap(s):
    n = len(s)
    return sum(abs(s[i] - s[i + 1]) != 1 for i in range(n - 1)) + (s[-1] != n - 1)


def _naive_cyclic(s):
    n = len(s)
    best = None
    for c in range(n):
        start = s.index(c)
        seq = [(s[(start + i) % n] - c) % n for i in range(n)]
        inv = sum(seq[i] > seq[j] for i in range(n) for j in range(i + 1, n))
        best = inv if best is None else min(best, inv)
    return best


def test_heuristics_match_naive_definitions():
    rng = np.random.default_rng(8)
    states = np.array([rng.permutation(9) for _ in range(40)], dtype=np.uint8)
    goal = np.arange(9)
    as_lists = [list(map(int, s)) for s in states]
    assert gap(states, goal).tolist() == [_naive_gap(s) for s in as_lists]
    assert cyclic(states, goal).tolist() == [_naive_cyclic(s) for s in as_lists]
    assert inversions(states, goal).tolist() == [
        sum(s[i] > s[j] for i in range(9) for j in range(i + 1, 9)) for s in as_lists
    ]
    assert hamming(states, goal).tolist() == [sum(a != b for a, b in zip(s, range(9))) for s in as_lists]


def test_gap_heuristic_is_a_lower_bound_on_pancake_distance():
    g = pancake(7)
    dist = distances_to_center(g.generators, g.central_state)
    states = np.array(list(dist), dtype=np.uint8)
    d = np.array([dist[tuple(s.tolist())] for s in states])
    assert np.all(gap(states, np.arange(7)) <= d)


def test_pancake_40_beam_is_close_to_the_gap_lower_bound():
    g = pancake(40)
    state = np.random.default_rng(9).permutation(40)
    path = find_path(g, state, method="beam", beam_width=100)
    assert _valid(g, state, path)
    lower = int(gap(state[None].astype(np.uint8), np.arange(40))[0])
    assert lower <= len(path) <= 2 * 40 - 3
