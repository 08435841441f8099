"""The registry: every ``*.yaml`` file of the top-level ``conjectures/`` folder, one entry per file.

The folder defaults to ``conjectures/`` at the top of the repository (``$CAYLEY_CONJECTURES``
overrides it; so does ``folder=``). Subfolders (``tables/``, ``candidates/``) are not part of it.

>>> import cayley.conjectures as cj
>>> cj.get("coxeter-diameter").predict(5)
10
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .model import Conjecture

__all__ = ["default_folder", "registry", "get", "load_file"]


def default_folder() -> Path:
    """``$CAYLEY_CONJECTURES``, else ``conjectures/`` at the top of the repository (or of the current
    directory when the package is installed outside a checkout)."""
    env = os.environ.get("CAYLEY_CONJECTURES")
    if env:
        return Path(env)
    from ..store import project_root

    return project_root() / "conjectures"


def load_file(path) -> Conjecture:
    """Read and validate one conjecture file; its ``id`` must equal the file name without ``.yaml``."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None
    entry = Conjecture.from_dict(data, path)
    if entry.id != path.stem:
        raise ValueError(f"{path}: id {entry.id!r} differs from the file name {path.stem!r}")
    return entry


def registry(folder=None) -> list[Conjecture]:
    """All entries of the registry, sorted by id. A missing folder gives an empty list."""
    folder = Path(folder) if folder is not None else default_folder()
    if not folder.is_dir():
        return []
    return [load_file(p) for p in sorted(folder.glob("*.yaml"))]


def get(conjecture_id: str, folder=None) -> Conjecture:
    """The entry with this id; ValueError naming the known ids when there is none."""
    entries = registry(folder)
    for entry in entries:
        if entry.id == conjecture_id:
            return entry
    known = ", ".join(e.id for e in entries) or "none"
    raise ValueError(f"unknown conjecture {conjecture_id!r}; known: {known}")
