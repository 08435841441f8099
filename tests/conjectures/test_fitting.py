"""fit(): exact recovery of quasi-polynomials, refusal of noise and of under-determined data."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cayley.conjectures import QuasiPolynomial, fit, fit_tail
from cayley.conjectures.fitting import solve_polynomial
from cayley.conjectures.quasipoly import format_polynomial

# OEIS A039745: diameter of the directed LX graph of S_n, n = 1..15.
A039745 = [0, 1, 2, 6, 11, 18, 25, 35, 45, 58, 71, 87, 103, 122, 141]


def test_recovers_a_single_quadratic():
    ns = list(range(2, 9))
    f = fit(ns, [n * (n - 1) // 2 for n in ns])
    assert (f.period, f.degree) == (1, 2)
    assert str(f) == "n^2/2 - n/2"
    assert f.predict(20) == 190


def test_recovers_floor_of_quarter_square_as_period_two():
    ns = list(range(3, 13))
    f = fit(ns, [n * n // 4 for n in ns])
    assert (f.period, f.degree) == (2, 2)
    assert str(f) == "n even: n^2/4; n odd: n^2/4 - 1/4"
    assert [f.predict(n) for n in range(13, 30)] == [n * n // 4 for n in range(13, 30)]


def test_recovers_the_lx_quasi_polynomial_from_oeis_values():
    f = fit_tail(range(1, 16), A039745)
    assert f.valid_from == 5
    assert str(f) == "n even: 3n^2/4 - 2n + 3; n odd: 3n^2/4 - 2n + 9/4"
    assert f.held_out == tuple(range(11, 16))


def test_lowest_period_wins_before_lowest_degree():
    # n^2 fits with period 1, degree 2; it must not be reported as something of period 2, degree 1.
    f = fit(range(0, 10), [n * n for n in range(10)])
    assert (f.period, f.degree) == (1, 2)


def test_constant_and_linear_sequences():
    assert str(fit([4, 5, 6], [7, 7, 7])) == "7"
    assert str(fit([1, 2, 3, 4], [1, 3, 5, 7])) == "2n - 1"


def test_period_three_linear():
    values = {0: lambda n: n, 1: lambda n: 2 * n + 1, 2: lambda n: 5}
    ns = list(range(0, 12))
    f = fit(ns, [values[n % 3](n) for n in ns], max_degree=1)
    assert f.period == 3
    assert [f.predict(n) for n in range(12, 30)] == [values[n % 3](n) for n in range(12, 30)]


def test_held_out_validation_is_part_of_the_result():
    f = fit(range(1, 9), [3 * n + 1 for n in range(1, 9)])
    assert f.fitted_on == (1, 2) and f.held_out == tuple(range(3, 9))
    assert f.validated
    assert all(v == p == 3 * n + 1 for n, v, p in f.validation)


def test_refuses_noise():
    noise = [7, 3, 12, 5, 9, 1, 14, 2, 8, 11, 6, 13]
    with pytest.raises(ValueError, match="no quasi-polynomial"):
        fit(range(len(noise)), noise)


def test_refuses_a_cubic_with_max_degree_two():
    with pytest.raises(ValueError, match="degree <= 2"):
        fit(range(1, 20), [n**3 for n in range(1, 20)])


def test_requires_a_spare_point_per_residue_class():
    # Three points determine a quadratic exactly, with nothing left to check it: refused.
    with pytest.raises(ValueError):
        fit([1, 2, 3], [1, 4, 9])
    # Period 2 needs data in both classes, with one spare each.
    with pytest.raises(ValueError):
        fit([2, 4, 6, 8, 3, 5], [1, 2, 3, 4, 10, 20], max_degree=1, max_period=2)


@pytest.mark.parametrize(
    "ns, values, message",
    [
        ([1, 2], [1], "ns has 2 entries"),
        ([], [], "no data points"),
        ([1, 1, 2], [1, 1, 2], "repeated"),
        ([1.5, 2, 3], [1, 2, 3], "every n"),
        ([1, 2, 3], [1, True, 3], "must be an integer or a fraction"),
    ],
)
def test_bad_input_raises_value_error(ns, values, message):
    with pytest.raises(ValueError, match=message):
        fit(ns, values)


def test_bad_limits_raise_value_error():
    with pytest.raises(ValueError, match="max_period"):
        fit([1, 2, 3], [1, 2, 3], max_period=0)
    with pytest.raises(ValueError, match="max_degree"):
        fit([1, 2, 3], [1, 2, 3], max_degree=-1)


def test_solve_polynomial_is_exact():
    assert solve_polynomial([1, 3], [Fraction(1, 2), Fraction(5, 2)]) == [Fraction(-1, 2), Fraction(1)]


def test_format_polynomial():
    F = Fraction
    assert format_polynomial([F(3), F(-2), F(3, 4)]) == "3n^2/4 - 2n + 3"
    assert format_polynomial([F(0)]) == "0"
    assert format_polynomial([F(0), F(-1)]) == "-n"
    assert format_polynomial([F(1, 2), F(0), F(0), F(1)], "p") == "p^3 + 1/2"


def test_quasi_polynomial_rejects_non_integer_predictions():
    q = QuasiPolynomial(1, {0: [Fraction(0), Fraction(1, 2)]})
    assert q.predict(4) == 2
    with pytest.raises(ValueError, match="not an integer"):
        q.predict(3)


def test_quasi_polynomial_rejects_missing_residues():
    with pytest.raises(ValueError, match="one entry per residue"):
        QuasiPolynomial(2, {0: [Fraction(1)]})


_coeff = st.fractions(min_value=-5, max_value=5, max_denominator=4)


@settings(max_examples=40, deadline=None)
@given(period=st.integers(1, 4), degree=st.integers(0, 2), data=st.data())
def test_fit_recovers_random_quasi_polynomials(period, degree, data):
    polys = {r: data.draw(st.lists(_coeff, min_size=degree + 1, max_size=degree + 1)) for r in range(period)}
    truth = QuasiPolynomial(period, polys)
    ns = list(range(0, 60))
    f = fit(ns, [truth.value(n) for n in ns], max_degree=2, max_period=4)
    # The simplest fit is never more complex than the truth, and agrees with it beyond the data.
    assert (f.period, f.degree) <= (truth.period, truth.degree)
    assert all(f.value(n) == truth.value(n) for n in range(60, 120))
