"""Hypothesis strategies shared by the engine tests."""

import numpy as np
from hypothesis import strategies as st

from cayley import CayleyGraph


@st.composite
def small_graphs(draw, max_n=7, pad_to=None):
    """Random small graphs: 1-3 random permutations of n <= max_n, identity or coset central state,
    directed or inverse-closed; ``pad_to`` appends positions no generator moves (wider states)."""
    n = draw(st.integers(2, max_n))
    k = draw(st.integers(1, 3))
    seeds = draw(st.lists(st.integers(0, 2**31), min_size=k, max_size=k))
    gens = [np.random.default_rng(s).permutation(n) for s in seeds]
    center = list(range(n))
    if draw(st.booleans()):
        center = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    if pad_to is not None:
        gens = [np.concatenate([g, np.arange(n, pad_to)]) for g in gens]
        center = list(center) + list(range(100, 100 + pad_to - n))
    g = CayleyGraph(gens, central_state=center)
    return g.make_inverse_closed() if draw(st.booleans()) else g
