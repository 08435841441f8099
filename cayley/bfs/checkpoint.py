"""Atomic per-layer checkpoints so that a killed run resumes where it stopped.

A checkpoint directory holds ``meta.json`` (what is being computed, the layer sizes done so far) and
named numpy arrays. A save writes every file under a temporary name, fsyncs, renames it into place
and writes ``meta.json`` last (also by rename), so the directory is always either the previous
complete checkpoint or the new one. A run started with a directory whose fingerprint does not match
its graph refuses with ``ValueError`` instead of mixing two computations.

>>> import tempfile, numpy as np
>>> d = tempfile.mkdtemp()
>>> ck = Checkpoint(d, fingerprint="lrx-5")
>>> ck.save({"layer_sizes": [1, 3]}, {"frontier": np.arange(3)})
>>> meta, arrays = ck.load()
>>> meta["layer_sizes"], arrays["frontier"].tolist()
([1, 3], [0, 1, 2])
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np

__all__ = ["Checkpoint", "Saver", "graph_fingerprint"]

SAVE_OVERHEAD = 0.1  # at most this fraction of the run is spent writing checkpoints
ASSUMED_WRITE_RATE = 1e9  # bytes per second, to price the first save


def graph_fingerprint(graph, backend: str, extra: str = "") -> str:
    """A digest of everything that determines the layers: generators, central state, backend."""
    h = hashlib.sha256()
    h.update(np.ascontiguousarray(graph.generators).tobytes())
    h.update(np.ascontiguousarray(graph.central_state).tobytes())
    h.update(repr((graph.modulo, graph.generators.shape, backend, extra)).encode())
    return h.hexdigest()[:32]


def _fsync_write(path: Path, write) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Checkpoint:
    """One computation's checkpoint directory."""

    def __init__(self, directory, fingerprint: str):
        self.dir = Path(directory)
        self.fingerprint = fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)

    @property
    def meta_path(self) -> Path:
        return self.dir / "meta.json"

    def exists(self) -> bool:
        return self.meta_path.exists()

    def save(self, meta: dict, arrays: dict) -> None:
        """Persist ``arrays`` (name -> ndarray) and ``meta`` atomically."""
        generation = self._generation() + 1
        names = {}
        for name, arr in arrays.items():
            fname = f"{name}.{generation}.npy"
            _fsync_write(self.dir / fname, lambda fh, a=arr: np.save(fh, np.ascontiguousarray(a)))
            names[name] = fname
        record = dict(meta, fingerprint=self.fingerprint, generation=generation, arrays=names)
        _fsync_write(self.meta_path, lambda fh: fh.write(json.dumps(record).encode()))
        self._remove_stale(set(names.values()))

    def load(self, max_diameter=None):
        """``(meta, arrays)`` of the last complete save, or ``(None, {})`` when there is none.

        With ``max_diameter``, a save that already holds more layers than that is refused
        (``ValueError``): its frontier lies past the requested distance."""
        if not self.exists():
            return None, {}
        meta = json.loads(self.meta_path.read_text())
        if meta.get("fingerprint") != self.fingerprint:
            raise ValueError(
                f"checkpoint directory {self.dir} belongs to another computation; use an empty directory"
            )
        done = len(meta.get("layer_sizes", [])) - 1
        if max_diameter is not None and done > max_diameter:
            raise ValueError(
                f"checkpoint in {self.dir} already holds {done} layers, more than max_diameter = "
                f"{max_diameter}; use an empty directory"
            )
        arrays = {name: np.load(self.dir / fname, mmap_mode=None) for name, fname in meta["arrays"].items()}
        return meta, arrays

    def _generation(self) -> int:
        if not self.exists():
            return 0
        try:
            return int(json.loads(self.meta_path.read_text()).get("generation", 0))
        except (ValueError, OSError):
            return 0

    def _remove_stale(self, keep: set) -> None:
        for path in self.dir.glob("*.npy"):
            if path.name not in keep:
                path.unlink(missing_ok=True)
        for path in self.dir.glob("*.tmp"):
            path.unlink(missing_ok=True)


class Saver:
    """Decides when to persist: every layer, unless saving would exceed SAVE_OVERHEAD of the run time.

    The cost of a save is the last one's; before the first it is estimated from the bytes to write at
    ASSUMED_WRITE_RATE, so a large run does not begin by writing gigabytes of still-empty codes.
    """

    def __init__(self, checkpoint: Checkpoint | None, nbytes: int = 0):
        self.ck = checkpoint
        self.last_end = time.perf_counter()
        self.last_cost = nbytes / ASSUMED_WRITE_RATE
        self.saved = None

    def maybe_save(self, state, layer_sizes, complete: bool, force: bool = False) -> None:
        """Persist ``state.arrays()`` and the layer sizes now, if it is time (or ``force``)."""
        if self.ck is None or self.saved == (len(layer_sizes), complete):
            return
        now = time.perf_counter()
        if not force and (now - self.last_end) * SAVE_OVERHEAD < self.last_cost:
            return
        self.ck.save({"layer_sizes": [int(x) for x in layer_sizes], "complete": complete}, state.arrays())
        self.last_end = time.perf_counter()
        self.last_cost = self.last_end - now
        self.saved = (len(layer_sizes), complete)
