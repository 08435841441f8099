import numpy as np
import pytest
from reference import replay

import cayley
from cayley.groups import lrx, lx, pancake
from cayley.paths import apply_path, move_indices, reaches_center, validate_path
from cayley.paths.constructive import lrx_bubble_path, pancake_sort_path
from cayley.paths.moves import inverse_words, undo_path


def test_apply_path_uses_the_s_of_g_convention():
    g = lrx(4)
    # L: new[i] = s[i + 1]
    assert apply_path(g, [0, 1, 2, 3], ["L"]).tolist() == [1, 2, 3, 0]
    assert apply_path(g, [3, 0, 1, 2], "L").tolist() == [0, 1, 2, 3]
    assert apply_path(g, [0, 1, 2, 3], "L.L.R.X").tolist() == replay(g.generators, g.names, np.arange(4),
                                                                      ["L", "L", "R", "X"]).tolist()
    assert apply_path(g, [0, 1, 2, 3], [0, 2]).tolist() == [2, 1, 3, 0]


def test_apply_path_on_matrices():
    x = np.array([[1, 1], [0, 1]])
    g = cayley.CayleyGraph.from_matrices([x], modulo=5, names=["x"])
    assert apply_path(g, np.eye(2, dtype=int), ["x", "x"]).tolist() == [[1, 2], [0, 1]]


def test_path_errors_name_the_problem():
    g = pancake(4)
    with pytest.raises(ValueError, match="unknown generator 'P7'"):
        apply_path(g, [0, 1, 2, 3], ["P2", "P7"])
    with pytest.raises(ValueError, match="not the central state|not to the central state"):
        validate_path(g, [1, 0, 2, 3], ["P3"])
    with pytest.raises(ValueError, match="rearrangement"):
        apply_path(g, [0, 0, 2, 3], [])
    assert move_indices(g, "") == [] and reaches_center(g, [1, 0, 2, 3], "P2")


@pytest.mark.parametrize("graph", [lrx(6), lx(6), pancake(5)], ids=["lrx", "lx", "pancake"])
def test_inverse_words_multiply_to_the_identity(graph):
    n = graph.state_size
    for i, word in enumerate(inverse_words(graph)):
        state = replay(graph.generators, graph.names, np.arange(n), [graph.names[i]] + [graph.names[j] for j in word])
        assert np.array_equal(state, np.arange(n))


@pytest.mark.parametrize("graph", [lrx(7), lx(7)], ids=["lrx", "lx"])
def test_undo_path_undoes_a_scramble(graph):
    rng = np.random.default_rng(0)
    moves = rng.integers(0, graph.n_generators, size=30).tolist()
    scrambled = replay(graph.generators, graph.names, np.arange(7), [graph.names[i] for i in moves])
    undo = [graph.names[i] for i in undo_path(graph, moves)]
    assert np.array_equal(replay(graph.generators, graph.names, scrambled, undo), np.arange(7))


def test_pancake_sort_uses_at_most_2n_minus_3_flips():
    rng = np.random.default_rng(1)
    for n in (5, 12, 30):
        g = pancake(n)
        for _ in range(5):
            s = rng.permutation(n)
            path = pancake_sort_path(g, s)
            assert len(path) <= 2 * n - 3
            assert np.array_equal(replay(g.generators, g.names, s, path), np.arange(n))


def test_lrx_bubble_baseline_is_valid():
    rng = np.random.default_rng(2)
    for g in (lrx(9), lx(9)):
        for _ in range(5):
            s = rng.permutation(9)
            path = lrx_bubble_path(g, s)
            assert np.array_equal(replay(g.generators, g.names, s, path), np.arange(9))
    assert lrx_bubble_path(lrx(9), np.arange(9)) == []


def test_baselines_refuse_other_families():
    with pytest.raises(ValueError, match="left shift"):
        lrx_bubble_path(pancake(5), [1, 0, 2, 3, 4])
    with pytest.raises(ValueError, match="reversal"):
        pancake_sort_path(lrx(5), [4, 3, 2, 1, 0])
