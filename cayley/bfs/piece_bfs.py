"""Breadth-first growth of puzzle-like graphs over piece coordinates, 2 bits per numbered state.

The states are numbered by :mod:`cayley.bfs.pieces` (arrangement and orientation of the pieces), and
a move is one table look-up per coordinate, so a neighbour costs a few loads from tables that fit the
cache instead of a permutation of packed values and a hash-set probe. Every number owns a 2-bit code
(0 unseen, 1 seen, 2 frontier, 3 new); a layer is one parallel pass over the words that hold frontier
codes (neighbours are claimed with an atomic OR after a plain read found them unseen, so each new
state is counted exactly once) and one pass turning codes 2 into 1 and 3 into 2. Numbers that no
state reaches (a twist sum or a parity the moves preserve) stay unseen and cost only their 2 bits.

Directed generators are exact too (a code never returns to unseen). With ``checkpoint_dir`` the codes
are persisted after finished layers (at most ~10% of the run time spent saving) and a restarted run
resumes.

>>> import cayley
>>> g = cayley.groups.get("cube", size=2, metric="HTM", fix_corner=True)
>>> r = growth_pieces(g)
>>> r.layer_sizes[:4], r.num_states, r.diameter     # 3,674,160 = 7! * 3**6
([1, 9, 54, 321], 3674160, 11)
"""

from __future__ import annotations

from functools import partial

import numpy as np
from numba import get_num_threads, njit

from ..encoding import StateCodec
from ..errors import MemoryBudgetError
from ..result import GrowthResult
from ._atomics import atomic_add_i64, atomic_or_u8, ctz64, popcount64
from ._options import check_direction, check_max_diameter, check_workers
from ._rank_layers import Workers
from .checkpoint import Checkpoint, Saver, graph_fingerprint
from .memory import resolve_budget
from .pieces import PiecePlan, piece_plan
from .progress import Progress

__all__ = ["growth_pieces", "piece_plan", "estimate_piece_bytes"]

CHUNK_WORDS = 1 << 11  # code words (32 states each) a worker takes at a time
SERIAL_BELOW = 1 << 16  # frontier moves below which a layer runs on one thread
BOTTOM_UP_MARGIN = 2.0  # bottom-up runs when predicted this much cheaper than top-down
M55 = np.uint64(0x5555555555555555)


@njit(cache=True, nogil=True, inline="always")
def table_rows(slot, strides, offsets, k, rows):
    """``rows[c]``: where the move-table row of coordinate c of state ``slot`` starts."""
    rest = slot
    for c in range(strides.shape[0]):
        digit = rest // strides[c]
        rest -= digit * strides[c]
        rows[c] = offsets[c] + digit * k


@njit(cache=True, nogil=True, inline="always")
def look_up(table, rows, g):
    """The number of the state that move ``g`` leads to (the sum of its coordinates' entries)."""
    out = table[rows[0] + g]
    for c in range(1, rows.shape[0]):
        out += table[rows[c] + g]
    return out


@njit(cache=True, nogil=True)
def expand(codes8, codes64, first, last, counter, moves, offsets, strides, k):
    """Claim the unseen neighbours of the frontier states in code words ``[first, last)``, taken
    CHUNK_WORDS at a time from ``counter[0]``; returns the number of states this call claimed."""
    rows = np.empty(strides.shape[0], np.int64)
    claimed = np.int64(0)
    while True:
        lo = first + atomic_add_i64(counter, 0, CHUNK_WORDS)
        if lo >= last:
            break
        for wi in range(lo, min(last, lo + CHUNK_WORDS)):
            w = codes64[wi]
            m = (w >> np.uint64(1)) & ~w & M55  # code 2: high bit set, low bit clear
            while m:
                bit = ctz64(m)
                m &= m - np.uint64(1)
                table_rows(wi * 32 + np.int64(bit >> np.uint64(1)), strides, offsets, k, rows)
                for g in range(k):
                    target = look_up(moves, rows, g)
                    byte, shift = target >> 2, np.uint8((target & 3) << 1)
                    if (codes8[byte] >> shift) & np.uint8(3) == 0:
                        old = atomic_or_u8(codes8, byte, np.uint8(3) << shift)
                        if (old >> shift) & np.uint8(3) == 0:
                            claimed += 1
    return claimed


