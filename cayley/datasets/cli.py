"""``cayley dataset export FAMILY N --rows R --out DIR [--seed S]`` and ``cayley dataset score DIR SUBMISSION``.

Example
-------
>>> import tempfile
>>> from cayley.cli import main
>>> out = tempfile.mkdtemp()
>>> main(["dataset", "export", "lrx", "4", "--rows", "2", "--out", out, "--json"])  # doctest: +ELLIPSIS
{"rows": 2, ...}
0
"""

from __future__ import annotations

import json

from .export import export
from .score import score

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    """Add the ``dataset`` subcommand with its ``export`` and ``score`` actions."""
    from ..cli import add_family_arguments

    p = subparsers.add_parser("dataset", help="export a path-finding dataset or score a submission")
    actions = p.add_subparsers(dest="dataset_command", required=True)

    e = actions.add_parser("export", help="write puzzle_info.json, test.csv, sample_submission.csv (+ parquet)")
    add_family_arguments(e)
    e.add_argument("--rows", type=int, default=100, help="number of test states (default 100)")
    e.add_argument("--out", required=True, metavar="DIR", help="output folder")
    e.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    e.add_argument("--walk-length", type=int, default=None, help="scramble length (default n^2)")
    e.add_argument("--uniform", action="store_true", help="uniform random states solved by find_path")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    e.set_defaults(func=run_export)

    s = actions.add_parser("score", help="total moves of a submission (fails on any invalid row)")
    s.add_argument("dir", help="folder written by `cayley dataset export`")
    s.add_argument("submission", help="CSV with columns id, path")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=run_score)


def run_export(args) -> int:
    from ..cli import graph_from_args

    graph = graph_from_args(args)
    files = export(graph, args.out, rows=args.rows, seed=args.seed, walk_length=args.walk_length,
                   uniform=args.uniform)
    if args.json:
        print(json.dumps({"rows": args.rows, "seed": args.seed, "files": files}))
    else:
        print(f"wrote {args.rows} rows of {args.family} {args.n} to {args.out}:")
        for path in files.values():
            print(f"  {path}")
    return 0


def run_score(args) -> int:
    total = score(args.dir, args.submission)
    print(json.dumps({"total_moves": total}) if args.json else total)
    return 0
