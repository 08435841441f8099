"""Export a Kaggle-style path-finding dataset for a graph.

Files written to ``out_dir``:

* ``puzzle_info.json``: ``central_state``, ``generators`` (name -> permutation, or matrix for a
  matrix group, which also has ``modulo``) and ``state_shape``;
* ``test.csv``: columns ``id`` and ``initial_state`` (the flat state, comma-joined);
* ``sample_submission.csv``: columns ``id`` and ``path`` (move names joined by ``.``), one valid
  path per test row;
* ``test.parquet`` and ``sample_submission.parquet``: the same tables.

By default each test state is a scramble: a seeded random walk of ``walk_length`` moves from the
central state, and its sample path undoes the walk (inverse moves in reverse order, adjacent
inverse pairs cancelled; a generator whose inverse is not a generator is undone by repeating it).
With ``uniform=True`` the states are drawn by :func:`cayley.paths.random_states` instead (uniform
over the orbit when the group is the full symmetric group) and solved by
:func:`cayley.paths.find_path`. The same arguments always give the same files.

Example
-------
>>> import cayley, tempfile
>>> from cayley.datasets import export, score
>>> out = tempfile.mkdtemp()
>>> files = export(cayley.groups.lrx(5), out, rows=3, seed=1)
>>> sorted(files)
['puzzle_info', 'sample_submission', 'sample_submission_parquet', 'test', 'test_parquet']
>>> score(out, files["sample_submission"]) > 0
True
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from ..graph import CayleyGraph
from ..paths import find_path, random_states
from ..paths.moves import Moves, undo_path, validate_path

__all__ = ["export", "scramble", "default_scramble_length", "puzzle_info"]


def default_scramble_length(graph) -> int:
    """Scramble length used when none is given: ``n^2`` moves for states of ``n`` entries."""
    return graph.state_size ** 2


def scramble(graph, rows: int, length: int, seed=0) -> tuple[np.ndarray, np.ndarray]:
    """``(states, moves)``: ``rows`` random walks of ``length`` moves from the central state.

    ``states`` is (rows, state_size) flat, ``moves`` (rows, length) generator indices.

    >>> import cayley
    >>> states, moves = scramble(cayley.groups.lrx(4), rows=2, length=3, seed=0)
    >>> states.shape, moves.shape
    ((2, 4), (2, 3))
    """
    rng = np.random.default_rng(seed)
    moves = rng.integers(0, graph.n_generators, size=(rows, length))
    mover = Moves(graph)
    states = np.repeat(graph.central_state.reshape(1, -1), rows, axis=0)
    for step in range(length):
        states = mover.one(states, moves[:, step])
    return states, moves


def puzzle_info(graph) -> dict:
    """The ``puzzle_info.json`` content of ``graph``."""
    info = graph.to_dict()
    info["state_shape"] = list(graph.central_state.shape)
    return info


def _check_rows(rows) -> int:
    if isinstance(rows, bool) or not isinstance(rows, (int, np.integer)) or rows < 1:
        raise ValueError(f"rows must be a positive integer, got {rows!r}")
    return int(rows)


def _test_rows(graph, rows, seed, walk_length, uniform):
    """(flat states, sample paths as lists of names)."""
    if uniform:
        states = random_states(graph, rows, seed=seed).reshape(rows, -1)
        shape = graph.central_state.shape
        return states, [find_path(graph, s.reshape(shape), seed=seed) for s in states]
    if walk_length is None:
        walk_length = default_scramble_length(graph)
    if isinstance(walk_length, bool) or not isinstance(walk_length, (int, np.integer)) or walk_length < 0:
        raise ValueError(f"walk_length must be a non-negative integer, got {walk_length!r}")
    states, moves = scramble(graph, rows, int(walk_length), seed)
    return states, [[graph.names[i] for i in undo_path(graph, m)] for m in moves]


def export(graph, out_dir, rows: int = 100, seed=0, *, walk_length: int | None = None,
           uniform: bool = False) -> dict[str, str]:
    """Write the dataset files to ``out_dir`` (created if needed); return their paths by name.

    Every sample path is checked before anything is written.
    """
    if not isinstance(graph, CayleyGraph):
        raise ValueError(f"export needs a CayleyGraph, got {type(graph).__name__}")
    rows = _check_rows(rows)
    states, paths = _test_rows(graph, rows, seed, walk_length, uniform)
    shape = graph.central_state.shape
    for i, (state, path) in enumerate(zip(states, paths)):
        try:
            validate_path(graph, state.reshape(shape), path)
        except ValueError as exc:
            raise RuntimeError(f"sample path of row {i} is invalid: {exc}") from exc
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {name: str(out / name) for name in ("puzzle_info.json", "test.csv", "sample_submission.csv")}
    with open(files["puzzle_info.json"], "w") as fh:
        json.dump(puzzle_info(graph), fh, indent=1)
    test = [(i, ",".join(str(int(x)) for x in s)) for i, s in enumerate(states)]
    sample = [(i, ".".join(p)) for i, p in enumerate(paths)]
    _write_table(out / "test", ("id", "initial_state"), test)
    _write_table(out / "sample_submission", ("id", "path"), sample)
    return {
        "puzzle_info": files["puzzle_info.json"],
        "test": str(out / "test.csv"),
        "test_parquet": str(out / "test.parquet"),
        "sample_submission": str(out / "sample_submission.csv"),
        "sample_submission_parquet": str(out / "sample_submission.parquet"),
    }


def _write_table(stem: Path, columns, records) -> None:
    """``stem.csv`` and ``stem.parquet`` with the given columns (id as integer, the rest as text)."""
    import pandas as pd

    with open(stem.with_suffix(".csv"), "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(records)
    frame = pd.DataFrame(records, columns=list(columns)).astype({columns[0]: "int64", columns[1]: "string"})
    frame.to_parquet(stem.with_suffix(".parquet"), index=False)
