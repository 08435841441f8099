import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cayley
from cayley.encoding import Packing, StateCodec, bits_for


def test_bits_for():
    assert [bits_for(k) for k in (1, 2, 3, 4, 5, 8, 9, 16, 17, 32, 33)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6]
    with pytest.raises(ValueError):
        bits_for(0)


def test_multiword_layout():
    p = Packing(n=40, num_values=32)
    assert (p.bits, p.per_word, p.words) == (5, 12, 4)
    q = Packing(n=16, num_values=16)
    assert (q.bits, q.words) == (4, 1)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 70), st.integers(1, 300), st.integers(0, 2**31))
def test_roundtrip(n, k, seed):
    rng = np.random.default_rng(seed)
    p = Packing(n, k)
    states = rng.integers(0, k, size=(17, n))
    words = p.encode(states)
    assert words.shape == (17, p.words) and words.dtype == np.uint64
    assert np.array_equal(p.decode(words).astype(np.int64), states)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 30), st.integers(2, 9), st.integers(0, 2**31))
def test_packing_is_injective_and_order_preserving_per_word(n, k, seed):
    rng = np.random.default_rng(seed)
    p = Packing(n, k)
    states = rng.integers(0, k, size=(50, n))
    words = p.encode(states)
    distinct_states = {tuple(s) for s in states.tolist()}
    distinct_words = {tuple(w) for w in words.tolist()}
    assert len(distinct_states) == len(distinct_words)


def test_codec_maps_arbitrary_values():
    g = cayley.groups.lrx(5).with_central_state([7, 7, -2, 9, 9])
    c = StateCodec(g)
    assert c.packing.bits == 2
    s = np.array([[9, -2, 7, 9, 7]])
    assert c.decode(c.encode(s)).tolist() == s.tolist()
    with pytest.raises(ValueError, match="value"):
        c.encode(np.array([[1, 1, 1, 1, 1]]))


def test_codec_matrix_states():
    g = cayley.CayleyGraph.from_matrices([[[1, 1], [0, 1]]], modulo=7)
    c = StateCodec(g)
    m = np.array([[[3, 6], [0, 1]]])
    assert c.packing.bits == 3 and c.packing.n == 4
    assert c.decode(c.encode(m.reshape(1, -1))).tolist() == m.tolist()


def test_bad_shapes():
    p = Packing(4, 4)
    with pytest.raises(ValueError, match="shape"):
        p.encode(np.zeros((2, 5), dtype=np.int64))
    with pytest.raises(ValueError, match="shape"):
        p.decode(np.zeros((2, 2), dtype=np.uint64))
