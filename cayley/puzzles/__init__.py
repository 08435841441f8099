"""Twisty puzzles as Cayley and Schreier coset graphs on their stickers.

Every puzzle function returns a :class:`~cayley.CayleyGraph` whose state is one entry per sticker (or
cell) and whose moves are permutations of them. Puzzles with face colours (cubes, Pyraminx, Skewb, Dino,
Megaminx) use the colours as central state, so the graph is a coset graph and growth counts visibly
different positions. All puzzles are registered in the family registry (kind ``"puzzles"``), so
``cayley.groups.get("cube", size=2)`` and ``cayley families`` find them. Users bring their own puzzles in
GAP syntax with :func:`parse_gap` / :func:`load_gap`.

>>> import cayley
>>> g = cayley.puzzles.cube(2, metric="HTM", fix_corner=True)
>>> g.n_generators, g.state_size
(9, 24)
"""

from .corner_turning import dino, skewb
from .cube import cube
from .gap import load_gap, parse_gap, to_gap
from .megaminx import megaminx
from .pyraminx import pyraminx
from .rings import globe, hungarian_rings

__all__ = [
    "cube",
    "globe",
    "hungarian_rings",
    "pyraminx",
    "megaminx",
    "skewb",
    "dino",
    "parse_gap",
    "load_gap",
    "to_gap",
]
