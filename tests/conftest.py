import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))


def _fresh_numba_cache() -> None:
    """Compiled kernels cached under a digest of the package's sources.

    numba keys a cached kernel on its own file only, so a kernel that calls a helper from another
    module would be loaded stale after that module changed; one cache directory per version of the
    sources rules that out for the tests (and the subprocesses they start, through the environment).
    """
    if "NUMBA_CACHE_DIR" in os.environ:
        return
    package = Path(__file__).resolve().parent.parent / "cayley"
    digest = hashlib.sha1()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    root = package.parent / ".numba_cache"
    here = root / digest.hexdigest()[:16]
    if root.is_dir():
        for old in root.iterdir():
            if old != here:
                shutil.rmtree(old, ignore_errors=True)
    here.mkdir(parents=True, exist_ok=True)
    os.environ["NUMBA_CACHE_DIR"] = str(here)


_fresh_numba_cache()  # before anything imports numba


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run tests marked slow")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
