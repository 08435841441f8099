"""Families that are whole conjugacy classes (or unions of them): derangements, any cycle type.

A generating set closed under conjugation gives a Cayley graph whose distance is a class function.
Generators are named by their cycles (``c0_1-2_3`` is the product of the cycles (0 1) and (2 3)).
"""

from __future__ import annotations

from math import factorial

from ._cycletype import check_count, check_cycle_type, class_size, cycle_name, cycles_of_type, from_cycles
from ._perm import graph_from
from ._registry import check_int, family

__all__ = ["derangements", "conjugacy_class"]


def _partitions_without_ones(n: int, largest: int | None = None):
    """Partitions of n into parts >= 2, parts in non-increasing order."""
    largest = n if largest is None else largest
    if n == 0:
        yield []
        return
    for part in range(min(n, largest), 1, -1):
        for rest in _partitions_without_ones(n - part, part):
            yield [part] + rest


def _subfactorial(n: int) -> int:
    return round(factorial(n) / 2.718281828459045) if n > 0 else 1


@family("classes")
def derangements(n: int):
    """All derangements (permutations without fixed points) of S_n as generators.

    Generators named by their cycles; there are !n of them (OEIS A000166), inverse-closed. For n = 3 the
    derangements are the two 3-cycles, which generate only A_3; for n >= 4 they generate S_n, and the
    diameter is 2 (every permutation is a product of two derangements for n >= 4).

    >>> derangements(3).names
    ('c0_1_2', 'c0_2_1')
    """
    n = check_int("n", n, 2)
    check_count(_subfactorial(n), f"derangements(n={n})")
    pairs = []
    for lengths in _partitions_without_ones(n):
        pairs += [(cycle_name(c), from_cycles(n, c)) for c in cycles_of_type(n, lengths)]
    pairs.sort(key=lambda item: item[0])
    return graph_from(pairs)


@family("classes")
def conjugacy_class(n: int, cycle_type):
    """All permutations of S_n of the given cycle type, e.g. ``(3,)`` for 3-cycles or ``(2, 2)``.

    ``cycle_type`` lists the cycle lengths (1s may be included or left out). Generators named by their
    cycles; there are n!/z_lambda of them, inverse-closed (a permutation and its inverse have the same
    type). The class generates the alternating group when its elements are even and the symmetric group
    when they are odd, for n >= 5 (A_n is the only proper non-trivial normal subgroup of S_n; classical,
    see Dixon & Mortimer, "Permutation groups", 1996). Conjugacy-class generating sets are among the
    CayleyPy generator families (cayleypy 0.2, 2025).

    >>> conjugacy_class(4, (2, 2)).n_generators
    3
    """
    n = check_int("n", n, 2)
    lengths = check_cycle_type(n, cycle_type)
    check_count(class_size(n, lengths), f"conjugacy_class(n={n}, cycle_type={tuple(lengths)})")
    pairs = [(cycle_name(c), from_cycles(n, c)) for c in cycles_of_type(n, lengths)]
    pairs.sort(key=lambda item: item[0])
    return graph_from(pairs)
