"""Random generating sets, reproducible from a seed."""

from __future__ import annotations

import numpy as np

from ._perm import graph_from, with_inverses
from ._registry import check_int, family, require

__all__ = ["random_generators"]


@family("random")
def random_generators(n: int, k: int, seed: int = 0, inverse_closed: bool = False):
    """k distinct uniformly random non-identity permutations of S_n, drawn with ``numpy.random.default_rng(seed)``.

    Generators ``g0``..``g{k-1}`` (and ``g{i}^-1`` with ``inverse_closed=True``, for the ones that are
    not involutions). Two random permutations generate A_n or S_n with probability tending to 1
    (Dixon, "The probability of generating the symmetric group", 1969); the diameter of such graphs
    is conjectured to be polynomial in n (Babai's conjecture).

    >>> random_generators(5, 2, seed=1).names
    ('g0', 'g1')
    """
    n = check_int("n", n, 2)
    k = check_int("k", k, 1)
    seed = check_int("seed", seed, 0)
    require(isinstance(inverse_closed, (bool, np.bool_)),
            f"parameter inverse_closed must be a bool, got {inverse_closed!r}")
    limit = 1
    for m in range(2, n + 1):
        limit *= m
        if limit > k:
            break
    require(k <= limit - 1, f"parameter k = {k} exceeds the {limit - 1} non-identity permutations of S_{n}")
    rng = np.random.default_rng(seed)
    seen, pairs, identity = set(), [], np.arange(n)
    while len(pairs) < k:
        p = rng.permutation(n)
        key = p.tobytes()
        if key in seen or np.array_equal(p, identity):
            continue
        seen.add(key)
        pairs.append((f"g{len(pairs)}", p))
    return graph_from(with_inverses(pairs) if inverse_closed else pairs)
