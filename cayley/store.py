"""The growth store: every computed growth function, kept as small parquet files.

One file holds one growth function, keyed by (family, fixed parameters, swept variable, value), under
``datasets/growth/<family>/``; e.g. ``lrx/n=10.parquet`` or ``heisenberg/n=3,modulo=7.parquet``. A file
is written to a temporary name and renamed into place, so an interrupted run loses at most the
computation in flight, and :func:`compute` skips what is already there (it resumes where it stopped).

Columns: ``family``, ``variable`` (the swept parameter, usually ``"n"``), ``params`` (JSON of the
fixed parameters), ``n`` (the swept value), ``layer_sizes``, ``diameter``, ``num_states``,
``antipodes`` (size of the last layer), ``last_layer_sample``, ``state_size``, ``inverse_closed``,
``complete``, ``backend``, ``version``, ``wall_time`` (seconds) and ``date`` (UTC, ISO 8601).

The store folder defaults to ``datasets/growth`` at the top of the repository; set the environment
variable ``CAYLEY_STORE`` or pass ``root=`` to use another.

Example
-------
>>> import tempfile, cayley.store as store
>>> root = tempfile.mkdtemp()
>>> store.compute("coxeter", [3, 4], root=root, progress=False)["diameter"].tolist()
[3, 6]
>>> store.load(root)[["family", "n", "antipodes"]].values.tolist()
[['coxeter', 3, 1], ['coxeter', 4, 1]]
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

__all__ = [
    "default_root",
    "project_root",
    "load",
    "lookup",
    "save",
    "compute",
    "compute_one",
    "build_graph",
    "family_available",
    "params_key",
    "canonical_params",
    "record_path",
    "FamilyUnavailable",
    "TooLarge",
    "COLUMNS",
]

COLUMNS = (
    "family", "variable", "params", "n", "layer_sizes", "diameter", "num_states", "antipodes",
    "last_layer_sample", "state_size", "inverse_closed", "complete", "backend", "version", "wall_time", "date",
)
SAMPLE_SIZE = 10
_INT64_MAX = 2**63 - 1
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.=,+-]+$")


class FamilyUnavailable(ValueError):
    """The named family does not exist in this installation (yet)."""


class TooLarge(ValueError):
    """A computation was stopped because it exceeded the allowed number of states."""


def project_root() -> Path:
    """The repository holding this package (a source checkout), else the current directory."""
    top = Path(__file__).resolve().parent.parent
    return top if (top / "pyproject.toml").exists() else Path.cwd()


def default_root() -> Path:
    """The store folder: ``$CAYLEY_STORE``, else ``datasets/growth`` in :func:`project_root`."""
    env = os.environ.get("CAYLEY_STORE")
    if env:
        return Path(env)
    return project_root() / "datasets" / "growth"


def _root(root) -> Path:
    return Path(root) if root is not None else default_root()


# ----------------------------------------------------------------------------- keys and paths
def params_key(params: dict | None) -> str:
    """Canonical JSON of the fixed parameters (sorted keys), the ``params`` column.

    >>> params_key({"k": 2})
    '{"k": 2}'
    """
    params = dict(params or {})
    for key, value in params.items():
        if not isinstance(key, str) or not key:
            raise ValueError(f"parameter names must be non-empty strings, got {key!r}")
        if isinstance(value, np.integer):
            params[key] = int(value)
        elif isinstance(value, tuple):
            params[key] = list(value)
    try:
        return json.dumps(params, sort_keys=True)
    except TypeError as exc:
        raise ValueError(f"parameters must be JSON values (numbers, strings, lists): {exc}") from None


def canonical_params(family: str, params: dict | None = None, variable: str = "n") -> dict:
    """The fixed parameters with the family's defaults filled in (the swept variable left out).

    So ``lrx`` and ``lrx`` with ``k=1`` share one key.

    >>> canonical_params("lrx", {})
    {'k': 1}
    """
    params = dict(params or {})
    if variable in params:
        raise ValueError(f"{variable!r} is the swept variable and cannot also be a fixed parameter")
    try:
        from . import groups

        defaults = groups.info(family).defaults if family in groups.names() else {}
    except ValueError:
        defaults = {}
    merged = {k: v for k, v in defaults.items() if k != variable}
    merged.update(params)
    return merged


def _check_value(value, variable: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{variable} must be an integer, got {value!r}")
    return int(value)


def record_path(family: str, value: int, params: dict | None = None, variable: str = "n", root=None) -> Path:
    """File of one growth function: ``<root>/<family>/<fixed params>,<variable>=<value>.parquet``.

    >>> record_path("lrx", 10, {"k": 2}, root="/tmp/s").as_posix()
    '/tmp/s/lrx/k=2,n=10.parquet'
    """
    if not isinstance(family, str) or not _SAFE_NAME.match(family):
        raise ValueError(f"family must be a plain name (letters, digits, '_'), got {family!r}")
    value = _check_value(value, variable)
    params = canonical_params(family, params, variable)
    parts = [f"{k}={json.dumps(v, separators=(',', ':'))}" for k, v in sorted(json.loads(params_key(params)).items())]
    stem = ",".join(parts + [f"{variable}={value}"])
    if not _SAFE_NAME.match(stem):
        import hashlib

        digest = hashlib.sha1(params_key(params).encode()).hexdigest()[:12]
        stem = f"p{digest},{variable}={value}"
    return _root(root) / family / f"{stem}.parquet"


# ----------------------------------------------------------------------------- building graphs
def build_graph(family: str, value: int, params: dict | None = None, variable: str = "n"):
    """The graph of ``family`` with ``variable=value`` and the fixed ``params``.

    Families come from :mod:`cayley.groups` or, failing that, :mod:`cayley.matrix_groups`. A
    ``central_state`` entry in ``params`` turns the graph into a coset graph. A family that does not
    exist raises :class:`FamilyUnavailable`.

    >>> build_graph("lrx", 5).names
    ('L', 'R', 'X')
    """
    from . import groups

    params = dict(params or {})
    central_state = params.pop("central_state", None)
    params[variable] = _check_value(value, variable)
    if family in groups.names():
        graph = groups.get(family, **params)
    else:
        func = _matrix_family(family)
        try:
            graph = func(**params)
        except TypeError as exc:
            raise ValueError(f"family {family!r}: {exc}") from None
    if central_state is not None:
        graph = graph.with_central_state(central_state)
    return graph


def family_available(family: str) -> bool:
    """True when :func:`build_graph` knows ``family`` in this installation.

    >>> family_available("coxeter"), family_available("no_such_family")
    (True, False)
    """
    from . import groups

    if family in groups.names():
        return True
    try:
        _matrix_family(family)
    except FamilyUnavailable:
        return False
    return True


def _matrix_family(family: str):
    try:
        from . import matrix_groups
    except ImportError:
        matrix_groups = None
    func = getattr(matrix_groups, family, None) if matrix_groups is not None else None
    if family.startswith("_") or not callable(func):
        raise FamilyUnavailable(f"unknown family {family!r}: not in cayley.groups.names() nor cayley.matrix_groups")
    return func


# ----------------------------------------------------------------------------- writing
def _int64(value: int, what: str) -> int:
    value = int(value)
    if value > _INT64_MAX:
        raise ValueError(f"{what} = {value} does not fit the store's 64-bit integer columns")
    return value


def _record(family, variable, params, value, result, graph) -> dict:
    from . import __version__

    sizes = [_int64(x, "a layer size") for x in result.layer_sizes]
    sample = np.asarray(result.last_layer)[:SAMPLE_SIZE]
    sample = sample.reshape(len(sample), -1).astype(np.int64).tolist()
    return {
        "family": family,
        "variable": variable,
        "params": params_key(canonical_params(family, params, variable)),
        "n": int(value),
        "layer_sizes": sizes,
        "diameter": int(result.diameter),
        "num_states": _int64(result.num_states, "num_states"),
        "antipodes": int(sizes[-1]),
        "last_layer_sample": sample,
        "state_size": int(graph.state_size),
        "inverse_closed": bool(graph.is_inverse_closed),
        "complete": bool(result.complete),
        "backend": str(result.backend),
        "version": __version__,
        "wall_time": float(result.elapsed),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _schema():
    import pyarrow as pa

    i64 = pa.int64()
    return pa.schema([
        ("family", pa.string()), ("variable", pa.string()), ("params", pa.string()), ("n", i64),
        ("layer_sizes", pa.list_(i64)), ("diameter", i64), ("num_states", i64), ("antipodes", i64),
        ("last_layer_sample", pa.list_(pa.list_(i64))), ("state_size", i64), ("inverse_closed", pa.bool_()),
        ("complete", pa.bool_()), ("backend", pa.string()), ("version", pa.string()),
        ("wall_time", pa.float64()), ("date", pa.string()),
    ])


def _write_atomic(record: dict, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([record], schema=_schema())
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def save(family: str, value: int, result, graph, params: dict | None = None, variable: str = "n", root=None) -> dict:
    """Store one :class:`~cayley.GrowthResult` (replacing an older file for the same key); returns the row."""
    record = _record(family, variable, params, value, result, graph)
    _write_atomic(record, record_path(family, value, params, variable, root))
    return record


# ----------------------------------------------------------------------------- reading
def _empty_frame():
    return _schema().empty_table().to_pandas()


def load(root=None, family: str | None = None):
    """Every stored growth function as a pandas DataFrame (one row per file), sorted by key.

    ``family`` restricts the rows to one family. An empty or missing store gives an empty frame.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    base = _root(root)
    folder = base / family if family else base
    files = sorted(folder.rglob("*.parquet")) if folder.is_dir() else []
    files = [f for f in files if not f.name.startswith(".tmp-")]
    if not files:
        return _empty_frame()
    tables = [pq.read_table(f, schema=_schema()) for f in files]
    frame = pa.concat_tables(tables).to_pandas()
    frame = frame.sort_values(["family", "variable", "params", "n"], kind="stable").reset_index(drop=True)
    return frame


