import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import distances_to_center, replay

import cayley
from cayley.paths import bfs_path, mitm_path


@st.composite
def graphs_and_states(draw):
    """A random small generator set (often directed), a central state (maybe repeating values) and a
    state that can reach it."""
    n = draw(st.integers(2, 6))
    k = draw(st.integers(1, 3))
    gens = [draw(st.permutations(range(n))) for _ in range(k)]
    center = list(range(n))
    if draw(st.booleans()):
        center = sorted(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)))
    graph = cayley.CayleyGraph(gens, central_state=center)
    dist = distances_to_center(graph.generators, graph.central_state)
    state = draw(st.sampled_from(sorted(dist)))
    return graph, state, dist[state]


@settings(max_examples=40, deadline=None)
@given(graphs_and_states())
def test_exact_paths_on_random_generator_sets(case):
    graph, state, distance = case
    for method in (bfs_path, mitm_path):
        indices = method(graph, np.array(state))
        assert len(indices) == distance
        end = replay(graph.generators, graph.names, np.array(state), [graph.names[i] for i in indices])
        assert np.array_equal(end, graph.central_state)
