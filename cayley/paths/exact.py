"""Shortest paths: restore from stored BFS layers, or bidirectional meet-in-the-middle search.

With the convention that a move sends ``s`` to ``s[g]``, the states that reach the central state
``c`` in exactly ``d`` moves are the layer ``d`` of a BFS *from* ``c`` along the inverse moves
(``t = s[g]`` means ``s = t[g^-1]``). For inverse-closed generators that is the ordinary growth BFS.

* :func:`bfs_path` computes those layers once per graph (cached), finds the layer ``d`` holding the
  state and walks down: at each step some move leads into layer ``d - 1``.
* :func:`mitm_path` grows a BFS forward from the state and one backward from ``c``, always the side
  with the smaller frontier, until the newest layer of one meets the newest layer of the other; the
  two halves are then walked back. Checking only the two newest layers is enough: an earlier
  meeting would have been found earlier. Both methods return shortest paths.

Example
-------
>>> import cayley
>>> g = cayley.groups.pancake(5)
>>> [g.names[i] for i in bfs_path(g, [1, 0, 2, 3, 4])]
['P2']
>>> len(mitm_path(g, [4, 3, 2, 1, 0]))
1
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..bfs import growth
from ..bfs.memory import resolve_budget
from ..errors import MemoryBudgetError
from ..graph import CayleyGraph
from .layers import LayeredSearch, find_layer, intersect_rows, walk_back
from .moves import Moves, flat_state

__all__ = ["bfs_path", "mitm_path", "reverse_graph", "distance_layers", "unreachable_error"]

_BYTES_PER_STORED_ROW_WORD = 8 * 3  # a stored row plus sorting temporaries


def reverse_graph(graph) -> CayleyGraph:
    """The graph whose moves are the inverses of ``graph``'s (the graph itself when inverse-closed).

    >>> import cayley
    >>> reverse_graph(cayley.groups.lx(3)).generators.tolist()
    [[2, 0, 1], [1, 0, 2]]
    """
    if graph.is_inverse_closed:
        return graph
    inverses = np.array([graph.inverse_of(i) for i in range(graph.n_generators)])
    if graph.is_matrix_group:
        return CayleyGraph.from_matrices(inverses, graph.modulo, names=graph.names, central_state=graph.central_state)
    return CayleyGraph(inverses, names=graph.names, central_state=graph.central_state)


@lru_cache(maxsize=2)
def distance_layers(graph, memory_budget=None):
    """``(layers, codec)``: layer ``d`` holds the states ``d`` moves away from the central state.

    Computed by one growth BFS along the inverse moves and cached for the last two graphs.
    """
    result = growth(reverse_graph(graph), backend="numpy", progress=False, memory_budget=memory_budget,
                    keep_layers=True)
    return result.layers, result.codec


def unreachable_error(state) -> ValueError:
    return ValueError(f"state {np.ravel(state).tolist()} cannot reach the central state with these generators")


def bfs_path(graph, state, memory_budget=None) -> list[int]:
    """A shortest path (generator indices) from ``state`` to the central state, from stored layers.

    >>> import cayley
    >>> g = cayley.groups.lrx(4)
    >>> [g.names[i] for i in bfs_path(g, [1, 2, 3, 0])]
    ['R']
    """
    flat = flat_state(graph, state)
    layers, codec = distance_layers(graph, memory_budget)
    depth = find_layer(layers, codec, flat)
    if depth is None:
        raise unreachable_error(flat)
    return walk_back(layers, codec, Moves(graph), flat, depth)


def mitm_path(graph, state, max_states: int | None = None, memory_budget=None) -> list[int]:
    """A shortest path (generator indices) by bidirectional BFS; both halves stored as sorted layers.

    ``max_states`` bounds the states stored on both sides together (default: what fits
    ``memory_budget``); going over raises :class:`cayley.MemoryBudgetError`.

    >>> import cayley
    >>> g = cayley.groups.lx(4)
    >>> [g.names[i] for i in mitm_path(g, [3, 0, 1, 2])]
    ['L']
    """
    flat = flat_state(graph, state)
    forward = LayeredSearch(graph, flat, Moves(graph))
    backward = LayeredSearch(graph, graph.central_state.reshape(-1), Moves(graph, inverse=True), forward.codec)
    row_bytes = _BYTES_PER_STORED_ROW_WORD * forward.codec.packing.words
    budget = resolve_budget(memory_budget)
    limit = budget // row_bytes if max_states is None else int(max_states)
    if intersect_rows(forward.layers[0], backward.layers[0]).shape[0]:
        return []
    while True:
        side, other = (forward, backward) if forward.frontier_size <= backward.frontier_size else (backward, forward)
        estimate = forward.num_states + backward.num_states + side.expected_next()
        if estimate > limit:
            raise MemoryBudgetError(estimate * row_bytes, limit * row_bytes, "meet-in-the-middle search",
                                    [len(x) for x in forward.layers])
        if not side.step():
            raise unreachable_error(flat)
        meet = intersect_rows(side.layers[-1], other.layers[-1])
        if meet.shape[0]:
            middle = forward.codec.decode(meet[:1]).reshape(-1)
            return _join(graph, forward, backward, middle)


def _join(graph, forward, backward, middle) -> list[int]:
    """Path state -> middle (walked back through the forward layers) + middle -> centre."""
    codec = forward.codec
    undo = walk_back(forward.layers, codec, Moves(graph, inverse=True), middle, forward.depth)
    ahead = walk_back(backward.layers, codec, Moves(graph), middle, backward.depth)
    return undo[::-1] + ahead
