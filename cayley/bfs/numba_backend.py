"""The ``"numba"`` backend: rank bitsets for (most of) S_n, the exact hash-set BFS for everything else.

``growth(graph, backend="numba")`` runs :func:`cayley.bfs.rank_bfs.growth_rank` (2 bits per
permutation, see :mod:`cayley.bfs.rank_plan`) when

* the graph is a permutation graph whose central state has n distinct values, n <= 16,
* ``keep_layers`` is not requested, and
* the generators reach at least half of the numbered permutations (checked with a Schreier-Sims
  group order for n >= 12, where the bitset is large; a small subgroup goes to the hash engine);

otherwise, for puzzle-like graphs whose states are distinct pieces in blocks of positions (see
:mod:`cayley.bfs.pieces`; the 2x2x2 cube), it runs :func:`cayley.bfs.piece_bfs.growth_pieces` (2 bits
per numbered state) when the numbering is small (SPARSE_OK_BELOW) or at most MAX_SPARSITY times the
group order, and fits the memory budget; otherwise, for one-word states with a small key space (most coset graphs), it runs
:func:`cayley.bfs.key_bfs.growth_keys` (a bitset over all keys, explicit layers); otherwise
:func:`cayley.bfs.numba_hash.growth_hash` (wide states, matrix groups, other puzzles).
Importing this module registers the backend with priority 10, so ``backend="auto"`` prefers it (to a
GPU too, for graphs under ``cayley.bfs.GPU_FROM_STATES`` states).

>>> import cayley
>>> uses_rank_engine(cayley.groups.pancake(7))
True
>>> uses_rank_engine(cayley.groups.lrx(6).with_central_state([0, 0, 0, 1, 1, 1]))  # a coset graph
False
>>> engine_for(cayley.groups.lrx(6).with_central_state([0, 0, 0, 1, 1, 1]))
'keys'
>>> engine_for(cayley.groups.get("cube", size=2, metric="HTM", fix_corner=True))
'pieces'
"""

from __future__ import annotations

from functools import lru_cache
from math import factorial

import numpy as np

from . import register_backend
from .rank_plan import rank_eligible

__all__ = ["uses_rank_engine", "engine_for"]

MAX_SPARSITY = 64  # the piece engine numbers at most this many slots per reachable state ...
SPARSE_OK_BELOW = 1 << 26  # ... unless its codes are this small (16 MiB): no group order needed then
ORDER_CHECK_FROM = 12  # below this n the full bitset is at most 10 MB: no need to know the group order


def _available() -> bool:
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=64)
def _group_order(gens_bytes: bytes, n: int) -> int:
    from sympy.combinatorics import Permutation, PermutationGroup

    gens = np.frombuffer(gens_bytes, dtype=np.int64).reshape(-1, n)
    return int(PermutationGroup([Permutation(g.tolist()) for g in gens]).order())


def _fills_numbering(graph) -> bool:
    """True when the group reaches at least half of the permutations the rank engine numbers."""
    n = graph.state_size
    if n < ORDER_CHECK_FROM:
        return True
    gens = np.ascontiguousarray(graph.generators, dtype=np.int64)
    all_even = all(_parity(g) == 0 for g in gens)
    numbered = factorial(n) // (2 if all_even else 1)
    return 2 * _group_order(gens.tobytes(), n) >= numbered


def _parity(perm) -> int:
    from .rank_plan import _parity as parity

    return parity(perm)


def uses_rank_engine(graph, options: dict | None = None) -> bool:
    """True when the numba backend would run the rank-bitset BFS for this graph and these options."""
    options = options or {}
    return rank_eligible(graph) and not options.get("keep_layers") and _fills_numbering(graph)


def _piece_plan(graph, options: dict):
    """The piece numbering of ``graph`` when the piece engine should run it, else None."""
    if options.get("keep_layers"):
        return None
    from .memory import resolve_budget
    from .piece_bfs import estimate_piece_bytes
    from .pieces import piece_plan

    plan = piece_plan(graph)
    if plan is None or estimate_piece_bytes(plan) > resolve_budget(options.get("memory_budget")):
        return None
    if plan.num_slots <= SPARSE_OK_BELOW:
        return plan
    gens = np.ascontiguousarray(graph.generators, dtype=np.int64)
    # distinct pieces: no move sequence but the identity fixes the central state, so it has |G| states
    if plan.num_slots > MAX_SPARSITY * _group_order(gens.tobytes(), graph.state_size):
        return None
    return plan


def engine_for(graph, options: dict | None = None) -> str:
    """Which engine the numba backend runs for ``graph``: ``"rank"``, ``"pieces"``, ``"keys"`` or ``"hash"``."""
    options = options or {}
    if uses_rank_engine(graph, options):
        return "rank"
    if _piece_plan(graph, options) is not None:
        return "pieces"
    return "keys" if _uses_keys(graph, options) else "hash"


def _uses_keys(graph, options: dict) -> bool:
    """True when the key-bitset engine should run ``graph`` (one-word states, small key space)."""
    if options.get("keep_layers"):
        return False
    from .key_bfs import key_bits_for
    from .memory import resolve_budget

    return key_bits_for(graph, resolve_budget(options.get("memory_budget"))) is not None


def _run(graph, **options):
    if uses_rank_engine(graph, options):
        from .rank_bfs import growth_rank

        return growth_rank(graph, **options)
    plan = _piece_plan(graph, options)
    if plan is not None:
        from .piece_bfs import growth_pieces

        return growth_pieces(graph, plan=plan, **options)
    if _uses_keys(graph, options):
        from .key_bfs import growth_keys

        return growth_keys(graph, **options)
    from .numba_hash import growth_hash

    return growth_hash(graph, **options)


register_backend("numba", _run, available=_available, priority=10)
