"""Families built from cyclic shifts and one transposition (LRX, LX)."""

from __future__ import annotations

from ._perm import graph_from, shift_left, transposition
from ._registry import check_int, family, require

__all__ = ["lrx", "lx"]


@family("shifts")
def lrx(n: int, k: int = 1):
    """Shifts left and right and the swap of positions 0 and k, on S_n.

    Generators: ``L`` (new[i] = s[i+1 mod n]), ``R`` (its inverse) and ``X`` (swap 0 and k). Inverse-closed.
    The diameter of LRX(n) (k = 1) is n(n-1)/2 for n >= 4 (OEIS A186783; conjectured in the CayleyPy
    growth paper, checked by computation).

    >>> lrx(4).names
    ('L', 'R', 'X')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 1)
    require(k < n, f"parameter k must be < n = {n}, got {k}")
    return graph_from([("L", shift_left(n, 1)), ("R", shift_left(n, -1)), ("X", transposition(n, 0, k))])


@family("shifts")
def lx(n: int):
    """The left shift and the swap of positions 0 and 1 on S_n: a directed Cayley graph.

    Generators: ``L`` (new[i] = s[i+1 mod n]) and ``X`` (swap 0 and 1). Not inverse-closed, so distance
    follows generator moves (OEIS A039745 lists the diameters; a quasi-polynomial is conjectured).

    >>> lx(3).is_inverse_closed
    False
    """
    n = check_int("n", n, 2)
    return graph_from([("L", shift_left(n, 1)), ("X", transposition(n, 0, 1))])
