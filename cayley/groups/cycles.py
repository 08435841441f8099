"""Families of cycles: 3-cycles, all cycles, consecutive / wrapped / increasing k-cycles, rotations.

Cycle generators are named by their cycle notation (see :func:`cayley.graph.cycle_notation`): ``c0_1_2``
is the move with new[0] = s[1], new[1] = s[2], new[2] = s[0].
"""

from __future__ import annotations

from itertools import combinations, permutations
from math import comb, factorial

from ._cycletype import check_count, cycle_name, cycles_of_type, from_cycles
from ._perm import cycle, graph_from, rotate_segment, with_inverses
from ._registry import check_int, family, require

__all__ = [
    "three_cycles",
    "three_cycles_0ij",
    "three_cycles_01i",
    "all_cycles",
    "consecutive_k_cycles",
    "wrapped_k_cycles",
    "increasing_k_cycles",
    "prefix_cycles",
    "down_cycles",
    "insertions",
]


def _cycle_pairs(n: int, cycles):
    return [(cycle_name([c]), cycle(n, c)) for c in cycles]


@family("cycles")
def three_cycles(n: int):
    """All 3-cycles of S_n (both orientations): a generating set of the alternating group A_n.

    Generators ``c{a}_{b}_{c}``, 2 C(n, 3) of them, inverse-closed; n!/2 states for n >= 3. An even
    permutation with c_odd cycles of odd length (fixed points included) is a product of
    (n - c_odd)/2 and no fewer 3-cycles (a 3-cycle changes c_odd by at most 2, and splitting a 3-cycle
    off an odd cycle, or off two even cycles, meets the bound), so the diameter is floor(n/2). The
    family is among the CayleyPy generator families (cayleypy, 2025).

    >>> three_cycles(3).names
    ('c0_1_2', 'c0_2_1')
    """
    n = check_int("n", n, 3)
    cyc = [(a,) + rest for a, b, c in combinations(range(n), 3) for rest in ((b, c), (c, b))]
    return graph_from(_cycle_pairs(n, cyc))


@family("cycles")
def three_cycles_0ij(n: int):
    """The 3-cycles (0 i j) for all ordered pairs of distinct i, j in 1..n-1; they generate A_n.

    Generators ``c0_{i}_{j}``, (n-1)(n-2) of them, inverse-closed ((0 i j)^-1 = (0 j i)); n!/2 states
    for n >= 3 (the 3-cycles through a fixed point generate A_n, Dixon & Mortimer, "Permutation groups", 1996).

    >>> three_cycles_0ij(3).names
    ('c0_1_2', 'c0_2_1')
    """
    n = check_int("n", n, 3)
    return graph_from(_cycle_pairs(n, [(0, i, j) for i, j in permutations(range(1, n), 2)]))


@family("cycles")
def three_cycles_01i(n: int):
    """The 3-cycles (0 1 i) and their inverses, i = 2..n-1: the alternating group graph AG_n.

    Generators ``c0_1_{i}`` and ``c0_{i}_1``, 2(n-2) of them, inverse-closed; n!/2 states. Jwo,
    Lakshmivarahan & Dhall, "A new class of interconnection networks based on the alternating group"
    (Networks 23, 1993) introduce AG_n and show its diameter is floor(3(n-2)/2).

    >>> three_cycles_01i(4).names
    ('c0_1_2', 'c0_1_3', 'c0_2_1', 'c0_3_1')
    """
    n = check_int("n", n, 3)
    return graph_from(_cycle_pairs(n, [(0, 1, i) for i in range(2, n)] + [(0, i, 1) for i in range(2, n)]))


@family("cycles")
def all_cycles(n: int):
    """Every cycle of length 2..n in S_n (both orientations), inverse-closed.

    Generators ``c{...}`` named by the cycle; there are sum_k C(n, k)(k-1)! of them (OEIS A006231).
    Every permutation that is not a cycle is a product of two cycles, so for n >= 4 the growth is
    [1, A006231(n), n! - 1 - A006231(n)] and the diameter 2.

    >>> all_cycles(3).names
    ('c0_1', 'c0_2', 'c1_2', 'c0_1_2', 'c0_2_1')
    """
    n = check_int("n", n, 2)
    count = sum(comb(n, k) * factorial(k - 1) for k in range(2, n + 1))
    check_count(count, f"all_cycles(n={n})")
    cycles = sorted((c[0] for k in range(2, n + 1) for c in cycles_of_type(n, [k])), key=lambda c: (len(c), c))
    return graph_from((cycle_name([c]), from_cycles(n, [c])) for c in cycles)


