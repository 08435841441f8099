"""Checkpoint files of the exact set BFS: one ``.npy`` file per finished layer plus ``meta.json``.

The metadata (layer sizes, whether every layer file is kept, whether the search finished) goes
through :class:`cayley.bfs.checkpoint.Checkpoint`, which writes it atomically and refuses a
directory that belongs to another graph. A layer file is written under a temporary name, synced and
renamed *before* the metadata that counts it, so a run killed at any moment leaves a directory that
describes complete layers only. Without ``keep_all`` only the last two layer files are kept (enough
to resume an inverse-closed search).

>>> import tempfile, numpy as np, cayley
>>> d = tempfile.mkdtemp()
>>> store = LayerStore(d, cayley.groups.lrx(4), words=1, keep_all=False)
>>> store.save([1], np.zeros((1, 1), np.uint64))
>>> store.load(need_all=False)[0]
[1]
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .checkpoint import Checkpoint, graph_fingerprint

__all__ = ["LayerStore"]

ENGINE = "numba-hash"


class LayerStore:
    """The checkpoint directory of one search (``words`` uint64 words per packed state)."""

    def __init__(self, directory, graph, words: int, keep_all: bool):
        self.checkpoint = Checkpoint(directory, graph_fingerprint(graph, ENGINE))
        self.layer_dir = Path(directory) / "hash_layers"
        self.layer_dir.mkdir(parents=True, exist_ok=True)
        self.words, self.keep_all = words, keep_all

    def _path(self, d: int) -> Path:
        return self.layer_dir / f"layer_{d:06d}.npy"

    def load(self, need_all: bool):
        """``(layer_sizes, layers, finished)`` of the stored search, or None when there is none.

        ``layers`` are all layers when ``need_all``, else the last two (what a resume needs).
        """
        meta, _ = self.checkpoint.load()
        if meta is None:
            return None
        sizes = [int(x) for x in meta["layer_sizes"]]
        if need_all and not meta.get("all_layers", False):
            raise ValueError(
                f"checkpoint directory {self.checkpoint.dir} did not keep every layer; "
                "resume without keep_layers or use an empty directory"
            )
        first = 0 if need_all else max(0, len(sizes) - 2)
        layers = [self.read(d, sizes[d]) for d in range(first, len(sizes))]
        self.keep_all = self.keep_all or bool(meta.get("all_layers", False))
        return sizes, layers, bool(meta.get("finished", False))

    def read(self, d: int, size: int) -> np.ndarray:
        """Layer ``d`` (``size`` packed states); ValueError when its file is missing or damaged."""
        path = self._path(d)
        try:
            layer = np.load(path)
        except (OSError, ValueError) as exc:
            raise ValueError(
                f"checkpoint layer file {path} is missing or damaged ({exc}); use an empty directory"
            ) from None
        if layer.shape != (size, self.words) or layer.dtype != np.uint64:
            raise ValueError(f"checkpoint layer file {path} has shape {layer.shape}, expected {(size, self.words)}")
        return layer

    def save(self, sizes: list, layer, finished: bool = False) -> None:
        """Persist layer ``len(sizes) - 1`` (None: nothing new) and then the metadata."""
        d = len(sizes) - 1
        if layer is not None:
            tmp = self._path(d).with_suffix(".npy.tmp")
            with open(tmp, "wb") as fh:
                np.save(fh, np.ascontiguousarray(layer))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self._path(d))
        meta = {"engine": ENGINE, "layer_sizes": [int(x) for x in sizes], "words": self.words,
                "all_layers": self.keep_all, "finished": finished}
        self.checkpoint.save(meta, {})
        if not self.keep_all:
            for path in self.layer_dir.glob("layer_*.npy"):
                if int(path.stem.split("_")[1]) < d - 1:
                    path.unlink(missing_ok=True)
