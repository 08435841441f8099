"""Families of signed permutations (burnt pancakes, signed reversals, Coxeter types B and D, hypercube).

A signed permutation of n acts here on 2n positions: entry i of the signed permutation occupies the slot
pair (2i, 2i+1), and its sign is the order of the two values in the pair (see :mod:`cayley.groups._perm`).
With the identity as central state, growth therefore counts signed permutations: 2^n n! states for the
hyperoctahedral group B_n.
"""

from __future__ import annotations

from ._perm import flip, graph_from, signed_reversal, signed_transposition
from ._registry import check_int, family

__all__ = ["burnt_pancake", "signed_reversals", "coxeter_b", "coxeter_d", "hypercube"]


@family("signed")
def burnt_pancake(n: int):
    """Signed prefix reversals of lengths 1..n: the burnt pancake graph, acting on 2n positions.

    Generators ``P1``..``Pn`` (``Pk`` reverses the first k signed entries and flips their signs),
    involutions. Generates the hyperoctahedral group (2^n n! states). Diameters: OEIS A078941
    (1, 4, 6, 8, 10, 12, 14, 15, 17, 18, ... for n = 1, 2, ...; Cohen & Blum 1995, Cibulka 2011).

    >>> burnt_pancake(2).state_size
    4
    """
    n = check_int("n", n, 1)
    return graph_from((f"P{k}", signed_reversal(n, 0, k - 1)) for k in range(1, n + 1))


@family("signed")
def signed_reversals(n: int):
    """All signed reversals (reverse entries i..j and flip their signs, 0 <= i <= j < n), on 2n positions.

    Generators ``R{i}_{j}``, n(n+1)/2 involutions (``R{i}_{i}`` flips one sign). Generates the
    hyperoctahedral group (2^n n! states). The signed reversal diameter is n + 1 for n = 2 and n >= 4
    (and 3 for n = 3), attained by the reversed identity with all signs kept (Meidanis, Walter & Dias,
    "Reversal distance of signed circular chromosomes", 2000; distances by Hannenhalli & Pevzner, 1995).

    >>> signed_reversals(2).names
    ('R0_0', 'R0_1', 'R1_1')
    """
    n = check_int("n", n, 1)
    return graph_from((f"R{i}_{j}", signed_reversal(n, i, j)) for i in range(n) for j in range(i, n))


@family("signed")
def coxeter_b(n: int):
    """Coxeter generators of the hyperoctahedral group B_n, on 2n positions.

    Generators ``s0`` (flip the sign of entry 0) and ``s1``..``s{n-1}`` (``si`` swaps entries i-1 and i).
    Involutions; 2^n n! states. The growth function is the Poincare polynomial prod_{i=1..n} [2i]_q
    (Humphreys, "Reflection groups and Coxeter groups", 3.15) and the diameter is the length n^2 of
    the longest element.

    >>> coxeter_b(2).names
    ('s0', 's1')
    """
    n = check_int("n", n, 1)
    gens = [("s0", flip(n, 0))]
    gens += [(f"s{i}", signed_transposition(n, i - 1, i)) for i in range(1, n)]
    return graph_from(gens)


@family("signed")
def coxeter_d(n: int):
    """Coxeter generators of D_n (signed permutations with an even number of sign flips), on 2n positions.

    Generators ``s0`` (entries 0 and 1 are swapped and both change sign) and ``s1``..``s{n-1}`` (``si``
    swaps entries i-1 and i). Involutions; 2^(n-1) n! states. The growth function is the Poincare
    polynomial [n]_q prod_{i=1..n-1} [2i]_q and the diameter is n(n-1) (Humphreys, 3.15).

    >>> coxeter_d(3).n_generators
    3
    """
    n = check_int("n", n, 2)
    gens = [("s0", signed_reversal(n, 0, 1))]
    gens += [(f"s{i}", signed_transposition(n, i - 1, i)) for i in range(1, n)]
    return graph_from(gens)


@family("signed")
def hypercube(n: int):
    """The elementary abelian group (Z/2)^n as independent sign flips, on 2n positions: the n-cube.

    Generators ``f0``..``f{n-1}`` (``fi`` flips the sign of entry i). 2^n states; the growth function is
    the binomial row C(n, d) and the diameter is n (classical: the Cayley graph of (Z/2)^n with the
    standard basis is the n-dimensional hypercube Q_n).

    >>> hypercube(3).names
    ('f0', 'f1', 'f2')
    """
    n = check_int("n", n, 1)
    return graph_from((f"f{i}", flip(n, i)) for i in range(n))
