import numpy as np
import pytest

import cayley
from cayley import CayleyGraph


def test_apply_convention_and_names():
    g = CayleyGraph([[1, 2, 0], [1, 0, 2]], names=["L", "X"])
    assert g.apply([10, 20, 30][:3] if False else [0, 1, 2], "L").tolist() == [1, 2, 0]
    assert g.apply([0, 1, 2], 1).tolist() == [1, 0, 2]
    assert g.n_generators == 2 and g.state_size == 3
    assert g.names == ("L", "X")


def test_default_names_and_central_state():
    g = CayleyGraph([[1, 0, 2]])
    assert g.names == ("g0",)
    assert g.central_state.tolist() == [0, 1, 2]


def test_inverse_closure():
    g = CayleyGraph([[1, 2, 0], [1, 0, 2]], names=["L", "X"])
    assert not g.is_inverse_closed
    h = g.make_inverse_closed()
    assert h.is_inverse_closed
    assert h.names == ("L", "X", "L^-1")
    assert h.generators[2].tolist() == np.argsort([1, 2, 0]).tolist()
    assert h.make_inverse_closed() == h


def test_with_central_state_makes_coset_graph():
    g = cayley.groups.lrx(4).with_central_state([0, 0, 1, 1])
    assert g.is_coset_graph
    assert g.apply([0, 0, 1, 1], "L").tolist() == [0, 1, 1, 0]
    assert g.num_values == 2


def test_repr_is_readable():
    text = repr(cayley.groups.lrx(4))
    assert "L=(0 1 2 3)" in text and "X=(0 1)" in text and "inverse-closed" in text


def test_frozen():
    g = cayley.groups.lrx(4)
    with pytest.raises(Exception):
        g.names = ("a",)
    with pytest.raises(ValueError):
        g.generators[0, 0] = 3


@pytest.mark.parametrize(
    "gens, kwargs, message",
    [
        ([], {}, "no generators"),
        ([[0, 0, 1]], {}, "not a permutation"),
        ([[0, 1, 3]], {}, "not a permutation"),
        ([[0, 1, 2], [1, 0]], {}, "unequal length"),
        ([[0.5, 1, 2]], {}, "integers"),
        ([[0, 1, 2]], {"names": ["a", "b"]}, "names has 2 entries"),
        ([[0, 1, 2], [1, 0, 2]], {"names": ["a", "a"]}, "unique"),
        ([[0, 1, 2]], {"names": ["a.b"]}, "separator"),
        ([[0, 1, 2]], {"central_state": [0, 1]}, "central_state has length 2"),
    ],
)
def test_bad_permutation_input(gens, kwargs, message):
    with pytest.raises(ValueError, match=message):
        CayleyGraph(gens, **kwargs)


def test_apply_rejects_bad_state_and_move():
    g = cayley.groups.lrx(4)
    with pytest.raises(ValueError, match="rearrangement"):
        g.apply([0, 0, 1, 2], "L")
    with pytest.raises(ValueError, match="length"):
        g.apply([0, 1, 2], "L")
    with pytest.raises(ValueError, match="unknown generator"):
        g.apply([0, 1, 2, 3], "Q")
    with pytest.raises(ValueError, match="out of range"):
        g.apply([0, 1, 2, 3], 7)


def test_matrix_graph_basics():
    g = CayleyGraph.from_matrices([[[1, 1], [0, 1]], [[1, 0], [1, 1]]], modulo=3, names=["A", "B"])
    assert g.is_matrix_group and g.state_size == 4 and g.matrix_size == 2
    assert g.central_state.tolist() == [[1, 0], [0, 1]]
    assert g.apply(g.apply(g.central_state, "A"), "A").tolist() == [[1, 2], [0, 1]]
    assert not g.is_inverse_closed
    h = g.make_inverse_closed()
    assert h.is_inverse_closed and h.n_generators == 4
    inv = h.generators[h.names.index("A^-1")]
    assert ((np.array([[1, 1], [0, 1]]) @ inv) % 3).tolist() == [[1, 0], [0, 1]]


@pytest.mark.parametrize(
    "mats, modulo, message",
    [
        ([[[1, 1], [0, 1]]], 1, "modulo must be >= 2"),
        ([[[1, 1], [0, 1]]], 2.5, "modulo must be an integer"),
        ([], 5, "no generators"),
        ([[[1, 1, 0], [0, 1, 0]]], 5, "square"),
        ([[[1.5, 1], [0, 1]]], 5, "integers"),
        ([[1, 1], [0, 1]], 5, "dimension"),
    ],
)
def test_bad_matrix_input(mats, modulo, message):
    with pytest.raises(ValueError, match=message):
        CayleyGraph.from_matrices(mats, modulo)


def test_matrix_central_state_shape():
    with pytest.raises(ValueError, match="shape"):
        CayleyGraph.from_matrices([[[1, 1], [0, 1]]], 5, central_state=[[1, 0, 0]])


def test_make_inverse_closed_rejects_singular_matrix():
    g = CayleyGraph.from_matrices([[[2, 0], [0, 1]]], modulo=4)
    with pytest.raises(ValueError, match="not invertible"):
        g.make_inverse_closed()
