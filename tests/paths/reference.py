"""Obviously-correct references for path tests: dict-based BFS towards the central state."""

from collections import deque

import numpy as np


def _move(state, g, modulo, shape):
    arr = np.asarray(state).reshape(shape)
    out = arr[g] if modulo is None else (arr @ g) % modulo
    return tuple(out.ravel().tolist())


_CACHE = {}


def distances_to_center(generators, central_state, modulo=None):
    """Cached :func:`naive_distances_to_center`."""
    key = (np.asarray(generators).tobytes(), np.asarray(generators).shape, np.asarray(central_state).tobytes(), modulo)
    if key not in _CACHE:
        _CACHE[key] = naive_distances_to_center(generators, central_state, modulo)
    return _CACHE[key]


def naive_distances_to_center(generators, central_state, modulo=None):
    """{state tuple: number of moves (s -> s[g]) needed to reach the central state}.

    Enumerates the states reachable from the centre, records every edge u -> u[g], and runs a BFS
    from the centre along reversed edges.
    """
    gens = [np.asarray(g) for g in generators]
    shape = np.asarray(central_state).shape
    center = tuple(np.asarray(central_state).ravel().tolist())
    states, queue = {center}, deque([center])
    into = {}
    while queue:
        u = queue.popleft()
        for g in gens:
            v = _move(u, g, modulo, shape)
            into.setdefault(v, []).append(u)
            if v not in states:
                states.add(v)
                queue.append(v)
    dist, queue = {center: 0}, deque([center])
    while queue:
        v = queue.popleft()
        for u in into.get(v, []):
            if u not in dist:
                dist[u] = dist[v] + 1
                queue.append(u)
    return dist


def replay(generators, names, state, path, modulo=None):
    """Apply named moves one by one with plain numpy indexing."""
    lookup = dict(zip(names, [np.asarray(g) for g in generators]))
    current = np.asarray(state)
    for name in path:
        g = lookup[name]
        current = current[g] if modulo is None else (current @ g) % modulo
    return current
