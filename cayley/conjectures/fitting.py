"""Exact fitting of quasi-polynomials to integer sequences (diameters against n).

:func:`fit` tries periods 1, 2, ... and, for each, degrees 0, 1, ...; the first (period, degree) for
which one polynomial per residue class passes exactly through every data point wins. The
coefficients of a class are solved from its smallest ``degree + 1`` points and the remaining points
of the class (at least one is required) are the held-out check, so a fit is never a mere
interpolation. Noise gives a ``ValueError``.

>>> f = fit(range(2, 12), [n * n // 4 for n in range(2, 12)])
>>> str(f), f.period, f.degree
('n even: n^2/4; n odd: n^2/4 - 1/4', 2, 2)
>>> f.predict(20)
100
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Integral, Rational

from .quasipoly import QuasiPolynomial

__all__ = ["fit", "fit_tail", "Fit", "solve_polynomial"]


@dataclass(frozen=True)
class Fit(QuasiPolynomial):
    """A fitted :class:`QuasiPolynomial` with the data behind it.

    ``fitted_on``: the n used to solve for coefficients; ``held_out``: the n it was then checked on
    (each class has at least one); ``validation``: ``(n, value, predicted)`` for every held-out point;
    ``valid_from``: the smallest n of the data.
    """

    fitted_on: tuple = field(default=(), compare=False)
    held_out: tuple = field(default=(), compare=False)
    validation: tuple = field(default=(), compare=False)
    valid_from: int | None = field(default=None, compare=False)

    @property
    def validated(self) -> bool:
        """True when every held-out point is reproduced exactly (always, for a returned fit)."""
        return bool(self.validation) and all(v == p for _, v, p in self.validation)

    def quasi_polynomial(self) -> QuasiPolynomial:
        return QuasiPolynomial(self.period, dict(self.polys))


def solve_polynomial(xs, ys) -> list[Fraction]:
    """Coefficients (increasing degree) of the polynomial of degree < len(xs) through the points, exactly.

    >>> solve_polynomial([0, 1, 2], [0, 1, 4])
    [Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)]
    """
    size = len(xs)
    rows = [[Fraction(x) ** k for k in range(size)] + [Fraction(y)] for x, y in zip(xs, ys)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            raise ValueError(f"points {list(xs)} do not determine a polynomial (repeated x?)")
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = rows[col][col]
        rows[col] = [v / head for v in rows[col]]
        for r in range(size):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return [rows[k][size] for k in range(size)]


def _check_int(value, what: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral) or value < minimum:
        raise ValueError(f"{what} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def _check_data(ns, values) -> list[tuple[int, Fraction]]:
    ns, values = list(ns), list(values)
    if len(ns) != len(values):
        raise ValueError(f"ns has {len(ns)} entries but values has {len(values)}")
    if not ns:
        raise ValueError("no data points given")
    points = []
    for n, v in zip(ns, values):
        n = _check_int(n, "every n", -(10**18))
        if isinstance(v, bool) or not isinstance(v, Rational):
            raise ValueError(f"value at n = {n} must be an integer or a fraction, got {v!r}")
        points.append((n, Fraction(v)))
    seen = [n for n, _ in points]
    if len(set(seen)) != len(seen):
        raise ValueError(f"ns contains repeated values: {sorted({n for n in seen if seen.count(n) > 1})}")
    return sorted(points)


def _try(points, period: int, degree: int):
    """Fit one polynomial of the given degree per residue class, or None."""
    classes = {r: [p for p in points if p[0] % period == r] for r in range(period)}
    if any(len(pts) < degree + 2 for pts in classes.values()):
        return None
    polys, fitted, held, validation = {}, [], [], []
    for r, pts in classes.items():
        base, rest = pts[: degree + 1], pts[degree + 1:]
        coeffs = solve_polynomial([n for n, _ in base], [v for _, v in base])
        for n, v in rest:
            if sum(c * Fraction(n) ** k for k, c in enumerate(coeffs)) != v:
                return None
        polys[r] = coeffs
        fitted += [n for n, _ in base]
        held += [n for n, _ in rest]
        validation += [(n, v, v) for n, v in rest]
    return polys, sorted(fitted), sorted(held), sorted(validation)


def fit(ns, values, max_degree: int = 2, max_period: int = 6) -> Fit:
    """The simplest quasi-polynomial through all points: lowest period, then lowest degree.

    Every residue class needs ``degree + 2`` points (one spare to validate the fit). Raises
    ``ValueError`` when no period <= ``max_period`` and degree <= ``max_degree`` fits.

    >>> str(fit([3, 4, 5, 6], [3, 6, 10, 15]))
    'n^2/2 - n/2'
    """
    max_degree = _check_int(max_degree, "max_degree", 0)
    max_period = _check_int(max_period, "max_period", 1)
    points = _check_data(ns, values)
    for period in range(1, max_period + 1):
        for degree in range(max_degree + 1):
            found = _try(points, period, degree)
            if found is None:
                continue
            polys, fitted, held, validation = found
            return Fit(period, polys, tuple(fitted), tuple(held), tuple(validation), points[0][0])
    raise ValueError(
        f"no quasi-polynomial of period <= {max_period} and degree <= {max_degree} fits the {len(points)} "
        f"points n = {points[0][0]}..{points[-1][0]} with a spare point in every residue class"
    )


def fit_tail(ns, values, max_degree: int = 2, max_period: int = 6, max_skip: int | None = None) -> Fit:
    """Like :func:`fit`, dropping the smallest n one at a time until a fit exists.

    Small cases often behave differently (e.g. LX for n < 5); the result's ``valid_from`` says where
    the formula starts. ``max_skip`` bounds how many leading points may be dropped (default: half).

    >>> f = fit_tail(range(1, 10), [0, 1, 2] + [n * (n - 1) // 2 for n in range(4, 10)])
    >>> str(f), f.valid_from
    ('n^2/2 - n/2', 4)
    """
    points = _check_data(ns, values)
    if max_skip is None:
        max_skip = len(points) // 2
    max_skip = _check_int(max_skip, "max_skip", 0)
    error = None
    for skip in range(min(max_skip, len(points) - 1) + 1):
        tail = points[skip:]
        try:
            return fit([n for n, _ in tail], [v for _, v in tail], max_degree, max_period)
        except ValueError as exc:
            error = exc
    raise ValueError(f"{error} (also after dropping up to {max_skip} of the smallest n)")
