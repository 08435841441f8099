"""Kaggle-style path-finding datasets: :func:`export` a puzzle and its test set, :func:`score` a submission.

>>> import cayley, tempfile
>>> from cayley.datasets import export, score
>>> out = tempfile.mkdtemp()
>>> files = export(cayley.groups.pancake(6), out, rows=4, seed=0)
>>> score(out, files["sample_submission"]) >= 0
True
"""

from .export import export, puzzle_info, scramble
from .score import load_puzzle, load_test, score

__all__ = ["export", "score", "load_puzzle", "load_test", "puzzle_info", "scramble"]
