"""cayley: growth functions, diameters, paths and conjectures for Cayley and Schreier graphs.

>>> import cayley
>>> r = cayley.growth(cayley.groups.lrx(6))
>>> r.diameter
15

Heavier subpackages (``conjectures``, ``symmetry``, ``paths``, ``datasets``, ``store``, ``puzzles``,
``matrix_groups``) are imported on first use, so ``import cayley`` stays fast.
"""

import importlib

from . import groups
from .bfs import growth
from .errors import MemoryBudgetError
from .graph import CayleyGraph
from .result import GrowthResult

__version__ = "0.1.0"

_LAZY_MODULES = {"conjectures", "symmetry", "paths", "datasets", "store", "puzzles", "matrix_groups"}
_LAZY_FUNCTIONS = {"find_path": "paths", "apply_path": "paths"}

__all__ = ["CayleyGraph", "GrowthResult", "MemoryBudgetError", "growth", "groups", "__version__"]
__all__ += sorted(_LAZY_MODULES) + sorted(_LAZY_FUNCTIONS)


def __getattr__(name):
    if name in _LAZY_MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY_FUNCTIONS:
        return getattr(importlib.import_module(f".{_LAZY_FUNCTIONS[name]}", __name__), name)
    raise AttributeError(f"module 'cayley' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _LAZY_MODULES | set(_LAZY_FUNCTIONS))
