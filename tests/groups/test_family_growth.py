"""Published diameters and growth functions (OEIS, papers, closed formulas) on small n.

Every expected value below comes from the cited source or from a formula evaluated independently of
the package (by enumerating permutations with itertools).
"""

from itertools import permutations
from math import comb, factorial, prod

import pytest
from theory import mahonian, poincare, stirling_first_unsigned_by_distance

import cayley
from cayley import groups


def growth(g):
    return cayley.growth(g, progress=False)


# OEIS A058986 (pancake numbers), a(n) for n = 1, 2, ...
A058986 = [0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 22]
# OEIS A078941 (burnt pancake numbers), n = 1, 2, ...
A078941 = [1, 4, 6, 8, 10, 12, 14, 15, 17, 18, 19, 21]
# OEIS A186783 (diameter of S_n with (1 2), (1 2 ... n) and its inverse: LRX), n = 1, 2, ...
A186783 = [0, 1, 2, 6, 10, 15, 21, 28, 36, 45, 55, 66, 78]
# OEIS A039745 (diameter of the directed Cayley graph of S_n with (1 2) and (1 2 ... n): LX), n = 1, 2, ...
A039745 = [0, 1, 2, 6, 11, 18, 25, 35, 45]
# OEIS A000166 (derangements) and A006231 (cycles of length >= 2 in S_n), n = 0, 1, 2, ...
A000166 = [1, 0, 1, 2, 9, 44, 265, 1854, 14833]
A006231 = [0, 0, 1, 5, 20, 84, 409, 2365, 16064]


def test_oeis_tables_are_consistent_with_their_definitions():
    for n in range(2, 9):
        assert A006231[n] == sum(comb(n, k) * factorial(k - 1) for k in range(2, n + 1))
        assert A000166[n] == sum(1 for p in permutations(range(n)) if all(p[i] != i for i in range(n)))


@pytest.mark.parametrize("n", [9])
def test_pancake_number_a058986(n):
    assert growth(groups.pancake(n)).diameter == A058986[n - 1]


@pytest.mark.parametrize("n", range(1, 8))
def test_burnt_pancake_numbers_a078941(n):
    r = growth(groups.burnt_pancake(n))
    assert r.diameter == A078941[n - 1]
    assert r.num_states == 2**n * factorial(n)


@pytest.mark.parametrize("n", range(2, 10))
def test_lrx_diameter_a186783(n):
    assert growth(groups.lrx(n)).diameter == A186783[n - 1]


@pytest.mark.parametrize("n", range(2, 10))
def test_lx_diameter_a039745(n):
    assert growth(groups.lx(n)).diameter == A039745[n - 1]


@pytest.mark.parametrize("n", range(2, 8))
def test_coxeter_growth_is_mahonian_a008302(n):
    assert growth(groups.coxeter(n)).layer_sizes == mahonian(n)


@pytest.mark.parametrize("n", range(2, 8))
def test_all_transpositions_growth_is_stirling_a132393(n):
    assert growth(groups.all_transpositions(n)).layer_sizes == stirling_first_unsigned_by_distance(n)


@pytest.mark.parametrize("n", range(1, 6))
def test_coxeter_b_growth_is_its_poincare_polynomial(n):
    # degrees of B_n: 2, 4, ..., 2n (Humphreys 3.7); length of the longest element n^2
    r = growth(groups.coxeter_b(n))
    assert r.layer_sizes == poincare([2 * i for i in range(1, n + 1)])
    assert r.diameter == n * n


@pytest.mark.parametrize("n", range(2, 6))
def test_coxeter_d_growth_is_its_poincare_polynomial(n):
    # degrees of D_n: 2, 4, ..., 2n-2 and n; longest element of length n(n-1)
    r = growth(groups.coxeter_d(n))
    assert r.layer_sizes == poincare([2 * i for i in range(1, n)] + [n])
    assert r.diameter == n * (n - 1)


@pytest.mark.parametrize("n", range(1, 9))
def test_hypercube_growth_is_binomial(n):
    assert growth(groups.hypercube(n)).layer_sizes == [comb(n, d) for d in range(n + 1)]


