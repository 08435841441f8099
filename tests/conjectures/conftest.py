"""Shared fixtures: a small private growth store and a private registry folder."""

import textwrap

import pytest

import cayley.store as store


@pytest.fixture(scope="session")
def small_store(tmp_path_factory):
    """A store with coxeter and lrx for n = 3..6 (a fraction of a second to compute)."""
    root = tmp_path_factory.mktemp("store")
    store.compute("coxeter", range(3, 7), root=root, backend="numpy", progress=False)
    store.compute("lrx", range(3, 7), root=root, backend="numpy", progress=False)
    return root


@pytest.fixture
def write_entry(tmp_path):
    """Write YAML text as ``<id>.yaml`` into a fresh registry folder; returns the folder."""
    folder = tmp_path / "registry"
    folder.mkdir()

    def write(entry_id, text):
        (folder / f"{entry_id}.yaml").write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        return folder

    write.folder = folder
    return write
