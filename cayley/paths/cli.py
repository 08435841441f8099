"""``cayley path FAMILY N --state 3,1,0,2 [--method M] [--json]``: a path from a state to the centre.

Example
-------
>>> from cayley.cli import main
>>> main(["path", "lrx", "4", "--state", "1,0,2,3"])
X
1 moves (method bfs, shortest)
0
"""

from __future__ import annotations

import json

import numpy as np

from .find import METHODS, solve

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    """Add the ``path`` subcommand."""
    from ..cli import add_family_arguments

    p = subparsers.add_parser("path", help="a path from a state to the central state")
    add_family_arguments(p)
    p.add_argument("--state", required=True, help="the start state, e.g. 3,1,0,2 (matrices row by row)")
    p.add_argument("--method", default="auto", help=f"one of: {', '.join(METHODS)} (default auto)")
    p.add_argument("--beam-width", type=int, default=1000, help="states kept per beam-search step")
    p.add_argument("--heuristic", default=None, help="beam-search heuristic: hamming, gap, inversions, cyclic")
    p.add_argument("--max-steps", type=int, default=None, help="step limit of beam search")
    p.add_argument("--seed", type=int, default=0, help="seed of beam-search tie-breaking")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..cli import graph_from_args, parse_int_list

    graph = graph_from_args(args)
    values = parse_int_list(args.state)
    if len(values) != graph.state_size:
        raise ValueError(f"--state has {len(values)} entries, expected {graph.state_size}")
    state = np.array(values).reshape(graph.central_state.shape)
    result = solve(graph, state, method=args.method, beam_width=args.beam_width, heuristic=args.heuristic,
                   max_steps=args.max_steps, seed=args.seed)
    if args.json:
        print(json.dumps({
            "family": args.family, "n": args.n, "state": values, "path": result.path,
            "length": result.length, "method": result.method, "optimal": result.optimal,
            "elapsed": round(result.elapsed, 6),
        }))
        return 0
    print(".".join(result.path) if result.path else "(empty path: the state is the central state)")
    kind = "shortest" if result.optimal else "not necessarily shortest"
    print(f"{result.length} moves (method {result.method}, {kind})")
    return 0
