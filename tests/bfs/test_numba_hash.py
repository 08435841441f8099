"""The exact set BFS (numba): every layer size against the naive BFS and the numpy engine."""

import json
import subprocess
import sys
import textwrap
import time
from math import factorial

import numba
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from naive import naive_layers
from strategies import small_graphs
from theory import mahonian, multinomial

import cayley
from cayley import CayleyGraph, MemoryBudgetError
from cayley.bfs import _hash_kernels, _hash_search
from cayley.bfs.numba_hash import growth_hash, move_tables, sorted_rows
from cayley.bfs.xp_engine import growth_xp
from cayley.encoding import Squeeze, StateCodec


def naive(g):
    return naive_layers(g.generators, g.central_state, modulo=g.modulo)


@pytest.fixture
def tiny_batches(monkeypatch):
    """Force many partitions, several batches per layer and tables that fill up and grow mid-layer."""
    monkeypatch.setattr(_hash_search, "PARTITION_ROWS", 4)
    monkeypatch.setattr(_hash_search, "BATCH", 60)
    monkeypatch.setattr(_hash_search, "SEGMENT_FILL", 0.3)
    monkeypatch.setattr(_hash_kernels, "SEG_LOG", 4)


@settings(max_examples=100, deadline=None)
@given(small_graphs(), st.sampled_from(["hash", "auto"]))
def test_matches_naive_bfs(g, set_kind):
    r = growth_hash(g, set_kind=set_kind, progress=False)
    assert r.layer_sizes == naive(g)
    assert r.complete and r.backend == "numba"


@settings(max_examples=40, deadline=None)
@given(small_graphs(max_n=6))
def test_bitset_and_hash_agree_with_numpy_layer_by_layer(g):
    ref = growth_xp(g, keep_layers=True, progress=False)
    for set_kind in ("hash", "bitset"):
        r = growth_hash(g, keep_layers=True, set_kind=set_kind, progress=False)
        assert r.info["set_kind"] == set_kind
        assert r.layer_sizes == ref.layer_sizes
        assert all(np.array_equal(a, b) for a, b in zip(r.layers, ref.layers))
        assert np.array_equal(r.last_layer, ref.last_layer)


@settings(max_examples=25, deadline=None)
@given(small_graphs(max_n=6, pad_to=20))
def test_multiword_states_match_naive(g):
    assert StateCodec(g).packing.words >= 2
    assert growth_hash(g, progress=False).layer_sizes == naive(g)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(small_graphs(max_n=6), st.sampled_from(["hash", "auto"]))
def test_many_partitions_batches_and_table_growth(tiny_batches, g, set_kind):
    assert growth_hash(g, set_kind=set_kind, progress=False).layer_sizes == naive(g)


def test_forty_entries_of_five_bits_span_four_words():
    g = cayley.groups.lrx(40).with_central_state(list(range(32)) + [0] * 8)
    assert StateCodec(g).packing.words == 4
    r = growth_hash(g, max_diameter=7, progress=False, keep_layers=True)
    ref = growth_xp(g, max_diameter=7, keep_layers=True, progress=False)
    assert r.layer_sizes == ref.layer_sizes and not r.complete
    assert all(np.array_equal(a, b) for a, b in zip(r.layers, ref.layers))


@pytest.mark.parametrize("n", range(4, 9))
def test_lrx_diameter_and_order(n):
    r = growth_hash(cayley.groups.lrx(n), progress=False)
    assert r.diameter == n * (n - 1) // 2 and r.num_states == factorial(n)


@pytest.mark.parametrize("n", range(2, 8))
def test_coxeter_is_mahonian(n):
    assert growth_hash(cayley.groups.coxeter(n), set_kind="hash", progress=False).layer_sizes == mahonian(n)


@pytest.mark.parametrize("counts", [(2, 2), (4, 4), (2, 3, 2), (6, 6), (1, 1, 1, 4), (3, 3, 3, 3)])
def test_coset_totals_are_multinomials(counts):
    center = [v for v, c in enumerate(counts) for _ in range(c)]
    g = cayley.groups.lrx(len(center)).with_central_state(center)
    for set_kind in ("hash", "auto"):
        assert growth_hash(g, set_kind=set_kind, progress=False).num_states == multinomial(counts)


