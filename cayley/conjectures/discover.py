"""Discovery: fit a quasi-polynomial to every sequence in the growth store and propose entries.

For each (family, fixed parameters, swept variable) and each quantity (diameter, antipodes), the
complete stored values are fitted with :func:`~cayley.conjectures.fitting.fit_tail`. A candidate
records the fit, where it starts and whether the registry already has an entry for it (and agrees).

>>> import tempfile, cayley.store as store
>>> root = tempfile.mkdtemp()
>>> _ = store.compute("coxeter", range(2, 8), root=root, progress=False)
>>> [(c.quantity, str(c.fit)) for c in discover(root=root, entries=[])]
[('diameter', 'n^2/2 - n/2'), ('antipodes', '1')]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import store
from .fitting import Fit, fit_tail
from .model import QUANTITIES

__all__ = ["Candidate", "discover", "write_candidates"]

_HEADER = "# fitted from data"  # first line of every candidate file
_SYMBOLS = {"modulo": "p"}  # formula variable used for a swept parameter with a long name


@dataclass(frozen=True)
class Candidate:
    """A fitted formula for one stored sequence, with the registry entry it matches (if any)."""

    family: str
    variable: str
    params: dict
    quantity: str
    ns: tuple
    fit: Fit
    known_id: str | None = None
    agrees: bool | None = None  # whether the known entry agrees with the data, when there is one
    symbol: str = "n"

    @property
    def id(self) -> str:
        extra = "".join(f"-{k}{v}" for k, v in sorted(self.params.items()) if k != "central_state")
        return f"{self.family}{extra}-{self.quantity}".replace("_", "-")

    def source(self) -> str:
        return f"fitted from data {self.symbol} = {self.fit.valid_from}..{self.ns[-1]}"

    def to_entry(self) -> dict:
        """A registry entry (the YAML mapping) stating the fit as a conjecture."""
        sym = self.symbol
        entry = {
            "id": self.id, "family": self.family, "statement":
                f"The {self.quantity} of {self.family} is {self.fit.format(sym)} for {sym} >= {self.fit.valid_from}.",
            "formula": self.fit.to_yaml_formula(sym), "valid_from": self.fit.valid_from,
            "status": "conjectured", "source": self.source(),
        }
        if self.params:
            entry["params"] = dict(self.params)
        if self.variable != "n":
            entry.update(variable=self.variable, symbol=sym)
        if self.quantity != "diameter":
            entry["quantity"] = self.quantity
        return entry


def _matching(entries, family, variable, params):
    """Registry entries about the same sequence (family, swept variable, fixed parameters)."""
    key = store.params_key(params)
    return [c for c in entries if (c.family, c.variable) == (family, variable)
            and store.params_key(store.canonical_params(c.family, c.params, c.variable)) == key]


def _agrees(entry, ns, values) -> bool:
    for n, v in zip(ns, values):
        if n < entry.valid_from:
            continue
        try:
            expected = entry.predict(n)
        except ValueError:
            return False
        if (v > expected) if entry.relation == "<=" else (v != expected):
            return False
    return True


def discover(root=None, max_degree: int = 2, max_period: int = 6, entries=None, min_points: int = 4):
    """Candidates for every stored sequence with at least ``min_points`` values that admits a fit."""
    if entries is None:
        from .registry import registry

        entries = registry()
    frame = store.load(root)
    if frame.empty:
        return []
    frame = frame[frame["complete"]]
    found = []
    for (family, variable, params), group in frame.groupby(["family", "variable", "params"], sort=True):
        group = group.sort_values("n")
        ns = [int(n) for n in group["n"]]
        if len(ns) < min_points:
            continue
        for quantity in QUANTITIES:
            values = [int(v) for v in group[quantity]]
            try:
                f = fit_tail(ns, values, max_degree, max_period)
            except ValueError:
                continue
            fixed = json.loads(params)
            same = [c for c in _matching(entries, family, variable, fixed) if c.quantity == quantity]
            agreeing = [c for c in same if _agrees(c, ns, values)]
            known = (agreeing or same or [None])[0]
            symbol = known.symbol if known else _SYMBOLS.get(variable, variable if len(variable) == 1 else "n")
            found.append(Candidate(family, variable, fixed, quantity, tuple(ns), f,
                                   known.id if known else None, bool(agreeing) if known else None, symbol))
    return found


def write_candidates(candidates, folder=None) -> list[Path]:
    """Write one YAML entry per candidate into ``folder`` (default ``conjectures/candidates``).

    The files follow the registry format, so adopting one means moving it up into ``conjectures/``.
    Candidate files of earlier runs in the folder (those starting with ``# fitted from data``) are
    removed first; other files are left alone.
    """
    if folder is None:
        from .registry import default_folder

        folder = default_folder() / "candidates"
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        with open(old, encoding="utf-8") as fh:
            if fh.readline().startswith(_HEADER):
                old.unlink()
    written = []
    for cand in candidates:
        entry = cand.to_entry()
        header = f"# {cand.source()}; held out {list(cand.fit.held_out)}"
        if cand.known_id:
            header += f"; registry entry {cand.known_id} {'agrees' if cand.agrees else 'DISAGREES'} with the data"
        path = folder / f"{cand.id}.yaml"
        path.write_text(header + "\n" + yaml.safe_dump(entry, sort_keys=False, allow_unicode=True), encoding="utf-8")
        written.append(path)
    return written
