"""The CuPy backend: the vectorised engine with ``xp = cupy``, checked against theory and the naive BFS.

Skipped where CuPy or a CUDA device is missing (CI has none); run on a GPU machine with
``pytest tests/bfs/test_cupy_backend.py``.
"""

from math import factorial

import numpy as np
import pytest
from hypothesis import given, settings
from naive import naive_layers
from strategies import small_graphs
from theory import POCKET_HTM, POCKET_QTM, mahonian, multinomial, stirling_first_unsigned_by_distance

import cayley
from cayley import CayleyGraph, MemoryBudgetError


def _gpu_ready() -> bool:
    try:
        import cupy

        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _gpu_ready(), reason="CuPy with a CUDA device is not available")


def _cupy(graph, **options):
    return cayley.growth(graph, backend="cupy", progress=False, **options)


def test_cupy_is_registered_and_available():
    assert "cupy" in cayley.bfs.backends()
    r = _cupy(cayley.groups.coxeter(4))
    assert r.backend == "cupy" and r.layer_sizes == mahonian(4)
    assert isinstance(r.last_layer, np.ndarray)


@settings(max_examples=60, deadline=None)
@given(small_graphs())
def test_matches_naive_bfs(g):
    r = _cupy(g)
    assert r.layer_sizes == naive_layers(g.generators, g.central_state)
    assert r.complete


@settings(max_examples=25, deadline=None)
@given(small_graphs(max_n=6, pad_to=20))
def test_multiword_states_match_naive(g):
    from cayley.encoding import StateCodec

    assert StateCodec(g).packing.words >= 2
    assert _cupy(g).layer_sizes == naive_layers(g.generators, g.central_state)


@settings(max_examples=25, deadline=None)
@given(small_graphs(max_n=6))
def test_small_batches_match_naive(g):
    import cupy

    from cayley.bfs.xp_engine import growth_xp

    r = growth_xp(g, xp=cupy, batch_size=3, backend_name="cupy")
    assert r.layer_sizes == naive_layers(g.generators, g.central_state)


@pytest.mark.parametrize("n", range(2, 10))
def test_coxeter_is_mahonian(n):
    assert _cupy(cayley.groups.coxeter(n)).layer_sizes == mahonian(n)


@pytest.mark.parametrize("n", range(2, 9))
def test_all_transpositions_is_stirling(n):
    assert _cupy(cayley.groups.all_transpositions(n)).layer_sizes == stirling_first_unsigned_by_distance(n)


@pytest.mark.parametrize("n", range(4, 11))
def test_lrx_diameter_and_order(n):
    r = _cupy(cayley.groups.lrx(n))
    assert r.diameter == n * (n - 1) // 2
    assert r.num_states == factorial(n)


@pytest.mark.parametrize("counts", [(2, 2), (4, 4), (2, 3, 2), (7, 7), (1, 1, 1, 4), (10, 10)])
def test_coset_totals_are_multinomials(counts):
    center = [v for v, c in enumerate(counts) for _ in range(c)]
    g = cayley.groups.lrx(len(center)).with_central_state(center)
    assert _cupy(g).num_states == multinomial(counts)


@pytest.mark.parametrize("p", [2, 3, 5, 7])
def test_heisenberg_order_p_cubed(p):
    x = np.eye(3, dtype=int)
    x[0, 1] = 1
    y = np.eye(3, dtype=int)
    y[1, 2] = 1
    g = CayleyGraph.from_matrices([x, y], p).make_inverse_closed()
    r = _cupy(g)
    assert r.num_states == p**3
    assert r.layer_sizes == naive_layers(g.generators, g.central_state, modulo=p)


@pytest.mark.parametrize("p", [3, 5, 7, 11])
def test_sl2_order(p):
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[1, 0], [1, 1]]], p).make_inverse_closed()
    assert _cupy(g).num_states == p * (p * p - 1)


def test_directed_matrix_semigroup_matches_naive():
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[2, 0], [0, 1]]], 6)
    assert _cupy(g).layer_sizes == naive_layers(g.generators, g.central_state, modulo=6)


def test_last_layer_and_kept_layers_match_numpy():
    g = cayley.groups.lrx(7).with_central_state([0, 0, 0, 1, 1, 2, 2])
    mine = _cupy(g, keep_layers=True)
    ref = cayley.growth(g, backend="numpy", keep_layers=True)
    assert mine.layer_sizes == ref.layer_sizes
    assert sorted(map(tuple, mine.last_layer.tolist())) == sorted(map(tuple, ref.last_layer.tolist()))
    assert all(isinstance(a, np.ndarray) for a in mine.layers)
    assert [a.tolist() for a in mine.layers] == [a.tolist() for a in ref.layers]


def test_memory_budget_refuses_before_allocating():
    with pytest.raises(MemoryBudgetError) as info:
        _cupy(cayley.groups.lrx(9), memory_budget=10_000)
    assert info.value.estimate > info.value.budget == 10_000


def test_max_diameter_stops_early():
    r = _cupy(cayley.groups.lrx(8), max_diameter=4)
    assert r.layer_sizes == cayley.growth(cayley.groups.lrx(8), backend="numpy").layer_sizes[:5]
    assert not r.complete


def test_lrx11_agrees_with_numba():
    g = cayley.groups.lrx(11)
    r = _cupy(g)
    assert r.diameter == 55 and r.num_states == factorial(11)
    assert r.layer_sizes == cayley.growth(g, backend="numba", progress=False).layer_sizes


def test_pancake10_diameter_and_order():
    r = _cupy(cayley.groups.pancake(10))
    assert r.diameter == 11 and r.num_states == factorial(10)  # pancake number P(10) = 11, OEIS A058986


def test_lrx_coset_24_agrees_with_numpy():
    g = cayley.groups.lrx(24).with_central_state([0] * 12 + [1] * 12)
    r = _cupy(g)
    assert r.num_states == multinomial((12, 12))
    assert r.layer_sizes == cayley.growth(g, backend="numpy", progress=False).layer_sizes


@pytest.mark.parametrize("metric, expected", [("HTM", POCKET_HTM), ("QTM", POCKET_QTM)])
def test_pocket_cube_distribution(metric, expected):
    g = cayley.groups.get("cube", size=2, metric=metric, fix_corner=True)
    assert _cupy(g).layer_sizes == expected
