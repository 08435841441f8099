from collections import Counter
from math import factorial

import numpy as np
import pytest
from reference import distances_to_center

import cayley
from cayley.groups import coxeter, lrx, lx, pancake
from cayley.paths import is_full_symmetric, random_states, random_walks


def _neighbours(graph, state):
    return {tuple(np.asarray(state)[g].tolist()) for g in graph.generators}


def test_random_walk_shapes_and_step_order():
    g = lrx(6)
    states, dist = random_walks(g, count=4, length=5, seed=0)
    assert states.shape == (24, 6) and dist.tolist() == [d for d in range(6) for _ in range(4)]
    assert np.all(states[:4] == np.arange(6))
    walks = states.reshape(6, 4, 6)
    for step in range(1, 6):
        for w in range(4):
            assert tuple(walks[step, w].tolist()) in _neighbours(g, walks[step - 1, w])


def test_walk_distances_bound_true_distances():
    g = pancake(6)
    true = distances_to_center(g.generators, g.central_state)
    # For an inverse-closed graph the distance to the centre equals the distance from it.
    states, dist = random_walks(g, count=20, length=8, seed=3)
    assert all(true[tuple(s.tolist())] <= d for s, d in zip(states, dist))


def test_non_backtracking_walks_never_step_back():
    g = lrx(7)
    states, _ = random_walks(g, count=30, length=12, mode="nbt", seed=1)
    walks = states.reshape(13, 30, 7)
    assert not np.any(np.all(walks[2:] == walks[:-2], axis=2))
    assert not np.any(np.all(walks[1:] == walks[:-1], axis=2))
    for step in range(1, 13):
        for w in range(30):
            assert tuple(walks[step, w].tolist()) in _neighbours(g, walks[step - 1, w])


def test_classic_walks_do_step_back_sometimes():
    g = lrx(7)
    states, _ = random_walks(g, count=30, length=12, mode="classic", seed=1)
    walks = states.reshape(13, 30, 7)
    assert np.any(np.all(walks[2:] == walks[:-2], axis=2))


def test_walks_are_reproducible_and_seed_dependent():
    g = pancake(8)
    a = random_walks(g, count=5, length=6, seed=11)[0]
    b = random_walks(g, count=5, length=6, seed=11)[0]
    c = random_walks(g, count=5, length=6, seed=12)[0]
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_walks_on_matrix_groups_keep_the_matrix_shape():
    x = np.array([[1, 1], [0, 1]])
    g = cayley.CayleyGraph.from_matrices([x], modulo=7, names=["x"])
    states, dist = random_walks(g, count=2, length=3, seed=0)
    assert states.shape == (8, 2, 2)
    assert states[-1, 0, 1] == 3  # x^3 = [[1, 3], [0, 1]]


def test_walk_argument_errors():
    with pytest.raises(ValueError, match="walk mode"):
        random_walks(lrx(5), mode="lazy")
    with pytest.raises(ValueError, match="count"):
        random_walks(lrx(5), count=0)
    with pytest.raises(ValueError, match="length"):
        random_walks(lrx(5), length=-1)


def test_random_states_are_uniform_for_the_full_symmetric_group():
    states = random_states(lrx(3), 6000, seed=0)
    counts = Counter(tuple(s.tolist()) for s in states)
    assert len(counts) == 6
    # each count is Binomial(6000, 1/6): mean 1000, sd ~ 29; 5 sd is a very loose bound
    assert all(abs(c - 1000) < 145 for c in counts.values())


def test_random_states_keep_a_coset_graphs_values():
    g = coxeter(6).with_central_state([0, 0, 1, 1, 2, 2])
    states = random_states(g, 50, seed=2)
    assert all(sorted(s.tolist()) == [0, 0, 1, 1, 2, 2] for s in states)


def test_random_states_of_a_proper_subgroup_come_from_walks():
    # Three-cycles generate only the alternating group A_5: every state must be even.
    g = cayley.CayleyGraph([[1, 2, 0, 3, 4], [0, 1, 3, 4, 2]], names=["a", "b"])
    reachable = distances_to_center(g.generators, g.central_state)
    assert len(reachable) == factorial(5) // 2
    states = random_states(g, 40, seed=1, walk_length=None)
    assert all(tuple(s.tolist()) in reachable for s in states)
    assert np.array_equal(random_states(g, 5, seed=4), random_states(g, 5, seed=4))


@pytest.mark.parametrize("seed", range(12))
def test_is_full_symmetric_matches_group_order(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 7))
    gens = [rng.permutation(n) for _ in range(int(rng.integers(1, 3)))]
    if seed % 3 == 0:  # make a transposition generator likely
        t = np.arange(n)
        t[0], t[1] = 1, 0
        gens.append(t)
    g = cayley.CayleyGraph(gens)
    order = len(distances_to_center(g.generators, g.central_state))
    assert is_full_symmetric(g) == (order == factorial(n))


def test_is_full_symmetric_on_families():
    assert is_full_symmetric(pancake(60)) and is_full_symmetric(lrx(40)) and is_full_symmetric(lx(9))
    assert not is_full_symmetric(lrx(6, k=2))  # gcd(6, 2) > 1: the swap cannot mix the two cosets
