import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cayley
from cayley.datasets import export, score
from cayley.groups import lrx, lx, pancake


def _read(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def _replay(info, state, path):
    """Independent replay straight from puzzle_info.json: s -> s[g] (or s @ g mod m)."""
    shape = info["state_shape"]
    current = np.array(state).reshape(shape)
    for name in path:
        g = np.array(info["generators"][name])
        current = current[g] if "modulo" not in info else (current @ g) % info["modulo"]
    return current


def _check_sample(out):
    info = json.loads((Path(out) / "puzzle_info.json").read_text())
    tests = {r["id"]: [int(x) for x in r["initial_state"].split(",")] for r in _read(Path(out) / "test.csv")}
    sample = _read(Path(out) / "sample_submission.csv")
    assert [r["id"] for r in sample] == list(tests)
    total = 0
    for r in sample:
        path = r["path"].split(".") if r["path"] else []
        end = _replay(info, tests[r["id"]], path)
        assert np.array_equal(end, np.array(info["central_state"])), r["id"]
        total += len(path)
    return info, tests, total


def test_export_writes_the_files_and_valid_sample_paths(tmp_path):
    files = export(pancake(7), tmp_path, rows=12, seed=3)
    for key in ("puzzle_info", "test", "test_parquet", "sample_submission", "sample_submission_parquet"):
        assert Path(files[key]).is_file()
    info, tests, total = _check_sample(tmp_path)
    assert info["central_state"] == list(range(7)) and set(info["generators"]) == {f"P{k}" for k in range(2, 8)}
    assert info["generators"]["P3"] == [2, 1, 0, 3, 4, 5, 6]
    assert len(tests) == 12 and all(sorted(s) == list(range(7)) for s in tests.values())
    assert score(tmp_path, files["sample_submission"]) == total


def test_parquet_twins_hold_the_same_rows(tmp_path):
    files = export(lrx(6), tmp_path, rows=5, seed=1)
    for stem in ("test", "sample_submission"):
        frame = pd.read_parquet(tmp_path / f"{stem}.parquet")
        rows = _read(tmp_path / f"{stem}.csv")
        assert frame.columns.tolist() == list(rows[0])
        assert [str(x) for x in frame["id"]] == [r["id"] for r in rows]
        second = frame.columns[1]
        assert [str(x) for x in frame[second]] == [r[second] for r in rows]
    assert Path(files["test_parquet"]).name == "test.parquet"


def test_export_is_reproducible_for_a_seed(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    export(lrx(8), a, rows=10, seed=5)
    export(lrx(8), b, rows=10, seed=5)
    export(lrx(8), c, rows=10, seed=6)
    for name in ("puzzle_info.json", "test.csv", "sample_submission.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
    assert (a / "test.csv").read_bytes() != (c / "test.csv").read_bytes()


def test_directed_coset_and_matrix_exports_round_trip(tmp_path):
    x = np.array([[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    y = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]])
    graphs = {
        "lx": lx(6),  # directed: inverses are powers of the generators
        "coset": lrx(6).with_central_state([0, 0, 0, 1, 1, 1]),
        "matrix": cayley.CayleyGraph.from_matrices([x, y], modulo=3, names=["x", "y"]),
    }
    for name, g in graphs.items():
        out = tmp_path / name
        files = export(g, out, rows=6, seed=2, walk_length=9)
        _, _, total = _check_sample(out)
        assert score(out, files["sample_submission"]) == total


def test_uniform_export_solves_each_state_exactly(tmp_path):
    files = export(pancake(6), tmp_path, rows=8, seed=0, uniform=True)
    _, tests, total = _check_sample(tmp_path)
    # Theory: pancake(6) has diameter 7 (pancake numbers, OEIS A058986).
    lengths = [len(r["path"].split(".")) if r["path"] else 0 for r in _read(files["sample_submission"])]
    assert max(lengths) <= 7 and sum(lengths) == total


def test_export_argument_errors(tmp_path):
    with pytest.raises(ValueError, match="rows"):
        export(lrx(5), tmp_path, rows=0)
    with pytest.raises(ValueError, match="walk_length"):
        export(lrx(5), tmp_path, rows=2, walk_length=-3)
    with pytest.raises(ValueError, match="CayleyGraph"):
        export("lrx", tmp_path)


@pytest.fixture
def dataset(tmp_path):
    export(pancake(5), tmp_path, rows=4, seed=0, walk_length=3)
    tests = {r["id"]: r["initial_state"] for r in _read(tmp_path / "test.csv")}
    sample = {r["id"]: r["path"] for r in _read(tmp_path / "sample_submission.csv")}
    return tmp_path, tests, sample


def _write(folder, rows, name="submission.csv"):
    path = Path(folder) / name
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "path"])
        w.writerows(rows)
    return path


def test_score_counts_moves_and_accepts_an_empty_path(dataset, tmp_path):
    folder, tests, sample = dataset
    rows = [(i, p) for i, p in sample.items()]
    expected = sum(len(p.split(".")) if p else 0 for p in sample.values())
    assert score(folder, _write(tmp_path, rows)) == expected
    # A path that goes away and comes back is longer but still valid.
    i0, p0 = rows[0]
    longer = [(i0, ".".join(["P2", "P2"] + ([p0] if p0 else [])))] + rows[1:]
    assert score(folder, _write(tmp_path, longer, "longer.csv")) == expected + 2
    centre = tmp_path / "centre"
    files = export(pancake(5), centre, rows=3, seed=0, walk_length=0)
    assert [r["path"] for r in _read(files["sample_submission"])] == ["", "", ""]
    assert score(centre, files["sample_submission"]) == 0


def test_score_rejects_each_kind_of_invalid_row(dataset, tmp_path):
    folder, tests, sample = dataset
    rows = [(i, p) for i, p in sample.items()]
    ids = list(sample)
    cases = {
        "unknown id": (rows + [("99", "P2")], r"line 6 \(id 99\): unknown id"),
        "missing row": (rows[:-1], f"missing row for id {ids[-1]}"),
        "repeated id": (rows + [rows[0]], f"line 6 \\(id {ids[0]}\\): id {ids[0]} repeated"),
        "unknown move": ([(ids[0], "P2.Q7")] + rows[1:], f"line 2 \\(id {ids[0]}\\): unknown move 'Q7'"),
        "wrong end": ([(ids[0], sample[ids[0]] + ".P3" if sample[ids[0]] else "P3")] + rows[1:],
                      f"line 2 \\(id {ids[0]}\\): path of .* does not reach the central state"),
    }
    for label, (bad_rows, message) in cases.items():
        with pytest.raises(ValueError, match=message):
            score(folder, _write(tmp_path, bad_rows, f"{label.replace(' ', '_')}.csv"))


def test_score_rejects_bad_files(dataset, tmp_path):
    folder, _, _ = dataset
    bad = tmp_path / "bad.csv"
    bad.write_text("identifier,moves\n0,P2\n")
    with pytest.raises(ValueError, match="expected columns id, path"):
        score(folder, bad)
    with pytest.raises(ValueError, match="not found"):
        score(folder, tmp_path / "absent.csv")
    with pytest.raises(ValueError, match="puzzle_info.json"):
        score(tmp_path / "nowhere", bad)
