"""Corner-turning cubes: the Skewb and the Dino cube, on their stickers, faces as colours.

Both are cubes spanning -3..3 whose moves turn a part around a body diagonal by 120 degrees. Stickers are
stored face by face in the order U, R, F, D, L, B; the central state gives each its face index. Corners
are named by their three faces, e.g. ``URF`` is the corner at (+x, +y, +z) (R = +x, U = +y, F = +z).
"""

from __future__ import annotations

from itertools import product

import numpy as np

from ..groups._registry import family, require
from ._geometry import graph_from_moves, turns

__all__ = ["skewb", "dino"]

_FACE_AXIS = {"U": (1, 1), "R": (0, 1), "F": (2, 1), "D": (1, -1), "L": (0, -1), "B": (2, -1)}


def corner_name(v) -> str:
    """Face letters of the corner in direction ``v`` (signs of x, y, z).

    >>> corner_name((1, 1, 1)), corner_name((-1, -1, -1))
    ('URF', 'DLB')
    """
    x, y, z = v
    return ("U" if y > 0 else "D") + ("R" if x > 0 else "L") + ("F" if z > 0 else "B")


def _on_face(face: str, u: float, w: float) -> tuple[float, float, float]:
    """The point of ``face`` (at distance 3) with in-face coordinates (u, w)."""
    axis, sign = _FACE_AXIS[face]
    rest = [a for a in range(3) if a != axis]
    p = [0.0, 0.0, 0.0]
    p[axis], p[rest[0]], p[rest[1]] = 3.0 * sign, u, w
    return tuple(p)


def _stickers(offsets):
    pts, labels = [], []
    for face in "URFDLB":
        for u, w in offsets:
            pts.append(_on_face(face, u, w))
            labels.append(face)
    return np.array(pts), np.array(["URFDLB".index(x) for x in labels])


def _corners():
    return [np.array(v) for v in product((1, -1), repeat=3)]


@family("puzzles")
def skewb(fix_corner: bool = True):
    """The Skewb on its 30 stickers (a centre square and four corner triangles per face), faces as colours.

    A move turns the half of the cube on the side of one corner by 120 degrees about that corner's
    diagonal: ``URF`` clockwise as seen from the corner, ``URF'`` back. With ``fix_corner=True`` (the
    usual fixed-corner notation) only the four halves not holding the DLB corner turn (``URF``, ``URB``,
    ``DRF``, ``ULF``); the graph then has 3,149,280 states and diameter 11 (Jaap's Puzzle Page, "Skewb").
    With ``fix_corner=False`` all eight corners turn.

    >>> skewb().n_generators
    8
    """
    require(isinstance(fix_corner, (bool, np.bool_)), f"parameter fix_corner must be a bool, got {fix_corner!r}")
    pts, central = _stickers([(0, 0), (2, 2), (2, -2), (-2, 2), (-2, -2)])
    fixed = np.array([-1, -1, -1])
    pairs = []
    for v in _corners():
        if fix_corner and int(v @ fixed) > 0:
            continue
        pairs += turns(corner_name(v), pts, pts @ v > 0, v, 120)
    return graph_from_moves(pairs, central)


@family("puzzles")
def dino():
    """The Dino cube on its 24 stickers (four edge triangles per face), faces as colours.

    A move turns the three edges around one corner by 120 degrees: ``URF`` clockwise as seen from the
    corner, ``URF'`` back, for all eight corners. The moves are 3-cycles of the 12 edge pieces, which
    carry their orientation with them, so the states are the 12!/2 = 239,500,800 even arrangements of
    the edges (Jaap's Puzzle Page, "Dino Cube": 19,958,400 positions up to the 12 rotations).

    >>> dino().n_generators
    16
    """
    pts, central = _stickers([(2, 0), (-2, 0), (0, 2), (0, -2)])
    pairs = []
    for v in _corners():
        pairs += turns(corner_name(v), pts, pts @ v > 3, v, 120)
    return graph_from_moves(pairs, central)
