"""Moves on flat state arrays, and applying / checking paths.

Internally a state is a flat integer vector of ``graph.state_size`` entries (a d x d matrix state is
flattened row by row). :class:`Moves` applies a graph's generators, or their inverses, to many
states at once. A path is a sequence of generator names (or indices, or one string of names joined
by ``.``); applied in order to a state it must reach the central state.

Example
-------
>>> import cayley
>>> g = cayley.groups.lrx(4)
>>> apply_path(g, [1, 2, 3, 0], ["R"]).tolist()
[0, 1, 2, 3]
>>> validate_path(g, [1, 0, 2, 3], "X")
['X']
"""

from __future__ import annotations

import numpy as np

__all__ = ["Moves", "move_indices", "apply_path", "reaches_center", "validate_path", "flat_state",
           "inverse_words", "undo_path"]


class Moves:
    """The generators of a graph (or their inverses) as vectorised moves on flat states.

    >>> import cayley
    >>> m = Moves(cayley.groups.lrx(3))
    >>> m.all(np.array([[0, 1, 2]])).tolist()
    [[[1, 2, 0], [2, 0, 1], [1, 0, 2]]]
    """

    def __init__(self, graph, inverse: bool = False):
        self.graph = graph
        k = graph.n_generators
        self.k = k
        if inverse:
            gens = np.array([graph.inverse_of(i) for i in range(k)], dtype=np.int64)
        else:
            gens = np.asarray(graph.generators, dtype=np.int64)
        self.generators = gens
        self.modulo = graph.modulo
        self.d = graph.matrix_size

    def all(self, states: np.ndarray) -> np.ndarray:
        """Every move applied to every state: (B, n) -> (B, k, n)."""
        states = np.asarray(states)
        if self.modulo is None:
            return np.take(states, self.generators, axis=1)
        b, d = states.shape[0], self.d
        mats = states.astype(np.int64).reshape(b, 1, d, d)
        out = np.matmul(mats, self.generators[None]) % self.modulo
        return out.reshape(b, self.k, d * d).astype(states.dtype)

    def one(self, states: np.ndarray, index) -> np.ndarray:
        """Move ``index`` (a scalar, or one index per row) applied to each state: (B, n) -> (B, n)."""
        states = np.asarray(states)
        index = np.broadcast_to(np.asarray(index, dtype=np.int64), (states.shape[0],))
        gens = self.generators[index]
        if self.modulo is None:
            return np.take_along_axis(states, gens, axis=1)
        b, d = states.shape[0], self.d
        out = np.matmul(states.astype(np.int64).reshape(b, d, d), gens) % self.modulo
        return out.reshape(b, d * d).astype(states.dtype)


def flat_state(graph, state) -> np.ndarray:
    """A validated state of ``graph`` as a flat int64 vector (matrix states may come flat too)."""
    if graph.is_matrix_group and isinstance(state, np.ndarray) and state.ndim == 1:
        if state.size == graph.state_size:
            state = state.reshape(graph.central_state.shape)
    return graph.check_state(state).reshape(-1)


def move_indices(graph, path) -> list[int]:
    """Generator indices of a path given as names, indices, or one string ``"a.b.c"``.

    >>> import cayley
    >>> move_indices(cayley.groups.lrx(4), "L.X.R")
    [0, 2, 1]
    """
    if isinstance(path, str):
        path = [] if path.strip() == "" else path.strip().split(".")
    if path is None:
        raise ValueError("path must be a sequence of generator names, got None")
    return [graph.generator_index(step) for step in path]


def apply_path(graph, state, path) -> np.ndarray:
    """The state reached by applying the moves of ``path`` in order to ``state``.

    The result has the shape of the graph's states (a vector, or a d x d matrix).

    >>> import cayley
    >>> apply_path(cayley.groups.pancake(4), [2, 1, 0, 3], ["P3"]).tolist()
    [0, 1, 2, 3]
    """
    current = graph.check_state(state)
    gens = graph.generators
    if graph.is_matrix_group:
        for i in move_indices(graph, path):
            current = (current @ gens[i]) % graph.modulo
        return current
    for i in move_indices(graph, path):
        current = current[gens[i]]
    return current


def reaches_center(graph, state, path) -> bool:
    """True when ``path`` takes ``state`` to the central state.

    >>> import cayley
    >>> reaches_center(cayley.groups.lrx(4), [0, 1, 2, 3], [])
    True
    """
    return bool(np.array_equal(apply_path(graph, state, path), graph.central_state))


def validate_path(graph, state, path) -> list[str]:
    """Check that ``path`` takes ``state`` to the central state; return it as a list of names.

    Raises ``ValueError`` naming the unknown move or the state actually reached.

    >>> import cayley
    >>> validate_path(cayley.groups.lrx(3), [2, 0, 1], ["L"])
    ['L']
    """
    indices = move_indices(graph, path)
    end = apply_path(graph, state, indices)
    if not np.array_equal(end, graph.central_state):
        raise ValueError(
            f"path of {len(indices)} moves takes the state to {np.ravel(end).tolist()}, "
            f"not to the central state {np.ravel(graph.central_state).tolist()}"
        )
    return [graph.names[i] for i in indices]


def _order(graph, index: int, limit: int = 1 << 20) -> int:
    """Order of generator ``index`` (smallest m >= 1 with g^m = identity)."""
    g = graph.generators[index]
    if not graph.is_matrix_group:
        from math import lcm

        seen, lengths = np.zeros(len(g), dtype=bool), []
        for start in range(len(g)):
            length, i = 0, start
            while not seen[i]:
                seen[i], i, length = True, int(g[i]), length + 1
            lengths.append(max(length, 1))
        return lcm(*lengths)
    identity = np.eye(graph.matrix_size, dtype=np.int64)
    power = g.copy()
    for m in range(1, limit + 1):
        if np.array_equal(power, identity):
            return m
        power = (power @ g) % graph.modulo
    raise ValueError(f"generator {graph.names[index]!r} has no finite order below {limit} (not invertible?)")


def inverse_words(graph) -> list[list[int]]:
    """For each generator, generator indices whose product is its inverse.

    The inverse itself when it is a generator, else ``g`` repeated ``order(g) - 1`` times.

    >>> import cayley
    >>> inverse_words(cayley.groups.lx(3))
    [[0, 0], [1]]
    """
    index_of = {np.asarray(g).tobytes(): i for i, g in enumerate(graph.generators)}
    words = []
    for i in range(graph.n_generators):
        inv = np.asarray(graph.inverse_of(i)).astype(graph.generators.dtype)
        j = index_of.get(inv.tobytes())
        words.append([j] if j is not None else [i] * (_order(graph, i) - 1))
    return words


def undo_path(graph, moves) -> list[int]:
    """Generator indices undoing the moves ``moves`` (indices): inverses in reverse order, with
    adjacent mutually inverse moves cancelled.

    >>> import cayley
    >>> undo_path(cayley.groups.lrx(4), [0, 0, 2, 2, 1])
    [1]
    """
    words = inverse_words(graph)
    cancels = {(i, w[0]) for i, w in enumerate(words) if len(w) == 1}
    out: list[int] = []
    for i in reversed(list(moves)):
        for j in words[i]:
            if out and (out[-1], j) in cancels:
                out.pop()
            else:
                out.append(j)
    return out
