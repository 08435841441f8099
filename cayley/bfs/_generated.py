"""Kernels compiled from generated source: the moves of one generator set written in as constants.

A permutation acting on packed keys is a few mask-and-shift ops (see
:func:`cayley.bfs.numba_hash.move_tables`). Read from a table at run time, the ops cost loads and a
loop per move; written into the source as literals, LLVM folds them into a handful of instructions
(the LRX coset of 14 + 14 runs ~1.5x faster). The source goes to a file named by its digest, so
numba's on-disk cache serves every later run of the same generator set; the first run pays the
compilation (~1 s).

The directory is ``$CAYLEY_KERNEL_DIR``, else ``cayley_kernels`` under ``$NUMBA_CACHE_DIR`` or
``~/.cache/cayley``, else under the system's temporary directory.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

__all__ = ["load_module", "move_expressions", "kernel_dir"]


def kernel_dir() -> Path:
    """Where generated kernel sources are written (created when missing)."""
    explicit = os.environ.get("CAYLEY_KERNEL_DIR")
    candidates = [Path(explicit)] if explicit else []
    if os.environ.get("NUMBA_CACHE_DIR"):
        candidates.append(Path(os.environ["NUMBA_CACHE_DIR"]) / "cayley_kernels")
    candidates.append(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cayley" / "kernels")
    candidates.append(Path(tempfile.gettempdir()) / f"cayley-kernels-{os.getuid()}")
    for path in candidates:
        try:
            path.mkdir(parents=True, exist_ok=True)
            if os.access(path, os.W_OK):
                return path
        except OSError:
            continue
    raise OSError("no writable directory for generated kernels; set CAYLEY_KERNEL_DIR")


def load_module(prefix: str, source: str):
    """Import ``source`` as a module written to ``kernel_dir()`` under a name made of ``prefix`` and
    the source's digest (written once, atomically; later calls and processes reuse it)."""
    digest = hashlib.sha1(source.encode()).hexdigest()[:16]
    name = f"{prefix}_{digest}"
    if name in sys.modules:
        return sys.modules[name]
    path = kernel_dir() / f"{name}.py"
    if not path.exists() or path.read_text() != source:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(source)
        os.replace(tmp, path)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def move_expressions(ops: np.ndarray, op_start: np.ndarray, var: str = "x") -> list[str]:
    """One expression per generator: its move of a one-word key ``var``, the ops as literals."""
    if op_start.shape[1] != 2:
        raise ValueError("generated moves cover one-word keys only")
    out = []
    for g in range(op_start.shape[0]):
        terms = []
        for t in range(int(op_start[g, 0]), int(op_start[g, 1])):
            _src, right, left, mask = (int(v) for v in ops[g, t])
            term = var
            if right:
                term = f"({term} >> np.uint64({right}))"
            if left:
                term = f"({term} << np.uint64({left}))"
            terms.append(f"({term} & np.uint64({mask}))")
        out.append(" | ".join(terms) if terms else "np.uint64(0)")
    return out
