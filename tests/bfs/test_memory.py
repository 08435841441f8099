import mmap

import numpy as np
import pytest

from cayley.bfs.memory import HUGE_PAGE, huge_zeros, last_level_cache_bytes


@pytest.mark.parametrize("shape,dtype", [((5 << 20,), np.uint8), ((3, 300_000), np.uint64), ((7,), np.int32)])
def test_huge_zeros_are_zeroed_writeable_and_sized(shape, dtype):
    a = huge_zeros(shape, dtype)
    assert a.shape == shape and a.dtype == np.dtype(dtype) and a.flags.c_contiguous and a.flags.writeable
    assert not a.any()
    a[...] = 1  # every page can be written
    assert int(a.sum()) == a.size


@pytest.mark.skipif(not hasattr(mmap, "MADV_HUGEPAGE"), reason="no transparent huge pages here")
def test_large_huge_zeros_start_on_a_huge_page():
    a = huge_zeros((3 << 20,), np.uint8)
    assert a.ctypes.data % HUGE_PAGE == 0
    b = huge_zeros((1000,), np.uint8)  # small arrays are plain numpy arrays
    assert b.base is None or not isinstance(b.base, mmap.mmap)


def test_last_level_cache_is_a_positive_size_or_the_default(monkeypatch):
    size = last_level_cache_bytes()
    assert isinstance(size, int) and size >= 1 << 16

    def unreadable(path):
        raise OSError(path)

    monkeypatch.setattr("cayley.bfs.memory.os.listdir", unreadable)
    assert last_level_cache_bytes(default=12345) == 12345