@family("cycles")
def consecutive_k_cycles(n: int, k: int):
    """The cycles (i, i+1, ..., i+k-1) of k consecutive positions, i = 0..n-k, and their inverses.

    Generators ``C{i}`` (new[i + t] = s[i + t + 1], the last takes s[i]) and ``C{i}^-1`` (for k >= 3).
    Inverse-closed. k = 2 gives :func:`coxeter`; for odd k all moves are even, so at most A_n is reached.
    Listed among the CayleyPy generator families (cayleypy 0.2, 2025).

    >>> consecutive_k_cycles(4, 3).names
    ('C0', 'C1', 'C0^-1', 'C1^-1')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 2)
    require(k <= n, f"parameter k must be <= n = {n}, got {k}")
    return graph_from(with_inverses((f"C{i}", cycle(n, range(i, i + k))) for i in range(n - k + 1)))


@family("cycles")
def wrapped_k_cycles(n: int, k: int):
    """The cycles of k cyclically consecutive positions (i, i+1, ..., i+k-1 mod n) and their inverses.

    Generators ``C{i}`` for i = 0..n-1 and ``C{i}^-1`` (for k >= 3). Inverse-closed; k = 2 gives
    :func:`cyclic_coxeter`. Requires 2 <= k < n (for k = n all rotations of the cycle coincide).
    Listed among the CayleyPy generator families (cayleypy 0.2, 2025).

    >>> wrapped_k_cycles(4, 3).n_generators
    8
    """
    n = check_int("n", n, 3)
    k = check_int("k", k, 2)
    require(k < n, f"parameter k must be < n = {n}, got {k}")
    return graph_from(with_inverses((f"C{i}", cycle(n, [(i + t) % n for t in range(k)])) for i in range(n)))


@family("cycles")
def increasing_k_cycles(n: int, k: int):
    """The cycles (i1 i2 ... ik) with i1 < i2 < ... < ik, one orientation only (directed for k >= 3).

    Generators ``c{i1}_{i2}_..._{ik}`` (new[i1] = s[i2], ..., new[ik] = s[i1]), C(n, k) of them. For
    k = 2 this is :func:`all_transpositions`. Listed among the CayleyPy generator families (cayleypy 0.2,
    2025).

    >>> increasing_k_cycles(4, 3).names
    ('c0_1_2', 'c0_1_3', 'c0_2_3', 'c1_2_3')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 2)
    require(k <= n, f"parameter k must be <= n = {n}, got {k}")
    check_count(comb(n, k), f"increasing_k_cycles(n={n}, k={k})")
    return graph_from(_cycle_pairs(n, list(combinations(range(n), k))))


@family("cycles")
def prefix_cycles(n: int):
    """Rotations of the prefixes of lengths 2..n that move the first entry to the end of the prefix.

    Generators ``Q2``..``Qn`` (new[0..k-2] = s[1..k-1], new[k-1] = s[0]). Directed (for n >= 3): the
    rotator graph of Corbett, "Rotator graphs: an efficient topology for point-to-point multiprocessor
    networks" (IEEE TPDS 3, 1992), whose diameter is n - 1.

    >>> prefix_cycles(3).names
    ('Q2', 'Q3')
    """
    n = check_int("n", n, 2)
    return graph_from((f"Q{k}", rotate_segment(n, 0, k - 1, 1)) for k in range(2, n + 1))


@family("cycles")
def down_cycles(n: int):
    """Rotations of the prefixes of lengths 2..n that bring the last entry of the prefix down to position 0.

    Generators ``D2``..``Dn`` (new[0] = s[k-1], new[1..k-1] = s[0..k-2]): the inverses of
    :func:`prefix_cycles`, so the graph is the rotator graph with reversed edges. The growth is the
    same (a permutation at distance d in one graph has its inverse at distance d in the other); the
    diameter is n - 1 (Corbett 1992).

    >>> down_cycles(3).names
    ('D2', 'D3')
    """
    n = check_int("n", n, 2)
    return graph_from((f"D{k}", rotate_segment(n, 0, k - 1, -1)) for k in range(2, n + 1))


@family("cycles")
def insertions(n: int):
    """Move one entry from position i to position j (the entries between shift by one): sorting by insertions.

    Generators ``I{i}_{j}`` for i != j; moves with |i - j| = 1 are the adjacent swaps ``I{i}_{i+1}`` only,
    so there are (n-1)^2 generators, inverse-closed. The distance of a state s is n minus the length
    of a longest increasing subsequence of s (classical; e.g. Aldous & Diaconis, "Longest increasing
    subsequences", 1999), so the diameter is n - 1.

    >>> insertions(3).n_generators
    4
    """
    n = check_int("n", n, 2)
    pairs = []
    for i in range(n):
        for j in range(n):
            if i == j or (i == j + 1):
                continue
            lo, hi = min(i, j), max(i, j)
            # the entry at i ends at j: new[j] = s[i]
            pairs.append((f"I{i}_{j}", rotate_segment(n, lo, hi, 1 if i < j else -1)))
    return graph_from(pairs)
