"""Plots of data against formula: one PNG per family, one panel per quantity.

Computed values are filled markers, literature values hollow markers, formulas lines.

>>> import tempfile, cayley.conjectures as cj
>>> reports = [cj.get("coxeter-diameter").check(max_n=5, root=tempfile.mkdtemp())]
>>> [p.name for p in plot_families(reports, tempfile.mkdtemp())]
['coxeter.png']
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

__all__ = ["plot_families", "plot_family"]


def _formula_points(c, ns):
    xs, ys = [], []
    for n in range(min(ns), max(ns) + 1):
        try:
            ys.append(c.predict(n))
            xs.append(n)
        except ValueError:
            pass
    return xs, ys


def _draw(ax, report, color) -> None:
    c = report.conjecture
    computed = [r for r in report.rows if r.origin != "literature"]
    literature = [r for r in report.rows if r.origin == "literature"]
    if computed:
        ax.plot([r.n for r in computed], [r.observed for r in computed], "o", color=color, ms=5,
                label=f"{c.id}: computed")
    if literature:
        ax.plot([r.n for r in literature], [r.observed for r in literature], "o", mfc="none", color=color,
                ms=7, label=f"{c.id}: literature")
    ns = [r.n for r in report.rows] + list(c.known_values)
    if c.has_formula and ns:
        xs, ys = _formula_points(c, ns + [c.valid_from])
        style = "--" if c.relation == "<=" else "-"
        ax.plot(xs, ys, style, color=color, lw=1.2, label=f"{c.id}: {c.formula_text()}"[:70])
    elif c.known_values:
        ks = sorted(c.known_values)
        ax.plot(ks, [c.known_values[k] for k in ks], ":", color=color, lw=1, label=f"{c.id}: known values")


def plot_family(family: str, reports, path) -> Path:
    """Draw every report of one family into ``path`` (PNG) and return the path."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    by_quantity = defaultdict(list)
    for r in reports:
        by_quantity[r.conjecture.quantity].append(r)
    fig = Figure(figsize=(5.5 * len(by_quantity), 4))
    FigureCanvasAgg(fig)
    for i, (quantity, group) in enumerate(sorted(by_quantity.items())):
        ax = fig.add_subplot(1, len(by_quantity), i + 1)
        for j, report in enumerate(group):
            _draw(ax, report, f"C{j % 10}")
        sym = group[0].conjecture.symbol
        ax.set_xlabel(sym)
        ax.set_ylabel(quantity)
        ax.set_title(f"{family}: {quantity} vs {sym}", fontsize=10)
        ax.grid(True, alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80, bbox_inches="tight")
    return path


def _file_name(family: str) -> str:
    return "any-undirected-sn" if family == "*" else family


def plot_families(reports, folder) -> list[Path]:
    """One PNG per family into ``folder``; returns the paths written."""
    groups = defaultdict(list)
    for r in reports:
        groups[r.conjecture.family].append(r)
    folder = Path(folder)
    return [plot_family(fam if fam != "*" else "any undirected S_n", group, folder / f"{_file_name(fam)}.png")
            for fam, group in sorted(groups.items())]
