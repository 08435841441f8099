"""BFS layers stored as sorted packed rows, membership tests on them, and walking back through them.

A layer is a sorted array of unique packed states (uint64 rows, word 0 most significant), as kept
by ``cayley.growth(..., keep_layers=True)``. Membership of a few query rows is a binary search
narrowed column by column; :class:`LayeredSearch` grows the layers of a BFS from any start state
one at a time (the building block of meet-in-the-middle search).

Example
-------
>>> import cayley
>>> from cayley.paths.moves import Moves
>>> g = cayley.groups.lrx(4)
>>> search = LayeredSearch(g, [0, 1, 2, 3], Moves(g))
>>> while search.step():
...     pass
>>> [len(layer) for layer in search.layers]
[1, 3, 5, 6, 5, 3, 1]
"""

from __future__ import annotations

import numpy as np

from ..bfs.xp_engine import setdiff_rows, unique_rows
from ..encoding import StateCodec

__all__ = ["contains_rows", "intersect_rows", "LayeredSearch", "walk_back", "find_layer"]

_BATCH_ENTRIES = 1 << 22  # neighbour entries decoded at once (int64): 32 MiB


def contains_rows(layer: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """For each query row, whether it is a row of the sorted unique ``layer`` (both (N, W) uint64).

    >>> layer = np.array([[1, 5], [2, 0], [2, 7]], dtype=np.uint64)
    >>> contains_rows(layer, np.array([[2, 7], [2, 6]], dtype=np.uint64)).tolist()
    [True, False]
    """
    queries = np.asarray(queries, dtype=np.uint64)
    if layer.shape[0] == 0:
        return np.zeros(queries.shape[0], dtype=bool)
    if layer.shape[1] == 1:
        col = layer[:, 0]
        idx = np.minimum(np.searchsorted(col, queries[:, 0]), col.shape[0] - 1)
        return col[idx] == queries[:, 0]
    return np.array([_contains_one(layer, q) for q in queries], dtype=bool)


def _contains_one(layer: np.ndarray, row: np.ndarray) -> bool:
    lo, hi = 0, layer.shape[0]
    for w in range(layer.shape[1]):
        col = layer[lo:hi, w]
        a = int(np.searchsorted(col, row[w], side="left"))
        b = int(np.searchsorted(col, row[w], side="right"))
        if a == b:
            return False
        lo, hi = lo + a, lo + b
    return True


def intersect_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Rows of sorted unique ``a`` that are also rows of sorted unique ``b``.

    >>> a = np.array([[1], [3], [4]], dtype=np.uint64)
    >>> intersect_rows(a, np.array([[3], [9]], dtype=np.uint64)).ravel().tolist()
    [3]
    """
    if a.shape[0] == 0 or b.shape[0] == 0:
        return a[:0]
    return setdiff_rows(a, setdiff_rows(a, b))


class LayeredSearch:
    """Breadth-first layers from ``start`` under ``moves``, one layer per :meth:`step`.

    Every layer is kept (sorted packed rows) so that a path can be walked back through them.
    For inverse-closed move sets only the last two layers are needed to remove visited states;
    otherwise all of them are used.
    """

    def __init__(self, graph, start, moves, codec: StateCodec | None = None):
        self.graph = graph
        self.moves = moves
        self.codec = codec or StateCodec(graph)
        self.undirected = graph.is_inverse_closed
        first = self.codec.encode(np.asarray(start).reshape(1, -1))
        self.layers = [first]
        self.num_states = 1

    @property
    def depth(self) -> int:
        return len(self.layers) - 1

    @property
    def frontier_size(self) -> int:
        return int(self.layers[-1].shape[0])

    def step(self) -> bool:
        """Add the next layer; False (and nothing added) when the search is exhausted."""
        current = self.layers[-1]
        batch = max(1, _BATCH_ENTRIES // (self.moves.k * self.graph.state_size))
        pieces = []
        for lo in range(0, current.shape[0], batch):
            states = self.codec.decode(current[lo : lo + batch]).reshape(-1, self.graph.state_size)
            nbrs = self.moves.all(states).reshape(-1, self.graph.state_size)
            pieces.append(unique_rows(self.codec.encode(nbrs)))
        new = unique_rows(np.concatenate(pieces)) if len(pieces) > 1 else pieces[0]
        seen = self.layers[-2:] if self.undirected else self.layers
        for layer in seen:
            new = setdiff_rows(new, layer)
        if new.shape[0] == 0:
            return False
        self.layers.append(new)
        self.num_states += int(new.shape[0])
        return True

    def expected_next(self) -> int:
        """A crude upper bound on the size of the next layer (frontier times number of moves)."""
        return self.frontier_size * self.moves.k


def find_layer(layers, codec, state) -> int | None:
    """Index of the layer that holds ``state`` (flat), or None."""
    row = codec.encode(np.asarray(state).reshape(1, -1))
    for depth, layer in enumerate(layers):
        if contains_rows(layer, row)[0]:
            return depth
    return None


def walk_back(layers, codec, moves, state, depth: int) -> list[int]:
    """Moves leading from ``state`` (in ``layers[depth]``) down to ``layers[0]``, one layer per move.

    At each step the first move whose result lies in the previous layer is taken.
    """
    current = np.asarray(state).reshape(1, -1)
    path = []
    for d in range(depth, 0, -1):
        nbrs = moves.all(current)[0]
        hits = np.flatnonzero(contains_rows(layers[d - 1], codec.encode(nbrs)))
        if hits.size == 0:
            raise RuntimeError(f"no neighbour in layer {d - 1}: stored layers are inconsistent")
        path.append(int(hits[0]))
        current = nbrs[hits[0]][None]
    return path
