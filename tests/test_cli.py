import json
import subprocess
import sys

import pytest

from cayley.cli import main


def test_growth_json(capsys):
    assert main(["growth", "lrx", "6", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["diameter"] == 15 and out["num_states"] == 720 and len(out["layer_sizes"]) == 16


def test_growth_table_and_central_state(capsys):
    assert main(["growth", "lrx", "6", "--central-state", "0,0,0,1,1,1", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "distance" in out and "20 states" in out


def test_growth_max_diameter(capsys):
    assert main(["growth", "coxeter", "5", "--max-diameter", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layer_sizes"] == [1, 4, 9] and out["complete"] is False


@pytest.mark.parametrize(
    "argv, message",
    [
        (["growth", "nosuch", "5"], "unknown family"),
        (["growth", "lrx", "5", "--k", "7"], "k must be < n"),
        (["growth", "pancake", "5", "--k", "2"], "no parameter"),
        (["growth", "lrx", "1"], "n must be >= 2"),
        (["growth", "lrx", "4", "--central-state", "0,1"], "central_state has length"),
        (["growth", "lrx", "4", "--central-state", "a,b"], "integers"),
        (["growth", "lrx", "4", "--backend", "nope"], "unknown backend"),
    ],
)
def test_cli_errors_are_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_families_lists_everything(capsys):
    assert main(["families"]) == 0
    out = capsys.readouterr().out
    for name in ("lrx", "lx", "pancake", "coxeter", "cyclic_coxeter", "all_transpositions"):
        assert name in out


def test_module_entry_point_runs():
    proc = subprocess.run([sys.executable, "-m", "cayley", "growth", "coxeter", "4", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["layer_sizes"] == [1, 3, 5, 6, 5, 3, 1]
