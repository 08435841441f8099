"""Named generator families. Each family is one small function returning a :class:`~cayley.CayleyGraph`.

Families are grouped by kind, one module each: shifts (LRX, LX, TopSpin, ...), reversals (pancake, ...),
signed (burnt pancake, signed reversals, Coxeter B and D: these act on 2n positions), transpositions,
cycles, blocks, classes (conjugacy classes), involutions and random. Puzzles (:mod:`cayley.puzzles`) and
matrix groups (:mod:`cayley.matrix_groups`) register in the same registry, so :func:`names` and
:func:`get` find every family.

>>> import cayley
>>> g = cayley.groups.get("pancake", n=5)
>>> g.n_generators
4
>>> "cube" in cayley.groups.names()
True
"""

from ._registry import describe, family, get, info, names
from .blocks import block_interchange, prefix_transpositions, transposons
from .classes import conjugacy_class, derangements
from .cycles import (
    all_cycles,
    consecutive_k_cycles,
    down_cycles,
    increasing_k_cycles,
    insertions,
    prefix_cycles,
    three_cycles,
    three_cycles_01i,
    three_cycles_0ij,
    wrapped_k_cycles,
)
from .involutions import involutive_derangements, rapaport_m1, rapaport_m2
from .randomized import random_generators
from .reversals import cubic_pancake, full_reversals, k_reversals, pancake
from .shifts import cyclic, dihedral, larx, lrx, lsl_cycles, lx, top_spin
from .signed import burnt_pancake, coxeter_b, coxeter_d, hypercube, signed_reversals
from .transpositions import (
    all_transpositions,
    bubble_sort_star,
    coxeter,
    cyclic_coxeter,
    generalized_stars,
    short_swaps,
    stars,
    transposition_graph,
)

__all__ = [
    "names",
    "get",
    "describe",
    "info",
    "family",
    # shifts
    "lrx",
    "lx",
    "larx",
    "top_spin",
    "cyclic",
    "dihedral",
    "lsl_cycles",
    # reversals
    "pancake",
    "full_reversals",
    "cubic_pancake",
    "k_reversals",
    # signed (2n positions)
    "burnt_pancake",
    "signed_reversals",
    "coxeter_b",
    "coxeter_d",
    "hypercube",
    # transpositions
    "coxeter",
    "cyclic_coxeter",
    "all_transpositions",
    "stars",
    "generalized_stars",
    "bubble_sort_star",
    "short_swaps",
    "transposition_graph",
    # cycles
    "three_cycles",
    "three_cycles_0ij",
    "three_cycles_01i",
    "all_cycles",
    "consecutive_k_cycles",
    "wrapped_k_cycles",
    "increasing_k_cycles",
    "prefix_cycles",
    "down_cycles",
    "insertions",
    # blocks
    "transposons",
    "block_interchange",
    "prefix_transpositions",
    # classes and involutions
    "derangements",
    "conjugacy_class",
    "involutive_derangements",
    "rapaport_m1",
    "rapaport_m2",
    # random
    "random_generators",
    "hungarian_rings",
]


def __getattr__(name):
    """``cayley.groups.hungarian_rings`` is the puzzle family of :mod:`cayley.puzzles`."""
    if name == "hungarian_rings":
        from ..puzzles import hungarian_rings

        return hungarian_rings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
