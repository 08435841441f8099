"""The Megaminx: a dodecahedron whose 12 faces turn by 72 degrees, on its 132 stickers.

Each face carries 11 stickers: its centre, 5 corner stickers and 5 edge stickers. A turn of face F moves
the stickers of F and, on each neighbouring face, the corner stickers at vertices of F and the edge
sticker on the edge shared with F. Faces are named U, F, R, BR, BL, L (U and the ring around it,
counter-clockwise seen from above U) and D, B, DBL, DL, DR, DBR (their opposites, in the same order);
stickers are stored face by face in that order, centre first, then corners and edges alternating around
the face.
"""

from __future__ import annotations

import numpy as np

from ..groups._registry import family, require
from ._geometry import graph_from_moves, turns

__all__ = ["megaminx"]

PHI = (1 + 5**0.5) / 2
NAMES = ("U", "F", "R", "BR", "BL", "L", "D", "B", "DBL", "DL", "DR", "DBR")


def _face_normals() -> np.ndarray:
    """The 12 icosahedron vertices (face directions of the dodecahedron), ordered as in NAMES."""
    raw = []
    for a in (1, -1):
        for b in (PHI, -PHI):
            raw += [(0, a, b), (a, b, 0), (b, 0, a)]
    raw = np.array(raw, dtype=float)
    up = raw[0]
    neighbours = raw[np.isclose(raw @ up, PHI)]
    axis = up / np.linalg.norm(up)
    angles = [np.arctan2(np.cross(neighbours[0], p) @ axis, neighbours[0] @ p) for p in neighbours]
    # F, R, BR, BL, L: counter-clockwise seen from above U (F towards the viewer, R on its right)
    ring = neighbours[np.argsort([a % (2 * np.pi) for a in angles])]
    upper = np.vstack([up[None], ring])
    return np.vstack([upper, -upper])


def _face_vertices(normals: np.ndarray) -> tuple[np.ndarray, list[list[int]]]:
    """The 20 dodecahedron vertices (centroids of icosahedron triangles) and each face's 5 in cyclic order."""
    adjacent = np.isclose(normals @ normals.T, PHI)
    triples = sorted(
        {tuple(sorted((f, a, b))) for f in range(12) for a in range(12) for b in range(12)
         if adjacent[f, a] and adjacent[f, b] and adjacent[a, b]}
    )
    vertices = np.array([normals[list(t)].sum(axis=0) / 3 for t in triples])
    faces = []
    for f in range(12):
        mine = [i for i, t in enumerate(triples) if f in t]
        axis = normals[f] / np.linalg.norm(normals[f])
        ref = vertices[mine[0]]
        # all vertices of the face have the same height ref @ axis, so this is the angle about the axis
        angle = [np.arctan2(np.cross(ref, vertices[i]) @ axis, ref @ vertices[i] - (ref @ axis) ** 2)
                 for i in mine]
        faces.append([mine[i] for i in np.argsort(angle)])
    return vertices, faces


def _stickers():
    """Representative points (132 x 3), the face of each sticker and the vertex indices it touches.

    Centre: the face centre (touches no vertex); corner sticker at vertex v: 0.8 of the way from the
    centre to v; edge sticker on edge vw: 0.8 of the way to the edge midpoint. Symmetries of the
    dodecahedron map these points onto each other.
    """
    normals = _face_normals()
    vertices, faces = _face_vertices(normals)
    pts, colour, touches = [], [], []
    for f, ring in enumerate(faces):
        centre = vertices[ring].mean(axis=0)
        pts.append(centre)
        touches.append(frozenset())
        for i in range(5):
            v, w = ring[i], ring[(i + 1) % 5]
            pts.append(centre + 0.8 * (vertices[v] - centre))
            touches.append(frozenset([v]))
            pts.append(centre + 0.8 * ((vertices[v] + vertices[w]) / 2 - centre))
            touches.append(frozenset([v, w]))
        colour += [f] * 11
    return np.array(pts), np.array(colour), touches, normals, faces


def _turn_mask(colour, touches, faces, f) -> np.ndarray:
    """Stickers moved by turning face f: its own 11, and every other sticker touching only f's vertices."""
    ring = set(faces[f])
    return np.array([c == f or (len(t) > 0 and t <= ring) for c, t in zip(colour, touches)])


@family("puzzles")
def megaminx(metric: str = "QTM"):
    """The Megaminx on its 132 stickers, faces as colours (a coset graph of the face-turn group).

    Generators: each of the 12 faces turned by 72 degrees clockwise seen from outside (``U``) and back
    (``U'``); ``metric="FTM"`` adds the 144-degree turns ``U2`` and ``U2'``. The face centres never
    move, and the states are the 30!/2 * 2^29 * 20!/2 * 3^19 (about 1.0e68) arrangements of the 30 edge
    and 20 corner pieces (Jaap's Puzzle Page, "Megaminx").

    >>> megaminx().n_generators
    24
    """
    require(isinstance(metric, str) and metric.upper() in ("QTM", "FTM", "HTM"),
            f"parameter metric must be QTM or FTM, got {metric!r}")
    powers = (1, -1) if metric.upper() == "QTM" else (1, -1, 2, -2)
    pts, colour, touches, normals, faces = _stickers()
    pairs = []
    for f, name in enumerate(NAMES):
        mask = _turn_mask(colour, touches, faces, f)
        pairs += turns(name, pts, mask, normals[f], 72, powers)
    return graph_from_moves(pairs, colour)
