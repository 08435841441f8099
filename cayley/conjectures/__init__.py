"""Conjectures about diameters of Cayley graphs: formulas as data, checked against computed growth.

Entries live as YAML files in the top-level ``conjectures/`` folder (see :mod:`.model` for the
format); the computed data in the growth store (:mod:`cayley.store`).

>>> import cayley.conjectures as cj
>>> c = cj.get("coxeter-diameter")
>>> c.predict(6), str(c.formula)
(15, 'n*(n - 1)/2')
>>> str(cj.fit([4, 5, 6, 7, 8], [6, 10, 15, 21, 28]))
'n^2/2 - n/2'
"""

from .check import CheckReport, CheckRow, check, check_all
from .fitting import Fit, fit, fit_tail
from .model import Conjecture, parse_formula
from .quasipoly import QuasiPolynomial
from .registry import default_folder, get, load_file, registry

__all__ = [
    "Conjecture",
    "CheckReport",
    "CheckRow",
    "Fit",
    "QuasiPolynomial",
    "check",
    "check_all",
    "default_folder",
    "fit",
    "fit_tail",
    "get",
    "load_file",
    "parse_formula",
    "registry",
]
