"""The key-bitset BFS (one-word states, a bit per possible key): layer sizes against a naive BFS."""

import json
import textwrap
from math import comb

import numpy as np
import pytest
from hypothesis import given, settings
from killing import kill_after_layers
from naive import naive_layers
from strategies import small_graphs
from theory import multinomial

import cayley
from cayley import MemoryBudgetError
from cayley.bfs.key_bfs import entry_layout, growth_keys, key_bits_for
from cayley.bfs.numba_backend import engine_for
from cayley.bfs.numba_hash import growth_hash


def naive(g):
    return naive_layers(g.generators, g.central_state)


def coset(n, zeros):
    return cayley.groups.lrx(n).with_central_state([0] * zeros + [1] * (n - zeros))


@settings(max_examples=100, deadline=None)
@given(small_graphs(max_n=7, pad_to=None))
def test_matches_naive_bfs(g):
    if key_bits_for(g) is None:
        return
    r = growth_keys(g, progress=False)
    assert r.layer_sizes == naive(g)
    assert np.array_equal(r.last_layer, growth_hash(g, progress=False).last_layer)


@settings(max_examples=30, deadline=None)
@given(small_graphs(max_n=5, pad_to=9))
def test_unmoved_positions_are_dropped_from_the_key(g):
    if key_bits_for(g) is None:
        return
    assert growth_keys(g, workers=1, progress=False).layer_sizes == naive(g)


@pytest.mark.parametrize("n, zeros", [(12, 6), (16, 8), (15, 5)])
def test_lrx_cosets_have_binomial_size(n, zeros):
    g = coset(n, zeros)
    assert engine_for(g) == "keys"
    r = cayley.growth(g, backend="numba", progress=False)
    assert r.info["engine"] == "keys"
    assert r.num_states == comb(n, zeros)
    assert r.layer_sizes == growth_hash(g, progress=False).layer_sizes


def test_entry_layout_is_32_bit_when_key_and_tag_fit():
    assert entry_layout(28, 3) == (np.uint32, 28)  # the LRX coset of 14 + 14: 28-bit keys, 2-bit tags
    assert entry_layout(30, 3) == (np.uint32, 30)
    assert entry_layout(31, 3) == (np.uint64, 31)
    assert entry_layout(29, 8) == (np.uint64, 29)  # 8 generators need a 4-bit tag
    with pytest.raises(ValueError, match="at most 64"):
        entry_layout(60, 40)


@pytest.mark.parametrize("central", [[0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4], [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]],
                         ids=["33-bit keys", "30-bit keys"])
def test_wide_and_narrow_entries_give_multinomial_counts(central):
    g = cayley.groups.lrx(len(central)).with_central_state(central)
    r = growth_keys(g, progress=False)
    assert r.info["key_bits"] == (33 if len(central) == 11 else 30)
    assert r.num_states == multinomial(np.unique(central, return_counts=True)[1].tolist())
    assert r.layer_sizes == growth_hash(g, progress=False).layer_sizes
    assert np.array_equal(r.last_layer, growth_hash(g, progress=False).last_layer)


def test_three_valued_coset_and_directed_graph():
    g = cayley.groups.lrx(9).with_central_state([0, 0, 0, 1, 1, 1, 2, 2, 2])
    assert growth_keys(g, progress=False).num_states == multinomial([3, 3, 3])
    directed = cayley.CayleyGraph([[1, 2, 3, 4, 5, 6, 0], [1, 0, 2, 3, 4, 5, 6]], central_state=[0, 0, 0, 1, 1, 1, 1])
    assert growth_keys(directed, progress=False).layer_sizes == naive(directed)


SPECIALIZED_CASES = [
    cayley.groups.lrx(9).with_central_state([0, 0, 0, 1, 1, 1, 2, 2, 2]),
    cayley.CayleyGraph([[1, 2, 3, 4, 5, 6, 0], [1, 0, 2, 3, 4, 5, 6]], central_state=[0, 0, 0, 1, 1, 1, 1]),
    cayley.groups.pancake(7).with_central_state([0, 1, 1, 2, 2, 3, 3]),
    cayley.groups.get("top_spin", n=8).with_central_state([0, 0, 0, 0, 1, 1, 1, 1]),
    cayley.CayleyGraph([[2, 0, 1, 3, 4, 5], [0, 1, 2, 4, 5, 3], [5, 1, 2, 3, 4, 0]], central_state=[0, 1, 0, 1, 2, 2]),
]


