"""Families of transpositions (Coxeter, cyclic Coxeter, all transpositions)."""

from __future__ import annotations

from itertools import combinations

from ._perm import graph_from, transposition
from ._registry import check_int, family

__all__ = ["coxeter", "cyclic_coxeter", "all_transpositions"]


@family("transpositions")
def coxeter(n: int):
    """Adjacent transpositions (i, i+1) of S_n: the Coxeter generators of type A_{n-1}.

    Generators ``s0``..``s{n-2}`` (``si`` swaps positions i and i+1). The growth function counts
    permutations by inversions (Mahonian numbers, OEIS A008302); the diameter is n(n-1)/2.

    >>> coxeter(3).names
    ('s0', 's1')
    """
    n = check_int("n", n, 2)
    return graph_from((f"s{i}", transposition(n, i, i + 1)) for i in range(n - 1))


@family("transpositions")
def cyclic_coxeter(n: int):
    """Adjacent transpositions of S_n plus the wrap-around swap of positions 0 and n-1.

    Generators ``s0``..``s{n-2}`` and ``s{n-1}`` (swap of 0 and n-1). The diameter is floor(n^2/4)
    (for n >= 3; see the CayleyPy growth paper and OEIS A002620 for the values).

    >>> cyclic_coxeter(4).n_generators
    4
    """
    n = check_int("n", n, 3)
    gens = [(f"s{i}", transposition(n, i, i + 1)) for i in range(n - 1)]
    return graph_from(gens + [(f"s{n - 1}", transposition(n, 0, n - 1))])


@family("transpositions")
def all_transpositions(n: int):
    """All n(n-1)/2 transpositions (i, j) of S_n.

    Generators ``t{i}_{j}`` for i < j. The distance of a permutation is n minus its number of cycles,
    so the growth function is given by the unsigned Stirling numbers of the first kind (OEIS A132393)
    and the diameter is n - 1.

    >>> all_transpositions(3).names
    ('t0_1', 't0_2', 't1_2')
    """
    n = check_int("n", n, 2)
    return graph_from((f"t{i}_{j}", transposition(n, i, j)) for i, j in combinations(range(n), 2))
