"""Conjecture entries: parsing, validation, predictions."""

import pytest
import sympy

from cayley.conjectures import Conjecture, parse_formula
from cayley.conjectures.registry import get, load_file, registry

BASE = {"id": "x", "family": "coxeter", "statement": "s", "status": "conjectured", "source": "test"}


def entry(**changes):
    data = dict(BASE)
    data.update(changes)
    return Conjecture.from_dict({k: v for k, v in data.items() if v is not None})


def test_single_formula_predicts_integers():
    c = entry(formula="n*(n-1)/2", valid_from=2)
    assert [c.predict(n) for n in range(2, 7)] == [1, 3, 6, 10, 15]
    assert c.formula == sympy.Symbol("n") * (sympy.Symbol("n") - 1) / 2
    assert c.formula_text() == "n^2/2 - n/2"


def test_formula_per_residue_class():
    c = entry(formula={"period": 2, "cases": {0: "3*n**2/4 - 2*n + 3", 1: "3*n**2/4 - 2*n + 9/4"}}, valid_from=5)
    assert [c.predict(n) for n in range(5, 16)] == [11, 18, 25, 35, 45, 58, 71, 87, 103, 122, 141]  # OEIS A039745
    assert c.formula_text() == "n even: 3n^2/4 - 2n + 3; n odd: 3n^2/4 - 2n + 9/4"
    assert set(c.formula) == {0, 1}


def test_non_polynomial_formula_is_shown_as_written():
    c = entry(formula="floor(n**2/4)", valid_from=3)
    assert c.formula_text() == "floor(n^2/4)"
    assert [c.predict(n) for n in (3, 4, 5, 10)] == [2, 4, 6, 25]


def test_other_symbol_and_variable():
    c = entry(formula="p - 1", symbol="p", variable="modulo", valid_from=3)
    assert c.predict(7) == 6 and c.formula_text() == "p - 1"


def test_predict_below_valid_from_raises():
    with pytest.raises(ValueError, match="stated for n >= 4"):
        entry(formula="n", valid_from=4).predict(3)


def test_predict_non_integer_raises():
    with pytest.raises(ValueError, match="non-integer"):
        entry(formula="n/2").predict(3)


def test_open_entry_predicts_known_values_only():
    c = entry(formula=None, status="open", known_values={3: 3, 4: 4})
    assert c.predict(4) == 4 and c.formula is None and c.formula_text() == ""
    with pytest.raises(ValueError, match="no formula and no known value"):
        c.predict(5)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"status": "maybe"}, "status must be one of"),
        ({"source": None}, "missing keys"),
        ({"colour": "red"}, "unknown keys"),
        ({"formula": None}, "without a formula must have status 'open'"),
        ({"formula": "n", "quantity": "radius"}, "quantity must be"),
        ({"formula": "n", "relation": ">"}, "relation must be"),
        ({"formula": "n", "valid_from": "four"}, "valid_from must be an integer"),
        ({"formula": {"period": 2, "cases": {0: "n"}}}, "residues 0..1"),
        ({"formula": {"cases": {0: "n"}}}, "needs exactly 'period' and 'cases'"),
        ({"formula": "n", "family": "*"}, "only allowed for a bound"),
        ({"formula": "n", "known_values": {3: "three"}}, "known_values must map integers"),
    ],
)
def test_invalid_entries_raise_value_error(changes, message):
    with pytest.raises(ValueError, match=message):
        entry(**({"formula": "n"} | changes))


@pytest.mark.parametrize("text", ["n + m", "foo(n)", "__import__('os')", "n.is_integer", "", "lambda: 1"])
def test_parse_formula_rejects_anything_but_arithmetic_in_n(text):
    with pytest.raises(ValueError):
        parse_formula(text)


def test_parse_formula_accepts_caret_and_known_functions():
    n = sympy.Symbol("n")
    assert parse_formula("n^2 + binomial(n, 2)") == n**2 + sympy.binomial(n, 2)
    assert parse_formula("factorial2(n)").subs(n, 7) == 105


def test_load_file_requires_id_to_match_file_name(write_entry):
    folder = write_entry("a", "id: b\nfamily: coxeter\nstatement: s\nstatus: open\nsource: t\n")
    with pytest.raises(ValueError, match="differs from the file name"):
        load_file(folder / "a.yaml")


def test_invalid_yaml_names_the_file(write_entry):
    folder = write_entry("bad", "id: [unclosed\n")
    with pytest.raises(ValueError, match="bad.yaml"):
        registry(folder)


def test_registry_of_missing_folder_is_empty(tmp_path):
    assert registry(tmp_path / "nowhere") == []


def test_get_unknown_id_lists_known(write_entry):
    folder = write_entry("a", "id: a\nfamily: coxeter\nstatement: s\nstatus: open\nsource: t\n")
    with pytest.raises(ValueError, match="known: a"):
        get("zzz", folder)
