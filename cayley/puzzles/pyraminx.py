"""The Pyraminx: a tetrahedron whose four vertices turn by 120 degrees, on its 36 stickers.

The tetrahedron has vertices U = (1, 1, 1), L = (-1, -1, 1), R = (1, -1, -1), B = (-1, 1, -1). Each face
is cut into 9 small triangles by lines parallel to its edges at thirds; the faces are F (opposite B),
R (opposite L), L (opposite R) and D (opposite U), stored in that order, 9 stickers each, and the central
state gives each sticker its face index.
"""

from __future__ import annotations

import numpy as np

from ..groups._registry import family, require
from ._geometry import graph_from_moves, turns

__all__ = ["pyraminx", "pyraminx_stickers"]

VERTICES = {"U": (1, 1, 1), "L": (-1, -1, 1), "R": (1, -1, -1), "B": (-1, 1, -1)}
FACES = {"F": "ULR", "R": "UBR", "L": "UBL", "D": "LRB"}  # face -> its three vertices


def _small_triangles(a, b, c):
    """Centroids of the 9 triangles of the face abc cut at thirds (6 pointing like abc, 3 inverted)."""
    a, b, c = (np.asarray(v, dtype=float) for v in (a, b, c))

    def point(i, j, k):
        return (i * a + j * b + k * c) / 3

    out = []
    for i in range(3):
        for j in range(3 - i):
            k = 2 - i - j
            out.append((point(i + 1, j, k) + point(i, j + 1, k) + point(i, j, k + 1)) / 3)
    for i in range(2):
        for j in range(2 - i):
            k = 1 - i - j
            out.append((point(i, j + 1, k + 1) + point(i + 1, j, k + 1) + point(i + 1, j + 1, k)) / 3)
    return out


def pyraminx_stickers() -> tuple[np.ndarray, list[str]]:
    """The 36 sticker centroids and their face letters.

    >>> pts, faces = pyraminx_stickers()
    >>> pts.shape, "".join(faces[::9])
    ((36, 3), 'FRLD')
    """
    pts, labels = [], []
    for face, verts in FACES.items():
        pts += _small_triangles(*(VERTICES[v] for v in verts))
        labels += [face] * 9
    return np.array(pts), labels


@family("puzzles")
def pyraminx(tips: bool = True):
    """The Pyraminx on its 36 stickers, faces as colours (a coset graph); one move = a 120-degree turn.

    Generators ``U``, ``L``, ``R``, ``B`` (turn the two layers at that vertex clockwise as seen from the
    vertex) with their inverses ``U'``..., and with ``tips=True`` also the tips ``u``, ``l``, ``r``,
    ``b`` and inverses. Without tips there are 6!/2 * 2^5 * 3^4 = 933,120 states (the tips follow their
    axial pieces); with tips 3^4 times more, 75,582,720 (Jaap's Puzzle Page, "Pyraminx"). The diameter
    without tips is 11 (same source).

    >>> pyraminx(tips=False).names
    ('U', "U'", 'L', "L'", 'R', "R'", 'B', "B'")
    """
    require(isinstance(tips, (bool, np.bool_)), f"parameter tips must be a bool, got {tips!r}")
    pts, labels = pyraminx_stickers()
    central = np.array(["FRLD".index(x) for x in labels])
    pairs = []
    for name, v in VERTICES.items():
        height = pts @ np.asarray(v, dtype=float)  # the vertex is at 3, the opposite face at -1
        pairs += turns(name, pts, height > 1 / 3, v, 120)
    if tips:
        for name, v in VERTICES.items():
            height = pts @ np.asarray(v, dtype=float)
            pairs += turns(name.lower(), pts, height > 5 / 3, v, 120)
    return graph_from_moves(pairs, central)