def _ut3(p):
    x = np.eye(3, dtype=int)
    x[0, 1] = 1
    y = np.eye(3, dtype=int)
    y[1, 2] = 1
    return CayleyGraph.from_matrices([x, y], p, names=["x", "y"]).make_inverse_closed()


@pytest.mark.parametrize("p", [2, 3, 5, 7])
def test_heisenberg_order_p_cubed(p):
    g = _ut3(p)
    for set_kind in ("hash", "auto"):
        r = growth_hash(g, set_kind=set_kind, progress=False)
        assert r.num_states == p**3 and r.layer_sizes == naive(g)
        assert r.last_layer.shape[1:] == (3, 3)


@pytest.mark.parametrize("p", [3, 5, 7, 11])
def test_sl2_order(p):
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[1, 0], [1, 1]]], p).make_inverse_closed()
    r = growth_hash(g, set_kind="hash", progress=False)
    assert r.num_states == p * (p * p - 1) and r.layer_sizes == naive(g)


def test_directed_matrix_semigroup_matches_naive():
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[2, 0], [0, 1]]], 6)
    assert growth_hash(g, progress=False).layer_sizes == naive(g)


@pytest.mark.parametrize("d, m", [(4, 16), (8, 4)])
@pytest.mark.parametrize("mark", [2**64 - 1, 2**64 - 2])
def test_keys_that_look_like_empty_slots_are_states_like_any_other(d, m, mark):
    """The all-ones packed row marks an empty slot; a state packing to it (here the central state)
    must still be counted exactly once. (All ones but bit 0: an ordinary neighbour of that pattern.)"""
    mats = [np.eye(d, dtype=int), np.eye(d, dtype=int), (m - 1) * np.eye(d, dtype=int)]
    mats[0][0, 1], mats[1][d - 2, d - 1] = 1, 1
    center = np.full((d, d), m - 1)
    center[0, 0] = m - 1 - (2**64 - 1 - mark)
    g = CayleyGraph.from_matrices(mats, m, central_state=center)
    assert not Squeeze(g, StateCodec(g).packing).active  # -I moves every entry: the search packs whole matrices
    packed = StateCodec(g).encode(g.central_state[None])
    assert packed[0, 0] == np.uint64(mark) and (packed[0, 1:] == np.uint64(2**64 - 1)).all()
    for graph in (g, g.make_inverse_closed()):
        r = growth_hash(graph, set_kind="hash", progress=False)
        assert r.layer_sizes == naive(graph)


def _random_unipotent(rng, d, m, count):
    """Upper unitriangular generators with a few random entries above the diagonal."""
    mats = []
    for _ in range(count):
        g = np.eye(d, dtype=int)
        for _ in range(rng.integers(1, 3)):
            i = int(rng.integers(0, d - 1))
            g[i, int(rng.integers(i + 1, d))] = int(rng.integers(1, m))
        mats.append(g)
    return mats


@pytest.mark.parametrize("seed", range(8))
def test_matrix_entries_that_never_change_are_left_out(seed):
    rng = np.random.default_rng(seed)
    d, m = int(rng.integers(3, 5)), int(rng.choice([2, 3, 4, 5]))
    mats = _random_unipotent(rng, d, m, int(rng.integers(1, 3)))
    # a central state with some zero entries and rows: fewer entries can change
    center = rng.integers(0, m, size=(d, d)) * (rng.random((d, d)) < 0.6)
    g = CayleyGraph.from_matrices(mats, m, central_state=center)
    for graph in (g, g.make_inverse_closed()):
        squeeze = Squeeze(graph, StateCodec(graph).packing)
        r = growth_hash(graph, progress=False)
        assert r.layer_sizes == naive(graph)
        # every state agrees with the central state outside the kept entries
        kept = np.zeros(d * d, bool)
        kept[squeeze.moved] = True
        assert (r.last_layer.reshape(len(r.last_layer), -1)[:, ~kept] == center.ravel()[~kept] % m).all()
        ref = cayley.growth(graph, backend="numpy")
        assert ref.layer_sizes == r.layer_sizes and ref.last_layer.tolist() == r.last_layer.tolist()


