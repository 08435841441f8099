"""Families of reversals: pancake flips, all reversals, restricted and fixed-length reversals."""

from __future__ import annotations

from ._perm import graph_from, reversal
from ._registry import check_int, family, require

__all__ = ["pancake", "full_reversals", "cubic_pancake", "k_reversals"]


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


@family("reversals")
def full_reversals(n: int):
    """All reversals of a segment i..j (0 <= i < j < n) on S_n: sorting by (unsigned) reversals.

    Generators ``R{i}_{j}``, n(n-1)/2 involutions. The reversal diameter of S_n is n - 1 for n >= 2
    (Bafna & Pevzner, "Genome rearrangements and sorting by reversals", SIAM J. Comput. 25, 1996).

    >>> full_reversals(3).names
    ('R0_1', 'R0_2', 'R1_2')
    """
    n = check_int("n", n, 2)
    return graph_from((f"R{i}_{j}", reversal(n, i, j)) for i in range(n) for j in range(i + 1, n))


def _check_lengths(n: int, subset) -> list[int]:
    try:
        lengths = [int(x) for x in subset]
    except (TypeError, ValueError):
        raise ValueError(f"parameter subset must be a sequence of prefix lengths, got {subset!r}") from None
    require(len(lengths) >= 1, "parameter subset must name at least one prefix length")
    require(all(2 <= x <= n for x in lengths), f"parameter subset must hold lengths in 2..{n}, got {lengths}")
    require(len(set(lengths)) == len(lengths), f"parameter subset has repeated lengths: {lengths}")
    return sorted(lengths)


@family("reversals")
def cubic_pancake(n: int, subset=None):
    """Prefix reversals of a chosen set of lengths; with three lengths a cubic (3-regular) pancake graph.

    Generators ``Pk`` for k in ``subset`` (``Pk`` reverses positions 0..k-1), default ``(2, n-1, n)``.
    Bass & Sudborough, "Pancake problems with restricted prefix reversals and some corresponding Cayley
    networks" (J. Parallel Distrib. Comput. 63, 2003) study these 3-regular graphs (n >= 4), among them
    {P2, P(n-1), Pn} and {P3, P(n-1), Pn}, and bound their diameters. Not every subset generates S_n
    (e.g. {P(n-1), Pn} alone generates a dihedral group).

    >>> cubic_pancake(5, subset=(2, 4, 5)).names
    ('P2', 'P4', 'P5')
    """
    n = check_int("n", n, 2)
    lengths = _check_lengths(n, sorted({2, n - 1, n}) if subset is None else subset)
    return graph_from((f"P{k}", reversal(n, 0, k - 1)) for k in lengths)


@family("reversals")
def k_reversals(n: int, k: int):
    """All reversals of k consecutive positions (i..i+k-1) on S_n: sorting with length-k reversals.

    Generators ``R{i}`` for i = 0..n-k, involutions. k = 2 gives the Coxeter generators. For k = 3 the
    moves keep the parity of each entry's position, so the graph is disconnected from S_n (Chen & Skiena,
    "Sorting with length-k reversals", 1996, who determine the reachable sets for every k).

    >>> k_reversals(5, 3).names
    ('R0', 'R1', 'R2')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 2)
    require(k <= n, f"parameter k must be <= n = {n}, got {k}")
    return graph_from((f"R{i}", reversal(n, i, i + k - 1)) for i in range(n - k + 1))
