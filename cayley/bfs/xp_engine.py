"""Vectorised layer-by-layer BFS over packed states, written against an array module ``xp``.

The same code runs on numpy (CPU) and CuPy (GPU): only ``xp`` functions are used inside the loop.
Each layer is a sorted array of unique packed rows (uint64, ``words`` columns). A new layer is the
set of all neighbours of the frontier minus the states already seen:

* inverse-closed generators: a neighbour of layer d lies in layer d-1, d or d+1, so only the last
  two layers are kept;
* directed generators: every visited state is kept, as sorted runs merged like a log-structured
  tree (runs of similar size are merged), so membership is a few binary searches.

The frontier is expanded in batches so that a large layer does not multiply memory, and the memory
of each layer is estimated before it is built (``MemoryBudgetError`` when over budget).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from ..encoding import Squeeze, StateCodec
from ..errors import MemoryBudgetError
from ..result import GrowthResult
from .memory import resolve_budget
from .progress import Progress

__all__ = ["growth_xp", "unique_rows", "setdiff_rows", "to_host"]

_WORKING_BYTES = 64 << 20  # target size of one expansion batch on the CPU (fits the caches' reach)
_DEVICE_BATCH_SHARE = 16  # on a GPU one batch may take 1/16 of the memory budget
_PARALLEL_FROM = 1 << 15  # frontiers smaller than this are expanded in one thread


def to_host(a) -> np.ndarray:
    """A numpy copy of an xp array (no-op for numpy)."""
    return a.get() if hasattr(a, "get") else np.asarray(a)


def _lex_order(rows, xp):
    """Permutation sorting (N, W) rows lexicographically, word 0 most significant."""
    keys = xp.ascontiguousarray(rows.T[::-1])
    return xp.lexsort(keys)


def unique_rows(rows, xp=np, presorted_runs: bool = False):
    """Sorted unique rows of an (N, W) uint64 array.

    ``presorted_runs``: the rows are a few sorted runs one after the other (a stable sort merges
    them in about linear time).
    """
    if rows.shape[0] == 0:
        return rows
    if rows.shape[1] == 1:
        # sort + mask (np.unique may pick a slower hash-based path for integers)
        column = rows[:, 0]
        # numpy merges presorted runs with a stable sort; CuPy's sort is a radix sort and takes no kind
        values = xp.sort(column, kind="stable") if presorted_runs and xp is np else xp.sort(column)
        keep = xp.ones(values.shape[0], dtype=bool)
        keep[1:] = values[1:] != values[:-1]
        return values[keep][:, None]
    rows = rows[_lex_order(rows, xp)]
    keep = xp.ones(rows.shape[0], dtype=bool)
    keep[1:] = xp.any(rows[1:] != rows[:-1], axis=1)
    return rows[keep]


def setdiff_rows(a, b, xp=np):
    """Rows of ``a`` not in ``b``; both sorted and unique, result sorted."""
    if a.shape[0] == 0 or b.shape[0] == 0:
        return a
    if a.shape[1] == 1:
        av, bv = a[:, 0], b[:, 0]
        idx = xp.minimum(xp.searchsorted(bv, av), bv.shape[0] - 1)
        return a[bv[idx] != av]
    both = xp.concatenate([b, a])
    tag = xp.concatenate([xp.zeros(b.shape[0], dtype=xp.uint64), xp.ones(a.shape[0], dtype=xp.uint64)])
    keys = xp.concatenate([tag[None, :], xp.ascontiguousarray(both.T[::-1])])
    order = xp.lexsort(keys)
    both, tag = both[order], tag[order]
    seen_before = xp.zeros(both.shape[0], dtype=bool)
    seen_before[1:] = xp.all(both[1:] == both[:-1], axis=1)
    return both[(tag == 1) & ~seen_before]


def _fresh_words(values, known, xp):
    """Sorted distinct ``values`` (one-word rows) that are in none of the sorted arrays ``known``: one
    mask and one compaction (on a GPU, one wait for the result's size instead of three)."""
    values = xp.sort(values)
    keep = xp.ones(values.shape[0], dtype=bool)
    keep[1:] = values[1:] != values[:-1]
    for ref in known:
        if ref.shape[0]:
            keep &= ref[xp.minimum(xp.searchsorted(ref, values), ref.shape[0] - 1)] != values
    return values[keep]


def _merge_rows(a, b, xp):
    """Sorted union of two disjoint sorted row arrays."""
    both = xp.concatenate([a, b])
    if both.shape[1] == 1:
        return xp.sort(both[:, 0])[:, None]
    return both[_lex_order(both, xp)]


class _Visited:
    """All visited states as sorted runs; runs of similar size are merged (log-structured)."""

    def __init__(self, xp):
        self.xp = xp
        self.runs = []

    def add(self, rows):
        self.runs.append(rows)
        while len(self.runs) > 1 and self.runs[-2].shape[0] <= 2 * self.runs[-1].shape[0]:
            b = self.runs.pop()
            a = self.runs.pop()
            self.runs.append(_merge_rows(a, b, self.xp))

    def remove_from(self, rows):
        for run in self.runs:
            rows = setdiff_rows(rows, run, self.xp)
        return rows

    def nbytes(self) -> int:
        return sum(int(r.nbytes) for r in self.runs)


def _expander(graph, squeeze, xp):
    """A function mapping (B, words) packed states to the (B * k, words) packed states of all neighbours.

    Permutations (those of ``squeeze``, on the entries it keeps) act directly on the packed words (a
    few mask-and-shift operations per generator, see :meth:`Packing.permutation_plan`); matrix moves
    decode (the entries left out hold the central state's values), multiply mod m and encode the kept
    entries again.
    """
    packing = squeeze.packing
    if graph.is_matrix_group:
        d, m, n = graph.matrix_size, graph.modulo, graph.state_size
        mats = xp.asarray(graph.generators)[None]
        kept, center = xp.asarray(squeeze.moved), xp.asarray(squeeze.center.astype(np.int64))

        def expand_matrices(words):
            s = xp.repeat(center[None, :], words.shape[0], axis=0)
            s[:, kept] = packing.decode(words, xp, dtype=xp.int64)
            out = (xp.matmul(s.reshape(-1, 1, d, d), mats) % m).reshape(-1, n)
            return packing.encode(out[:, kept], xp)

        return expand_matrices
    plans = [packing.permutation_plan(g) for g in (graph.generators if squeeze.perms is None else squeeze.perms)]
    k, n_words = len(plans), packing.words

    def expand_permutations(words):
        out = xp.zeros((k, words.shape[0], n_words), dtype=xp.uint64)
        columns = [xp.ascontiguousarray(words[:, w]) for w in range(n_words)]
        part = xp.empty(words.shape[0], dtype=xp.uint64)
        for gi, plan in enumerate(plans):
            for dst, src, mask, shift in plan:
                xp.bitwise_and(columns[src], xp.uint64(mask), out=part)
                if shift > 0:
                    xp.left_shift(part, xp.uint64(shift), out=part)
                elif shift < 0:
                    xp.right_shift(part, xp.uint64(-shift), out=part)
                xp.bitwise_or(out[gi, :, dst], part, out=out[gi, :, dst])
        return out.reshape(-1, n_words)

    return expand_permutations


def growth_xp(
    graph,
    xp=np,
    max_diameter=None,
    progress=None,
    memory_budget=None,
    keep_layers: bool = False,
    batch_size: int | None = None,
    backend_name: str = "numpy",
    workers: int = 1,
) -> GrowthResult:
    """Growth function of ``graph`` computed with array module ``xp`` (numpy or cupy).

    ``workers > 1`` expands that many slices of a large frontier in threads (numpy releases the GIL in
    its sorts and searches, so this uses several CPU cores); the slices are merged exactly.

    >>> import cayley
    >>> growth_xp(cayley.groups.coxeter(4)).layer_sizes
    [1, 3, 5, 6, 5, 3, 1]
    """
    codec = StateCodec(graph)
    squeeze = Squeeze(graph, codec.packing)  # entries no generator moves are left out of the rows
    packing = squeeze.packing
    k = graph.n_generators
    n = graph.state_size if graph.is_matrix_group else packing.n  # a matrix move works on whole matrices
    entry_bytes = np.dtype(packing.entry_dtype).itemsize
    row_bytes = 8 * packing.words
    per_state = per_state_bytes(k, n, entry_bytes + 16 * graph.is_matrix_group, row_bytes)
    budget = resolve_budget(memory_budget, xp)
    if batch_size is None:
        # a GPU sorts hundreds of millions of rows per launch, so it gets far larger batches
        working = _WORKING_BYTES if xp is np else max(_WORKING_BYTES, budget // _DEVICE_BATCH_SHARE)
        batch_size = max(1, working // per_state)
    report = progress if isinstance(progress, Progress) else Progress(progress, label=backend_name)
    expand = _expander(graph, squeeze, xp)
    pool = ThreadPoolExecutor(workers) if workers > 1 else None

    current = xp.asarray(squeeze.reduce(codec.encode(graph.central_state[None].reshape(1, -1))))
    previous = current[:0]
    visited = None if graph.is_inverse_closed else _Visited(xp)
    if visited is not None:
        visited.add(current)
    layer_sizes = [1]
    kept = [current] if keep_layers else None
    orbit = graph.orbit_bound()
    complete = True
    report.layer(0, 1, 1)

    while True:
        if max_diameter is not None and len(layer_sizes) - 1 >= max_diameter:
            complete = False
            break
        frontier = current.shape[0]
        bound = frontier * k if orbit is None else min(frontier * k, orbit - sum(layer_sizes))
        stored = (visited.nbytes() if visited is not None else int(current.nbytes + previous.nbytes))
        stored += sum(int(a.nbytes) for a in kept) if kept is not None and visited is None else 0
        estimate = stored + 2 * bound * row_bytes + min(batch_size, frontier) * per_state
        if estimate > budget:
            raise MemoryBudgetError(estimate, budget, f"layer {len(layer_sizes)}", layer_sizes)
        def expand_slice(lo, hi, current=current, previous=previous):
            if visited is None and packing.words == 1 and xp is not np:  # on the CPU, shrinking as it goes pays
                return _fresh_words(expand(current[lo:hi])[:, 0], (current[:, 0], previous[:, 0]), xp)[:, None]
            cand = unique_rows(expand(current[lo:hi]), xp)
            if visited is None:
                cand = setdiff_rows(setdiff_rows(cand, current, xp), previous, xp)
            return cand

        step = batch_size
        if pool is not None and frontier >= _PARALLEL_FROM:
            step = min(batch_size, -(-frontier // workers))
        slices = [(lo, min(lo + step, frontier)) for lo in range(0, frontier, step)]
        if pool is not None and len(slices) > 1:
            pieces = list(pool.map(lambda bounds: expand_slice(*bounds), slices))
        else:
            pieces = [expand_slice(lo, hi) for lo, hi in slices]
        cand = unique_rows(xp.concatenate(pieces), xp, presorted_runs=True) if len(pieces) > 1 else pieces[0]
        new = visited.remove_from(cand) if visited is not None else cand
        if new.shape[0] == 0:
            break
        if visited is not None:
            visited.add(new)
        previous, current = current, new
        layer_sizes.append(int(new.shape[0]))
        if kept is not None:
            kept.append(new)
        mem = visited.nbytes() if visited is not None else int(current.nbytes + previous.nbytes)
        report.layer(len(layer_sizes) - 1, layer_sizes[-1], sum(layer_sizes), mem)

    if pool is not None:
        pool.shutdown()
    def full_rows(rows):  # back to the graph's packing, sorted in its row order
        return unique_rows(squeeze.restore(rows)) if squeeze.active else rows

    last = codec.decode(full_rows(to_host(current)))
    layers = [full_rows(to_host(a)) for a in kept] if kept is not None else None
    return GrowthResult(
        layer_sizes=layer_sizes,
        last_layer=last,
        complete=complete,
        backend=backend_name,
        elapsed=report.elapsed(),
        layers=layers,
        codec=codec,
    )


def per_state_bytes(k: int, n: int, entry_bytes: int, row_bytes: int) -> int:
    """Working bytes per frontier state during one expansion batch."""
    return k * (n * (entry_bytes + 8) + 2 * row_bytes)
