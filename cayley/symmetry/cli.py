"""``cayley symmetry FILE.npy|FILE.csv [--json] [--tol T] [--basis B]``: recover a covariance's symmetry.

The subcommand is added to the main ``cayley`` parser by :func:`add_parser`; :func:`run` returns the exit
code (0 on success, 2 with a one-line message on stderr for bad input).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

from .bases import BASIS_NAMES
from .estimate import explained_fraction
from .recover import recover_group
from .result import cycle_notation

__all__ = ["add_parser", "run", "load_matrix", "main"]


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``symmetry`` subcommand to an ``argparse`` subparsers object."""
    p = subparsers.add_parser(
        "symmetry",
        help="recover the permutation symmetry group of a covariance matrix (double-commutator GEVP)",
        description="Recover the group of relabellings that leave a covariance matrix unchanged.",
    )
    p.add_argument("file", help="M x M real symmetric or complex Hermitian matrix: .npy, or .csv "
                                "(comma-separated; complex entries written like 1+2j)")
    p.add_argument("--basis", default="permutations", choices=BASIS_NAMES,
                   help="candidate span: all permutations (hidden symmetry, default) or a known ring")
    p.add_argument("--tol", type=float, default=None,
                   help="acceptance threshold (normalised eigenvalue / relative residual); default: from the data")
    p.add_argument("--seed", type=int, default=0, help="seed for the random group elements used in checks")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)
    return p


def load_matrix(path: str) -> np.ndarray:
    """Read a matrix from ``.npy`` or ``.csv`` (real, or complex written as ``a+bj``).

    Raises ValueError for a missing file, an unknown extension or unparsable content.
    """
    if not os.path.isfile(path):
        raise ValueError(f"no such file: {path}")
    ext = os.path.splitext(path)[1].lower()
    if ext == ".npy":
        try:
            return np.load(path, allow_pickle=False)
        except (ValueError, OSError) as exc:
            raise ValueError(f"cannot read {path} as .npy: {exc}") from None
    if ext in (".csv", ".txt"):
        for dtype in (float, complex):
            try:
                return np.loadtxt(path, delimiter=",", dtype=dtype, ndmin=2)
            except ValueError:
                continue
        raise ValueError(f"cannot parse {path} as comma-separated numbers")
    raise ValueError(f"unsupported file type {ext or '(none)'!r}; expected .npy or .csv")


def run(args) -> int:
    """Execute the subcommand; returns the process exit code."""
    try:
        R = load_matrix(args.file)
        result = recover_group(R, basis=args.basis, tol=args.tol, seed=args.seed)
        explained = explained_fraction(R, result.generators)
    except (ValueError, OSError) as exc:
        print(f"cayley symmetry: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    if args.json:
        out = result.to_dict()
        out["explained_fraction"] = explained
        out["file"] = args.file
        print(json.dumps(out))
        return 0
    _print_report(result, explained)
    return 0


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _print_report(s, explained: float) -> None:
    mode = "exact" if s.exact else "noisy"
    print(f"M = {s.M}, basis {s.basis}, {mode} mode, threshold {s.threshold:.3g}")
    print(f"group order {s.group_order}, {len(s.generators)} generator(s)")
    for g, res, rel in zip(s.generators, s.residuals, s.relative_residuals):
        print(f"  {cycle_notation(g)}   ||[R,P]||/||R|| = {res:.2e}, relative residual {rel:.2e}")
    orbits = [o for o in s.orbits if len(o) > 1]
    print(f"orbits: {' '.join('{' + ','.join(map(str, o)) + '}' for o in orbits) or 'none (trivial group)'}")
    print(f"certificate {s.certificate:.3g} (smallest eigenvalue left after deflation)")
    print(f"explained fraction {explained:.6f}")
    low = ", ".join(f"{v:.3g}" for v in s.eigenvalues[:8])
    print(f"lowest eigenvalues ({s.eigenvalues.size} computed): {low}")


def main(argv=None) -> int:
    """Stand-alone entry point: ``python -m cayley.symmetry.cli FILE ...``."""
    parser = argparse.ArgumentParser(prog="cayley")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["symmetry", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
