"""Tables (Markdown, CSV, LaTeX), plots and discovery."""

import csv
import io

import pytest
import yaml

from cayley.conjectures import Conjecture, get, load_file
from cayley.conjectures.discover import discover, write_candidates
from cayley.conjectures.tables import COLUMNS, render, table_rows, to_latex, write_tables

TEXT = """id: {id}
family: coxeter
statement: s
status: conjectured
source: "Test & co_1 50%"
formula: {formula}
valid_from: 3
"""


@pytest.fixture
def reports(write_entry, small_store):
    write_entry("good", TEXT.format(id="good", formula="n*(n-1)/2"))
    folder = write_entry("bad", TEXT.format(id="bad", formula="n"))
    return [get(i, folder).check(root=small_store, compute=False) for i in ("good", "bad")]


def test_rows_have_every_column(reports):
    rows = table_rows(reports)
    assert [r["id"] for r in rows] == ["bad", "good"]
    assert all(set(r) == {k for k, _ in COLUMNS} for r in rows)
    good = rows[1]
    assert (good["formula"], good["verified"], good["check"], good["status"]) == (
        "n^2/2 - n/2", "n = 3..6", "agrees", "conjectured")
    assert rows[0]["check"] == "counterexample n = 4: 6 vs 4"  # observed 6, formula n gives 4


def test_markdown_shape(reports):
    lines = render(table_rows(reports), "md").splitlines()
    assert lines[0].startswith("| ID | Family |") and lines[1].startswith("|---|")
    assert len(lines) == 4 and all(line.count(" | ") == len(COLUMNS) - 1 for line in (lines[0], lines[2]))


def test_csv_roundtrip(reports):
    parsed = list(csv.DictReader(io.StringIO(render(table_rows(reports), "csv"))))
    assert [r["id"] for r in parsed] == ["bad", "good"]
    assert parsed[1]["source"] == "Test & co_1 50%"


def test_latex_escapes_special_characters(reports):
    tex = to_latex(table_rows(reports))
    assert tex.startswith("\\begin{longtable}") and tex.rstrip().endswith("\\end{longtable}")
    assert r"Test \& co\_1 50\%" in tex
    assert tex.count(r" \\") == 3  # header + two rows


def test_unknown_format_raises(reports):
    with pytest.raises(ValueError, match="unknown table format"):
        render(table_rows(reports), "html")


def test_write_tables_and_plots(reports, tmp_path):
    written = write_tables(reports, tmp_path, formats=("md", "csv"), plots=True)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert names == ["conjectures.csv", "conjectures.md", "plots/coxeter.png"]
    assert (tmp_path / "plots" / "coxeter.png").read_bytes()[:4] == b"\x89PNG"


def test_discover_finds_known_formulas(small_store):
    cands = {(c.family, c.quantity): c for c in discover(small_store, entries=[])}
    assert str(cands["coxeter", "diameter"].fit) == "n^2/2 - n/2"
    assert str(cands["coxeter", "antipodes"].fit) == "1"
    # lrx: 2, 6, 10, 15 for n = 3..6 -- n(n-1)/2 only from n = 4, too few points left for a quadratic.
    assert ("lrx", "diameter") not in cands


def test_discover_marks_registry_matches(small_store):
    entry = Conjecture.from_dict({"id": "c", "family": "coxeter", "statement": "s", "status": "proved",
                                  "source": "t", "formula": "n*(n-1)/2"})
    cands = [c for c in discover(small_store, entries=[entry]) if c.quantity == "diameter"]
    assert cands[0].known_id == "c" and cands[0].agrees is True


def test_candidates_are_valid_registry_files(small_store, tmp_path):
    paths = write_candidates(discover(small_store, entries=[]), tmp_path)
    assert sorted(p.name for p in paths) == ["coxeter-antipodes.yaml", "coxeter-diameter.yaml",
                                             "lrx-k1-antipodes.yaml"]
    entry = load_file(tmp_path / "coxeter-diameter.yaml")
    assert entry.status == "conjectured" and entry.source == "fitted from data n = 3..6"
    assert [entry.predict(n) for n in (3, 10)] == [3, 45]
    assert yaml.safe_load((tmp_path / "coxeter-diameter.yaml").read_text())["valid_from"] == 3


def test_write_candidates_leaves_other_yaml_files_alone(small_store, tmp_path):
    (tmp_path / "mine.yaml").write_text("id: mine\n")
    write_candidates(discover(small_store, entries=[]), tmp_path)
    write_candidates([], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]
