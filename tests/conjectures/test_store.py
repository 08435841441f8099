"""The growth store: roundtrip, skipping, resuming, atomic files, keys."""

import json
from math import factorial

import pytest

import cayley.bfs
import cayley.store as store
from theory import mahonian


def test_roundtrip_of_computed_rows(small_store):
    frame = store.load(small_store, "coxeter")
    assert list(frame.columns) == list(store.COLUMNS)
    assert frame["n"].tolist() == [3, 4, 5, 6]
    for _, row in frame.iterrows():
        n = row["n"]
        assert list(row["layer_sizes"]) == mahonian(n)  # OEIS A008302
        assert row["diameter"] == n * (n - 1) // 2
        assert row["num_states"] == factorial(n)
        assert row["antipodes"] == 1
        assert [list(s) for s in row["last_layer_sample"]] == [list(range(n - 1, -1, -1))]
        assert row["params"] == "{}" and row["variable"] == "n"
        assert row["complete"] and row["inverse_closed"] and row["state_size"] == n
        assert row["backend"] == "numpy" and row["version"] and row["wall_time"] >= 0
        assert row["date"].startswith("20")


def test_load_whole_store_is_sorted_by_key(small_store):
    frame = store.load(small_store)
    assert frame[["family", "n"]].values.tolist()[:5] == [["coxeter", 3], ["coxeter", 4], ["coxeter", 5],
                                                          ["coxeter", 6], ["lrx", 3]]
    assert set(frame.loc[frame["family"] == "lrx", "params"]) == {json.dumps({"k": 1})}


def test_lookup(small_store):
    assert store.lookup("coxeter", 5, root=small_store)["diameter"] == 10
    assert store.lookup("coxeter", 9, root=small_store) is None


def test_empty_store_gives_empty_frame_with_columns(tmp_path):
    frame = store.load(tmp_path / "missing")
    assert frame.empty and list(frame.columns) == list(store.COLUMNS)


def test_compute_skips_what_is_stored(tmp_path, monkeypatch):
    store.compute("coxeter", [3, 4], root=tmp_path, progress=False)

    def forbidden(*args, **kwargs):
        raise AssertionError("growth() must not run for stored values")

    monkeypatch.setattr(cayley.bfs, "growth", forbidden)
    frame = store.compute("coxeter", [3, 4], root=tmp_path, progress=False)
    assert frame["diameter"].tolist() == [3, 6]


def test_compute_resumes_after_a_crash(tmp_path, monkeypatch):
    real = cayley.bfs.growth
    calls = []

    def crash_on_five(graph, **options):
        calls.append(graph.state_size)
        if graph.state_size == 5:
            raise KeyboardInterrupt
        return real(graph, **options)

    monkeypatch.setattr(cayley.bfs, "growth", crash_on_five)
    with pytest.raises(KeyboardInterrupt):
        store.compute("coxeter", [3, 4, 5, 6], root=tmp_path, progress=False)
    assert store.load(tmp_path)["n"].tolist() == [3, 4]
    assert not list(tmp_path.rglob(".tmp-*"))
    monkeypatch.setattr(cayley.bfs, "growth", real)
    calls.clear()
    frame = store.compute("coxeter", [3, 4, 5, 6], root=tmp_path, progress=False)
    assert frame["diameter"].tolist() == [3, 6, 10, 15]
    assert store.load(tmp_path)["n"].tolist() == [3, 4, 5, 6]


def test_force_recomputes(tmp_path):
    first = store.compute("coxeter", [4], root=tmp_path, progress=False).iloc[0]
    again = store.compute("coxeter", [4], root=tmp_path, progress=False, force=True).iloc[0]
    assert again["diameter"] == first["diameter"] == 6
    assert len(store.load(tmp_path)) == 1


def test_default_parameters_share_one_key(tmp_path):
    store.compute("lrx", [4], root=tmp_path, progress=False)
    store.compute("lrx", [4], {"k": 1}, root=tmp_path, progress=False)
    store.compute("lrx", [5], {"k": 2}, root=tmp_path, progress=False)
    frame = store.load(tmp_path)
    assert frame["params"].tolist() == ['{"k": 1}', '{"k": 2}']
    assert sorted(p.name for p in (tmp_path / "lrx").iterdir()) == ["k=1,n=4.parquet", "k=2,n=5.parquet"]


def test_record_path_naming(tmp_path):
    assert store.record_path("coxeter", 7, root=tmp_path) == tmp_path / "coxeter" / "n=7.parquet"
    odd = store.record_path("coxeter", 7, {"central_state": "a b"}, root=tmp_path)
    assert odd.parent == tmp_path / "coxeter" and odd.name.endswith(",n=7.parquet")


def test_central_state_parameter_makes_a_coset_graph(tmp_path):
    row = store.compute_one("coxeter", 4, {"central_state": [0, 0, 1, 1]}, root=tmp_path, progress=False)
    assert row["num_states"] == 6  # C(4, 2) arrangements
    assert row["diameter"] == 4  # inversions of 1100


def test_max_states_stops_large_computations(tmp_path):
    with pytest.raises(store.TooLarge):
        store.compute_one("coxeter", 7, root=tmp_path, max_states=100, progress=False)
    assert store.load(tmp_path).empty


def test_swept_variable_other_than_n(tmp_path):
    if not store.family_available("heisenberg"):
        pytest.skip("family 'heisenberg' is not available in this installation")
    frame = store.compute("heisenberg", [3, 5], {"n": 3}, variable="modulo", root=tmp_path, progress=False)
    assert frame["num_states"].tolist() == [27, 125]  # |UT(3, Z/p)| = p^3
    assert frame["params"].tolist() == ['{"n": 3}', '{"n": 3}']


@pytest.mark.parametrize(
    "call, exc",
    [
        (lambda root: store.compute("no_such_family", [3], root=root), store.FamilyUnavailable),
        (lambda root: store.compute("coxeter", [], root=root), ValueError),
        (lambda root: store.compute("coxeter", [3.5], root=root), ValueError),
        (lambda root: store.compute("coxeter", [3], {"n": 4}, root=root), ValueError),
        (lambda root: store.record_path("../evil", 3, root=root), ValueError),
        (lambda root: store.params_key({"x": object()}), ValueError),
    ],
)
def test_bad_input_raises_value_error(tmp_path, call, exc):
    with pytest.raises(exc):
        call(tmp_path)
    assert issubclass(exc, ValueError)


def test_family_available():
    assert store.family_available("coxeter")
    assert not store.family_available("no_such_family")
