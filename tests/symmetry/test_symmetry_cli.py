"""``cayley symmetry FILE`` through the subcommand's own ``add_parser``/``run``."""

import argparse
import json

import numpy as np
import pytest
from symmetry_cases import relabel, ring

from cayley.symmetry import cli


def run(argv, capsys):
    parser = argparse.ArgumentParser(prog="cayley")
    cli.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["symmetry", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ring_file(tmp_path):
    rng = np.random.default_rng(0)
    R, _ = relabel(ring(8, rng), rng)
    path = tmp_path / "ring.npy"
    np.save(path, R)
    return path


def test_json_output(ring_file, capsys):
    code, out, err = run([str(ring_file), "--json"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["group_order"] == 16 and data["M"] == 8
    assert data["explained_fraction"] == pytest.approx(1.0)
    assert len(data["generators"]) == len(data["residuals"]) >= 1


def test_text_output_and_csv(tmp_path, capsys):
    rng = np.random.default_rng(1)
    R, _ = relabel(ring(7, rng, complex_=True), rng)
    path = tmp_path / "ring.csv"
    np.savetxt(path, R, delimiter=",")
    code, out, _ = run([str(path), "--tol", "1e-6"], capsys)
    assert code == 0
    assert "group order 7" in out and "certificate" in out


def test_real_csv_with_basis(tmp_path, capsys):
    path = tmp_path / "r.csv"
    np.savetxt(path, ring(6, np.random.default_rng(2)), delimiter=",")
    code, out, _ = run([str(path), "--basis", "shifts", "--json"], capsys)
    assert code == 0 and json.loads(out)["group_order"] == 6


@pytest.mark.parametrize(
    "content, suffix, message",
    [
        (None, ".npy", "no such file"),
        ("1,2,3\n4,5,6\n", ".csv", "square"),
        ("1,2\n3,4\n", ".csv", "symmetric"),
        ("a,b\nc,d\n", ".csv", "cannot parse"),
        ("1,2\n2,1\n", ".txt2", "unsupported file type"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(tmp_path, capsys, content, suffix, message):
    path = tmp_path / f"m{suffix}"
    if content is not None:
        path.write_text(content)
    code, out, err = run([str(path)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