@pytest.mark.parametrize("set_kind", ["hash", "bitset"])
def test_matrix_moves_kept_between_passes_with_many_batches(tiny_batches, set_kind):
    g = _ut3(7)  # 343 states: many batches of 60 moves, many partitions
    r = growth_hash(g, set_kind=set_kind, progress=False)
    assert r.num_states == 7**3 and r.layer_sizes == naive(g)
    sl2 = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[1, 0], [1, 1]]], 5).make_inverse_closed()
    assert growth_hash(sl2, set_kind=set_kind, progress=False).layer_sizes == naive(sl2)


def test_heisenberg_keeps_three_entries_in_one_word():
    g = _ut3(160)
    squeeze = Squeeze(g, StateCodec(g).packing)
    assert squeeze.moved.tolist() == [1, 2, 5] and squeeze.packing.words == 1 and StateCodec(g).packing.words == 2
    sl2 = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[1, 0], [1, 1]]], 7)
    assert not Squeeze(sl2, StateCodec(sl2).packing).active  # SL(2, 7): every entry varies


def test_moves_on_packed_words_match_the_graph():
    g = cayley.groups.lrx(12).with_central_state([0, 1, 2] * 4)
    kind, ops, op_start = move_tables(g, StateCodec(g).packing)[:3]
    assert kind == 0 and op_start[0, -1] == 2  # a cyclic shift of one word is two mask-and-shift ops
    assert move_tables(cayley.groups.lrx(12), StateCodec(cayley.groups.lrx(12)).packing)[2].shape == (3, 2)


def test_results_do_not_depend_on_the_thread_count():
    g = cayley.groups.lrx(14).with_central_state([0] * 7 + [1] * 7)
    before = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        one = growth_hash(g, keep_layers=True, set_kind="hash", progress=False)
    finally:
        numba.set_num_threads(before)
    many = growth_hash(g, keep_layers=True, set_kind="hash", progress=False)
    assert one.layer_sizes == many.layer_sizes
    assert all(np.array_equal(a, b) for a, b in zip(one.layers, many.layers))


def test_keep_layers_and_last_layer_decoded():
    g = cayley.groups.lrx(6).with_central_state([5, 5, 5, 8, 8, 8])
    r = growth_hash(g, keep_layers=True, progress=False)
    assert [len(layer) for layer in r.layers] == r.layer_sizes
    assert r.codec.decode(r.layers[-1]).tolist() == r.last_layer.tolist()
    assert all(sorted(row) == [5, 5, 5, 8, 8, 8] for row in r.last_layer.tolist())
    assert all(np.array_equal(a, sorted_rows(a)) for a in r.layers)


def test_max_diameter_stops_early():
    full = growth_hash(cayley.groups.lrx(7), progress=False)
    r = growth_hash(cayley.groups.lrx(7), max_diameter=3, progress=False)
    assert r.layer_sizes == full.layer_sizes[:4] and not r.complete
    with pytest.raises(ValueError, match="max_diameter"):
        growth_hash(cayley.groups.lrx(4), max_diameter=-1)


def test_memory_budget_refuses_before_allocating():
    with pytest.raises(MemoryBudgetError, match="memory budget") as info:
        growth_hash(cayley.groups.lrx(9).with_central_state([0, 1, 2] * 3), memory_budget=20_000, progress=False)
    assert info.value.estimate > info.value.budget == 20_000
    assert isinstance(info.value, ValueError) and len(info.value.layer_sizes) >= 1


def test_progress_reports_each_layer():
    seen = []
    r = growth_hash(cayley.groups.lrx(6), progress=seen.append)
    assert [x["size"] for x in seen] == r.layer_sizes
    assert all(x["memory"] > 0 for x in seen)


