import json

import numpy as np
import pytest
from reference import distances_to_center, replay

from cayley.cli import main
from cayley.groups import lrx, pancake


def test_path_json_shape_and_validity(capsys):
    assert main(["path", "pancake", "6", "--state", "3,1,0,2,5,4", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"family", "n", "state", "path", "length", "method", "optimal", "elapsed"}
    g = pancake(6)
    assert out["length"] == len(out["path"]) == distances_to_center(g.generators, g.central_state)[(3, 1, 0, 2, 5, 4)]
    assert out["optimal"] is True and out["method"] == "bfs"
    assert np.array_equal(replay(g.generators, g.names, [3, 1, 0, 2, 5, 4], out["path"]), np.arange(6))


def test_path_text_output_and_beam_method(capsys):
    state = ",".join(str(x) for x in np.random.default_rng(0).permutation(14))
    assert main(["path", "lrx", "14", "--state", state, "--method", "beam", "--beam-width", "50"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    path = lines[0].split(".")
    assert lines[1].startswith(f"{len(path)} moves (method beam")
    g = lrx(14)
    assert np.array_equal(replay(g.generators, g.names, [int(x) for x in state.split(",")], path), np.arange(14))


def test_path_of_the_central_state(capsys):
    assert main(["path", "lrx", "4", "--state", "0,1,2,3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["path", "lrx", "4", "--state", "0,1,2"], "expected 4"),
        (["path", "lrx", "4", "--state", "0,0,2,3"], "rearrangement"),
        (["path", "lrx", "4", "--state", "1,0,2,3", "--method", "astar"], "unknown method"),
        (["path", "lrx", "4", "--state", "x,0,2,3"], "integers"),
        (["path", "nosuch", "4", "--state", "1,0,2,3"], "unknown family"),
        (["path", "lrx", "12", "--state", "1,0,2,3,4,5,6,7,8,9,10,11", "--method", "beam",
          "--heuristic", "nope"], "unknown heuristic"),
    ],
)
def test_path_errors_are_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
