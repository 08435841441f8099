"""Registry of named generator families: ``names()``, ``get(name, **params)``, ``describe()``.

A family is one small function ``f(n, ...) -> CayleyGraph`` decorated with :func:`family`; the
decorator records its name, parameters and the first line of its docstring.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable

__all__ = ["family", "names", "get", "describe", "FamilyInfo", "require"]


@dataclass(frozen=True)
class FamilyInfo:
    name: str
    func: Callable
    kind: str
    summary: str
    params: tuple[str, ...]
    defaults: dict


_FAMILIES: dict[str, FamilyInfo] = {}

# Modules outside cayley.groups whose families join this registry; imported on the first lookup so
# that ``cayley.groups`` itself never imports them at load time (they import this module).
_PROVIDERS = ("cayley.puzzles", "cayley.matrix_groups")
_providers_loaded = False


def _load_providers() -> None:
    global _providers_loaded
    if _providers_loaded:
        return
    import importlib

    _providers_loaded = True
    for module in _PROVIDERS:
        importlib.import_module(module)


def family(kind: str, name: str | None = None):
    """Register a family function under ``name`` (default: the function's name)."""

    def register(func):
        sig = inspect.signature(func)
        params = tuple(sig.parameters)
        defaults = {p.name: p.default for p in sig.parameters.values() if p.default is not inspect.Parameter.empty}
        summary = (inspect.getdoc(func) or "").strip().split("\n")[0]
        key = name or func.__name__
        if key in _FAMILIES:
            raise RuntimeError(f"family {key!r} registered twice")
        _FAMILIES[key] = FamilyInfo(key, func, kind, summary, params, defaults)
        return func

    return register


def names() -> list[str]:
    """Names of all registered families, sorted.

    >>> import cayley
    >>> "lrx" in cayley.groups.names()
    True
    """
    _load_providers()
    return sorted(_FAMILIES)


def describe() -> list[FamilyInfo]:
    """Every family with its kind, parameters and one-line definition."""
    return [_FAMILIES[k] for k in names()]


def info(name: str) -> FamilyInfo:
    """The registry entry of family ``name`` (ValueError when unknown).

    >>> import cayley
    >>> cayley.groups.info("pancake").params
    ('n',)
    """
    _load_providers()
    if not isinstance(name, str) or name not in _FAMILIES:
        raise ValueError(f"unknown family {name!r}; see cayley.groups.names()")
    return _FAMILIES[name]


def get(name: str, **params):
    """Build family ``name`` with keyword parameters; unknown names or parameters raise ValueError.

    >>> import cayley
    >>> cayley.groups.get("lrx", n=4).names
    ('L', 'R', 'X')
    """
    fam = info(name)
    unknown = sorted(set(params) - set(fam.params))
    if unknown:
        raise ValueError(f"family {name!r} takes no parameter(s) {', '.join(unknown)}; it takes: {', '.join(fam.params)}")
    missing = [p for p in fam.params if p not in params and p not in fam.defaults]
    if missing:
        raise ValueError(f"family {name!r} needs parameter(s): {', '.join(missing)}")
    return fam.func(**params)


def require(condition: bool, message: str) -> None:
    """Raise ``ValueError(message)`` unless ``condition`` (parameter validation in family functions)."""
    if not condition:
        raise ValueError(message)


def check_int(name: str, value, minimum: int) -> int:
    """Validate an integer parameter ``name >= minimum`` and return it as int."""
    if isinstance(value, bool) or not isinstance(value, (int,)) and not hasattr(value, "__index__"):
        raise ValueError(f"parameter {name} must be an integer, got {value!r}")
    value = int(value)
    if value < minimum:
        raise ValueError(f"parameter {name} must be >= {minimum}, got {value}")
    return value


__all__ += ["check_int", "info"]
