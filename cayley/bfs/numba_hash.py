"""Exact set BFS for general states on the CPU (numba, both cores): the ``"numba"`` backend for graphs
that are not the full symmetric group.

Works for every graph: coset graphs (repeated values), any permutation group, matrix groups mod m and
states that span several uint64 words. States are packed (:class:`cayley.encoding.Packing`) and kept
whole, so every set is exact (see :mod:`._hash_kernels`): open-addressing tables of packed keys, or a
bitset over all keys when the key space is small (one word of at most a few dozen bits).

* Inverse-closed generators: a neighbour of layer d lies in layer d-1, d or d+1, so only the last two
  layers are kept; a candidate is new when it is in neither.
* Directed generators: every visited state is kept.

Memory is estimated before each layer's allocations (``MemoryBudgetError``), each layer is reported
to :class:`Progress`, and with ``checkpoint_dir`` every finished layer is written atomically so that
a killed run resumes with identical layer sizes.

>>> import cayley
>>> growth_hash(cayley.groups.lrx(6).with_central_state([0, 0, 0, 1, 1, 1])).layer_sizes
[1, 2, 3, 4, 4, 3, 2, 1]
"""

from __future__ import annotations

import os
from contextlib import contextmanager

# Idle OpenMP workers sleep instead of spinning: on a shared machine spinning workers starve the one
# still working (a parallel region then costs milliseconds instead of microseconds). Effective only
# when set before numba starts its threads; harmless otherwise.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numba  # noqa: E402
import numpy as np  # noqa: E402

from ..encoding import Squeeze, StateCodec  # noqa: E402
from ..errors import MemoryBudgetError  # noqa: E402
from ..graph import CayleyGraph  # noqa: E402
from ..result import GrowthResult  # noqa: E402
from ._hash_search import Search  # noqa: E402
from ._hash_store import LayerStore  # noqa: E402
from ._options import check_max_diameter  # noqa: E402
from .memory import resolve_budget  # noqa: E402
from .progress import Progress  # noqa: E402

__all__ = ["growth_hash", "move_tables", "sorted_rows", "sorted_states"]

BACKEND = "numba"
DENSE_ALWAYS = 64 << 20  # a bitset this small is always worth it
SERIAL_BELOW = 1 << 15  # layers with fewer candidates run on one thread (no parallel start-up cost)


