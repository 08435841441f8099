"""CheckReport: agreement, counterexamples, bounds, unavailable families, limits."""

import pytest

import cayley.store as store
from cayley.conjectures import get, registry

ENTRY = "id: {id}\nfamily: {family}\nstatement: s\nstatus: {status}\nsource: test\n"


def make(write_entry, entry_id, family="coxeter", status="conjectured", **extra):
    text = ENTRY.format(id=entry_id, family=family, status=status)
    text += "".join(f"{k}: {v}\n" for k, v in extra.items())
    folder = write_entry(entry_id, text)
    return get(entry_id, folder)


def test_true_formula_agrees_on_stored_values(write_entry, small_store):
    c = make(write_entry, "cox", formula="n*(n-1)/2", valid_from=3)
    report = c.check(root=small_store, compute=False)
    assert report.outcome == "agrees"
    assert report.verified == [3, 4, 5, 6] and report.verified_range == (3, 6)
    assert report.range_text() == "n = 3..6"
    assert report.first_counterexample is None


def test_false_formula_gives_first_counterexample(write_entry, small_store):
    c = make(write_entry, "wrong", formula="n*(n-1)/2 + floor(n/5) - floor(n/6)", valid_from=3)
    report = c.check(root=small_store, compute=False)
    bad = report.first_counterexample
    assert report.outcome == "counterexample"
    assert (bad.n, bad.expected, bad.observed, bad.origin) == (5, 11, 10, "store")
    assert report.verified == [3, 4, 6]
    assert "except 5" in report.range_text()
    assert "first counterexample n = 5" in report.summary()


def test_missing_values_are_computed_and_stored(write_entry, tmp_path):
    c = make(write_entry, "cox", formula="n*(n-1)/2", valid_from=2)
    report = c.check(max_n=5, root=tmp_path)
    assert [r.origin for r in report.rows] == ["computed"] * 4
    assert store.load(tmp_path)["n"].tolist() == [2, 3, 4, 5]
    again = c.check(max_n=5, root=tmp_path)
    assert [r.origin for r in again.rows] == ["store"] * 4


def test_values_beyond_max_states_are_unchecked(write_entry, tmp_path):
    c = make(write_entry, "cox", formula="n*(n-1)/2", valid_from=4)
    report = c.check(max_n=8, root=tmp_path, max_states=1000)
    assert report.verified == [4, 5, 6]  # 7! = 5040 > 1000 states
    assert [n for n, _ in report.unchecked] == [7, 8]
    assert "too large" in report.unchecked[0][1]


def test_without_compute_missing_values_are_unchecked(write_entry, tmp_path):
    c = make(write_entry, "cox", formula="n*(n-1)/2", valid_from=3)
    report = c.check(max_n=4, root=tmp_path, compute=False)
    assert report.outcome == "no data" and [n for n, _ in report.unchecked] == [3, 4]


def test_unavailable_family_is_reported_not_raised(write_entry, tmp_path):
    c = make(write_entry, "ghost", family="no_such_family", formula="n", valid_from=2)
    report = c.check(max_n=4, root=tmp_path)
    assert report.outcome == "no data"
    assert "not available" in report.note
    assert [n for n, _ in report.unchecked] == [2, 3, 4]


def test_literature_values_are_compared_with_the_formula(write_entry, tmp_path):
    c = make(write_entry, "lit", formula="n + 1", valid_from=3, known_values="{3: 4, 4: 5, 5: 7}")
    report = c.check(root=tmp_path, compute=False)
    assert report.literature_range == (3, 4)
    assert report.first_counterexample.n == 5 and report.first_counterexample.origin == "literature"


def test_open_entry_compares_with_known_values(write_entry, small_store):
    c = make(write_entry, "opn", status="open", known_values="{3: 3, 4: 6, 5: 10}", valid_from=3)
    report = c.check(root=small_store, compute=False)
    assert report.verified == [3, 4, 5]
    assert report.data == {6: 15}


def test_open_entry_without_values_reports_data(write_entry, small_store):
    c = make(write_entry, "opn", status="open", valid_from=3)
    report = c.check(root=small_store, compute=False)
    assert report.outcome == "open" and report.data == {3: 3, 4: 6, 5: 10, 6: 15}


def test_antipodes_quantity(write_entry, small_store):
    c = make(write_entry, "anti", formula="1", valid_from=3, quantity="antipodes")
    assert c.check(root=small_store, compute=False).verified == [3, 4, 5, 6]


def test_bound_over_every_undirected_sn_graph(write_entry, small_store):
    c = make(write_entry, "bound", family='"*"', formula="n*(n-1)/2", relation='"<="', valid_from=3)
    report = c.check(root=small_store)
    assert {r.family for r in report.rows} == {"coxeter", "lrx"}
    assert report.outcome == "agrees"  # both reach n(n-1)/2 at most (lrx: n(n-1)/2 for n >= 4)
    tight = make(write_entry, "tight", family='"*"', formula="n*(n-1)/2 - 1", relation='"<="', valid_from=3)
    assert tight.check(root=small_store).first_counterexample.n == 3


def test_report_to_dict_shape(write_entry, small_store):
    c = make(write_entry, "cox", formula="n*(n-1)/2", valid_from=3)
    d = c.check(root=small_store, compute=False).to_dict()
    assert {"id", "outcome", "verified", "verified_range", "first_counterexample", "unchecked"} <= set(d)
    assert d["verified_range"] == [3, 6]


def test_bad_max_n_raises(write_entry, small_store):
    c = make(write_entry, "cox", formula="n", valid_from=3)
    with pytest.raises(ValueError, match="max_n"):
        c.check(max_n="10", root=small_store)


def test_check_all_over_a_registry(write_entry, small_store):
    make(write_entry, "a", formula="n*(n-1)/2", valid_from=3)
    make(write_entry, "b", formula="n", valid_from=3)
    from cayley.conjectures import check_all

    reports = check_all(registry(write_entry.folder), root=small_store, compute=False)
    assert [r.outcome for r in reports] == ["agrees", "counterexample"]
