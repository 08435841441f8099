"""Command line: ``cayley conjectures list|check|table|discover`` and ``cayley compute``.

``cayley compute lrx --n 3..10`` fills the growth store (skipping stored values);
``cayley conjectures check`` compares the registry with it; ``cayley conjectures table --format md``
regenerates ``conjectures/tables/`` (tables and plots); ``cayley conjectures discover`` fits every
stored sequence and writes candidate entries to ``conjectures/candidates/``.
"""

from __future__ import annotations

import json
import sys

__all__ = ["add_parser", "parse_range"]


def parse_range(text: str) -> list[int]:
    """``"3..12"``, ``"3-12"``, ``"3,5,8"`` or mixtures such as ``"3..6,9"`` as a sorted list.

    >>> parse_range("3..6,9")
    [3, 4, 5, 6, 9]
    """
    values = set()
    for part in str(text).replace(" ", "").split(","):
        if not part:
            continue
        sep = ".." if ".." in part else ("-" if "-" in part.lstrip("-") else None)
        try:
            if sep is None:
                values.add(int(part))
                continue
            lo, hi = part.split(sep, 1) if sep == ".." else part.rsplit("-", 1)
            lo, hi = int(lo), int(hi)
        except ValueError:
            raise ValueError(f"cannot read {part!r} as an integer or a range like 3..12") from None
        if hi < lo:
            raise ValueError(f"empty range {part!r}: {hi} < {lo}")
        values.update(range(lo, hi + 1))
    if not values:
        raise ValueError(f"no values in {text!r}")
    return sorted(values)


def _entries(args):
    from .registry import get, registry

    if args.id:
        return [get(i, args.registry) for i in args.id]
    return registry(args.registry)


def _reports(args, compute: bool):
    from .check import check

    return [check(c, args.max_n, root=args.store, compute=compute, max_states=args.max_states)
            for c in _entries(args)]


def _cmd_list(args) -> int:
    entries = _entries(args)
    if args.json:
        print(json.dumps([{"id": c.id, "family": c.family, "status": c.status, "formula": c.formula_text(),
                           "valid_from": c.valid_from, "source": c.source} for c in entries]))
        return 0
    for c in entries:
        print(c)
    return 0