def test_bad_input_names_the_problem():
    with pytest.raises(ValueError, match="CayleyGraph"):
        growth_hash([[1, 0]])
    with pytest.raises(ValueError, match="set_kind"):
        growth_hash(cayley.groups.lrx(4), set_kind="tree")
    with pytest.raises(ValueError, match="bitset"):
        growth_hash(cayley.groups.lrx(40).with_central_state(list(range(32)) + [0] * 8), set_kind="bitset")


# ----------------------------------------------------------------- checkpoints
def test_checkpoint_resume_gives_identical_layers(tmp_path):
    g = cayley.groups.lrx(9).with_central_state([0, 0, 0, 1, 1, 1, 2, 2, 2])
    full = growth_hash(g, progress=False)
    part = growth_hash(g, max_diameter=5, checkpoint_dir=tmp_path, progress=False)
    assert part.layer_sizes == full.layer_sizes[:6]
    assert len(list((tmp_path / "hash_layers").glob("*.npy"))) == 2  # only the last two layers are kept
    rest = growth_hash(g, checkpoint_dir=tmp_path, progress=False)
    assert rest.layer_sizes == full.layer_sizes and rest.info["resumed_from_layer"] == 5
    assert np.array_equal(rest.last_layer, full.last_layer)
    again = growth_hash(g, checkpoint_dir=tmp_path, progress=False)  # finished: nothing to compute
    assert again.layer_sizes == full.layer_sizes and again.complete
    with pytest.raises(ValueError, match="every layer"):
        growth_hash(g, checkpoint_dir=tmp_path, keep_layers=True)
    with pytest.raises(ValueError, match="another computation"):
        growth_hash(cayley.groups.lrx(8), checkpoint_dir=tmp_path)


def test_checkpoint_of_directed_graph_keeps_every_layer(tmp_path):
    g = cayley.groups.lx(8)
    full = growth_hash(g, keep_layers=True, progress=False)
    growth_hash(g, max_diameter=6, checkpoint_dir=tmp_path, progress=False)
    r = growth_hash(g, keep_layers=True, checkpoint_dir=tmp_path, progress=False)
    assert r.layer_sizes == full.layer_sizes
    assert all(np.array_equal(a, b) for a, b in zip(r.layers, full.layers))
    assert growth_hash(g, max_diameter=3, checkpoint_dir=tmp_path).layer_sizes == full.layer_sizes[:4]


