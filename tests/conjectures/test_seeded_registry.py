"""The seeded registry in the top-level conjectures/ folder, against theory and the committed store."""

from math import factorial

import pytest

import cayley.store as store
from cayley.conjectures import check, registry

ENTRIES = registry()
BY_ID = {c.id: c for c in ENTRIES}


def test_at_least_25_entries_with_unique_ids():
    assert len(ENTRIES) >= 25
    assert len(BY_ID) == len(ENTRIES)


@pytest.mark.parametrize(
    "entry_id",
    ["coxeter-diameter", "all-transpositions-diameter", "lrx-diameter", "cyclic-coxeter-diameter",
     "lx-diameter", "pancake-diameter", "burnt-pancake-diameter", "stars-diameter", "full-reversals-diameter",
     "signed-reversals-diameter", "transposons-diameter", "block-interchange-diameter", "top-spin-diameter",
     "rapaport-m1-diameter", "rapaport-m2-diameter", "heisenberg-diameter", "babai-bound"],
)
def test_required_entries_exist(entry_id):
    assert entry_id in BY_ID


# Expected values computed here from the closed forms in the literature, not from the entries.
THEORY = {
    "coxeter-diameter": lambda n: n * (n - 1) // 2,
    "all-transpositions-diameter": lambda n: n - 1,
    "all-transpositions-antipodes": lambda n: factorial(n - 1),
    "lrx-diameter": lambda n: n * (n - 1) // 2,
    "cyclic-coxeter-diameter": lambda n: n * n // 4,
    "stars-diameter": lambda n: 3 * (n - 1) // 2,
    "full-reversals-diameter": lambda n: n - 1,
    "block-interchange-diameter": lambda n: n // 2,
    "three-cycles-diameter": lambda n: n // 2,
}


@pytest.mark.parametrize("entry_id", sorted(THEORY))
def test_predictions_match_closed_forms(entry_id):
    c = BY_ID[entry_id]
    for n in range(max(c.valid_from, 2), 30):
        assert c.predict(n) == THEORY[entry_id](n), (entry_id, n)


def test_lx_formula_reproduces_oeis_a039745():
    a039745 = [0, 1, 2, 6, 11, 18, 25, 35, 45, 58, 71, 87, 103, 122, 141]
    c = BY_ID["lx-diameter"]
    assert [c.predict(n) for n in range(5, 16)] == a039745[4:]
    assert c.period == 2 and "fitted from data" in c.source


def test_pancake_is_open_with_oeis_values():
    c = BY_ID["pancake-diameter"]
    assert c.status == "open" and c.formula is None
    assert c.predict(10) == 11 and c.predict(19) == 22  # OEIS A058986


def test_babai_bound_is_a_conjectured_bound():
    c = BY_ID["babai-bound"]
    assert (c.family, c.relation, c.status) == ("*", "<=", "conjectured")
    assert c.predict(10) == 90


def test_statuses_and_sources_are_filled():
    for c in ENTRIES:
        assert c.status in ("proved", "conjectured", "refuted", "open")
        assert c.source and c.statement
        if c.status == "open":
            assert c.formula is None


@pytest.mark.parametrize("c", ENTRIES, ids=[c.id for c in ENTRIES])
def test_every_seeded_entry_agrees_with_the_committed_store(c):
    """Predictions against committed data (no computing); entries of missing families are skipped."""
    if c.family != "*" and not store.family_available(c.family):
        pytest.skip(f"family {c.family!r} is not available in this installation")
    report = check(c, compute=False)
    if c.status == "refuted":
        assert report.outcome == "counterexample"
        return
    assert report.first_counterexample is None, report.summary()
    if c.has_formula or c.known_values:
        assert report.verified, f"{c.id}: no stored data to compare with"
