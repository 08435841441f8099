import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from naive import naive_layers
from strategies import small_graphs
from theory import mahonian, multinomial, stirling_first_unsigned_by_distance

import cayley
from cayley import CayleyGraph, MemoryBudgetError
from cayley.bfs.xp_engine import setdiff_rows, unique_rows


@settings(max_examples=80, deadline=None)
@given(small_graphs())
def test_matches_naive_bfs(g):
    r = cayley.growth(g, backend="numpy")
    assert r.layer_sizes == naive_layers(g.generators, g.central_state)
    assert r.complete


@settings(max_examples=30, deadline=None)
@given(small_graphs(max_n=6, pad_to=20))
def test_multiword_states_match_naive(g):
    from cayley.encoding import StateCodec

    assert StateCodec(g).packing.words >= 2
    r = cayley.growth(g, backend="numpy")
    assert r.layer_sizes == naive_layers(g.generators, g.central_state)


@settings(max_examples=30, deadline=None)
@given(small_graphs(max_n=6), st.integers(1, 7))
def test_small_batches_give_same_layers(g, batch):
    from cayley.bfs.xp_engine import growth_xp

    assert growth_xp(g, batch_size=batch).layer_sizes == naive_layers(g.generators, g.central_state)


@pytest.mark.parametrize("n", range(2, 9))
def test_coxeter_is_mahonian(n):
    assert cayley.growth(cayley.groups.coxeter(n), backend="numpy").layer_sizes == mahonian(n)


@pytest.mark.parametrize("n", range(2, 9))
def test_all_transpositions_is_stirling(n):
    r = cayley.growth(cayley.groups.all_transpositions(n), backend="numpy")
    assert r.layer_sizes == stirling_first_unsigned_by_distance(n)


@pytest.mark.parametrize("n", range(4, 10))
def test_lrx_diameter_and_order(n):
    from math import factorial

    r = cayley.growth(cayley.groups.lrx(n), backend="numpy")
    assert r.diameter == n * (n - 1) // 2
    assert r.num_states == factorial(n)


@pytest.mark.parametrize("counts", [(2, 2), (3, 3), (4, 4), (2, 3, 2), (5, 5), (1, 1, 1, 4)])
def test_coset_totals_are_multinomials(counts):
    center = [v for v, c in enumerate(counts) for _ in range(c)]
    g = cayley.groups.lrx(len(center)).with_central_state(center)
    assert cayley.growth(g, backend="numpy").num_states == multinomial(counts)


def _ut3(p):
    x = np.eye(3, dtype=int); x[0, 1] = 1
    y = np.eye(3, dtype=int); y[1, 2] = 1
    return CayleyGraph.from_matrices([x, y], p, names=["x", "y"]).make_inverse_closed()


@pytest.mark.parametrize("p", [2, 3, 5, 7])
def test_heisenberg_order_p_cubed(p):
    g = _ut3(p)
    r = cayley.growth(g, backend="numpy")
    assert r.num_states == p**3
    assert r.layer_sizes == naive_layers(g.generators, g.central_state, modulo=p)
    assert r.last_layer.shape[1:] == (3, 3)


@pytest.mark.parametrize("p", [3, 5, 7])
def test_sl2_order(p):
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[1, 0], [1, 1]]], p).make_inverse_closed()
    assert cayley.growth(g, backend="numpy").num_states == p * (p * p - 1)


def test_directed_matrix_semigroup_matches_naive():
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[2, 0], [0, 1]]], 6)
    r = cayley.growth(g, backend="numpy")
    assert r.layer_sizes == naive_layers(g.generators, g.central_state, modulo=6)


def test_last_layer_is_decoded_states():
    r = cayley.growth(cayley.groups.coxeter(5), backend="numpy")
    assert r.last_layer.tolist() == [[4, 3, 2, 1, 0]]
    g = cayley.groups.lrx(6).with_central_state([5, 5, 5, 8, 8, 8])
    r = cayley.growth(g, backend="numpy")
    assert r.last_layer.shape == (r.layer_sizes[-1], 6)
    assert all(sorted(row) == [5, 5, 5, 8, 8, 8] for row in r.last_layer.tolist())


def test_max_diameter_stops_early():
    r = cayley.growth(cayley.groups.lrx(7), max_diameter=3)
    assert r.layer_sizes == cayley.growth(cayley.groups.lrx(7)).layer_sizes[:4]
    assert not r.complete and r.diameter == 3
    with pytest.raises(ValueError, match="max_diameter"):
        cayley.growth(cayley.groups.lrx(4), max_diameter=-1)


