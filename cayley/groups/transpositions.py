"""Families of transpositions (Coxeter, cyclic Coxeter, all, stars, bipartite, short swaps, any graph)."""

from __future__ import annotations

from itertools import combinations

from ._perm import graph_from, transposition
from ._registry import check_int, family, require

__all__ = [
    "coxeter",
    "cyclic_coxeter",
    "all_transpositions",
    "stars",
    "generalized_stars",
    "bubble_sort_star",
    "short_swaps",
    "transposition_graph",
]


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


@family("transpositions")
def stars(n: int):
    """Transpositions of position 0 with every other position: the star graph.

    Generators ``t0_{i}`` for i = 1..n-1 (swap positions 0 and i). Inverse-closed. The diameter is
    floor(3(n-1)/2) (Akers, Harel & Krishnamurthy, "The star graph", 1987).

    >>> stars(4).names
    ('t0_1', 't0_2', 't0_3')
    """
    n = check_int("n", n, 2)
    return graph_from((f"t0_{i}", transposition(n, 0, i)) for i in range(1, n))


@family("transpositions")
def generalized_stars(n: int, k: int):
    """Transpositions (i, j) with i < k <= j: the complete bipartite transposition graph K_{k, n-k}.

    Generators ``t{i}_{j}``, k(n-k) involutions; k = 1 gives :func:`stars`. They generate S_n because
    their transposition graph is connected (Akers & Krishnamurthy, "A group-theoretic model for
    symmetric interconnection networks", 1989), and the diameter is bounded by the transposition-graph
    results there.

    >>> generalized_stars(4, 2).names
    ('t0_2', 't0_3', 't1_2', 't1_3')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 1)
    require(k < n, f"parameter k must be < n = {n}, got {k}")
    return graph_from((f"t{i}_{j}", transposition(n, i, j)) for i in range(k) for j in range(k, n))


@family("transpositions")
def bubble_sort_star(n: int):
    """Adjacent transpositions together with the star transpositions (0, i): the bubble-sort-star graph.

    Generators ``t{i}_{i+1}`` (i = 0..n-2) and ``t0_{i}`` (i = 2..n-1), 2n - 3 involutions (Chou, Chen &
    Hsu, "The bubble-sort star graph", 1996; they bound the diameter by floor(3(n-1)/2)).

    >>> bubble_sort_star(4).n_generators
    5
    """
    n = check_int("n", n, 2)
    pairs = [(i, i + 1) for i in range(n - 1)] + [(0, i) for i in range(2, n)]
    return graph_from((f"t{i}_{j}", transposition(n, i, j)) for i, j in sorted(pairs))


@family("transpositions")
def short_swaps(n: int):
    """Transpositions of positions at distance one or two: (i, i+1) and (i, i+2).

    Generators ``t{i}_{j}``, involutions. Sorting by short swaps: Heath & Vergara, "Sorting by short
    swaps" (J. Comput. Biol. 10, 2003). A move changes the number of inversions by at most 3, so the
    diameter is at least ceil(n(n-1)/6); Heath & Vergara show it is at most about n^2/4.

    >>> short_swaps(4).names
    ('t0_1', 't0_2', 't1_2', 't1_3', 't2_3')
    """
    n = check_int("n", n, 2)
    pairs = sorted([(i, i + 1) for i in range(n - 1)] + [(i, i + 2) for i in range(n - 2)])
    return graph_from((f"t{i}_{j}", transposition(n, i, j)) for i, j in pairs)


def _edge_list(n: int, edges) -> list[tuple[int, int]]:
    try:
        flat = [int(x) for x in _flatten(edges)]
    except (TypeError, ValueError):
        raise ValueError(f"parameter edges must be pairs of positions, got {edges!r}") from None
    require(len(flat) >= 2 and len(flat) % 2 == 0, f"parameter edges must hold pairs of positions, got {edges!r}")
    pairs = sorted({tuple(sorted(flat[t : t + 2])) for t in range(0, len(flat), 2)})
    for i, j in pairs:
        require(0 <= i < j < n, f"parameter edges has an invalid pair ({i}, {j}) for n = {n}")
    return pairs


def _flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from item
        else:
            yield item


@family("transpositions")
def transposition_graph(n: int, edges):
    """The transpositions (i, j) for the edges of a graph on the positions 0..n-1.

    ``edges`` is a list of pairs (or a flat list ``i0, j0, i1, j1, ...``). Generators ``t{i}_{j}``.
    They generate S_n exactly when the edge graph is connected; for a tree the diameter is bounded as
    in Akers & Krishnamurthy (1989). A path gives :func:`coxeter`, a star :func:`stars`.

    >>> transposition_graph(3, [(0, 1), (1, 2)]).names
    ('t0_1', 't1_2')
    """
    n = check_int("n", n, 2)
    return graph_from((f"t{i}_{j}", transposition(n, i, j)) for i, j in _edge_list(n, edges))
