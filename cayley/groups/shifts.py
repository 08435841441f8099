"""Families built from cyclic shifts (LRX, LX, LArX, TopSpin, cyclic and dihedral groups, LSL)."""

from __future__ import annotations

from ._perm import graph_from, reversal, rotate_segment, shift_left, transposition, with_inverses
from ._registry import check_int, family, require

__all__ = ["lrx", "lx", "larx", "top_spin", "cyclic", "dihedral", "lsl_cycles"]


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


@family("shifts")
def larx(n: int):
    """The left shift, the reversal of all positions and the swap of positions 0 and 1, on S_n (directed).

    Generators: ``L`` (new[i] = s[i+1 mod n]), ``Ar`` (new[i] = s[n-1-i]) and ``X`` (swap 0 and 1).
    ``L`` and ``Ar`` generate the dihedral group of the n-gon (Ar L Ar = L^-1), and X adds a
    transposition, so they generate S_n; the set is not inverse-closed for n >= 3. The family name comes
    from the CayleyPy generator families (cayleypy, 2025); the move called Ar is defined differently
    across sources, and here it is the full reversal. No closed formula for the diameter is known.

    >>> larx(4).names
    ('L', 'Ar', 'X')
    """
    n = check_int("n", n, 3)
    return graph_from([("L", shift_left(n, 1)), ("Ar", reversal(n, 0, n - 1)), ("X", transposition(n, 0, 1))])


@family("shifts")
def top_spin(n: int, k: int = 4):
    """The (n, k)-TopSpin puzzle: shifts left and right and the reversal of the first k positions.

    Generators: ``L`` (new[i] = s[i+1 mod n]), ``R`` (its inverse), ``T`` (reverse positions 0..k-1).
    Inverse-closed. For k = 4 all moves are even permutations when n is odd, and they generate the
    alternating group A_n for odd n >= 7 and all of S_n for even n >= 6 (Chen & Skiena, "Sorting with
    length-k reversals", 1996; the physical puzzle identifies rotations, our graph does not).

    >>> top_spin(6).names
    ('L', 'R', 'T')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 2)
    require(k <= n, f"parameter k must be <= n = {n}, got {k}")
    return graph_from([("L", shift_left(n, 1)), ("R", shift_left(n, -1)), ("T", reversal(n, 0, k - 1))])


@family("shifts")
def cyclic(n: int):
    """The cyclic group C_n as the left shift of n positions (directed).

    Generator ``L`` (new[i] = s[i+1 mod n]). The graph is a directed n-cycle: n states, diameter n - 1
    (classical: the Cayley digraph of Z/n with generator 1).

    >>> cyclic(5).n_generators
    1
    """
    n = check_int("n", n, 2)
    return graph_from([("L", shift_left(n, 1))])


@family("shifts")
def dihedral(n: int):
    """The dihedral group of order 2n: shifts left and right and the reversal of all n positions.

    Generators ``L``, ``R`` (inverse shifts) and ``F`` (new[i] = s[n-1-i]). Inverse-closed; 2n states;
    the diameter is floor(n/2) + 1 (classical: a reflection r^a F needs the shift part plus one flip).

    >>> dihedral(5).names
    ('L', 'R', 'F')
    """
    n = check_int("n", n, 3)
    return graph_from([("L", shift_left(n, 1)), ("R", shift_left(n, -1)), ("F", reversal(n, 0, n - 1))])


@family("shifts")
def lsl_cycles(n: int):
    """The left shift of all n positions and the left shift of the first n-1 positions, with inverses.

    Generators ``L`` (n-cycle, new[i] = s[i+1 mod n]), ``S`` (new[i] = s[i+1 mod (n-1)] for i < n-1),
    ``L^-1`` and ``S^-1``. Since L^-1 S is a transposition of adjacent positions, they generate S_n
    (the classical n-cycle / (n-1)-cycle generating pair, see Coxeter & Moser, "Generators and
    relations for discrete groups", 1957, 6.2).

    >>> lsl_cycles(4).names
    ('L', 'S', 'L^-1', 'S^-1')
    """
    n = check_int("n", n, 3)
    return graph_from(with_inverses([("L", shift_left(n, 1)), ("S", rotate_segment(n, 0, n - 2, 1))]))
