"""Quasi-polynomials in one integer variable: one polynomial with rational coefficients per residue of n mod s.

>>> from fractions import Fraction as F
>>> q = QuasiPolynomial(2, {0: [F(3), F(-2), F(3, 4)], 1: [F(9, 4), F(-2), F(3, 4)]})
>>> str(q)
'n even: 3n^2/4 - 2n + 3; n odd: 3n^2/4 - 2n + 9/4'
>>> q.predict(10), q.predict(11)
(58, 71)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy

__all__ = ["QuasiPolynomial", "format_polynomial"]


def _trim(coeffs) -> tuple[Fraction, ...]:
    coeffs = [Fraction(c) for c in coeffs]
    while len(coeffs) > 1 and coeffs[-1] == 0:
        coeffs.pop()
    return tuple(coeffs) or (Fraction(0),)


def _term(coeff: Fraction, power: int, var: str) -> str:
    """One monomial without its sign, e.g. ``3n^2/4``, ``n/2``, ``5``."""
    num, den = abs(coeff.numerator), coeff.denominator
    if power == 0:
        body = str(num)
    else:
        body = ("" if num == 1 else str(num)) + var + (f"^{power}" if power > 1 else "")
    return body if den == 1 else f"{body}/{den}"


def format_polynomial(coeffs, var: str = "n") -> str:
    """Human-readable polynomial from coefficients in increasing degree.

    >>> from fractions import Fraction as F
    >>> format_polynomial([F(0), F(-1, 2), F(1, 2)])
    'n^2/2 - n/2'
    >>> format_polynomial([F(-3)])
    '-3'
    """
    coeffs = _trim(coeffs)
    parts = []
    for power in range(len(coeffs) - 1, -1, -1):
        c = coeffs[power]
        if c == 0:
            continue
        term = _term(c, power, var)
        if not parts:
            parts.append(term if c > 0 else f"-{term}")
        else:
            parts.append(f"+ {term}" if c > 0 else f"- {term}")
    return " ".join(parts) or "0"


def _residue_label(residue: int, period: int, var: str) -> str:
    if period == 2:
        return f"{var} even" if residue == 0 else f"{var} odd"
    return f"{var} = {residue} mod {period}"


@dataclass(frozen=True)
class QuasiPolynomial:
    """``f(n) = sum_k c[n mod s][k] * n^k``: exact rational coefficients per residue class.

    ``polys`` maps each residue 0..period-1 to its coefficients in increasing degree.
    """

    period: int
    polys: dict

    def __post_init__(self):
        if isinstance(self.period, bool) or not isinstance(self.period, int) or self.period < 1:
            raise ValueError(f"period must be a positive integer, got {self.period!r}")
        if sorted(self.polys) != list(range(self.period)):
            raise ValueError(f"polys must have one entry per residue 0..{self.period - 1}, got {sorted(self.polys)}")
        object.__setattr__(self, "polys", {r: _trim(c) for r, c in self.polys.items()})

    @property
    def degree(self) -> int:
        """Largest degree over the residue classes."""
        return max(len(c) - 1 for c in self.polys.values())

    def value(self, n: int) -> Fraction:
        """The exact (rational) value at n."""
        coeffs = self.polys[n % self.period]
        return sum((c * Fraction(n) ** k for k, c in enumerate(coeffs)), Fraction(0))

    def predict(self, n: int) -> int:
        """The value at n as an int; ValueError when it is not an integer."""
        v = self.value(n)
        if v.denominator != 1:
            raise ValueError(f"quasi-polynomial {self} is not an integer at n = {n} (value {v})")
        return int(v)

    def expressions(self, var: str = "n") -> dict:
        """One sympy expression per residue class."""
        x = sympy.Symbol(var)
        return {r: sympy.expand(sum(sympy.Rational(c.numerator, c.denominator) * x**k for k, c in enumerate(cs)))
                for r, cs in self.polys.items()}

    def to_sympy(self, var: str = "n"):
        """A single sympy expression (a Piecewise over ``Mod(n, period)`` when the period exceeds 1)."""
        exprs = self.expressions(var)
        if self.period == 1:
            return exprs[0]
        x = sympy.Symbol(var)
        pieces = [(e, sympy.Eq(sympy.Mod(x, self.period), r)) for r, e in exprs.items()]
        return sympy.Piecewise(*pieces)

    def to_yaml_formula(self, var: str = "n"):
        """The ``formula`` entry of a conjecture file: a string, or ``{period, cases}`` for period > 1."""
        exprs = {r: str(e) for r, e in self.expressions(var).items()}
        if self.period == 1:
            return exprs[0]
        return {"period": self.period, "cases": exprs}

    def format(self, var: str = "n") -> str:
        """Like ``str()`` with another variable name."""
        texts = {r: format_polynomial(c, var) for r, c in self.polys.items()}
        if len(set(texts.values())) == 1:
            return texts[0]
        return "; ".join(f"{_residue_label(r, self.period, var)}: {texts[r]}" for r in range(self.period))

    def __str__(self) -> str:
        return self.format("n")