def lookup(family: str, value: int, params: dict | None = None, variable: str = "n", root=None) -> dict | None:
    """The stored row for one key as a dict, or None when it is not in the store."""
    import pyarrow.parquet as pq

    path = record_path(family, value, params, variable, root)
    if not path.exists():
        return None
    return pq.read_table(path, schema=_schema()).to_pylist()[0]


# ----------------------------------------------------------------------------- computing
def _limit_progress(max_states, progress):
    """A progress callback that raises :class:`TooLarge` once more than ``max_states`` were seen."""

    def report(info):
        if max_states is not None and info["total"] > max_states:
            raise TooLarge(f"more than {max_states:,} states (stopped at distance {info['distance']})")
        if callable(progress):
            progress(info)

    return report


def compute_one(family, value, params=None, variable="n", backend="auto", root=None,
                max_states=None, force=False, progress=None, memory_budget=None) -> dict:
    """Compute and store one growth function unless it is stored already; returns its row.

    ``max_states`` stops the computation with :class:`TooLarge` (nothing stored) once more states
    than that have been reached. ``memory_budget`` is passed to :func:`cayley.growth`.
    """
    from .bfs import growth

    if not force:
        row = lookup(family, value, params, variable, root)
        if row is not None and row["complete"]:
            return row
    graph = build_graph(family, value, params, variable)
    if max_states is not None and graph.orbit_bound() is not None and graph.orbit_bound() <= max_states:
        max_states = None
    reporter = _limit_progress(max_states, progress) if max_states is not None else progress
    start = time.perf_counter()
    result = growth(graph, backend=backend, progress=reporter, memory_budget=memory_budget)
    result.elapsed = result.elapsed or time.perf_counter() - start
    return save(family, value, result, graph, params, variable, root)


def compute(family: str, ns, params: dict | None = None, backend: str = "auto", *, variable: str = "n",
            root=None, max_states=None, force=False, progress=None, on_row=None, memory_budget=None):
    """Fill the store with ``family`` for every value in ``ns``, skipping what is stored already.

    Returns a DataFrame of the rows for ``ns`` (stored earlier or computed now). ``on_row(row)`` is
    called after each value (e.g. to print progress). Stop it at any point and call it again: it
    resumes with the first value missing.

    >>> import tempfile
    >>> compute("lrx", range(3, 6), root=tempfile.mkdtemp(), progress=False)["diameter"].tolist()
    [2, 6, 10]
    """
    import pandas as pd

    values = [_check_value(v, variable) for v in ns]
    if not values:
        raise ValueError(f"no values of {variable} given")
    rows = []
    for value in values:
        row = compute_one(family, value, params, variable, backend, root, max_states, force, progress, memory_budget)
        rows.append(row)
        if on_row is not None:
            on_row(row)
    return pd.DataFrame(rows, columns=list(COLUMNS))
