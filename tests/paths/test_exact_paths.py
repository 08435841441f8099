import numpy as np
import pytest
from reference import distances_to_center, replay

import cayley
from cayley.groups import coxeter, lrx, lx, pancake
from cayley.paths import bfs_path, find_path, mitm_path
from cayley.paths.find import solve


def _sample(dist, count, seed):
    """A seeded sample of states, always including one of the farthest."""
    states = sorted(dist)
    rng = np.random.default_rng(seed)
    picked = [states[i] for i in rng.choice(len(states), size=min(count, len(states)), replace=False)]
    far = max(dist.values())
    picked.append(next(s for s in states if dist[s] == far))
    return picked


def _check_exact(graph, method, count=25, seed=0):
    dist = distances_to_center(graph.generators, graph.central_state, graph.modulo)
    shape = graph.central_state.shape
    for state in _sample(dist, count, seed):
        s = np.array(state).reshape(shape)
        path = find_path(graph, s, method=method)
        assert len(path) == dist[state], (state, path)
        end = replay(graph.generators, graph.names, s, path, graph.modulo)
        assert np.array_equal(end, graph.central_state)


@pytest.mark.parametrize("method", ["bfs", "mitm"])
@pytest.mark.parametrize("family", [pancake, lrx])
@pytest.mark.parametrize("n", [4, 6, 8])
def test_exact_methods_give_bfs_distances(family, n, method):
    _check_exact(family(n), method)


@pytest.mark.parametrize("method", ["bfs", "mitm"])
def test_directed_graph_paths_follow_generator_moves(method):
    # LX is not inverse-closed: paths may only use L and X forwards.
    _check_exact(lx(6), method, count=40)


@pytest.mark.parametrize("method", ["bfs", "mitm"])
def test_coset_graph_paths(method):
    _check_exact(lrx(7).with_central_state([0, 0, 0, 1, 1, 2, 2]), method)


@pytest.mark.parametrize("method", ["bfs", "mitm"])
@pytest.mark.parametrize("inverse_closed", [True, False])
def test_matrix_group_paths(method, inverse_closed):
    x = np.array([[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    y = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]])
    mats, names = [x, y], ["x", "y"]
    if inverse_closed:
        mats += [np.array([[1, 2, 0], [0, 1, 0], [0, 0, 1]]), np.array([[1, 0, 0], [0, 1, 2], [0, 0, 1]])]
        names += ["X", "Y"]
    g = cayley.CayleyGraph.from_matrices(mats, modulo=3, names=names)
    _check_exact(g, method, count=20)


def test_central_state_needs_no_moves():
    g = pancake(5)
    for method in ("bfs", "mitm", "beam", "auto"):
        assert find_path(g, [0, 1, 2, 3, 4], method=method) == []


@pytest.mark.parametrize("method", ["bfs", "mitm"])
def test_unreachable_state_is_a_value_error(method):
    g = cayley.CayleyGraph([[1, 2, 0, 3]], names=["c"])  # a 3-cycle cannot swap two entries
    with pytest.raises(ValueError, match="cannot reach the central state"):
        find_path(g, [1, 0, 2, 3], method=method)


def test_bad_state_and_method_are_value_errors():
    g = lrx(5)
    with pytest.raises(ValueError, match="not a rearrangement"):
        find_path(g, [0, 0, 1, 2, 3])
    with pytest.raises(ValueError, match="unknown method"):
        find_path(g, [1, 0, 2, 3, 4], method="dijkstra")
    with pytest.raises(ValueError, match="CayleyGraph"):
        find_path("lrx", [1, 0, 2, 3, 4])


def test_mitm_over_its_state_budget_raises_memory_budget_error():
    state = np.random.default_rng(3).permutation(12)
    with pytest.raises(cayley.MemoryBudgetError, match="meet-in-the-middle"):
        mitm_path(pancake(12), state, max_states=50)


def test_auto_picks_bfs_then_mitm_then_beam():
    assert solve(pancake(7), [1, 0, 2, 3, 4, 5, 6]).method == "bfs"
    near = [2, 1, 0] + list(range(3, 12))
    found = solve(pancake(12), near)
    assert found.method == "mitm" and found.path == ["P3"] and found.optimal
    far = np.random.default_rng(0).permutation(40)
    found = solve(pancake(40), far, beam_width=50)
    assert found.method == "beam" and not found.optimal
    assert np.array_equal(replay(pancake(40).generators, pancake(40).names, far, found.path), np.arange(40))


def test_bfs_and_mitm_agree_with_coxeter_inversion_count():
    # Theory: the distance in the Coxeter graph is the number of inversions.
    g = coxeter(7)
    rng = np.random.default_rng(5)
    for _ in range(10):
        s = rng.permutation(7)
        inv = sum(1 for i in range(7) for j in range(i + 1, 7) if s[i] > s[j])
        assert len(bfs_path(g, s)) == inv == len(mitm_path(g, s))


@pytest.mark.slow
@pytest.mark.parametrize("family, n, expected", [(pancake, 10, 11), (lrx, 10, 45)])
def test_mitm_on_the_farthest_states_of_n10(family, n, expected):
    # Theory: the pancake number P(10) = 11 (OEIS A058986); diam LRX(n) = n(n-1)/2 (OEIS A186783).
    g = family(n)
    far = cayley.growth(g, progress=False).last_layer[:2]
    for state in far:
        path = find_path(g, state, method="mitm")
        assert len(path) == expected
        assert np.array_equal(replay(g.generators, g.names, state, path), np.arange(n))


@pytest.mark.slow
@pytest.mark.parametrize("family", [pancake, lrx])
def test_exact_methods_n9(family):
    _check_exact(family(9), "bfs", count=10)
    _check_exact(family(9), "mitm", count=10)
