"""Enumerating permutations by cycle type, and naming them by their cycles.

A permutation is returned as its list of cycles, each cycle a tuple of positions starting with its
smallest position; :func:`from_cycles` turns that into a move in one-line notation (with the convention
of :func:`cayley.groups._perm.cycle`).

>>> sorted(cycles_of_type(3, [3]))
[[(0, 1, 2)], [(0, 2, 1)]]
>>> cycle_name([(0, 1), (2, 3)])
'c0_1-2_3'
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations, permutations
from math import factorial, prod

import numpy as np

from ._registry import require

__all__ = ["cycles_of_type", "class_size", "from_cycles", "cycle_name", "check_cycle_type", "MAX_GENERATORS"]

MAX_GENERATORS = 200_000


def check_cycle_type(n: int, cycle_type) -> list[int]:
    """Validate a cycle type for S_n: the lengths of the non-trivial cycles (1s are ignored).

    >>> check_cycle_type(5, (2, 2, 1))
    [2, 2]
    """
    try:
        lengths = [int(x) for x in cycle_type]
    except (TypeError, ValueError):
        raise ValueError(f"parameter cycle_type must be a sequence of cycle lengths, got {cycle_type!r}") from None
    require(all(x >= 1 for x in lengths), f"parameter cycle_type must hold lengths >= 1, got {lengths}")
    require(sum(lengths) <= n, f"parameter cycle_type {lengths} needs {sum(lengths)} > n = {n} positions")
    nontrivial = sorted((x for x in lengths if x > 1), reverse=True)
    require(len(nontrivial) > 0, f"parameter cycle_type {lengths} has no cycle of length >= 2")
    return nontrivial


def class_size(n: int, lengths) -> int:
    """Number of permutations of S_n whose non-trivial cycles have these lengths: n! / z_lambda.

    >>> class_size(4, [2, 2])
    3
    """
    counts = Counter(lengths)
    counts[1] = n - sum(lengths)
    return factorial(n) // prod(k**m * factorial(m) for k, m in counts.items())


def cycles_of_type(n: int, lengths):
    """Yield every permutation of S_n with these non-trivial cycle lengths, each exactly once.

    The smallest position not yet placed is either a fixed point or the first (smallest) position of a
    new cycle, whose other positions are any arrangement of larger unplaced positions.
    """
    fixed = n - sum(lengths)
    yield from _place(tuple(range(n)), Counter(lengths), fixed)


def _place(free: tuple, remaining: Counter, fixed: int):
    if not free:
        yield []
        return
    first, rest = free[0], free[1:]
    if fixed > 0:
        yield from _place(rest, remaining, fixed - 1)
    for length in sorted(k for k, m in remaining.items() if m > 0):
        left = remaining.copy()
        left[length] -= 1
        for chosen in combinations(rest, length - 1):
            others = tuple(x for x in rest if x not in chosen)
            for order in permutations(chosen):
                for tail in _place(others, left, fixed):
                    yield [(first,) + order] + tail


def from_cycles(n: int, cycles) -> np.ndarray:
    """The move in one-line notation whose cycle notation is ``cycles`` (new[c[t]] = s[c[t+1]]).

    >>> from_cycles(3, [(0, 1, 2)]).tolist()
    [1, 2, 0]
    """
    p = np.arange(n)
    for c in cycles:
        for a, b in zip(c, c[1:] + c[:1]):
            p[a] = b
    return p


def cycle_name(cycles, prefix: str = "c") -> str:
    """A generator name for a product of disjoint cycles: ``c0_1_2`` or ``c0_1-2_3``."""
    return prefix + "-".join("_".join(str(x) for x in c) for c in cycles)


def check_count(count: int, what: str) -> None:
    """Refuse generator sets too large to expand (ValueError naming the parameter)."""
    require(count <= MAX_GENERATORS, f"{what} gives {count:,} generators, more than the limit {MAX_GENERATORS:,}")


__all__ += ["check_count"]
