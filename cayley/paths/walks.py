"""Random walks from the central state and random states, seeded and reproducible.

* :func:`random_walks` returns ``(states, distances)``: every state of ``count`` walks of ``length``
  moves and its step number (an upper bound on its true distance), ready for training models.
  ``mode="classic"`` picks a uniformly random move each step; ``mode="nbt"`` (non-backtracking)
  never moves back to the state it just left nor stays in place, when another move exists.
* :func:`random_states` draws states uniformly from the whole orbit when the generators generate the
  full symmetric group (decided exactly, see :func:`is_full_symmetric`), else ends random walks.

Example
-------
>>> import cayley
>>> g = cayley.groups.lrx(5)
>>> states, dist = random_walks(g, count=3, length=2, seed=1)
>>> states.shape, dist.tolist()
((9, 5), [0, 0, 0, 1, 1, 1, 2, 2, 2])
>>> random_states(g, 2, seed=0).shape
(2, 5)
"""

from __future__ import annotations

from functools import lru_cache
from math import factorial

import numpy as np

from .moves import Moves

__all__ = ["random_walks", "random_states", "is_full_symmetric", "default_walk_length", "WALK_MODES"]

WALK_MODES = ("classic", "nbt")
_SYMPY_MAX_N = 30


def _check_count(name: str, value, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def _walk(graph, count: int, length: int, mode: str, rng, keep_all: bool) -> np.ndarray:
    """(length + 1, count, n) states of every step when ``keep_all``, else (1, count, n) final states."""
    if mode not in WALK_MODES:
        raise ValueError(f"unknown walk mode {mode!r}; choose from: {', '.join(WALK_MODES)}")
    moves = Moves(graph)
    current = np.repeat(graph.central_state.reshape(1, -1), count, axis=0)
    previous = None
    steps = [current] if keep_all else None
    for _ in range(length):
        if mode == "classic":
            nxt = moves.one(current, rng.integers(0, moves.k, size=count))
        else:
            nxt = _non_backtracking_step(moves, current, previous, rng)
        previous, current = current, nxt
        if keep_all:
            steps.append(current)
    return np.stack(steps) if keep_all else current[None]


def _non_backtracking_step(moves, current, previous, rng) -> np.ndarray:
    nbrs = moves.all(current)
    allowed = ~np.all(nbrs == current[:, None, :], axis=2)
    if previous is not None:
        allowed &= ~np.all(nbrs == previous[:, None, :], axis=2)
    allowed[~allowed.any(axis=1)] = True
    keys = np.where(allowed, rng.random(allowed.shape), -1.0)
    choice = np.argmax(keys, axis=1)
    return nbrs[np.arange(current.shape[0]), choice]


def random_walks(graph, count: int = 1, length: int = 10, mode: str = "classic", seed=0):
    """``(states, distances)`` of ``count`` random walks of ``length`` moves from the central state.

    Rows are ordered by step: first the ``count`` copies of the central state (distance 0), then
    every walk after one move, and so on; ``states`` has ``count * (length + 1)`` rows shaped like
    the graph's states. ``seed`` is an int or a ``numpy.random.Generator``.

    >>> import cayley
    >>> s, d = random_walks(cayley.groups.pancake(4), count=2, length=1, mode="nbt", seed=0)
    >>> s[:2].tolist(), d.tolist()
    ([[0, 1, 2, 3], [0, 1, 2, 3]], [0, 0, 1, 1])
    """
    count = _check_count("count", count, 1)
    length = _check_count("length", length, 0)
    rng = np.random.default_rng(seed)
    steps = _walk(graph, count, length, mode, rng, keep_all=True)
    states = steps.reshape((count * (length + 1),) + graph.central_state.shape)
    distances = np.repeat(np.arange(length + 1), count)
    return states, distances


def default_walk_length(graph) -> int:
    """Length of the walks :func:`random_states` uses when the group is not known to be full: n^2."""
    return graph.state_size ** 2


def random_states(graph, count: int = 1, seed=0, walk_length: int | None = None) -> np.ndarray:
    """``count`` random states of ``graph``, shaped like its central state.

    Uniform over all rearrangements of the central state when the generators generate the full
    symmetric group and no ``walk_length`` is given; otherwise the ends of classic random walks of
    ``walk_length`` moves (default :func:`default_walk_length`).

    >>> import cayley
    >>> s = random_states(cayley.groups.pancake(6), 3, seed=7)
    >>> sorted(s[0].tolist())
    [0, 1, 2, 3, 4, 5]
    """
    count = _check_count("count", count, 1)
    rng = np.random.default_rng(seed)
    if walk_length is None and is_full_symmetric(graph):
        center = graph.central_state
        order = np.argsort(rng.random((count, center.shape[0])), axis=1)
        return center[order]
    length = default_walk_length(graph) if walk_length is None else _check_count("walk_length", walk_length, 0)
    final = _walk(graph, count, length, "classic", rng, keep_all=False)[0]
    return final.reshape((count,) + graph.central_state.shape)


@lru_cache(maxsize=32)
def is_full_symmetric(graph) -> bool:
    """True when the generators of a permutation graph generate the whole symmetric group S_n.

    Exact: a transitive group containing a transposition ``(a b)`` (a generator, or a power of a
    generator with one 2-cycle and otherwise odd cycles) is S_n exactly when the graph on the points
    whose edges are the conjugates ``(g(a) g(b))`` is connected. Without such a transposition the
    group order is computed (sympy) for n <= 30; larger groups are then reported as not full.

    >>> import cayley
    >>> is_full_symmetric(cayley.groups.lrx(9)), is_full_symmetric(cayley.CayleyGraph([[1, 2, 0]]))
    (True, False)
    """
    if graph.is_matrix_group:
        return False
    gens = np.asarray(graph.generators, dtype=np.int64)
    n = gens.shape[1]
    if n <= 1:
        return True
    pair = _transposition_in(gens)
    if pair is not None:
        return _conjugates_connected(gens, pair)
    if n > _SYMPY_MAX_N:
        return False
    from sympy.combinatorics import Permutation, PermutationGroup

    group = PermutationGroup([Permutation([int(x) for x in g]) for g in gens])
    return group.order() == factorial(n)


def _cycle_lengths(perm: np.ndarray) -> list[list[int]]:
    seen = np.zeros(len(perm), dtype=bool)
    cycles = []
    for start in range(len(perm)):
        if seen[start]:
            continue
        cycle, i = [], start
        while not seen[i]:
            seen[i] = True
            cycle.append(i)
            i = int(perm[i])
        cycles.append(cycle)
    return cycles


def _transposition_in(gens: np.ndarray):
    """Points (a, b) of a transposition that is a power of some generator, or None."""
    for g in gens:
        cycles = [c for c in _cycle_lengths(g) if len(c) > 1]
        twos = [c for c in cycles if len(c) == 2]
        if len(twos) == 1 and all(len(c) % 2 == 1 for c in cycles if len(c) != 2):
            return tuple(twos[0])
    return None


def _conjugates_connected(gens: np.ndarray, pair) -> bool:
    """Whether the orbit of the edge ``pair`` under the generators connects all n points."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = gens.shape[1]
    a, b = min(pair), max(pair)
    seen = np.array([a * n + b], dtype=np.int64)
    frontier = seen
    while frontier.size:
        x, y = frontier // n, frontier % n
        gx, gy = gens[:, x].ravel(), gens[:, y].ravel()
        codes = np.unique(np.minimum(gx, gy) * n + np.maximum(gx, gy))
        frontier = np.setdiff1d(codes, seen, assume_unique=True)
        seen = np.union1d(seen, frontier)
    adjacency = coo_matrix((np.ones(seen.size), (seen // n, seen % n)), shape=(n, n))
    return connected_components(adjacency, directed=False)[0] == 1
