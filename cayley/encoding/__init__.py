"""State encodings: packed uint64 words (any state) and permutation ranks (full S_n).

:class:`StateCodec` ties a graph to its packing: it maps the central state's values to ``0..k-1``
(and back), so states of any value set pack with the fewest bits.
"""

from __future__ import annotations

import numpy as np

from .packing import Packing, bits_for

__all__ = ["Packing", "StateCodec", "Squeeze", "bits_for"]


class StateCodec:
    """Encode and decode the states of one graph.

    >>> import cayley
    >>> g = cayley.CayleyGraph([[1, 0, 2, 3]], central_state=[5, 5, 9, 9])
    >>> c = StateCodec(g)
    >>> c.packing.bits
    1
    >>> c.decode(c.encode(np.array([[9, 5, 5, 9]]))).tolist()
    [[9, 5, 5, 9]]
    """

    def __init__(self, graph):
        self.graph = graph
        if graph.is_matrix_group:
            self.values = np.arange(graph.modulo, dtype=np.int64)
        else:
            self.values = np.unique(graph.central_state)
        self.packing = Packing(graph.state_size, len(self.values))

    def to_indices(self, states) -> np.ndarray:
        """Replace each value by its index in the sorted value table (states as (B, state_size))."""
        states = np.asarray(states, dtype=np.int64).reshape(-1, self.graph.state_size)
        idx = np.searchsorted(self.values, states)
        idx = np.clip(idx, 0, len(self.values) - 1)
        if not np.array_equal(self.values[idx], states):
            raise ValueError("state holds a value that the central state does not have")
        return idx.astype(self.packing.entry_dtype)

    def from_indices(self, indices) -> np.ndarray:
        """Inverse of :meth:`to_indices`; matrix states come back as (B, d, d)."""
        out = self.values[np.asarray(indices).astype(np.int64)]
        if self.graph.is_matrix_group:
            d = self.graph.matrix_size
            return out.reshape(-1, d, d)
        return out

    def encode(self, states) -> np.ndarray:
        """Pack states given in the graph's own values."""
        return self.packing.encode(self.to_indices(states))

    def decode(self, words) -> np.ndarray:
        """Unpack words to states in the graph's own values."""
        return self.from_indices(self.packing.decode(np.asarray(words)))


class Squeeze:
    """The packing the search uses: only the entries that can change (the others keep their central
    value in every reachable state, so dropping them is exact and may save whole words).

    * permutations: the positions some generator moves (``perms``: the generators on those alone);
    * matrices mod m (a move multiplies on the right): if every generator differs from the identity
      only on the entries of a pattern ``P`` closed under products (``P | P @ P``), so does every
      product ``W`` of them, and a state ``C W`` differs from the central state ``C`` only where
      ``C (W - I)`` can be non-zero: on entry (i, j) with ``C[i, k] != 0`` and ``P[k, j]`` for some k.
      (The upper unitriangular matrices keep their diagonal and lower part.)

    :meth:`reduce` and :meth:`restore` convert packed rows between the full and the search packing;
    ``active`` says whether any entry is left out, ``moved`` which entries are kept.

    >>> import cayley
    >>> g = cayley.CayleyGraph([[1, 0, 2, 3], [0, 1, 3, 2]], central_state=[0, 1, 2, 3])
    >>> Squeeze(g, StateCodec(g).packing).active
    False
    >>> h = cayley.CayleyGraph.from_matrices([[[1, 1, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 0], [0, 1, 1], [0, 0, 1]]], 5)
    >>> Squeeze(h, StateCodec(h).packing).moved.tolist()  # the entries above the diagonal
    [1, 2, 5]
    """

    def __init__(self, graph, full):
        self.full, self.packing, self.perms, self.active = full, full, None, False
        self.moved = np.arange(full.n)
        self.center = StateCodec(graph).to_indices(np.asarray(graph.central_state).reshape(1, -1))[0]
        if graph.is_matrix_group:
            moved = _varying_entries(graph)
        else:
            gens = np.asarray(graph.generators, dtype=np.int64).reshape(-1, full.n)
            moved = np.flatnonzero((gens != np.arange(full.n)).any(axis=0))
        if len(moved) == 0 or len(moved) == full.n:
            return
        self.moved, self.active = moved, True
        self.packing = Packing(len(moved), full.num_values)
        if not graph.is_matrix_group:
            where = np.full(full.n, -1, np.int64)
            where[moved] = np.arange(len(moved))
            self.perms = where[gens[:, moved]]

    def reduce(self, rows: np.ndarray) -> np.ndarray:
        if not self.active:
            return rows
        return self.packing.encode(self.full.decode(rows)[:, self.moved])

    def restore(self, rows: np.ndarray) -> np.ndarray:
        if not self.active:
            return rows
        out = np.repeat(self.center[None, :], len(rows), axis=0)
        out[:, self.moved] = self.packing.decode(rows)
        return self.full.encode(out)


def _varying_entries(graph) -> np.ndarray:
    """Flat indices of the matrix entries that may differ from the central state's (see :class:`Squeeze`)."""
    d, m = graph.matrix_size, graph.modulo
    eye = np.eye(d, dtype=np.int64)
    pattern = np.zeros((d, d), dtype=np.int64)
    for g in np.asarray(graph.generators, dtype=np.int64):
        pattern |= (g % m != eye).astype(np.int64)
    while True:
        grown = pattern | ((pattern @ pattern) > 0).astype(np.int64)
        if np.array_equal(grown, pattern):
            break
        pattern = grown
    center = (np.asarray(graph.central_state, dtype=np.int64).reshape(d, d) % m != 0).astype(np.int64)
    return np.flatnonzero((center @ pattern).ravel() > 0)
