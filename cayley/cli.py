"""Command line: ``cayley growth``, ``cayley families`` and the subcommands of other modules.

Every error is one line on stderr and a non-zero exit code (2 for bad input), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from . import groups
from .bfs import backends, growth

__all__ = ["main", "build_parser", "parse_int_list", "graph_from_args"]

# Modules that add subcommands: each has ``add_parser(subparsers)``; the parsers they add set ``func``.
_PLUGIN_MODULES = (
    "cayley.paths.cli",
    "cayley.datasets.cli",
    "cayley.conjectures.cli",
    "cayley.symmetry.cli",
)


class CliError(ValueError):
    """Bad command-line input."""


def parse_int_list(text: str) -> list[int]:
    """Parse ``"0,0,1,1"`` (commas or spaces) into a list of ints."""
    try:
        return [int(x) for x in text.replace(",", " ").split()]
    except ValueError:
        raise CliError(f"expected integers separated by commas, got {text!r}") from None


def add_family_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments that select a graph: FAMILY N [--k K] [--central-state S]."""
    p.add_argument("family", help="family name (see `cayley families`)")
    p.add_argument("n", type=int, nargs="?", default=None,
                   help="size: the family's first parameter (n for most, size for cube, ...)")
    p.add_argument("--k", type=int, default=None, help="second parameter k of families that have one")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="any other family parameter (repeatable)")
    p.add_argument("--central-state", default=None, help="central state, e.g. 0,0,1,1 (makes a coset graph)")


def graph_from_args(args):
    """Build the CayleyGraph named on the command line."""
    if args.family not in groups.names():
        raise CliError(f"unknown family {args.family!r}; run `cayley families` for the list")
    family_params = groups.info(args.family).params
    params = {}
    if args.n is not None:
        if not family_params:
            raise CliError(f"family {args.family!r} takes no size parameter")
        params[family_params[0]] = args.n
    params.update(extra_params(args))
    graph = groups.get(args.family, **params)
    if args.central_state is not None:
        graph = graph.with_central_state(parse_int_list(args.central_state))
    return graph


def extra_params(args) -> dict:
    """Family parameters from ``--k K`` and repeated ``--param NAME=VALUE``."""
    params = {} if args.k is None else {"k": args.k}
    for item in args.param:
        if "=" not in item:
            raise CliError(f"--param expects NAME=VALUE, got {item!r}")
        key, value = item.split("=", 1)
        params[key] = _parse_value(value)
    return params


def _parse_value(value: str):
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    if "," in value:
        return tuple(parse_int_list(value))
    return value


def _cmd_growth(args) -> int:
    graph = graph_from_args(args)
    quiet = args.json or args.quiet
    result = growth(
        graph,
        backend=args.backend,
        max_diameter=args.max_diameter,
        progress=False if quiet else None,
        memory_budget=args.memory_budget,
        **({"checkpoint_dir": args.checkpoint} if args.checkpoint else {}),
    )
    if args.json:
        out = result.to_dict()
        out.update({"family": args.family, "n": args.n})
        print(json.dumps(out))
        return 0
    print(f"{graph!r}")
    print(f"{'distance':>8}  {'states':>16}")
    for d, c in enumerate(result.layer_sizes):
        print(f"{d:>8}  {c:>16,}")
    status = "" if result.complete else " (stopped early: lower bound)"
    print(f"diameter {result.diameter}{status}; {result.num_states:,} states; "
          f"last layer {result.layer_sizes[-1]:,} states; backend {result.backend}; {result.elapsed:.3f} s")
    sample = np.asarray(result.last_layer)[:3]
    for s in sample:
        print("  last layer: " + ",".join(str(x) for x in np.ravel(s)))
    return 0


def _cmd_families(args) -> int:
    rows = groups.describe()
    if args.json:
        print(json.dumps([{"name": f.name, "kind": f.kind, "params": list(f.params),
                           "defaults": {k: repr(v) for k, v in f.defaults.items()}, "summary": f.summary}
                          for f in rows]))
        return 0
    width = max(len(f.name) for f in rows)
    for f in rows:
        params = ", ".join(p if p not in f.defaults else f"{p}={f.defaults[p]!r}" for p in f.params)
        print(f"{f.name:<{width}}  ({params})  [{f.kind}]  {f.summary}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cayley", description="Growth, diameters and paths of Cayley graphs.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("growth", help="growth function and diameter of a family")
    add_family_arguments(p)
    p.add_argument("--backend", default="auto", help=f"auto or one of: {', '.join(backends())}")
    p.add_argument("--max-diameter", type=int, default=None, help="stop after this many layers")
    p.add_argument("--memory-budget", type=float, default=None,
                   help="bytes, or a fraction of available memory (default 0.6)")
    p.add_argument("--checkpoint", default=None, metavar="DIR", help="persist layers in DIR and resume from it")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=_cmd_growth)

    p = sub.add_parser("families", help="list the generator families")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_families)

    for module in _load_plugins():
        module.add_parser(sub)
    return parser


def _load_plugins():
    import importlib

    for name in _PLUGIN_MODULES:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    budget = getattr(args, "memory_budget", None)  # --memory-budget: bytes above 1, else a fraction
    if budget is not None and budget > 1:
        args.memory_budget = int(budget)
    try:
        return args.func(args)
    except BrokenPipeError:  # output piped into a pager or `head` that closed early
        sys.stderr.close()
        return 0
    except (ValueError, OSError) as exc:
        print(f"cayley: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cayley: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