@pytest.mark.parametrize("n", range(2, 9))
def test_star_graph_diameter_floor_3_n_minus_1_over_2(n):
    assert growth(groups.stars(n)).diameter == 3 * (n - 1) // 2  # Akers, Harel & Krishnamurthy 1987


@pytest.mark.parametrize("n", range(2, 8))
def test_full_reversals_diameter_n_minus_1(n):
    assert growth(groups.full_reversals(n)).diameter == n - 1  # Bafna & Pevzner 1996


@pytest.mark.parametrize("n", [2, 4, 5, 6])
def test_signed_reversals_diameter_n_plus_1(n):
    assert growth(groups.signed_reversals(n)).diameter == n + 1


@pytest.mark.parametrize("n", range(3, 9))
def test_transposition_diameter_floor_n_over_2_plus_1(n):
    assert growth(groups.transposons(n)).diameter == n // 2 + 1  # Eriksson et al. 2001, n <= 12


@pytest.mark.parametrize("n", range(2, 8))
def test_block_interchange_diameter_floor_n_over_2(n):
    assert growth(groups.block_interchange(n)).diameter == n // 2  # Christie 1996


@pytest.mark.parametrize("n", range(3, 9))
def test_alternating_group_graph_diameter(n):
    assert growth(groups.three_cycles_01i(n)).diameter == 3 * (n - 2) // 2  # Jwo et al. 1993


def odd_cycles(p):
    seen, count = set(), 0
    for start in range(len(p)):
        if start in seen:
            continue
        length, i = 0, start
        while i not in seen:
            seen.add(i)
            i = p[i]
            length += 1
        count += length % 2
    return count


def lis(seq):
    best = []
    for x in seq:
        k = sum(1 for b in best if b < x)
        best[k:k + 1] = [x]
    return len(best)


def histogram(values):
    out = [0] * (max(values) + 1)
    for v in values:
        out[v] += 1
    return out


@pytest.mark.parametrize("n", range(3, 8))
def test_three_cycle_distance_is_n_minus_odd_cycles_over_2(n):
    even = [p for p in permutations(range(n)) if _is_even(p)]
    expected = histogram([(n - odd_cycles(p)) // 2 for p in even])
    r = growth(groups.three_cycles(n))
    assert r.layer_sizes == expected
    assert r.diameter == n // 2


def _is_even(p):
    inversions = sum(1 for i in range(len(p)) for j in range(i + 1, len(p)) if p[i] > p[j])
    return inversions % 2 == 0


@pytest.mark.parametrize("n", range(2, 8))
def test_insertion_distance_is_n_minus_lis(n):
    expected = histogram([n - lis(p) for p in permutations(range(n))])
    r = growth(groups.insertions(n))
    assert r.layer_sizes == expected
    assert r.diameter == n - 1


@pytest.mark.parametrize("n", range(2, 8))
def test_rotator_graph_diameter_and_reversed_edges(n):
    forward, backward = growth(groups.prefix_cycles(n)), growth(groups.down_cycles(n))
    assert forward.diameter == n - 1  # Corbett 1992
    assert forward.layer_sizes == backward.layer_sizes  # d_S(g) = d_{S^-1}(g^-1)


@pytest.mark.parametrize("n", range(4, 8))
def test_derangements_and_all_cycles_have_diameter_two(n):
    assert growth(groups.derangements(n)).layer_sizes == [1, A000166[n], factorial(n) - 1 - A000166[n]]
    assert growth(groups.all_cycles(n)).layer_sizes == [1, A006231[n], factorial(n) - 1 - A006231[n]]


@pytest.mark.parametrize("n", range(3, 10))
def test_cyclic_and_dihedral(n):
    assert growth(groups.cyclic(n)).layer_sizes == [1] * n
    assert growth(groups.dihedral(n)).diameter == n // 2 + 1


@pytest.mark.parametrize("n", range(3, 8))
def test_short_swaps_diameter_at_least_inversion_bound(n):
    d = growth(groups.short_swaps(n)).diameter
    assert d >= -(-n * (n - 1) // 6)
    assert d <= growth(groups.coxeter(n)).diameter


def test_poincare_helper_counts_group_orders():
    assert sum(poincare([2, 4, 6])) == 48 == 2**3 * 6
    assert prod([2, 3, 4]) == sum(poincare([2, 3, 4])) == 24
