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
    """The packing the search uses: the entries that some generator moves (the others keep their
    central value in every reachable state, so dropping them is exact and may save whole words).

    :meth:`reduce` and :meth:`restore` convert packed rows between the full and the search packing.

    >>> import cayley
    >>> g = cayley.CayleyGraph([[1, 0, 2, 3], [0, 1, 3, 2]], central_state=[0, 1, 2, 3])
    >>> Squeeze(g, StateCodec(g).packing).perms is None
    True
    """

    def __init__(self, graph, full):
        self.full, self.packing, self.perms = full, full, None
        if graph.is_matrix_group:
            return
        gens = np.asarray(graph.generators, dtype=np.int64).reshape(-1, full.n)
        moved = np.flatnonzero((gens != np.arange(full.n)).any(axis=0))
        if len(moved) == 0 or len(moved) == full.n:
            return
        where = np.full(full.n, -1, np.int64)
        where[moved] = np.arange(len(moved))
        self.moved, self.perms = moved, where[gens[:, moved]]
        self.packing = Packing(len(moved), full.num_values)
        self.center = StateCodec(graph).to_indices(graph.central_state.reshape(1, -1))[0]

    def reduce(self, rows: np.ndarray) -> np.ndarray:
        if self.perms is None:
            return rows
        return self.packing.encode(self.full.decode(rows)[:, self.moved])

    def restore(self, rows: np.ndarray) -> np.ndarray:
        if self.perms is None:
            return rows
        out = np.repeat(self.center[None, :], len(rows), axis=0)
        out[:, self.moved] = self.packing.decode(rows)
        return self.full.encode(out)