@njit(cache=True, nogil=True)
def expand_bottom_up(codes64, first, last, counter, inverse, offsets, strides, k, num_slots):
    """Every unseen state of code words ``[first, last)`` (taken CHUNK_WORDS at a time from
    ``counter[0]``) looks for a frontier state among its in-neighbours and becomes new (code 3) when
    it finds one; only the caller writes its words. Returns the number of states marked."""
    rows = np.empty(strides.shape[0], np.int64)
    found = np.int64(0)
    while True:
        lo = first + atomic_add_i64(counter, 0, CHUNK_WORDS)
        if lo >= last:
            break
        for wi in range(lo, min(last, lo + CHUNK_WORDS)):
            w = codes64[wi]
            m = ~((w >> np.uint64(1)) | w) & M55  # code 0
            if wi * 32 + 32 > num_slots:  # padding past the last number is not a state
                m &= (np.uint64(1) << np.uint64(2 * (num_slots - wi * 32))) - np.uint64(1)
            marks = np.uint64(0)
            while m:
                bit = ctz64(m)
                m &= m - np.uint64(1)
                table_rows(wi * 32 + np.int64(bit >> np.uint64(1)), strides, offsets, k, rows)
                for g in range(k):
                    source = look_up(inverse, rows, g)
                    if (codes64[source >> 5] >> np.uint64((source & 31) << 1)) & np.uint64(3) == 2:
                        marks |= np.uint64(3) << bit
                        found += 1
                        break
            if marks:
                codes64[wi] = w | marks
    return found


@njit(cache=True, nogil=True)
def finish(codes64, first, last):
    """Codes 2 -> 1 and 3 -> 2 in words ``[first, last)``; returns the number of new frontier codes."""
    count = np.int64(0)
    for wi in range(first, last):
        w = codes64[wi]
        hi = (w >> np.uint64(1)) & M55
        lo = w & M55
        both = hi & lo
        if hi == 0:
            continue
        count += np.int64(popcount64(both))
        codes64[wi] = (both << np.uint64(1)) | (hi ^ lo)
    return count


@njit(cache=True, nogil=True)
def collect_frontier(codes64, out):
    """Numbers of the frontier states (code 2), in increasing order, into ``out``; returns how many."""
    n = 0
    for wi in range(codes64.shape[0]):
        w = codes64[wi]
        hi = (w >> np.uint64(1)) & M55
        lo = w & M55
        m = hi & ~lo
        while m:
            bit = ctz64(m)
            m &= m - np.uint64(1)
            out[n] = wi * 32 + np.int64(bit >> np.uint64(1))
            n += 1
    return n


def estimate_piece_bytes(plan: PiecePlan) -> int:
    """Bytes :func:`growth_pieces` allocates: the codes and the move tables."""
    return (plan.num_slots + 127) // 128 * 32 + sum(8 * s * plan.k for s in plan.sizes)


class _State:
    def __init__(self, plan: PiecePlan, codes=None):
        words = (plan.num_slots + 31) // 32
        if codes is None:
            self.codes64 = np.zeros(words, np.uint64)
            start = int(plan.encode_states(plan.center[None])[0])
            self.codes64[start >> 5] = np.uint64(2) << np.uint64((start & 31) * 2)
        else:
            self.codes64 = np.ascontiguousarray(codes, dtype=np.uint64)
            if self.codes64.shape != (words,):
                raise ValueError("checkpoint arrays do not match this graph's numbering; use an empty directory")
        self.codes8 = self.codes64.view(np.uint8)

    def arrays(self) -> dict:
        return {"codes": self.codes64}


def _move_args(plan: PiecePlan, inverse: bool = False):
    """Flat move table (each entry already times its coordinate's stride), row offsets, strides; with
    ``inverse``, the table of the inverse moves (the in-neighbours)."""
    tables = plan.tables
    if inverse:
        tables = []
        for t in plan.tables:
            inv = np.empty_like(t)
            inv[t, np.arange(plan.k)[None, :]] = np.arange(len(t), dtype=t.dtype)[:, None]
            tables.append(inv)
    flat = np.concatenate([t.astype(np.int64).ravel() * s for t, s in zip(tables, plan.strides)])
    offsets = np.cumsum([0] + [s * plan.k for s in plan.sizes[:-1]]).astype(np.int64)
    return flat, offsets, plan.strides.astype(np.int64)


def _bottom_up_pays(frontier: int, unseen: int, k: int) -> bool:
    """True when bottom-up is predicted BOTTOM_UP_MARGIN times cheaper (random in-neighbour model of
    :func:`cayley.bfs.rank_bfs._model_ratio`; unseen numbers no state reaches make it pessimistic)."""
    from .rank_bfs import _model_ratio

    return _model_ratio(frontier, unseen, k) * BOTTOM_UP_MARGIN < 1


