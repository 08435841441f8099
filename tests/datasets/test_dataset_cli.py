import csv
import json

import pytest

from cayley.cli import main


def test_export_then_score_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "ds"
    assert main(["dataset", "export", "lrx", "6", "--rows", "7", "--out", str(out), "--seed", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"] == 7 and report["seed"] == 3
    with open(out / "test.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 7
    with open(out / "sample_submission.csv", newline="") as fh:
        expected = sum(len(r["path"].split(".")) if r["path"] else 0 for r in csv.DictReader(fh))
    assert main(["dataset", "score", str(out), str(out / "sample_submission.csv")]) == 0
    assert int(capsys.readouterr().out.strip()) == expected
    assert main(["dataset", "score", str(out), str(out / "sample_submission.csv"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"total_moves": expected}


def test_export_text_output_lists_the_files(tmp_path, capsys):
    assert main(["dataset", "export", "pancake", "5", "--rows", "2", "--out", str(tmp_path), "--walk-length", "4"]) == 0
    out = capsys.readouterr().out
    for name in ("puzzle_info.json", "test.csv", "sample_submission.csv", "test.parquet"):
        assert name in out


def test_score_error_is_one_line_naming_the_row(tmp_path, capsys):
    assert main(["dataset", "export", "pancake", "5", "--rows", "2", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    bad.write_text("id,path\n0,P2.P2\n1,P5\n")
    assert main(["dataset", "score", str(tmp_path), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 2 (id 0)" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (["dataset", "export", "lrx", "5", "--rows", "0", "--out", "x"], "rows must be a positive integer"),
        (["dataset", "export", "nosuch", "5", "--out", "x"], "unknown family"),
        (["dataset", "score", "/nonexistent/folder", "sub.csv"], "puzzle_info.json"),
    ],
)
def test_dataset_errors_are_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
