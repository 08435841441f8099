"""Checking registry entries against the growth store (computing missing values when cheap).

>>> import tempfile, cayley.conjectures as cj
>>> report = cj.get("coxeter-diameter").check(max_n=6, root=tempfile.mkdtemp())
>>> report.outcome, report.verified_range
('agrees', (2, 6))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import factorial

from .. import store
from ..errors import MemoryBudgetError
from .model import Conjecture

__all__ = ["CheckRow", "CheckReport", "check", "check_all", "DEFAULT_MAX_STATES"]

DEFAULT_MAX_STATES = 1_000_000
_AUTO_SPAN = 5  # with max_n=None and nothing stored, values valid_from .. valid_from + _AUTO_SPAN are tried


@dataclass(frozen=True)
class CheckRow:
    """One comparison: ``expected`` (the conjecture) against ``observed`` (data) at ``n``.

    ``origin`` is ``"store"``, ``"computed"`` (just now) or ``"literature"`` (the entry's known values).
    """

    n: int
    expected: int
    observed: int
    origin: str
    ok: bool
    family: str = ""
    params: str = "{}"


@dataclass
class CheckReport:
    """Result of checking one entry: the comparisons, what could not be checked and why."""

    conjecture: Conjecture
    rows: list = field(default_factory=list)
    unchecked: list = field(default_factory=list)  # (n, reason)
    note: str = ""
    data: dict = field(default_factory=dict)  # n -> value, for open entries with nothing to compare

    @property
    def computed_rows(self) -> list:
        return [r for r in self.rows if r.origin != "literature"]

    @property
    def verified(self) -> list[int]:
        """The n at which computed data exist and all of them agree with the entry."""
        by_n: dict[int, bool] = {}
        for r in self.computed_rows:
            by_n[r.n] = by_n.get(r.n, True) and r.ok
        return sorted(n for n, ok in by_n.items() if ok)

    @property
    def verified_range(self) -> tuple[int, int] | None:
        """(smallest, largest) verified n, or None."""
        v = self.verified
        return (v[0], v[-1]) if v else None

    @property
    def literature_range(self) -> tuple[int, int] | None:
        ns = [r.n for r in self.rows if r.origin == "literature" and r.ok]
        return (min(ns), max(ns)) if ns else None

    @property
    def first_counterexample(self) -> CheckRow | None:
        bad = [r for r in self.rows if not r.ok]
        return min(bad, key=lambda r: (r.n, r.origin)) if bad else None

    @property
    def outcome(self) -> str:
        """``"counterexample"``, ``"agrees"``, ``"open"`` (data but nothing to compare) or ``"no data"``."""
        if self.first_counterexample is not None:
            return "counterexample"
        if self.rows:
            return "agrees"
        return "open" if self.data else "no data"

    def range_text(self) -> str:
        """E.g. ``"n = 4..10"``, with the missing n listed when the range has gaps; ``"-"`` when empty."""
        v = self.verified
        if not v:
            return "-"
        sym = self.conjecture.symbol
        text = f"{sym} = {v[0]}..{v[-1]}" if v[0] != v[-1] else f"{sym} = {v[0]}"
        missing = sorted(set(range(v[0], v[-1] + 1)) - set(v))
        if missing and len(missing) <= 4:
            text += " except " + ", ".join(map(str, missing))
        elif missing:
            text += f" ({len(v)} values)"
        return text

    def summary(self) -> str:
        c, bad = self.conjecture, self.first_counterexample
        parts = [f"{c.id}: {self.outcome}", f"verified {self.range_text()}"]
        if self.literature_range:
            parts.append(f"literature agrees {c.symbol} = {self.literature_range[0]}..{self.literature_range[1]}")
        if bad is not None:
            where = f" ({bad.family} {bad.params})" if c.family == "*" else ""
            parts.append(f"first counterexample {c.symbol} = {bad.n}{where}: expected {bad.expected}, "
                         f"got {bad.observed} [{bad.origin}]")
        if self.data:
            ns = sorted(self.data)
            parts.append(f"data {c.symbol} = {ns[0]}..{ns[-1]}: " + ", ".join(str(self.data[n]) for n in ns))
        if self.unchecked:
            parts.append(f"unchecked {c.symbol} = {', '.join(str(n) for n, _ in self.unchecked)}")
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)

    def to_dict(self) -> dict:
        bad = self.first_counterexample
        return {
            "id": self.conjecture.id, "family": self.conjecture.family, "status": self.conjecture.status,
            "outcome": self.outcome, "verified": self.verified,
            "verified_range": list(self.verified_range) if self.verified_range else None,
            "literature_range": list(self.literature_range) if self.literature_range else None,
            "first_counterexample": None if bad is None else {
                "n": bad.n, "expected": bad.expected, "observed": bad.observed, "origin": bad.origin,
                "family": bad.family, "params": bad.params},
            "unchecked": [{"n": n, "reason": why} for n, why in self.unchecked],
            "data": {str(n): v for n, v in sorted(self.data.items())},
            "note": self.note,
        }

    def __str__(self) -> str:
        return self.summary()


def _compares(c: Conjecture, expected: int, observed: int) -> bool:
    return observed <= expected if c.relation == "<=" else observed == expected


def _stored(c: Conjecture, root, max_n) -> dict[int, int]:
    frame = store.load(root, c.family)
    if frame.empty:
        return {}
    key = store.params_key(store.canonical_params(c.family, c.params, c.variable))
    frame = frame[(frame["variable"] == c.variable) & (frame["params"] == key) & frame["complete"]]
    values = {int(n): int(v) for n, v in zip(frame["n"], frame[c.quantity])}
    return {n: v for n, v in values.items() if n >= c.valid_from and (max_n is None or n <= max_n)}


def _targets(c: Conjecture, stored: dict, max_n) -> list[int]:
    if max_n is not None:
        hi = max_n
    else:
        hi = max(stored) if stored else c.valid_from + _AUTO_SPAN
    return [n for n in range(c.valid_from, hi + 1) if n not in stored]


def _fill(c: Conjecture, targets, root, max_states, backend, report: CheckReport) -> dict[int, int]:
    """Compute the missing values in increasing order until one is too large; returns n -> value."""
    found = {}
    for i, n in enumerate(targets):
        try:
            row = store.compute_one(c.family, n, c.params, c.variable, backend, root, max_states, progress=False)
        except (store.TooLarge, MemoryBudgetError) as exc:
            report.unchecked += [(m, f"too large to compute here ({exc})") for m in targets[i:]]
            break
        except ValueError as exc:  # e.g. the family does not accept this n
            report.unchecked.append((n, f"not computable: {exc}"))
            continue
        found[n] = int(row[c.quantity])
    return found


def _check_family(c: Conjecture, max_n, root, compute, max_states, backend) -> CheckReport:
    report = CheckReport(c)
    stored = _stored(c, root, max_n)
    observed = {n: (v, "store") for n, v in stored.items()}
    targets = _targets(c, stored, max_n)
    if targets and not store.family_available(c.family):
        report.note = f"family {c.family!r} is not available in this installation"
        if max_n is not None:
            report.unchecked += [(n, "family not available") for n in targets]
    elif targets and compute:
        observed.update({n: (v, "computed") for n, v in _fill(c, targets, root, max_states, backend, report).items()})
    elif targets and max_n is not None:
        report.unchecked += [(n, "not in the store") for n in targets]
    for n in sorted(observed):
        value, origin = observed[n]
        if not c.has_formula and n not in c.known_values:
            report.data[n] = value
            continue
        try:
            expected = c.predict(n)
        except ValueError as exc:
            report.unchecked.append((n, str(exc)))
            continue
        report.rows.append(CheckRow(n, expected, value, origin, _compares(c, expected, value), c.family,
                                    store.params_key(c.params)))
    if c.has_formula:
        for n, value in sorted(c.known_values.items()):
            if n >= c.valid_from and (max_n is None or n <= max_n):
                expected = c.predict(n)
                report.rows.append(CheckRow(n, expected, value, "literature", _compares(c, expected, value), c.family))
    report.unchecked.sort()
    return report


def _is_undirected_sn(row) -> bool:
    n = int(row["n"])
    return (row["variable"] == "n" and bool(row["complete"]) and bool(row["inverse_closed"])
            and int(row["state_size"]) == n and int(row["num_states"]) == factorial(n))


def _check_every_family(c: Conjecture, max_n, root) -> CheckReport:
    """A bound over every undirected Cayley graph of S_n in the store (``family: "*"``)."""
    report = CheckReport(c)
    frame = store.load(root)
    for _, row in frame.iterrows():
        n = int(row["n"])
        if n < c.valid_from or (max_n is not None and n > max_n) or not _is_undirected_sn(row):
            continue
        expected, value = c.predict(n), int(row[c.quantity])
        report.rows.append(CheckRow(n, expected, value, "store", _compares(c, expected, value),
                                    str(row["family"]), str(row["params"])))
    report.rows.sort(key=lambda r: (r.n, r.family, r.params))
    if not report.rows:
        report.note = "no undirected Cayley graph of S_n in the store"
    return report


def check(c: Conjecture, max_n: int | None = None, *, root=None, compute: bool = True,
          max_states: int | None = DEFAULT_MAX_STATES, backend: str = "auto") -> CheckReport:
    """Compare an entry with stored (or freshly computed) data.

    With ``max_n`` every value from ``valid_from`` to ``max_n`` is checked: stored values are used,
    missing ones computed (and stored) when they have at most ``max_states`` states, the rest listed
    as unchecked. Without ``max_n`` the stored values are checked and gaps below the largest stored
    value filled. Literature values of the entry are compared with its formula as well.
    """
    if max_n is not None and (isinstance(max_n, bool) or not isinstance(max_n, int)):
        raise ValueError(f"max_n must be an integer or None, got {max_n!r}")
    if c.family == "*":
        return _check_every_family(c, max_n, root)
    return _check_family(c, max_n, root, compute, max_states, backend)


def check_all(entries=None, max_n: int | None = None, **options) -> list[CheckReport]:
    """:func:`check` for every entry (default: the whole registry)."""
    if entries is None:
        from .registry import registry

        entries = registry()
    return [check(c, max_n, **options) for c in entries]
