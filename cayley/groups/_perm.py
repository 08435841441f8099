"""Building blocks for generator families: small permutations in 0-based one-line notation.

Every function returns an int64 array ``p`` of length n read as a move ``new[i] = s[p[i]]``.

Signed permutations of n act on 2n positions: position i of the signed permutation is the pair of slots
(2i, 2i+1); a positive entry x sits there as (2x, 2x+1), a negative one as (2x+1, 2x). Reversing a slot
segment that covers whole pairs therefore reverses the order of the entries and flips their signs.

>>> reversal(4, 1, 3).tolist()
[0, 3, 2, 1]
>>> flip(2, 1).tolist()
[0, 1, 3, 2]
"""

from __future__ import annotations

import numpy as np

from ..graph import CayleyGraph

__all__ = [
    "identity",
    "transposition",
    "shift_left",
    "reversal",
    "cycle",
    "rotate_segment",
    "block_swap",
    "compose",
    "inverse",
    "flip",
    "signed_reversal",
    "signed_transposition",
    "graph_from",
    "with_inverses",
]


def identity(n: int) -> np.ndarray:
    """The identity move ``[0, 1, ..., n-1]``."""
    return np.arange(n)


def transposition(n: int, i: int, j: int) -> np.ndarray:
    """Swap of positions i and j.

    >>> transposition(3, 0, 2).tolist()
    [2, 1, 0]
    """
    p = np.arange(n)
    p[i], p[j] = j, i
    return p


def shift_left(n: int, by: int = 1) -> np.ndarray:
    """Cyclic shift: new[i] = s[(i + by) mod n].

    >>> shift_left(4).tolist()
    [1, 2, 3, 0]
    """
    return (np.arange(n) + by) % n


def reversal(n: int, i: int, j: int) -> np.ndarray:
    """Reversal of the segment of positions i..j (inclusive).

    >>> reversal(5, 0, 2).tolist()
    [2, 1, 0, 3, 4]
    """
    p = np.arange(n)
    p[i : j + 1] = p[i : j + 1][::-1]
    return p


def cycle(n: int, positions) -> np.ndarray:
    """new[positions[t]] = s[positions[t+1]] (cyclically): entries move one step back along ``positions``.

    Its cycle notation (:func:`cayley.graph.cycle_notation`) lists ``positions`` in the given order.

    >>> cycle(4, [0, 1, 2]).tolist()
    [1, 2, 0, 3]
    """
    p = np.arange(n)
    positions = list(positions)
    for a, b in zip(positions, positions[1:] + positions[:1]):
        p[a] = b
    return p


def rotate_segment(n: int, i: int, j: int, by: int = 1) -> np.ndarray:
    """Rotate the segment i..j (inclusive) left by ``by``: new[i + t] = s[i + (t + by) mod len].

    >>> rotate_segment(5, 1, 3).tolist()
    [0, 2, 3, 1, 4]
    """
    p = np.arange(n)
    length = j - i + 1
    p[i : j + 1] = i + (np.arange(length) + by) % length
    return p


def block_swap(n: int, i: int, j: int, k: int, l: int) -> np.ndarray:
    """Exchange the blocks of positions i..j and k..l (i <= j < k <= l), keeping what lies between.

    >>> block_swap(5, 0, 0, 3, 4).tolist()
    [3, 4, 1, 2, 0]
    """
    order = list(range(i)) + list(range(k, l + 1)) + list(range(j + 1, k)) + list(range(i, j + 1))
    return np.array(order + list(range(l + 1, n)))


def compose(*moves) -> np.ndarray:
    """The move doing ``moves[0]`` first, then ``moves[1]``, ...: ``s[a][b] = s[a[b]]``.

    >>> compose([1, 0, 2], [0, 2, 1]).tolist()
    [1, 2, 0]
    """
    out = np.asarray(moves[0])
    for m in moves[1:]:
        out = out[np.asarray(m)]
    return out


def inverse(p) -> np.ndarray:
    """The inverse move.

    >>> inverse([1, 2, 0]).tolist()
    [2, 0, 1]
    """
    return np.argsort(np.asarray(p))


def flip(n: int, i: int) -> np.ndarray:
    """Signed permutation of n (on 2n slots): change the sign of the entry at position i.

    >>> flip(2, 0).tolist()
    [1, 0, 2, 3]
    """
    return transposition(2 * n, 2 * i, 2 * i + 1)


def signed_reversal(n: int, i: int, j: int) -> np.ndarray:
    """Signed permutation of n (on 2n slots): reverse positions i..j and flip their signs.

    >>> signed_reversal(2, 0, 1).tolist()
    [3, 2, 1, 0]
    """
    return reversal(2 * n, 2 * i, 2 * j + 1)


def signed_transposition(n: int, i: int, j: int) -> np.ndarray:
    """Signed permutation of n (on 2n slots): swap the entries at positions i and j, signs kept.

    >>> signed_transposition(2, 0, 1).tolist()
    [2, 3, 0, 1]
    """
    p = np.arange(2 * n)
    p[[2 * i, 2 * i + 1, 2 * j, 2 * j + 1]] = [2 * j, 2 * j + 1, 2 * i, 2 * i + 1]
    return p


def with_inverses(pairs):
    """(name, move) pairs followed by ``name^-1`` for every move that is not an involution.

    >>> [nm for nm, _ in with_inverses([("L", shift_left(3)), ("X", transposition(3, 0, 1))])]
    ['L', 'X', 'L^-1']
    """
    pairs = list(pairs)
    extra = [(f"{nm}^-1", inverse(p)) for nm, p in pairs if not np.array_equal(inverse(p), p)]
    return pairs + extra


def graph_from(pairs, central_state=None) -> CayleyGraph:
    """A CayleyGraph from (name, permutation) pairs.

    >>> graph_from([("X", [1, 0])]).names
    ('X',)
    """
    pairs = list(pairs)
    return CayleyGraph([p for _, p in pairs], names=[nm for nm, _ in pairs], central_state=central_state)