def _cmd_check(args) -> int:
    reports = _reports(args, compute=not args.no_compute)
    if args.json:
        print(json.dumps([r.to_dict() for r in reports]))
    else:
        for r in reports:
            print(r.summary())
        counts = {}
        for r in reports:
            counts[r.outcome] = counts.get(r.outcome, 0) + 1
        print(f"{len(reports)} entries: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    unexpected = [r for r in reports if r.outcome == "counterexample" and r.conjecture.status != "refuted"]
    return 1 if unexpected else 0


def _cmd_table(args) -> int:
    from .tables import render, table_rows, write_tables

    reports = _reports(args, compute=args.compute)
    formats = ("md", "csv", "tex") if args.format == "all" else (args.format,)
    if not args.no_write:
        written = write_tables(reports, args.out, formats=formats, plots=not args.no_plots)
        print(f"wrote {len(written)} files to {written[0].parent if written else args.out}", file=sys.stderr)
    print(render(table_rows(reports), "md" if args.format == "all" else args.format), end="")
    return 0


def _cmd_discover(args) -> int:
    from .discover import discover, write_candidates
    from .registry import registry

    cands = discover(args.store, args.max_degree, args.max_period, entries=registry(args.registry))
    if not args.no_write:
        paths = write_candidates(cands, args.out)
        print(f"wrote {len(paths)} candidate files", file=sys.stderr)
    if args.json:
        print(json.dumps([{"id": c.id, "family": c.family, "quantity": c.quantity, "formula": str(c.fit),
                           "valid_from": c.fit.valid_from, "data": [c.ns[0], c.ns[-1]],
                           "held_out": list(c.fit.held_out), "known": c.known_id, "agrees": c.agrees}
                          for c in cands]))
        return 0
    for c in cands:
        verdict = "agrees with" if c.agrees else "DISAGREES with"
        known = f"  [registry entry {c.known_id} {verdict} the data]" if c.known_id else "  [new]"
        print(f"{c.id}: {c.fit.format(c.symbol)} for {c.symbol} >= {c.fit.valid_from} ({c.source()}){known}")
    return 0


def _fixed_params(args) -> dict:
    from ..cli import extra_params

    params = extra_params(args)
    if args.variable in params:
        raise ValueError(f"{args.variable} is the swept variable; give its values with --n, not --param")
    return params


def _cmd_compute(args) -> int:
    from .. import store

    ns, params = parse_range(args.n), _fixed_params(args)
    if not store.family_available(args.family):
        raise ValueError(f"unknown family {args.family!r}; run `cayley families` for the list")

    def report(row):
        if args.json:
            print(json.dumps({k: row[k] for k in ("family", "variable", "params", "n", "diameter", "antipodes",
                                                  "num_states", "backend", "wall_time")}), flush=True)
        else:
            print(f"{row['family']} {row['params']} {row['variable']}={row['n']}: diameter {row['diameter']}, "
                  f"{row['num_states']:,} states, {row['antipodes']:,} antipodes "
                  f"({row['backend']}, {row['wall_time']:.2f} s)", flush=True)

    skipped = []
    for n in ns:
        try:
            row = store.compute_one(args.family, n, params, args.variable, args.backend, args.store,
                                    args.max_states, args.force, progress=False if args.quiet else None,
                                    memory_budget=args.memory_budget)
        except store.TooLarge as exc:
            skipped.append(n)
            print(f"{args.family} {args.variable}={n}: skipped, {exc}", file=sys.stderr)
            continue
        report(row)
    return 3 if skipped else 0


def _common(p, with_check: bool = True) -> None:
    p.add_argument("--store", default=None, metavar="DIR", help="growth store folder (default datasets/growth)")
    p.add_argument("--registry", default=None, metavar="DIR", help="conjectures folder (default conjectures/)")
    if with_check:
        p.add_argument("--id", action="append", default=[], help="only this entry (repeatable)")
        p.add_argument("--max-n", type=int, default=None, help="check every n from valid_from to this")
        p.add_argument("--max-states", type=int, default=1_000_000,
                       help="compute missing values only up to this many states (default 1e6)")


def add_parser(subparsers) -> None:
    """Add ``conjectures`` (with list, check, table, discover) and ``compute`` to the ``cayley`` CLI."""
    top = subparsers.add_parser("conjectures", help="registry of diameter conjectures: check, tables, fitting")
    sub = top.add_subparsers(dest="conjectures_command", required=True)

    p = sub.add_parser("list", help="list the registry")
    _common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_list)

    p = sub.add_parser("check", help="compare every entry with the growth store (exit 1 on a counterexample)")
    _common(p)
    p.add_argument("--no-compute", action="store_true", help="use stored values only")
    p.add_argument("--json", action="store_true", help="print one JSON list")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("table", help="regenerate conjectures/tables/ and print the table")
    _common(p)
    p.add_argument("--format", choices=("md", "csv", "tex", "all"), default="md")
    p.add_argument("--out", default=None, metavar="DIR", help="folder for the files (default conjectures/tables)")
    p.add_argument("--compute", action="store_true", help="compute missing cheap values first")
    p.add_argument("--no-plots", action="store_true")
    p.add_argument("--no-write", action="store_true", help="only print the table")
    p.set_defaults(func=_cmd_table)

    p = sub.add_parser("discover", help="fit quasi-polynomials to every stored sequence")
    _common(p, with_check=False)
    p.add_argument("--max-degree", type=int, default=2)
    p.add_argument("--max-period", type=int, default=6)
    p.add_argument("--out", default=None, metavar="DIR", help="candidate folder (default conjectures/candidates)")
    p.add_argument("--no-write", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_discover)

    p = subparsers.add_parser("compute", help="fill the growth store for a family over a range of n")
    p.add_argument("family")
    p.add_argument("--n", required=True, help="values, e.g. 3..12 or 3,5,7")
    p.add_argument("--k", type=int, default=None, help="parameter k of families that have one")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="other fixed parameters")
    p.add_argument("--variable", default="n", help="the swept parameter (default n; e.g. modulo)")
    p.add_argument("--backend", default="auto")
    p.add_argument("--max-states", type=int, default=None,
                   help="skip values with more states than this (exit status 3 when any was skipped)")
    p.add_argument("--force", action="store_true", help="recompute stored values")
    p.add_argument("--memory-budget", type=float, default=None,
                   help="bytes, or a fraction of available memory (default 0.6)")
    p.add_argument("--store", default=None, metavar="DIR")
    p.add_argument("--json", action="store_true", help="one JSON object per value")
    p.add_argument("--quiet", action="store_true", help="no per-layer progress")
    p.set_defaults(func=_cmd_compute)
