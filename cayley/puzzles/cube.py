"""The N x N x N Rubik's cube as a coset graph on its 6 N^2 stickers, faces as colours.

Stickers are listed face by face in the order U, R, F, D, L, B (Kociemba's facelet order), each face
row by row as seen in the usual net (U with F below it; R, F, L, B with U above them; D with F above it).
The central state gives every sticker the index of its face (U = 0, R = 1, F = 2, D = 3, L = 4, B = 5), so
the graph is the Schreier coset graph of the cube group acting on face colourings.

Moves follow Singmaster notation: ``U`` turns the U layer clockwise as seen from U, ``U'`` the other way,
``U2`` half a turn. For size >= 4 the inner layers are named by their depth from a face (``2R`` is the
second layer from R); the middle slices of odd sizes are ``M`` (as L), ``E`` (as D) and ``S`` (as F).
"""

from __future__ import annotations

from itertools import product

import numpy as np

from ..groups._registry import check_int, family, require
from ._geometry import graph_from_moves, rotation

__all__ = ["cube", "cube_stickers", "METRICS"]

FACES = "URFDLB"
# outward axis and sign of each face
_AXIS = {"U": (1, 1), "R": (0, 1), "F": (2, 1), "D": (1, -1), "L": (0, -1), "B": (2, -1)}
METRICS = ("QTM", "HTM", "FTM", "QSTM", "STM", "ATM")
_SLICES = {"M": "L", "E": "D", "S": "F"}


def cube_stickers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Integer sticker centres (6 size^2 x 3, the cube spans -size..size) and each sticker's face letter.

    >>> pts, faces = cube_stickers(2)
    >>> pts.shape, "".join(faces[::4])
    ((24, 3), 'URFDLB')
    """
    n, rows = size, []
    span = [-(n - 1) + 2 * t for t in range(n)]  # left-to-right / back-to-front coordinates
    down = span[::-1]
    for face in FACES:
        for r in range(n):
            for c in range(n):
                rows.append(
                    {
                        "U": (span[c], n, span[r]),
                        "R": (n, down[r], down[c]),
                        "F": (span[c], down[r], n),
                        "D": (span[c], -n, down[r]),
                        "L": (-n, down[r], span[c]),
                        "B": (down[c], down[r], -n),
                    }[face]
                )
    labels = np.repeat(np.array(list(FACES)), n * n)
    return np.array(rows, dtype=np.int64), labels


def _layer_mask(points: np.ndarray, size: int, face: str, depth: int) -> np.ndarray:
    """Stickers in the layer ``depth`` (0 = the face itself) counted from ``face``."""
    axis, sign = _AXIS[face]
    v = points[:, axis] * sign  # coordinate seen from this face
    mask = v == size - 1 - 2 * depth
    if depth == 0:
        mask |= v == size
    if depth == size - 1:
        mask |= v == -size
    return mask


def _quarter_turn(points: np.ndarray, lookup: dict, mask: np.ndarray, face: str, quarters: int) -> np.ndarray:
    """The move turning the masked stickers ``quarters`` quarter turns clockwise as seen from ``face``."""
    axis, sign = _AXIS[face]
    direction = np.zeros(3)
    direction[axis] = sign
    matrix = np.rint(rotation(direction, -90 * quarters)).astype(np.int64)
    p = np.arange(len(points))
    for i in np.flatnonzero(mask):
        p[lookup[tuple(points[i] @ matrix.T)]] = i
    return p


def _layers(size: int, metric: str, fix_corner: bool):
    """(name, face, depth) for every turnable single layer under this metric."""
    out = []
    for face in FACES:
        for depth in range(size // 2):
            if fix_corner and depth == 0 and face in "DLB":
                continue
            out.append((face if depth == 0 else f"{depth + 1}{face}", face, depth))
    if metric in ("QSTM", "STM") and size % 2 == 1:
        out += [(name, face, size // 2) for name, face in _SLICES.items()]
    return out


def _check_metric(metric, size: int) -> str:
    require(isinstance(metric, str) and metric.upper() in METRICS,
            f"parameter metric must be one of {', '.join(METRICS)}, got {metric!r}")
    metric = metric.upper()
    require(metric != "ATM" or size <= 3, f"parameter metric ATM is defined for size 2 and 3, got size {size}")
    return "HTM" if metric == "FTM" else metric


def _axial_moves(points, lookup, size, fix_corner):
    """Axial turn metric: any turns of the two outer layers of one axis, done together, count as one move."""
    suffix = {1: "", 2: "2", 3: "'"}
    pairs = []
    for plus, minus in (("U", "D"), ("R", "L"), ("F", "B")):
        for a, b in product(range(4), range(1 if fix_corner else 4)):
            if a == b == 0:
                continue
            move = np.arange(len(points))
            parts = []
            for face, quarters in ((plus, a), (minus, b)):
                if quarters:
                    mask = _layer_mask(points, size, face, 0)
                    move = move[_quarter_turn(points, lookup, mask, face, quarters)]
                    parts.append(face + suffix[quarters])
            pairs.append(("+".join(parts), move))
    return pairs


@family("puzzles")
def cube(size: int = 3, metric: str = "HTM", fix_corner: bool = False):
    """The size x size x size Rubik's cube on its 6 size^2 stickers, faces as colours (a coset graph).

    Generators by metric: ``QTM`` (quarter turns ``U``, ``U'``, ...), ``HTM``/``FTM`` (plus half turns ``U2``),
    ``QSTM``/``STM`` (also the middle slices ``M``, ``E``, ``S`` of odd sizes), ``ATM`` (axial: turns of
    two opposite faces at once are one move, sizes 2 and 3). Sizes >= 4 turn every single layer except
    the middle one. ``fix_corner=True`` never turns the layers holding the DLB corner (no ``D``, ``L``,
    ``B``), which removes whole-cube rotations of even cubes: the 2x2x2 then has 3,674,160 states, at
    most 11 half-turn / 14 quarter-turn moves from solved (OEIS A079761 and A079762). The 3x3x3 group has
    43,252,003,274,489,856,000 elements; its diameter is 20 in HTM and 26 in QTM (Rokicki, Kociemba,
    Davidson & Dethridge, 2010-2014).

    >>> cube(2, metric="QTM", fix_corner=True).names
    ('U', "U'", 'R', "R'", 'F', "F'")
    """
    size = check_int("size", size, 2)
    metric = _check_metric(metric, size)
    require(isinstance(fix_corner, (bool, np.bool_)), f"parameter fix_corner must be a bool, got {fix_corner!r}")
    points, labels = cube_stickers(size)
    lookup = {tuple(p): i for i, p in enumerate(points)}
    central = np.array([FACES.index(x) for x in labels])
    if metric == "ATM":
        return graph_from_moves(_axial_moves(points, lookup, size, fix_corner), central)
    powers = (1, -1) if metric in ("QTM", "QSTM") else (1, -1, 2)
    suffix = {1: "", -1: "'", 2: "2"}
    pairs = []
    for name, face, depth in _layers(size, metric, fix_corner):
        mask = _layer_mask(points, size, face, depth)
        pairs += [(name + suffix[k], _quarter_turn(points, lookup, mask, face, k % 4)) for k in powers]
    return graph_from_moves(pairs, central)
