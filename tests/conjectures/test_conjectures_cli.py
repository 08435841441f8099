"""``cayley compute`` and ``cayley conjectures list|check|table|discover``: output shapes and exit codes."""

import json

import pytest

from cayley.cli import main
from cayley.conjectures.cli import parse_range

ENTRY = "id: {id}\nfamily: coxeter\nstatement: s\nstatus: conjectured\nsource: t\nformula: {f}\nvalid_from: 3\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compute_prints_one_json_object_per_value(capsys, tmp_path):
    code, out, _ = run(capsys, "compute", "coxeter", "--n", "3..5", "--store", str(tmp_path), "--json", "--quiet")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["n"], r["diameter"], r["antipodes"]) for r in rows] == [(3, 3, 1), (4, 6, 1), (5, 10, 1)]
    assert sorted(p.name for p in (tmp_path / "coxeter").iterdir()) == ["n=3.parquet", "n=4.parquet", "n=5.parquet"]


def test_compute_text_output_and_k(capsys, tmp_path):
    code, out, _ = run(capsys, "compute", "lrx", "--n", "4,5", "--k", "2", "--store", str(tmp_path), "--quiet")
    assert code == 0 and len(out.splitlines()) == 2 and '{"k": 2} n=4: diameter' in out


def test_compute_skips_too_large_values_with_exit_3(capsys, tmp_path):
    code, out, err = run(capsys, "compute", "coxeter", "--n", "3..7", "--max-states", "1000",
                         "--store", str(tmp_path), "--quiet")
    assert code == 3 and len(out.splitlines()) == 4 and "n=7: skipped" in err


def test_compute_memory_budget_is_passed_to_the_engine(capsys, tmp_path):
    code, _, err = run(capsys, "compute", "coxeter", "--n", "7", "--memory-budget", "1000", "--store", str(tmp_path),
                       "--quiet")
    assert code == 2 and "memory budget" in err and not (tmp_path / "coxeter").exists()
    code, out, _ = run(capsys, "compute", "coxeter", "--n", "7", "--memory-budget", "0.5", "--store", str(tmp_path),
                       "--quiet")
    assert code == 0 and "diameter 21" in out


@pytest.mark.parametrize("argv", [["compute", "no_such_family", "--n", "3"], ["compute", "coxeter", "--n", "5..3"],
                                  ["compute", "coxeter", "--n", "x"]])
def test_compute_bad_input_exits_2(capsys, tmp_path, argv):
    code, _, err = run(capsys, *argv, "--store", str(tmp_path))
    assert code == 2 and err.startswith("cayley: error:") and len(err.splitlines()) == 1


@pytest.fixture
def registry_dir(write_entry):
    write_entry("good", ENTRY.format(id="good", f="n*(n-1)/2"))
    return write_entry("bad", ENTRY.format(id="bad", f="n"))


def test_check_json_shape_and_exit_code(capsys, registry_dir, small_store):
    code, out, _ = run(capsys, "conjectures", "check", "--registry", str(registry_dir), "--store", str(small_store),
                       "--no-compute", "--json")
    reports = {r["id"]: r for r in json.loads(out)}
    assert code == 1  # a counterexample to a conjecture not marked refuted
    assert reports["good"]["verified_range"] == [3, 6] and reports["good"]["outcome"] == "agrees"
    assert reports["bad"]["first_counterexample"]["n"] == 4


def test_check_text_for_one_id(capsys, registry_dir, small_store):
    code, out, _ = run(capsys, "conjectures", "check", "--registry", str(registry_dir), "--store", str(small_store),
                       "--id", "good", "--max-n", "6")
    assert code == 0
    assert out.splitlines() == ["good: agrees; verified n = 3..6", "1 entries: 1 agrees"]


def test_list(capsys, registry_dir):
    code, out, _ = run(capsys, "conjectures", "list", "--registry", str(registry_dir), "--json")
    assert code == 0 and [e["id"] for e in json.loads(out)] == ["bad", "good"]


@pytest.mark.parametrize("fmt, first", [("md", "| ID | Family |"), ("csv", "id,family,params"),
                                        ("tex", "\\begin{longtable}")])
def test_table_formats(capsys, registry_dir, small_store, tmp_path, fmt, first):
    code, out, _ = run(capsys, "conjectures", "table", "--format", fmt, "--registry", str(registry_dir),
                       "--store", str(small_store), "--out", str(tmp_path), "--no-plots")
    assert code == 0 and out.startswith(first)
    written = (tmp_path / f"conjectures.{fmt}").read_text()
    assert written == out


def test_table_all_writes_three_files(capsys, registry_dir, small_store, tmp_path):
    out_dir = tmp_path / "tables"
    code, _, err = run(capsys, "conjectures", "table", "--format", "all", "--registry", str(registry_dir),
                       "--store", str(small_store), "--out", str(out_dir), "--no-plots")
    assert code == 0 and "wrote 3 files" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["conjectures.csv", "conjectures.md", "conjectures.tex"]


def test_discover_json(capsys, registry_dir, small_store, tmp_path):
    out_dir = tmp_path / "candidates"
    code, out, _ = run(capsys, "conjectures", "discover", "--registry", str(registry_dir),
                       "--store", str(small_store), "--out", str(out_dir), "--json")
    found = {c["id"]: c for c in json.loads(out)}
    assert code == 0
    assert found["coxeter-diameter"]["formula"] == "n^2/2 - n/2"
    assert found["coxeter-diameter"]["known"] == "good" and found["coxeter-diameter"]["agrees"] is True
    assert (out_dir / "coxeter-diameter.yaml").exists()


@pytest.mark.parametrize("text, values", [("3..6", [3, 4, 5, 6]), ("3-5", [3, 4, 5]), ("7", [7]),
                                          ("3..4, 9", [3, 4, 9])])
def test_parse_range(text, values):
    assert parse_range(text) == values


@pytest.mark.parametrize("text", ["", "a..b", "6..3", ","])
def test_parse_range_rejects(text):
    with pytest.raises(ValueError):
        parse_range(text)
