"""Sequences from theory, computed independently of the package (expected values in tests)."""

from math import comb, factorial

# Distance distribution of the 2x2x2 cube with one corner fixed, half-turn and quarter-turn metric
# (God's numbers 11 and 14); published tables, e.g. Jaap's Puzzle Page "Pocket Cube".
POCKET_HTM = [1, 9, 54, 321, 1847, 9992, 50136, 227536, 870072, 1887748, 623800, 2644]
POCKET_QTM = [1, 6, 27, 120, 534, 2256, 8969, 33058, 114149, 360508, 930588, 1350852, 782536, 90280, 276]


def mahonian(n):
    """Number of permutations of n by inversions (OEIS A008302 row n)."""
    row = [1]
    for m in range(2, n + 1):
        new = [0] * (len(row) + m - 1)
        for i, c in enumerate(row):
            for j in range(m):
                new[i + j] += c
        row = new
    return row


def stirling_first_unsigned_by_distance(n):
    """Permutations of n with n - d cycles, for d = 0..n-1 (c(n, n-d))."""
    c = [[0] * (n + 1) for _ in range(n + 1)]
    c[0][0] = 1
    for m in range(1, n + 1):
        for k in range(1, m + 1):
            c[m][k] = c[m - 1][k - 1] + (m - 1) * c[m - 1][k]
    return [c[n][n - d] for d in range(n)]


def multinomial(counts):
    total, out = 0, 1
    for c in counts:
        total += c
        out *= comb(total, c)
    return out


def order_sym(n):
    return factorial(n)


def poincare(degrees):
    """Coefficients of prod_d (1 + q + ... + q^(d-1)): the length generating function of a finite
    Coxeter group with these degrees (Humphreys, Reflection Groups and Coxeter Groups, 3.15)."""
    out = [1]
    for d in degrees:
        new = [0] * (len(out) + d - 1)
        for i, c in enumerate(out):
            for j in range(d):
                new[i + j] += c
        out = new
    return out
