"""Building blocks for generator families: small permutations in 0-based one-line notation."""

from __future__ import annotations

import numpy as np

from ..graph import CayleyGraph

__all__ = ["identity", "transposition", "shift_left", "reversal", "cycle", "graph_from"]


def identity(n: int) -> np.ndarray:
    return np.arange(n)


def transposition(n: int, i: int, j: int) -> np.ndarray:
    """Swap of positions i and j."""
    p = np.arange(n)
    p[i], p[j] = j, i
    return p


def shift_left(n: int, by: int = 1) -> np.ndarray:
    """Cyclic shift: new[i] = s[(i + by) mod n]."""
    return (np.arange(n) + by) % n


def reversal(n: int, i: int, j: int) -> np.ndarray:
    """Reversal of the segment of positions i..j (inclusive)."""
    p = np.arange(n)
    p[i : j + 1] = p[i : j + 1][::-1]
    return p


def cycle(n: int, positions) -> np.ndarray:
    """new[positions[t]] = s[positions[t+1]] (cyclically): entries move one step back along ``positions``."""
    p = np.arange(n)
    positions = list(positions)
    for a, b in zip(positions, positions[1:] + positions[:1]):
        p[a] = b
    return p


def graph_from(pairs, central_state=None) -> CayleyGraph:
    """A CayleyGraph from (name, permutation) pairs."""
    pairs = list(pairs)
    return CayleyGraph([p for _, p in pairs], names=[nm for nm, _ in pairs], central_state=central_state)