def growth_pieces(graph, max_diameter=None, progress=None, memory_budget=None, keep_layers=False,
                  checkpoint_dir=None, workers: int | None = None, plan: PiecePlan | None = None,
                  direction: str = "auto") -> GrowthResult:
    """Growth of a puzzle-like permutation graph over piece coordinates (see the module docstring).

    Parameters are those of :func:`cayley.growth`, plus ``workers`` (threads; default numba's
    thread count), ``plan`` (a :class:`PiecePlan` already built for ``graph``) and ``direction``
    (``"auto"``: per layer, bottom-up -- every unseen state looks for a frontier in-neighbour -- when
    a cost model says it is clearly cheaper, else top-down; ``"top-down"`` / ``"bottom-up"`` force one). ``keep_layers`` is
    not supported (the numba backend sends such requests to the hash engine). ``result.info`` holds
    ``layout`` (the coordinates), ``bytes_per_state`` (allocated bytes per numbered state) and
    ``directions`` (per layer).
    """
    plan = plan or piece_plan(graph)
    if plan is None:
        raise ValueError("this graph's states are not pieces in blocks (see cayley.bfs.pieces); use the hash engine")
    if keep_layers:
        raise ValueError("keep_layers is not supported by the piece engine; use the hash or numpy backend")
    check_direction(direction)
    check_workers(workers)
    check_max_diameter(max_diameter)
    report = progress if isinstance(progress, Progress) else Progress(progress, label="numba-pieces")
    budget = resolve_budget(memory_budget)
    need = estimate_piece_bytes(plan)
    if need > budget:
        raise MemoryBudgetError(need, budget, f"the codes of {plan.num_slots:,} numbered states (2 bits each)")

    ck, state, sizes = None, None, [1]
    if checkpoint_dir is not None:
        ck = Checkpoint(checkpoint_dir, graph_fingerprint(graph, "numba-pieces", plan.describe()))
        meta, arrays = ck.load(max_diameter)
        if meta is not None:
            state, sizes = _State(plan, arrays["codes"]), [int(x) for x in meta["layer_sizes"]]
    state = state or _State(plan)
    saver = Saver(ck, int(state.codes64.nbytes))
    for d, size in enumerate(sizes):
        report.layer(d, size, sum(sizes[: d + 1]), need)

    pool = Workers(workers or get_num_threads())
    moves = _move_args(plan)
    words = len(state.codes64)
    counter = np.zeros(1, np.int64)
    inverse, directions = None, []
    cuts = np.linspace(0, words, pool.count + 1).astype(np.int64)
    complete = True
    try:
        while True:
            if max_diameter is not None and len(sizes) - 1 >= max_diameter:
                complete = False
                break
            unseen = plan.num_slots - sum(sizes)
            bottom_up = direction == "bottom-up" or (direction == "auto" and _bottom_up_pays(sizes[-1], unseen, plan.k))
            counter[0] = 0
            if bottom_up:
                inverse = inverse if inverse is not None else _move_args(plan, inverse=True)
                count = pool.count if unseen >= SERIAL_BELOW else 1
                calls = [partial(expand_bottom_up, state.codes64, 0, words, counter, *inverse, plan.k, plan.num_slots)]
            else:
                count = pool.count if sizes[-1] * plan.k >= SERIAL_BELOW else 1
                calls = [partial(expand, state.codes8, state.codes64, 0, words, counter, *moves, plan.k)]
            directions.append("bottom-up" if bottom_up else "top-down")
            new = int(sum(pool.run(calls * count)))
            if new == 0:
                break
            parts = [partial(finish, state.codes64, int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:])]
            found = int(sum(pool.run(parts)))
            assert found == new, (found, new)
            sizes.append(new)
            saver.maybe_save(state, sizes, False)
            report.layer(len(sizes) - 1, new, sum(sizes), need)
        saver.maybe_save(state, sizes, complete, force=True)
    finally:
        pool.close()
    last = _last_layer(graph, plan, state, sizes, budget)
    info = {"engine": "pieces", "layout": plan.describe(), "bytes_per_state": need / plan.num_slots,
            "directions": directions}
    return GrowthResult(sizes, last, complete, "numba", report.elapsed(), None, None, info)


def _last_layer(graph, plan: PiecePlan, state: _State, sizes, budget) -> np.ndarray:
    """The last layer's states (code 2), sorted like every other engine's."""
    from .numba_hash import sorted_states

    n = graph.state_size
    need = sizes[-1] * (8 * n + 16)
    if need > budget:
        raise MemoryBudgetError(need, budget, f"decoding the last layer ({sizes[-1]:,} states)", sizes)
    numbers = np.empty(sizes[-1], np.int64)
    got = collect_frontier(state.codes64, numbers)
    assert got == sizes[-1], (got, sizes[-1])
    rows = plan.decode(numbers)
    codec = StateCodec(graph)
    return sorted_states(codec, codec.packing.encode(codec.to_indices(rows)))
