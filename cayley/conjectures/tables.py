"""Tables of the registry with their check results: Markdown, CSV and LaTeX.

>>> import tempfile, cayley.conjectures as cj
>>> reports = [cj.get("coxeter-diameter").check(max_n=5, root=tempfile.mkdtemp())]
>>> print(to_markdown(table_rows(reports)).splitlines()[2][:80])
| coxeter-diameter | coxeter |  | diameter | n^2/2 - n/2 | 2 | n = 2..5 | agrees
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

__all__ = ["COLUMNS", "table_rows", "to_markdown", "to_csv", "to_latex", "render", "write_tables", "FORMATS"]

COLUMNS = (
    ("id", "ID"), ("family", "Family"), ("params", "Parameters"), ("quantity", "Quantity"),
    ("formula", "Formula"), ("valid_from", "From"), ("verified", "Verified"), ("check", "Check"),
    ("status", "Status"), ("source", "Source"),
)
FORMATS = {"md": "conjectures.md", "csv": "conjectures.csv", "tex": "conjectures.tex"}


def _check_text(report) -> str:
    bad = report.first_counterexample
    if bad is not None:
        sym = report.conjecture.symbol
        return f"counterexample {sym} = {bad.n}: {bad.observed} vs {bad.expected}"
    text = report.outcome
    if report.literature_range:
        lo, hi = report.literature_range
        text += f"; literature {lo}..{hi}" if lo != hi else f"; literature {lo}"
    if report.note and not report.rows:
        text += f" ({report.note})"
    return text


def table_rows(reports) -> list[dict]:
    """One dict per report with the keys of :data:`COLUMNS`, sorted by family then id."""
    rows = []
    for r in reports:
        c = r.conjecture
        formula = c.formula_text() or "open (no formula)"
        rows.append({
            "id": c.id, "family": c.family if c.family != "*" else "any (undirected, S_n)",
            "params": c.params_text(), "quantity": c.quantity, "formula": formula,
            "valid_from": c.valid_from, "verified": r.range_text(), "check": _check_text(r),
            "status": c.status, "source": c.source,
        })
    return sorted(rows, key=lambda row: (row["family"], row["id"]))


def _md_cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(rows) -> str:
    """A GitHub-flavoured Markdown table."""
    head = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(_md_cell(row[key]) for key, _ in COLUMNS) + " |" for row in rows]
    return "\n".join([head, rule, *body]) + "\n"


def to_csv(rows) -> str:
    """CSV with a header line of the column keys."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[key for key, _ in COLUMNS], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: row[key] for key, _ in COLUMNS})
    return out.getvalue()


_TEX_ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}", "<": r"$<$", ">": r"$>$"}


def _tex(value) -> str:
    return "".join(_TEX_ESCAPES.get(ch, ch) for ch in str(value))


def to_latex(rows) -> str:
    """A ``longtable`` environment (needs ``\\usepackage{longtable}``)."""
    spec = "llllp{4cm}llllp{5cm}"
    head = " & ".join(rf"\textbf{{{_tex(title)}}}" for _, title in COLUMNS) + r" \\"
    lines = [rf"\begin{{longtable}}{{{spec}}}", r"\hline", head, r"\hline", r"\endhead"]
    lines += [" & ".join(_tex(row[key]) for key, _ in COLUMNS) + r" \\" for row in rows]
    lines += [r"\hline", r"\end{longtable}"]
    return "\n".join(lines) + "\n"


def render(rows, fmt: str) -> str:
    """The table in format ``md``, ``csv`` or ``tex``."""
    renderers = {"md": to_markdown, "csv": to_csv, "tex": to_latex}
    if fmt not in renderers:
        raise ValueError(f"unknown table format {fmt!r}; choose from md, csv, tex")
    return renderers[fmt](rows)


def write_tables(reports, out_dir=None, formats=("md", "csv", "tex"), plots: bool = True) -> list[Path]:
    """Write ``conjectures.<fmt>`` (and ``plots/<family>.png``) into ``out_dir``; returns the paths.

    ``out_dir`` defaults to ``conjectures/tables`` at the top of the repository.
    """
    if out_dir is None:
        from .registry import default_folder

        out_dir = default_folder() / "tables"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = table_rows(reports)
    written = []
    for fmt in formats:
        path = out_dir / FORMATS.get(fmt, f"conjectures.{fmt}")
        path.write_text(render(rows, fmt), encoding="utf-8")
        written.append(path)
    if plots:
        from .plots import plot_families

        written += plot_families(reports, out_dir / "plots")
    return written
