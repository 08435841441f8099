"""Named generator families. Each family is one small function returning a :class:`~cayley.CayleyGraph`.

Discover them with :func:`names` and build one by name with :func:`get`:

>>> import cayley
>>> g = cayley.groups.get("pancake", n=5)
>>> g.n_generators
4
"""

from ._registry import describe, family, get, info, names
from .reversals import pancake
from .shifts import lrx, lx
from .transpositions import all_transpositions, coxeter, cyclic_coxeter

__all__ = [
    "names",
    "get",
    "describe",
    "info",
    "family",
    "lrx",
    "lx",
    "pancake",
    "coxeter",
    "cyclic_coxeter",
    "all_transpositions",
]
