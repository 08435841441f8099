"""Families of block moves: transpositions of adjacent blocks, block interchanges, prefix transpositions."""

from __future__ import annotations

from ._perm import block_swap, graph_from
from ._registry import check_int, family

__all__ = ["transposons", "block_interchange", "prefix_transpositions"]


@family("blocks")
def transposons(n: int):
    """Exchange two adjacent blocks i..j-1 and j..k-1 (0 <= i < j < k <= n): sorting by transpositions.

    Generators ``T{i}_{j}_{k}``, C(n+1, 3) of them, inverse-closed (moving a block back is again a
    transposition). The transposition diameter is floor(n/2) + 1 for 3 <= n <= 12 (Bafna & Pevzner,
    "Sorting by transpositions", 1998; Eriksson et al., "Sorting a bridge hand", 2001; Elias &
    Hartman, 2006, found floor(n/2) + 2 for n = 13 and 15).

    >>> transposons(3).n_generators
    4
    """
    n = check_int("n", n, 2)
    return graph_from(
        (f"T{i}_{j}_{k}", block_swap(n, i, j - 1, j, k - 1))
        for i in range(n)
        for j in range(i + 1, n)
        for k in range(j + 1, n + 1)
    )


@family("blocks")
def block_interchange(n: int):
    """Exchange two disjoint blocks i..j and k..l (i <= j < k <= l), adjacent or not: block interchanges.

    Generators ``B{i}_{j}_{k}_{l}``, C(n+1, 4) + C(n+1, 3) of them, inverse-closed. Christie, "Sorting
    permutations by block-interchanges" (Inf. Process. Lett. 60, 1996) gives the distance
    (n + 1 - c(s))/2 with c the number of cycles of the cycle graph, and the diameter floor(n/2).

    >>> block_interchange(3).n_generators
    5
    """
    n = check_int("n", n, 2)
    return graph_from(
        (f"B{i}_{j}_{k}_{l}", block_swap(n, i, j, k, l))
        for i in range(n)
        for j in range(i, n)
        for k in range(j + 1, n)
        for l in range(k, n)
    )


@family("blocks")
def prefix_transpositions(n: int):
    """Exchange the prefix block 0..j-1 with the following block j..k-1 (0 < j < k <= n).

    Generators ``T0_{j}_{k}``, C(n, 2) of them, inverse-closed. Dias & Meidanis, "Sorting by prefix
    transpositions" (SPIRE 2002), who bound the diameter between about 3n/4 and n - log n.

    >>> prefix_transpositions(3).names
    ('T0_1_2', 'T0_1_3', 'T0_2_3')
    """
    n = check_int("n", n, 2)
    return graph_from(
        (f"T0_{j}_{k}", block_swap(n, 0, j - 1, j, k - 1)) for j in range(1, n) for k in range(j + 1, n + 1)
    )
