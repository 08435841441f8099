"""Score a submission against an exported dataset: the total number of moves of all paths.

A submission is a CSV with columns ``id`` and ``path`` (move names joined by ``.``; empty for a
test state that already is the central state). Every test id must appear exactly once, every move
must be a generator name, and every path must take its test state to the central state; otherwise
``ValueError`` names the offending row (its line number in the file) and id.

Example
-------
>>> import cayley, tempfile, os
>>> from cayley.datasets import export
>>> out = tempfile.mkdtemp()
>>> files = export(cayley.groups.pancake(4), out, rows=2, seed=0, walk_length=1)
>>> with open(os.path.join(out, "mine.csv"), "w") as fh:
...     _ = fh.write("id,path\\n0,P9\\n1,P2\\n")
>>> score(out, os.path.join(out, "mine.csv"))
Traceback (most recent call last):
...
ValueError: mine.csv line 2 (id 0): unknown move 'P9'; known: P2, P3, P4
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from ..graph import CayleyGraph

__all__ = ["score", "load_puzzle", "load_test"]


def load_puzzle(out_dir) -> CayleyGraph:
    """The graph described by ``out_dir/puzzle_info.json``."""
    path = Path(out_dir) / "puzzle_info.json"
    if not path.is_file():
        raise ValueError(f"{path} not found: not an exported dataset folder")
    with open(path) as fh:
        info = json.load(fh)
    try:
        names = list(info["generators"])
        gens = [info["generators"][name] for name in names]
        center = info["central_state"]
    except (KeyError, TypeError):
        raise ValueError(f"{path} lacks 'generators' (name -> permutation) or 'central_state'") from None
    if info.get("modulo") is not None:
        return CayleyGraph.from_matrices(gens, info["modulo"], names=names, central_state=center)
    return CayleyGraph(gens, names=names, central_state=center)


def _read_csv(path: Path, columns: tuple[str, str]):
    """Rows of a two-column CSV as (line number, first, second); ValueError on a bad header."""
    if not path.is_file():
        raise ValueError(f"{path} not found")
    with open(path, newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader, [])]
        if header[:2] != list(columns):
            raise ValueError(f"{path.name}: expected columns {', '.join(columns)}, got {', '.join(header) or 'none'}")
        for row in reader:
            if not row or all(not cell.strip() for cell in row):
                continue
            line = reader.line_num
            if len(row) < 2:
                row = row + [""]
            yield line, row[0].strip(), row[1].strip()


def load_test(out_dir, graph=None) -> dict[str, np.ndarray]:
    """Test states of an exported dataset by id (as text), shaped like the graph's states."""
    graph = graph or load_puzzle(out_dir)
    path = Path(out_dir) / "test.csv"
    states = {}
    for line, ident, text in _read_csv(path, ("id", "initial_state")):
        try:
            values = [int(x) for x in text.split(",")]
            states[ident] = graph.check_state(np.array(values).reshape(graph.central_state.shape))
        except ValueError as exc:
            raise ValueError(f"{path.name} line {line} (id {ident}): bad initial_state: {exc}") from None
    return states


def score(out_dir, submission_csv) -> int:
    """Total number of moves of a valid submission; ``ValueError`` naming the first invalid row.

    Checks: known and unique ids, a row for every test id, known move names, and every path
    reaching the central state.
    """
    graph = load_puzzle(out_dir)
    tests = load_test(out_dir, graph)
    path = Path(submission_csv)
    index = {name: i for i, name in enumerate(graph.names)}
    seen: dict[str, int] = {}
    total = 0
    for line, ident, text in _read_csv(path, ("id", "path")):
        where = f"{path.name} line {line} (id {ident})"
        if ident not in tests:
            raise ValueError(f"{where}: unknown id {ident!r}: not in test.csv")
        if ident in seen:
            raise ValueError(f"{where}: id {ident} repeated (first on line {seen[ident]})")
        seen[ident] = line
        moves = [m for m in text.split(".")] if text else []
        total += _check_path(graph, index, tests[ident], moves, where)
    missing = [i for i in tests if i not in seen]
    if missing:
        raise ValueError(f"{path.name}: missing row for id {missing[0]}"
                         + (f" and {len(missing) - 1} more" if len(missing) > 1 else ""))
    return total


def _check_path(graph, index: dict, state: np.ndarray, moves: list[str], where: str) -> int:
    """Replay ``moves`` from ``state``; the number of moves, or ValueError naming the problem."""
    current = state
    for name in moves:
        i = index.get(name)
        if i is None:
            raise ValueError(f"{where}: unknown move {name!r}; known: {', '.join(graph.names)}")
        g = graph.generators[i]
        current = (current @ g) % graph.modulo if graph.is_matrix_group else current[g]
    if not np.array_equal(current, graph.central_state):
        raise ValueError(f"{where}: path of {len(moves)} moves does not reach the central state "
                         f"(ends at {np.ravel(current).tolist()})")
    return len(moves)
