"""Families of reversals (pancake flips)."""

from __future__ import annotations

from ._perm import graph_from, reversal
from ._registry import check_int, family

__all__ = ["pancake"]


@family("reversals")
def pancake(n: int):
    """Prefix reversals of lengths 2..n (the pancake graph) on S_n.

    Generators ``P2``..``Pn`` (``Pk`` reverses positions 0..k-1); each is an involution. The diameters are
    the pancake numbers (OEIS A058986), known up to n = 19; no closed formula is known.

    >>> pancake(3).names
    ('P2', 'P3')
    """
    n = check_int("n", n, 2)
    return graph_from((f"P{k}", reversal(n, 0, k - 1)) for k in range(2, n + 1))
