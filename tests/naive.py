"""A tiny, obviously-correct BFS used as the reference in tests (tuples in a Python set)."""

import numpy as np


def naive_layers(generators, central_state, modulo=None):
    """Layer sizes of the graph whose moves are s -> s[g] (or s @ g mod m for matrices)."""
    gens = [np.asarray(g) for g in generators]
    start = np.asarray(central_state)

    def moves(state):
        arr = np.asarray(state).reshape(start.shape)
        for g in gens:
            nxt = arr[g] if modulo is None else (arr @ g) % modulo
            yield tuple(nxt.ravel().tolist())

    seen = {tuple(start.ravel().tolist())}
    layer = list(seen)
    sizes = [1]
    while True:
        nxt = []
        for s in layer:
            for t in moves(s):
                if t not in seen:
                    seen.add(t)
                    nxt.append(t)
        if not nxt:
            return sizes
        sizes.append(len(nxt))
        layer = nxt