def move_tables(graph: CayleyGraph, packing, perms=None, squeeze=None) -> tuple:
    """Kernel arguments ``(kind, ops, op_start, d, m, bits, per_word, const)`` for the moves of ``graph``
    (or of the permutations ``perms`` of ``packing.n`` entries, when given).

    kind 0: a permutation becomes mask-and-shift ops grouped by target word, one per (target word,
    source word, shift) that some entry uses: ``out[dst] |= ((in[src] >> r) << l) & mask``.

    kind 1: a matrix move (right multiplication mod m) is affine on the packed fields (the matrix
    entries, all of them or those ``squeeze`` (a :class:`cayley.encoding.Squeeze`) keeps; the others
    hold the central state's values): field v of the image is ``const[g, v] + sum of
    ops[g, t, 1] * field ops[g, t, 0]`` over ``t`` in ``op_start[g, v]:op_start[g, v + 1]``, mod m.
    Zero coefficients and entries that never change are folded away, so a unitriangular generator
    costs one or two terms per field.
    """
    G, W = graph.n_generators, packing.words
    if graph.is_matrix_group:
        if graph.modulo >= 2**31:
            raise ValueError(f"modulo {graph.modulo} is too large for the numba backend (must be < 2**31)")
        return _affine_tables(graph, packing, squeeze)
    b, pw = packing.bits, packing.per_word
    field = (1 << b) - 1
    plans = []
    for perm in graph.generators if perms is None else perms:
        groups: dict = {}
        for i, src in enumerate(perm.tolist()):
            key = (i // pw, src // pw, b * (i % pw) - b * (src % pw))
            groups[key] = groups.get(key, 0) | (field << (b * (i % pw)))
        plans.append(sorted(groups.items()))
    ops = np.zeros((G, max(len(p) for p in plans), 4), np.uint64)
    op_start = np.zeros((G, W + 1), np.int64)
    for g, plan in enumerate(plans):
        for t, ((dw, sw, delta), mask) in enumerate(plan):
            ops[g, t] = (sw, max(-delta, 0), max(delta, 0), mask)
            op_start[g, dw + 1 :] += 1
    return (0, ops, op_start, 0, 1, b, pw, np.zeros((1, 1), np.int64))


def _affine_tables(graph: CayleyGraph, packing, squeeze=None) -> tuple:
    """The kind-1 tables of :func:`move_tables`."""
    d, m, n = graph.matrix_size, graph.modulo, graph.state_size
    kept = np.arange(n) if squeeze is None else np.asarray(squeeze.moved)
    center = np.zeros(n, np.int64) if squeeze is None else np.asarray(squeeze.center, np.int64)
    field = np.full(n, -1, np.int64)
    field[kept] = np.arange(len(kept))
    mats = np.asarray(graph.generators, np.int64) % m
    G, V = len(mats), len(kept)
    const = np.zeros((G, V), np.int64)
    op_start = np.zeros((G, V + 1), np.int64)
    terms = [[] for _ in range(G)]
    for g in range(G):
        for v, e in enumerate(kept.tolist()):
            r, c = divmod(e, d)
            for k in range(d):
                coef, src = int(mats[g, k, c]), r * d + k
                if coef == 0:
                    continue
                if field[src] < 0:  # an entry that never changes: part of the constant
                    const[g, v] = (const[g, v] + int(center[src]) * coef) % m
                else:
                    terms[g].append((int(field[src]), coef))
            op_start[g, v + 1] = len(terms[g])
    ops = np.zeros((G, max(1, max(len(t) for t in terms)), 4), np.uint64)
    for g in range(G):
        for t, (src, coef) in enumerate(terms[g]):
            ops[g, t, 0], ops[g, t, 1] = src, coef
    return (1, ops, op_start, d, m, packing.bits, packing.per_word, const)


def dense_key_bits(graph: CayleyGraph, packing, budget: int) -> int | None:
    """Bits of the packed key when a bitset over all keys is the better exact set, else None.

    That is when states fit one word and the bitset (2**bits / 8 bytes) is at most DENSE_ALWAYS
    bytes or at most 2 bytes per state of the orbit bound, and under a quarter of the budget.
    """
    key_bits = packing.bits * packing.n
    if packing.words != 1 or key_bits > 40 or (1 << max(0, key_bits - 3)) > budget // 4:
        return None
    nbytes, orbit = 1 << max(0, key_bits - 3), graph.orbit_bound()
    return key_bits if nbytes <= DENSE_ALWAYS or (orbit is not None and nbytes <= 2 * orbit) else None


def sorted_rows(rows: np.ndarray) -> np.ndarray:
    """Rows sorted lexicographically, word 0 most significant (the layer format of every backend)."""
    if rows.shape[1] == 1:
        return np.sort(rows[:, 0])[:, None]
    return rows[np.lexsort(rows.T[::-1])]


def sorted_states(codec, packed: np.ndarray) -> np.ndarray:
    """Packed rows decoded to rows of central-state values, in the order of :func:`sorted_rows` (how
    every engine returns its last layer)."""
    return codec.from_indices(codec.packing.decode(sorted_rows(packed)))


@contextmanager
def _threads(count: int):
    """Run numba parallel regions with ``count`` threads inside the block."""
    before = numba.get_num_threads()
    numba.set_num_threads(max(1, min(count, numba.config.NUMBA_NUM_THREADS)))
    try:
        yield
    finally:
        numba.set_num_threads(before)


def growth_hash(
    graph: CayleyGraph,
    max_diameter: int | None = None,
    progress=None,
    memory_budget=None,
    keep_layers: bool = False,
    checkpoint_dir=None,
    *,
    set_kind: str = "auto",
) -> GrowthResult:
    """Growth function of ``graph`` with the exact set BFS (backend name ``"numba"``).

    Parameters are those of :func:`cayley.growth`; ``checkpoint_dir`` persists every finished layer
    and resumes from it. ``keep_layers=True`` returns every layer as sorted packed rows.
    ``set_kind``: ``"auto"``, ``"hash"`` (tables of packed keys) or ``"bitset"`` (one bit per possible
    key; one-word states with a small key space only). ``result.info["set_kind"]`` tells which ran.

    >>> import cayley
    >>> growth_hash(cayley.groups.lx(4)).layer_sizes
    [1, 2, 3, 5, 5, 5, 3]
    """
    if not isinstance(graph, CayleyGraph):
        raise ValueError(f"growth_hash() needs a CayleyGraph, got {type(graph).__name__}")
    check_max_diameter(max_diameter)
    codec = StateCodec(graph)
    squeeze = Squeeze(graph, codec.packing)
    words = squeeze.packing.words
    budget = resolve_budget(memory_budget)
    report = progress if isinstance(progress, Progress) else Progress(progress, label=BACKEND)
    directed = not graph.is_inverse_closed
    key_bits = _choose_set(set_kind, graph, squeeze.packing, budget)
    moves = move_tables(graph, squeeze.packing, squeeze.perms, squeeze)
    search = Search(words, moves, directed, graph.n_generators, key_bits, budget)
    store = LayerStore(checkpoint_dir, graph, codec.packing.words, keep_layers or directed) if checkpoint_dir else None
    loaded = store.load(need_all=keep_layers or directed) if store is not None else None
    if loaded is None:
        center = codec.packing.encode(codec.to_indices(graph.central_state.reshape(1, -1)))
        sizes, layers, finished, resumed = [1], [center], False, None
        if store is not None:
            store.save(sizes, center)
    else:
        sizes, layers, finished = loaded
        resumed = len(sizes) - 1
    kept = [sorted_rows(a) for a in layers] if keep_layers else None
    layers = [squeeze.reduce(a) for a in layers]
    if max_diameter is not None and len(sizes) - 1 > max_diameter:
        return _truncated(sizes, max_diameter, store, kept, codec, report, resumed)
    search.resume(layers)
    del layers
    peak = search.resident_bytes()
    if resumed is None:
        report.layer(0, 1, 1, peak)

    def check(estimate: int, what: str) -> None:
        nonlocal peak
        estimate += sum(int(a.nbytes) for a in kept) if kept else 0
        if estimate > budget:
            raise MemoryBudgetError(estimate, budget, f"layer {len(sizes)} ({what})", sizes)
        peak = max(peak, estimate)

    complete = True
    while not finished:
        if max_diameter is not None and len(sizes) - 1 >= max_diameter:
            complete = False
            break
        with _threads(1 if len(search.frontier) * graph.n_generators < SERIAL_BELOW else numba.get_num_threads()):
            n_new = search.step(check)
        if n_new == 0:
            finished = True
            if store is not None:
                store.save(sizes, None, finished=True)
            break
        sizes.append(n_new)
        if kept is not None:
            kept.append(sorted_rows(squeeze.restore(search.frontier)))
        if store is not None:
            store.save(sizes, squeeze.restore(search.frontier))
        report.layer(len(sizes) - 1, n_new, sum(sizes), search.resident_bytes())
    last = sorted_states(codec, squeeze.restore(search.frontier))
    info = {"engine": "hash", "set_kind": "hash" if key_bits is None else "bitset",
            "peak_bytes_estimate": int(peak), "resumed_from_layer": resumed}
    return GrowthResult(sizes, last, complete, BACKEND, report.elapsed(), kept, codec, info)


def _choose_set(set_kind: str, graph, packing, budget: int):
    """Key bits for the bitset mode, or None for hash tables."""
    if set_kind not in ("auto", "hash", "bitset"):
        raise ValueError(f"set_kind must be 'auto', 'hash' or 'bitset', got {set_kind!r}")
    if set_kind == "auto":
        return dense_key_bits(graph, packing, budget)
    if set_kind == "hash":
        return None
    key_bits = packing.bits * packing.n
    if packing.words != 1 or (1 << max(0, key_bits - 3)) > budget:
        raise ValueError(
            f"set_kind='bitset' needs one-word states whose bitset (2**key_bits / 8 bytes) fits the "
            f"memory budget; these states have {key_bits} key bits in {packing.words} word(s)"
        )
    return key_bits


def _truncated(sizes, max_diameter, store, kept, codec, report, resumed) -> GrowthResult:
    """A stored run already past ``max_diameter``: its first layers."""
    last = sorted_states(codec, store.read(max_diameter, sizes[max_diameter]))
    layers = kept[: max_diameter + 1] if kept is not None else None
    info = {"engine": "hash", "resumed_from_layer": resumed}
    return GrowthResult(sizes[: max_diameter + 1], last, False, BACKEND, report.elapsed(), layers, codec, info)