def test_killed_run_resumes_with_identical_layer_sizes(tmp_path):
    g = cayley.groups.lrx(9)
    expected = growth_hash(g, progress=False).layer_sizes  # also makes sure the kernels are compiled
    script = textwrap.dedent(
        f"""
        import time, cayley
        from cayley.bfs.numba_hash import growth_hash
        growth_hash(cayley.groups.lrx(9), checkpoint_dir={str(tmp_path)!r},
                    progress=lambda info: time.sleep(0.25))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    meta = tmp_path / "meta.json"
    deadline = time.time() + 120
    try:
        while time.time() < deadline:
            if meta.exists() and len(json.loads(meta.read_text())["layer_sizes"]) >= 8:
                break
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.05)
        else:
            pytest.fail("the checkpointed run made no progress")
    finally:
        proc.kill()
        proc.wait()
    done = len(json.loads(meta.read_text())["layer_sizes"])
    assert 8 <= done < len(expected)
    r = growth_hash(g, checkpoint_dir=tmp_path, progress=False)
    assert r.layer_sizes == expected and r.info["resumed_from_layer"] >= 7
    assert r.num_states == factorial(9)


# ----------------------------------------------------------------- larger cases
@pytest.mark.slow
@pytest.mark.parametrize(
    "metric, expected",
    [
        ("HTM", [1, 9, 54, 321, 1847, 9992, 50136, 227536, 870072, 1887748, 623800, 2644]),
        ("QTM", [1, 6, 27, 120, 534, 2256, 8969, 33058, 114149, 360508, 930588, 1350852, 782536, 90280, 276]),
    ],
)
def test_pocket_cube_distance_distribution(metric, expected):
    """The 2x2x2 cube with a corner fixed: 3,674,160 states (God's number 11 in HTM, 14 in QTM)."""
    import cayley.puzzles

    r = growth_hash(cayley.puzzles.cube(2, metric=metric, fix_corner=True), progress=False)
    assert r.info["set_kind"] == "hash" and r.layer_sizes == expected


@pytest.mark.parametrize("set_kind", ["hash", "bitset"])
def test_lrx_coset_of_twenty_matches_numpy(set_kind):
    g = cayley.groups.lrx(20).with_central_state([0] * 10 + [1] * 10)
    r = growth_hash(g, set_kind=set_kind, progress=False)
    assert r.layer_sizes == growth_xp(g, progress=False).layer_sizes and r.num_states == 184756


def _padded_coset():
    """LRX(8) acting on entries 5..12 of 28; the other entries hold values no generator ever moves."""
    gens = []
    for p in cayley.groups.lrx(8).generators:
        full = np.arange(28)
        full[5:13] = np.asarray(p) + 5
        gens.append(full)
    center = list(range(2, 7)) + [0, 1, 0, 1, 0, 1, 0, 1] + list(range(7, 22))
    return CayleyGraph(gens, central_state=center)


def test_entries_no_generator_moves_are_dropped_and_restored(tmp_path):
    from cayley.encoding import Squeeze

    g = _padded_coset()
    squeeze = Squeeze(g, StateCodec(g).packing)
    assert StateCodec(g).packing.words == 3 and squeeze.packing.words == 1
    rows = StateCodec(g).encode(g.central_state[None])
    assert np.array_equal(squeeze.restore(squeeze.reduce(rows)), rows)
    ref = growth_xp(g, keep_layers=True, progress=False)
    for set_kind in ("hash", "auto"):
        r = growth_hash(g, keep_layers=True, set_kind=set_kind, progress=False)
        assert r.layer_sizes == ref.layer_sizes
        assert all(np.array_equal(a, b) for a, b in zip(r.layers, ref.layers))
        assert np.array_equal(r.last_layer, ref.last_layer)
    part = growth_hash(g, max_diameter=4, checkpoint_dir=tmp_path, progress=False)
    assert part.layer_sizes == ref.layer_sizes[:5]
    rest = growth_hash(g, checkpoint_dir=tmp_path, progress=False)
    assert rest.layer_sizes == ref.layer_sizes and np.array_equal(rest.last_layer, ref.last_layer)


def test_cube_with_a_fixed_corner_fits_one_word():
    from cayley.encoding import Squeeze

    g = cayley.puzzles.cube(2, metric="HTM", fix_corner=True)
    assert StateCodec(g).packing.words == 2 and Squeeze(g, StateCodec(g).packing).packing.words == 1
    r = growth_hash(g, max_diameter=4, progress=False)
    assert r.layer_sizes == growth_xp(g, max_diameter=4, progress=False).layer_sizes


@pytest.mark.parametrize("keep", [0, 1 << 40])
def test_old_layers_kept_or_retired_give_the_same_layers(monkeypatch, keep):
    monkeypatch.setattr(_hash_search, "KEEP_ALL", keep)
    g = cayley.groups.lrx(9).with_central_state([0, 0, 0, 1, 1, 1, 2, 2, 2])
    r = growth_hash(g, set_kind="hash", progress=False, memory_budget=1 << 34)
    assert r.layer_sizes == growth_xp(g, progress=False).layer_sizes


def test_layer_grows_hash_buffer_when_pooled_key_buffer_is_larger():
    """A recycled key buffer can be much larger than asked while the hash buffer is not: reserving must
    still give a hash view as long as the key view (else the kernels write past the hash buffer)."""
    pool = _hash_search.Pool()
    pool.give(np.zeros(1000, np.uint64))  # the key buffer the layer will get
    layer = _hash_search.Layer(pool, 1, True, 10)
    assert layer.buf.size == 1000 and layer.hash_buf.size < 100
    keys, hashes = layer.reserve(100)
    assert len(keys) == 100 and len(hashes) == 100
