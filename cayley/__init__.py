"""cayley: growth functions, diameters, paths and conjectures for Cayley and Schreier graphs.

>>> import cayley
>>> r = cayley.growth(cayley.groups.lrx(6))
>>> r.diameter
15
"""

from . import groups
from .bfs import growth
from .errors import MemoryBudgetError
from .graph import CayleyGraph
from .result import GrowthResult

__version__ = "0.1.0"

__all__ = ["CayleyGraph", "GrowthResult", "MemoryBudgetError", "growth", "groups", "__version__"]
