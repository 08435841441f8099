"""Families of involutions: fixed-point-free involutions and Rapaport's three-involution generating sets."""

from __future__ import annotations

import numpy as np

from ._cycletype import check_count, class_size, cycle_name, cycles_of_type, from_cycles
from ._perm import graph_from, transposition
from ._registry import check_int, family, require

__all__ = ["involutive_derangements", "rapaport_m1", "rapaport_m2"]


def _pairs_from(n: int, start: int) -> np.ndarray:
    """The involution swapping (start, start+1), (start+2, start+3), ... as far as positions go."""
    p = np.arange(n)
    for i in range(start, n - 1, 2):
        p[i], p[i + 1] = i + 1, i
    return p


@family("involutions")
def involutive_derangements(n: int):
    """All fixed-point-free involutions of S_n (n even): products of n/2 disjoint transpositions.

    Generators named by their cycles (``c0_1-2_3``), (n-1)!! of them. For n = 2 they generate S_2,
    for n = 4 only the Klein four-group (4 states). For n >= 6 they form one conjugacy class of
    permutations of parity n/2, whose normal closure is S_n when n = 2 mod 4 and A_n when n = 0 mod 4
    (A_n is the only proper non-trivial normal subgroup of S_n for n >= 5; classical). Listed among the
    CayleyPy generator families (cayleypy 0.2, 2025).

    >>> involutive_derangements(4).names
    ('c0_1-2_3', 'c0_2-1_3', 'c0_3-1_2')
    """
    n = check_int("n", n, 2)
    require(n % 2 == 0, f"parameter n must be even (a fixed-point-free involution pairs positions), got {n}")
    check_count(class_size(n, [2] * (n // 2)), f"involutive_derangements(n={n})")
    pairs = [(cycle_name(c), from_cycles(n, c)) for c in cycles_of_type(n, [2] * (n // 2))]
    pairs.sort(key=lambda item: item[0])
    return graph_from(pairs)


@family("involutions")
def rapaport_m1(n: int):
    """Rapaport's three involutions: t = (0 1), s1 = (0 1)(2 3)(4 5)..., s2 = (1 2)(3 4)(5 6)....

    Generators ``t``, ``s1``, ``s2``. s1 and s2 generate a dihedral group of order 2n acting on the
    positions as on the vertices of an n-gon (s1 s2 is an n-cycle) and t adds an edge transposition,
    so they generate S_n; t and s1 commute. E. S. Rapaport, "Cayley color groups and Hamilton lines"
    (Scripta Math. 24, 1959), whose Hamiltonicity theorem concerns three involutions two of which
    commute. The name M1 follows the CayleyPy generator families (cayleypy, 2025).

    >>> rapaport_m1(4).names
    ('t', 's1', 's2')
    """
    n = check_int("n", n, 4)
    return graph_from([("t", transposition(n, 0, 1)), ("s1", _pairs_from(n, 0)), ("s2", _pairs_from(n, 1))])


@family("involutions")
def rapaport_m2(n: int):
    """Rapaport's second set: s1 = (0 1)(2 3)(4 5)..., s2 = (1 2)(3 4)... and u = t s1 = (2 3)(4 5)....

    Generators ``u``, ``s1``, ``s2``: the same group S_n as :func:`rapaport_m1` with the transposition
    t = (0 1) replaced by the involution u = t s1 (which also commutes with s1). Definitions of the
    second set differ between sources; this one keeps Rapaport's hypothesis of three involutions two of
    which commute (Rapaport 1959).

    >>> rapaport_m2(4).names
    ('u', 's1', 's2')
    """
    n = check_int("n", n, 4)
    u = _pairs_from(n, 2)
    return graph_from([("u", u), ("s1", _pairs_from(n, 0)), ("s2", _pairs_from(n, 1))])
