"""Sticker geometry: turning part of a puzzle is a rotation of some sticker points onto other sticker points.

A puzzle is described by one representative point per sticker (its centre, or any point that the
puzzle's symmetries map to the representative point of another sticker). A move rotates the stickers
selected by a mask about an axis through the origin; the image of every moved point must be a sticker
point again, which gives the move as a permutation.

>>> import numpy as np
>>> pts = np.array([[1.0, 0, 0], [0, 1, 0], [-1, 0, 0], [0, -1, 0]])
>>> move_permutation(pts, np.ones(4, bool), rotation([0, 0, 1], 90)).tolist()
[3, 0, 1, 2]
"""

from __future__ import annotations

import numpy as np

from ..groups._perm import graph_from

__all__ = ["rotation", "move_permutation", "turns", "graph_from_moves", "face_colours"]

_TOLERANCE = 1e-6


def rotation(axis, degrees: float) -> np.ndarray:
    """Rotation matrix by ``degrees`` about ``axis`` (right-hand rule: counter-clockwise seen from the tip).

    >>> np.round(rotation([0, 0, 1], 90) @ [1, 0, 0], 9).tolist()
    [0.0, 1.0, 0.0]
    """
    a = np.asarray(axis, dtype=float)
    a = a / np.linalg.norm(a)
    t = np.radians(degrees)
    k = np.array([[0, -a[2], a[1]], [a[2], 0, -a[0]], [-a[1], a[0], 0]])
    return np.eye(3) + np.sin(t) * k + (1 - np.cos(t)) * (k @ k)


def move_permutation(points: np.ndarray, mask: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """The move ``p`` (``new[i] = s[p[i]]``) carrying each masked sticker ``i`` to ``matrix @ points[i]``.

    Raises RuntimeError when a rotated point is not a sticker point (a broken puzzle description).
    """
    points = np.asarray(points, dtype=float)
    scale = max(1.0, float(np.abs(points).max()))
    p = np.arange(len(points))
    moved = np.flatnonzero(mask)
    images = points[moved] @ np.asarray(matrix).T
    dist = np.linalg.norm(images[:, None, :] - points[None, :, :], axis=2)
    targets = dist.argmin(axis=1)
    if np.any(dist[np.arange(len(moved)), targets] > _TOLERANCE * scale) or len(set(targets)) != len(moved):
        raise RuntimeError("a rotated sticker does not land on a sticker: inconsistent puzzle geometry")
    if not np.array_equal(np.sort(targets), np.sort(moved)):
        raise RuntimeError("a move carries a sticker out of the turning part: inconsistent puzzle geometry")
    p[targets] = moved
    return p


def turns(name: str, points, mask, axis, degrees: float, powers=(1, -1)):
    """(name, move) pairs for the turn by ``degrees`` (clockwise seen from ``axis``) and its powers.

    Power 1 is named ``name``, -1 ``name'``, 2 ``name2`` and -2 ``name2'``. A clockwise turn seen from
    outside is a rotation by ``-degrees`` about the outward axis.
    """
    suffix = {1: "", -1: "'", 2: "2", -2: "2'"}
    return [
        (name + suffix[k], move_permutation(points, mask, rotation(axis, -degrees * k)))
        for k in powers
    ]


def graph_from_moves(pairs, central_state):
    """A CayleyGraph from (name, move) pairs, dropping moves equal to an earlier one (e.g. X2 and X2')."""
    seen, unique = set(), []
    for name, move in pairs:
        key = np.asarray(move).tobytes()
        if key not in seen:
            seen.add(key)
            unique.append((name, move))
    return graph_from(unique, central_state=central_state)


def face_colours(labels) -> np.ndarray:
    """Central state giving each sticker the index of its face (the order of first appearance).

    >>> face_colours(["U", "U", "R"]).tolist()
    [0, 0, 1]
    """
    order = {}
    return np.array([order.setdefault(x, len(order)) for x in labels])
