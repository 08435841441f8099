"""Paths in Cayley graphs: shortest paths, beam search, random walks and random states.

A path is a list of generator names; applied in order to a state (each move sends ``s`` to
``s[g]``) it reaches the central state.

>>> import cayley
>>> from cayley.paths import find_path, apply_path
>>> g = cayley.groups.lrx(5)
>>> path = find_path(g, [4, 0, 1, 2, 3])
>>> path, apply_path(g, [4, 0, 1, 2, 3], path).tolist()
(['L'], [0, 1, 2, 3, 4])
"""

from .beam import beam_search
from .exact import bfs_path, mitm_path
from .find import METHODS, Solution, find_path, solve
from .heuristics import HEURISTICS, default_heuristic
from .moves import apply_path, move_indices, reaches_center, validate_path
from .walks import is_full_symmetric, random_states, random_walks

__all__ = [
    "find_path",
    "solve",
    "Solution",
    "apply_path",
    "validate_path",
    "reaches_center",
    "move_indices",
    "random_walks",
    "random_states",
    "is_full_symmetric",
    "beam_search",
    "bfs_path",
    "mitm_path",
    "default_heuristic",
    "HEURISTICS",
    "METHODS",
]