def test_memory_budget_refuses_with_estimate():
    with pytest.raises(MemoryBudgetError, match="memory budget") as info:
        cayley.growth(cayley.groups.lrx(9), backend="numpy", memory_budget=10_000)
    assert info.value.estimate > info.value.budget == 10_000
    assert isinstance(info.value, ValueError)
    with pytest.raises(ValueError, match="memory_budget"):
        cayley.growth(cayley.groups.lrx(4), memory_budget=-5)


def test_keep_layers():
    r = cayley.growth(cayley.groups.lrx(5), backend="numpy", keep_layers=True)
    assert [len(layer) for layer in r.layers] == r.layer_sizes
    decoded = r.codec.decode(r.layers[-1])
    assert decoded.tolist() == r.last_layer.tolist()


def test_unknown_backend_and_bad_graph():
    with pytest.raises(ValueError, match="unknown backend"):
        cayley.growth(cayley.groups.lrx(4), backend="quantum")
    with pytest.raises(ValueError, match="CayleyGraph"):
        cayley.growth([[1, 0]])


def test_progress_callback_gets_each_layer():
    seen = []
    r = cayley.growth(cayley.groups.lrx(5), backend="numpy", progress=seen.append)
    assert [x["size"] for x in seen] == r.layer_sizes


def test_row_set_operations_multiword():
    a = np.array([[1, 2], [1, 3], [0, 9], [1, 2]], dtype=np.uint64)
    u = unique_rows(a)
    assert u.tolist() == [[0, 9], [1, 2], [1, 3]]
    b = np.array([[1, 2], [5, 5]], dtype=np.uint64)
    assert setdiff_rows(u, b).tolist() == [[0, 9], [1, 3]]


def test_growth_result_frame_and_plot(tmp_path):
    r = cayley.growth(cayley.groups.coxeter(4))
    df = r.to_frame()
    assert list(df.columns) == ["distance", "count"] and df["count"].sum() == 24
    r.plot(path=tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 1000


@settings(max_examples=40, deadline=None)
@given(small_graphs(max_n=6), st.integers(1, 5), st.integers(2, 3))
def test_threaded_slices_give_same_layers(g, batch, workers):
    from cayley.bfs import xp_engine

    old = xp_engine._PARALLEL_FROM
    xp_engine._PARALLEL_FROM = 1  # expand even tiny frontiers in several threads
    try:
        r = xp_engine.growth_xp(g, batch_size=batch, workers=workers)
    finally:
        xp_engine._PARALLEL_FROM = old
    assert r.layer_sizes == naive_layers(g.generators, g.central_state)


def test_unmoved_entries_are_left_out_of_the_rows():
    from cayley.encoding import Squeeze, StateCodec

    # the fixed corner's facelets never move: 21 moving facelets of 6 colours fit one word, 24 do not
    g = cayley.groups.get("cube", size=2, metric="QTM", fix_corner=True)
    assert StateCodec(g).packing.words == 2 and Squeeze(g, StateCodec(g).packing).packing.words == 1
    # LRX on the first 6 of 26 entries; the 20 others hold distinct values and never move
    gens = np.concatenate([cayley.groups.lrx(6).generators, np.tile(np.arange(6, 26), (3, 1))], axis=1)
    small = CayleyGraph(gens, central_state=[0, 0, 1, 1, 2, 2] + list(range(3, 23)))
    assert StateCodec(small).packing.words == 3 and Squeeze(small, StateCodec(small).packing).packing.words == 1
    r = cayley.growth(small, backend="numpy", keep_layers=True)
    assert r.layer_sizes == naive_layers(small.generators, small.central_state)
    ref = cayley.growth(small, backend="numba", keep_layers=True, progress=False)
    assert r.last_layer.tolist() == ref.last_layer.tolist()
    assert [a.tolist() for a in r.layers] == [a.tolist() for a in ref.layers]  # full rows, sorted
    assert r.last_layer.shape[1] == 26


def test_auto_prefers_a_gpu_for_large_graphs_only(monkeypatch):
    import dataclasses

    from cayley import bfs

    cupy = bfs._BACKENDS["cupy"]
    monkeypatch.setitem(bfs._BACKENDS, "cupy", dataclasses.replace(cupy, available=lambda: True))
    assert bfs._choose("auto", cayley.groups.lrx(11), {}).name == "cupy"  # 11! states
    assert bfs._choose("auto", cayley.groups.lrx(9), {}).name == "numba"  # 9! < 2**24
    assert bfs._choose("auto", cayley.groups.lrx(11), {"checkpoint_dir": "x"}).name == "numba"
    assert bfs._choose("cupy", cayley.groups.lrx(5), {}).name == "cupy"  # asked for explicitly