@pytest.mark.parametrize("g", SPECIALIZED_CASES, ids=["lrx9-3x3", "directed", "pancake7", "top_spin8", "padded"])
def test_moves_compiled_into_the_kernel_match_naive(g, tmp_path, monkeypatch):
    monkeypatch.setenv("CAYLEY_KERNEL_DIR", str(tmp_path))
    mine = growth_keys(g, specialize=True, progress=False)
    assert mine.layer_sizes == naive(g)
    assert mine.last_layer.tolist() == growth_keys(g, specialize=False, progress=False).last_layer.tolist()
    assert list(tmp_path.glob("keys_expand_*.py"))  # the generated source, reused by later runs


def test_move_expressions_act_like_the_permutations():
    from cayley.bfs._generated import move_expressions
    from cayley.bfs.numba_hash import move_tables
    from cayley.encoding import Squeeze
    from cayley.encoding import StateCodec

    g = cayley.groups.lrx(10).with_central_state([0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
    codec = StateCodec(g)
    squeeze = Squeeze(g, codec.packing)
    _kind, ops, op_start = move_tables(g, squeeze.packing, squeeze.perms)[:3]
    rng = np.random.default_rng(7)
    states = np.array([rng.permutation(g.central_state) for _ in range(50)])
    keys = squeeze.reduce(codec.packing.encode(codec.to_indices(states)))[:, 0]
    for expr, perm in zip(move_expressions(ops, op_start), g.generators):
        moved = eval(expr, {"np": np, "x": keys})  # the generated text, evaluated on numpy keys
        expected = squeeze.reduce(codec.packing.encode(codec.to_indices(states[:, perm])))[:, 0]
        assert moved.tolist() == expected.tolist()


def test_kernel_dir_follows_the_environment(tmp_path, monkeypatch):
    from cayley.bfs._generated import kernel_dir, load_module

    monkeypatch.setenv("CAYLEY_KERNEL_DIR", str(tmp_path / "k"))
    assert kernel_dir() == tmp_path / "k"
    first = load_module("probe", "VALUE = 41 + 1\n")
    assert first.VALUE == 42 and load_module("probe", "VALUE = 41 + 1\n") is first
    assert [p.name for p in (tmp_path / "k").glob("probe_*.py")] == [first.__name__ + ".py"]


def test_options_and_bad_input():
    g = coset(12, 6)
    assert engine_for(g, {"keep_layers": True}) == "hash"
    with pytest.raises(ValueError, match="keep_layers"):
        growth_keys(g, keep_layers=True)
    with pytest.raises(ValueError, match="workers"):
        growth_keys(g, workers=0)
    with pytest.raises(ValueError, match="max_diameter"):
        growth_keys(g, max_diameter=-2)
    with pytest.raises(MemoryBudgetError):
        growth_keys(g, memory_budget=64)
    wide = cayley.groups.lrx(30).with_central_state(list(range(10)) * 3)  # 4 bits x 30 > one word
    assert key_bits_for(wide) is None
    with pytest.raises(ValueError, match="one-word"):
        growth_keys(wide)
    part = growth_keys(g, max_diameter=4, progress=False)
    assert part.layer_sizes == naive(g)[:5] and not part.complete


def test_checkpoint_resume(tmp_path):
    g = coset(16, 8)
    full = growth_keys(g, progress=False)
    part = growth_keys(g, max_diameter=20, checkpoint_dir=tmp_path, progress=False)
    assert json.loads((tmp_path / "meta.json").read_text())["layer_sizes"] == part.layer_sizes
    resumed = growth_keys(g, checkpoint_dir=tmp_path, progress=False)
    assert resumed.layer_sizes == full.layer_sizes
    assert np.array_equal(resumed.last_layer, full.last_layer)
    with pytest.raises(ValueError, match="another computation"):
        growth_keys(coset(16, 7), checkpoint_dir=tmp_path, progress=False)


_CHILD = textwrap.dedent(
    """
    import sys, time
    import cayley
    from cayley.bfs.key_bfs import growth_keys
    g = cayley.groups.lrx(20).with_central_state([0] * 10 + [1] * 10)
    growth_keys(g, checkpoint_dir=sys.argv[1], progress=lambda info: time.sleep(0.05))
    """
)


def test_killed_run_resumes_with_identical_layers(tmp_path):
    g = coset(20, 10)
    expected = growth_keys(g, progress=False)
    ck = tmp_path / "ck"
    done = kill_after_layers(_CHILD, ck, 12)
    assert len(done) < len(expected.layer_sizes)
    assert done == expected.layer_sizes[: len(done)]
    resumed = growth_keys(g, checkpoint_dir=ck, progress=False)
    assert resumed.layer_sizes == expected.layer_sizes
    assert np.array_equal(resumed.last_layer, expected.last_layer)
