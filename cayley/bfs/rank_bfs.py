"""Breadth-first growth over all of S_n (or A_n) with 2 bits per permutation.

Every permutation owns a slot (see :mod:`cayley.bfs.rank_plan`) holding a 2-bit code: unseen, seen,
frontier, or new. One layer is one parallel pass, either *top-down* (expand the frontier, claim unseen
neighbours) or *bottom-up* (every unseen state looks for a frontier in-neighbour), chosen per layer by
estimated cost, followed by a conversion pass over the blocks the layer touched. Directed generator
sets are exact too: a code never returns to unseen, so "seen" means reached at any earlier distance.

Memory is ``n! / 4`` bytes (``n! / 8`` when every generator is even) plus a few bytes per block, and,
where they pay (small graphs, see :func:`private_claims_pay`), as much again per worker for claim rows;
it is estimated before anything is allocated. With ``checkpoint_dir`` the codes are persisted after
finished layers (atomically, at most ~10% of the run time spent saving) and a restarted run resumes.

>>> import cayley
>>> growth_rank(cayley.groups.pancake(6)).layer_sizes
[1, 5, 20, 79, 199, 281, 133, 2]
"""

from __future__ import annotations

import time
from functools import partial

import numpy as np
from numba import get_num_threads

from ..errors import MemoryBudgetError
from ..result import GrowthResult
from . import _rank_layers as L
from ._options import check_direction, check_workers
from .checkpoint import Checkpoint, Saver, graph_fingerprint
from .memory import huge_zeros, last_level_cache_bytes, resolve_budget
from .progress import Progress
from .rank_plan import MAX_N, SHIFT, SWAP, RankPlan, rank_eligible

__all__ = ["growth_rank", "rank_eligible", "estimate_rank_bytes"]

PROBE_BAND = 2.0  # probe both directions only when the predicted cost ratio is within a factor of this
# model correction before the first probe: 1 + KAPPA0_SLOPE * (generators - 1). Measured on the S_11
# graphs at their first probe: 0.9-1.1 with 3 generators (LRX, top_spin), 2.1-4.5 with 10 or 11
# (coxeter, cyclic_coxeter, pancake), where an unseen state's checks cost more than the model says.
KAPPA0_SLOPE = 0.2
BOTTOM_UP_MARGIN = 1.25  # bottom-up must look this much cheaper (its probe extrapolates optimistically)
PROBE_STRIDE = 32  # probes take every PROBE_STRIDE-th block, or fewer: about PROBE_BLOCKS blocks
PROBE_BLOCKS = 16
SERIAL_BELOW = 1 << 12  # moves per layer below which a layer runs on one thread (top_spin(11): 2 threads win from 4k)
PARALLEL_FINISH = 1 << 19  # slots to convert above which the end-of-layer pass runs on all threads
# a parallel top-down layer claims into the rows when it makes at least 1/PRIVATE_DENSITY moves per slot:
# merging the rows costs the end-of-layer pass a pass over every touched unit (top_spin(11): the rows win
# from about 400k frontier states, 1.2M moves over 20M slots)
PRIVATE_DENSITY = 16


def estimate_rank_bytes(plan: RankPlan, workers: int = 2, private_claims: bool = False) -> int:
    """Bytes the rank BFS allocates for ``plan`` (codes, per-block counts, tables, work arrays, and with
    ``private_claims`` a claim row per worker)."""
    codes = plan.total_slots // 4 + 8
    per_block = plan.num_blocks * 8 + plan.num_units + (plan.total_slots >> L.TOUCH_SHIFT) + 1
    tables = int(plan.pat.nbytes + plan.pat_codes.nbytes + plan.low_index.nbytes) + 8 * plan.k * plan.planes * (plan.n_t + 4) * 2
    tables += plan.table_bytes()
    claims = workers * (plan.total_slots // 4) if private_claims else 0
    return codes + per_block + tables + claims + L.scratch_bytes(plan, workers)


class _State:
    """The arrays of one computation (what a checkpoint stores)."""

    def __init__(self, plan: RankPlan, arrays=None):
        if arrays is not None:
            self.codes8 = np.ascontiguousarray(arrays["codes"], dtype=np.uint8)
            self.fcount = np.ascontiguousarray(arrays["fcount"], dtype=np.int32)
            self.ucount = np.ascontiguousarray(arrays["ucount"], dtype=np.int32)
            self.units = np.ascontiguousarray(arrays["units"], dtype=np.uint8)
            shapes = (self.codes8.shape[0], self.fcount.shape[0], self.units.shape[0])
            if shapes != (plan.total_slots // 4, plan.num_blocks, plan.num_units):
                raise ValueError("checkpoint arrays do not match this graph's layout; use an empty directory")
        else:
            self.codes8 = huge_zeros(plan.total_slots // 4, np.uint8)
            self.fcount = np.zeros(plan.num_blocks, dtype=np.int32)
            valid = plan.block_slots if plan.blocks_per_plane > 1 else plan.slots_per_plane
            self.ucount = np.full(plan.num_blocks, valid, dtype=np.int32)
            self.units = np.full(plan.num_units, L.HAS_UNSEEN | L.FEW_FRONTIER, dtype=np.uint8)
            start = plan.slot_of(np.arange(plan.n))
            self.codes8[start >> 2] = 2 << ((start & 3) << 1)
            z = _block_of(plan, start)
            self.fcount[z] = 1
            self.ucount[z] -= 1
            self.units[(start >> 5) // plan.unit_words] |= L.HAS_FRONTIER
        self.codes64 = self.codes8.view(np.uint64)
        self.touched = np.zeros((plan.total_slots >> L.TOUCH_SHIFT) + 1, dtype=np.uint8)

    def arrays(self) -> dict:
        return {"codes": self.codes8, "fcount": self.fcount, "ucount": self.ucount, "units": self.units}


def _block_of(plan: RankPlan, slot: int) -> int:
    k, u = divmod(int(slot), plan.plane_stride)
    return k * plan.blocks_per_plane + u // plan.block_slots


def growth_rank(graph, max_diameter=None, progress=None, memory_budget=None, keep_layers=False,
                checkpoint_dir=None, direction: str = "auto", workers: int | None = None,
                tables: bool = True, claims: str = "auto") -> GrowthResult:
    """Growth of a permutation graph with distinct central values, 2 bits per permutation of S_n.

    Parameters are those of :func:`cayley.growth`, plus ``direction`` (``"auto"`` picks top-down or
    bottom-up per layer by estimated cost; ``"top-down"`` / ``"bottom-up"`` force one, for tests and
    benchmarks), ``workers`` (threads; default: numba's thread count) and ``tables`` (False: no table
    moves, see :func:`cayley.bfs.rank_plan.table_move`; for tests) and ``claims`` (how parallel
    top-down layers claim states: ``"private"`` rows per worker, ``"atomic"`` ORs into the codes, or
    ``"auto"``: see :func:`private_claims_pay`). ``keep_layers`` is not supported (the numba
    backend sends such requests to the hash engine).

    ``result.info`` holds ``layout`` (the numbering), ``bytes_per_state`` (estimated bytes allocated
    per numbered permutation), ``claims`` (``"private"`` or ``"atomic"``), ``directions`` (per layer) and
    ``layer_seconds`` (per layer: expansion wall s, end-of-layer pass wall s, process CPU s).

    >>> import cayley
    >>> r = growth_rank(cayley.groups.lrx(6))
    >>> r.diameter, r.num_states, r.last_layer.tolist()
    (15, 720, [[1, 0, 5, 4, 3, 2]])
    """
    if not rank_eligible(graph):
        raise ValueError(
            f"the rank engine needs a permutation graph with n <= {MAX_N} distinct central values"
        )
    if keep_layers:
        raise ValueError("keep_layers is not supported by the rank engine; use the hash or numpy backend")
    check_direction(direction)
    check_workers(workers)
    if claims not in ("auto", "private", "atomic"):
        raise ValueError(f"claims must be 'auto', 'private' or 'atomic', got {claims!r}")
    report = progress if isinstance(progress, Progress) else Progress(progress, label="numba-rank")
    workers = workers or get_num_threads()
    plan = RankPlan(graph.generators, tables=tables)
    budget = resolve_budget(memory_budget)
    need = estimate_rank_bytes(plan, workers)
    private = workers > 1 and (claims == "private" or claims == "auto" and private_claims_pay(plan, workers))
    if private and (claims == "private" or estimate_rank_bytes(plan, workers, True) <= budget):
        need = estimate_rank_bytes(plan, workers, True)
    else:
        private = False  # (rows are optional: atomic claims need no memory)
    if need > budget:
        raise MemoryBudgetError(need, budget, f"the rank bitset of {plan.num_states:,} states (2 bits each)")

    ck = None
    state, layer_sizes = None, [1]
    if checkpoint_dir is not None:
        ck = Checkpoint(checkpoint_dir, graph_fingerprint(graph, "numba-rank", plan.describe()))
        meta, arrays = ck.load(max_diameter)
        if meta is not None:
            state, layer_sizes = _State(plan, arrays), [int(x) for x in meta["layer_sizes"]]
            del arrays
    if state is None:
        state = _State(plan)
    saver = Saver(ck, sum(int(a.nbytes) for a in state.arrays().values()))
    for d, size in enumerate(layer_sizes):
        report.layer(d, size, sum(layer_sizes[: d + 1]), int(state.codes8.nbytes))

    stepper = _Stepper(plan, state, workers, direction, private)
    complete = True
    try:
        while True:
            if max_diameter is not None and len(layer_sizes) - 1 >= max_diameter:
                complete = False
                break
            new = stepper.layer(layer_sizes[-1], plan.num_states - sum(layer_sizes))
            if new == 0:
                break
            layer_sizes.append(new)
            saver.maybe_save(state, layer_sizes, False)
            report.layer(len(layer_sizes) - 1, new, sum(layer_sizes), int(state.codes8.nbytes))
        saver.maybe_save(state, layer_sizes, complete, force=True)
        last = _decode_frontier(graph, plan, state, layer_sizes[-1], budget, layer_sizes, stepper.workers)
    finally:
        stepper.workers.close()
    return GrowthResult(
        layer_sizes=layer_sizes,
        last_layer=last,
        complete=complete,
        backend="numba",
        elapsed=report.elapsed(),
        info={
            "engine": "rank",
            "layout": plan.describe(),
            "bytes_per_state": need / plan.num_states,
            "claims": "private" if private else "atomic",
            "directions": stepper.directions,
            "layer_seconds": stepper.seconds,
        },
    )


class _Stepper:
    """Builds one layer at a time, choosing top-down or bottom-up per layer.

    Far from the end of the search, top-down is cheaper (few unseen states would find a frontier
    in-neighbour). The cost ratio of the two directions is predicted by :func:`_model_ratio` times a
    correction ``kappa`` learned from the last probe. Where the prediction is within a factor
    PROBE_BAND of even, both directions first run on every PROBE_STRIDE-th block (fewer in big layers:
    about PROBE_BLOCKS blocks) on one thread, timed
    by thread CPU time (insensitive to other load on the machine); the cheaper extrapolation then does
    the remaining blocks. (Probing every layer doubled the time of layers where top-down clearly wins:
    coxeter(11) 0.90 s against 0.60 s top-down only.) Any mix is exact: a new state is claimed once,
    whichever direction finds it. Once bottom-up won and the frontier shrinks, it stays bottom-up.
    """

    def __init__(self, plan: RankPlan, state: _State, workers: int, direction: str, private: bool = False):
        self.plan, self.state, self.direction = plan, state, direction
        self.tabs = _tables(plan)
        self.work = L.scratch(plan, workers)
        self.workers = L.Workers(workers)
        words = plan.total_slots // 32
        self.claims64 = huge_zeros((workers, words), np.uint64) if private else np.zeros((0, 1), np.uint64)
        self.claims8 = self.claims64.view(np.uint8)
        self.no_claims = self.claims64[:0]
        self.claimed = False  # claims rows hold claims of this layer
        # the rows' pages are faulted in on a pool thread while the first (serial) layers run
        self.rows_ready = self.workers.start(partial(L.touch_pages, self.claims64)) if private else None
        self.counter = np.zeros(8, dtype=np.int64)
        self.directions, self.seconds = [], []
        self.last_bottom_up = False
        self.prev_frontier = None
        self.kappa = None  # measured / modelled cost ratio at the last probe (None: never probed)
        self.loaded = False  # both kernels compiled or loaded (a probe must not time that)

    def run(self, bottom_up: bool, blocks: np.ndarray, parallel: bool, private: bool = False) -> int:
        """Expand ``blocks`` in one direction; returns 0 exactly when no new state was found (top-down
        counts claims, which may exceed the states they found; bottom-up counts states)."""
        st, tabs = self.state, self.tabs
        self.counter[:] = 0
        count = self.workers.count if parallel else 1
        args = (st.codes8, st.codes64, st.touched, st.units, blocks, self.counter)
        if bottom_up:
            kernel, moves = L.expand_bottom_up, tabs["bwd"]
        else:
            kernel, moves = L.expand_top_down, tabs["fwd"][:6] + tabs["fwd"][7:]  # all but the cost order
            mode = L.CLAIM_PRIVATE if private and len(self.claims64) else L.CLAIM_ATOMIC
            mode = L.CLAIM_PLAIN if count == 1 else mode
            if mode == L.CLAIM_PRIVATE and self.rows_ready is not None:
                self.rows_ready.result()
                self.rows_ready = None
            args += (self.claims8, self.claims64, mode)
            self.claimed |= mode == L.CLAIM_PRIVATE
        args += tabs["common"]
        calls = [partial(kernel, w, *args, *moves, *self.work) for w in range(count)]
        return int(sum(self.workers.run(calls)))

    def finish(self, parallel: bool) -> None:
        """End of layer: codes 2 -> 1 and 3 -> 2 in the blocks the layer touched."""
        st = self.state
        count = self.workers.count if parallel else 1
        cuts = [self.plan.num_blocks * i // count for i in range(count + 1)]  # (np.linspace: 60 us a call)
        geo = self.tabs["common"][0]
        claims = self.claims64 if self.claimed else self.no_claims
        calls = [
            partial(L.finish_blocks, a, b, st.codes64, st.touched, st.units, st.fcount, st.ucount, geo, claims)
            for a, b in zip(cuts[:-1], cuts[1:])
        ]
        self.workers.run(calls)
        st.touched[:] = 0
        self.claimed = False

    def _choose(self, frontier: int, unseen: int):
        """(bottom_up, claims made by probes (see :meth:`run`), blocks left for the chosen direction)."""
        st = self.state
        front_blocks = np.flatnonzero(st.fcount).astype(np.int64)
        if self.direction != "auto":
            bottom_up = self.direction == "bottom-up"
            return bottom_up, 0, np.flatnonzero(st.ucount).astype(np.int64) if bottom_up else front_blocks
        shrinking = self.prev_frontier is not None and frontier < self.prev_frontier
        if self.last_bottom_up and shrinking:
            return True, 0, np.flatnonzero(st.ucount).astype(np.int64)
        if (frontier + unseen) * self.plan.k < SERIAL_BELOW:
            return False, 0, front_blocks
        model = _model_ratio(frontier, unseen, self.plan.k)
        predicted = model * (1 + KAPPA0_SLOPE * (self.plan.k - 1) if self.kappa is None else self.kappa)
        if predicted > PROBE_BAND:
            return False, 0, front_blocks
        if self.kappa is not None and predicted * PROBE_BAND < 1:
            return True, 0, np.flatnonzero(st.ucount).astype(np.int64)
        if not self.loaded:  # no blocks: only the kernels' compilation or loading from the cache
            none = np.zeros(0, dtype=np.int64)
            self.run(False, none, False), self.run(True, none, False)
            self.loaded = True
        unseen_blocks = np.flatnonzero(st.ucount).astype(np.int64)
        td_probe = np.ascontiguousarray(front_blocks[:: max(PROBE_STRIDE, len(front_blocks) // PROBE_BLOCKS)])
        bu_probe = np.ascontiguousarray(unseen_blocks[:: max(PROBE_STRIDE, len(unseen_blocks) // PROBE_BLOCKS)])
        t0 = time.thread_time()
        new = self.run(False, td_probe, False)
        t1 = time.thread_time()
        new += self.run(True, bu_probe, False)
        t2 = time.thread_time()
        f_probe = max(1, int(st.fcount[td_probe].sum()))
        u_probe = max(1, int(st.ucount[bu_probe].sum()))
        est_td = (t1 - t0) * (frontier - f_probe) / f_probe
        est_bu = (t2 - t1) * (unseen - u_probe) / u_probe
        if model > 0 and est_td > 0:
            self.kappa = (est_bu / est_td) / model
        if est_bu * BOTTOM_UP_MARGIN < est_td:
            return True, new, np.setdiff1d(unseen_blocks, bu_probe, assume_unique=True)
        return False, new, np.setdiff1d(front_blocks, td_probe, assume_unique=True)

    def layer(self, frontier: int, unseen: int) -> int:
        """Build the next layer; returns its size (0: the search is over, codes left unchanged).

        The size is counted by the end-of-layer pass (new frontier slots per block)."""
        t0, c0 = time.perf_counter(), time.process_time()
        bottom_up, new, blocks = self._choose(frontier, unseen)
        work = (unseen if bottom_up else frontier) * self.plan.k
        dense = frontier * self.plan.k * PRIVATE_DENSITY >= self.plan.total_slots
        new += self.run(bottom_up, blocks, parallel=work >= SERIAL_BELOW, private=dense)
        t1 = time.perf_counter()
        self.directions.append("bottom-up" if bottom_up else "top-down")
        self.last_bottom_up, self.prev_frontier = bottom_up, frontier
        if new:
            st = self.state
            touched = np.count_nonzero(st.touched) << L.TOUCH_SHIFT
            spread = touched + np.count_nonzero(st.fcount) * self.plan.block_slots
            self.finish(spread > PARALLEL_FINISH)
            new = int(st.fcount.sum(dtype=np.int64))
        self.seconds.append((t1 - t0, time.perf_counter() - t1, time.process_time() - c0))
        return new


def private_claims_pay(plan: RankPlan, workers: int) -> bool:
    """Whether parallel top-down layers should claim into a row per worker (see
    :data:`cayley.bfs._rank_layers.CLAIM_PRIVATE`) rather than by atomic ORs into the codes.

    Rows pay when most moves send a state far away (to another plane or block, or through a table,
    window or count move: an atomic OR then takes a cache line from the other core) and the codes and
    the rows together fit in half the last-level cache. Measured on 2 cores with a 32 MB cache
    (rows against atomics): top_spin(11) 8% and LRX(10) 11% faster; coxeter(10) (adjacent swaps:
    the lines claimed are mostly the core's own) 7% slower; LRX(11) and coxeter(11) (codes and rows
    30 MB) 7% and 33% slower, LRX(12) 28% slower (the end-of-layer pass reads every row)."""
    kinds = plan.fwd[1]
    near = (kinds == SWAP) | ((kinds == SHIFT) & (plan.fwd[0] == np.arange(plan.planes)))
    footprint = (plan.total_slots // 4) * (1 + workers)
    return bool(near.mean() < 0.5) and footprint <= last_level_cache_bytes() // 2


def _model_ratio(frontier: int, unseen: int, k: int) -> float:
    """Bottom-up over top-down work when in-neighbours fall in the frontier at random.

    A frontier state evaluates its k moves; an unseen state checks in-neighbours until one is in the
    frontier, each with probability ``p = frontier / (frontier + unseen)``: ``(1 - (1 - p)**k) / p``
    checks on average.

    >>> round(_model_ratio(1_000, 1_000_000, 10))  # nearly every check misses: 10 per unseen state
    996
    >>> _model_ratio(1_000, 1_000, 2)  # half the checks hit: 1.5 per unseen state, 2 per frontier state
    0.75
    """
    if frontier <= 0:
        return float("inf")
    p = frontier / (frontier + unseen)
    checks = (1 - (1 - p) ** k) / p
    return unseen * checks / (frontier * k)


def _tables(plan: RankPlan) -> dict:
    geo = L.geometry(plan)
    common = (geo, plan.fact, plan.magic, plan.magic_small, plan.plane_parity, plan.pat_codes, plan.low_index)
    return {"common": common, "fwd": plan.fwd, "bwd": plan.bwd}


def _decode_frontier(graph, plan, state, size, budget, layer_sizes, workers) -> np.ndarray:
    """The states of the last layer (code 2), in slot order, as rows of central-state values."""
    n = plan.n
    need = size * (n * 9 + 8)
    if need > budget:
        raise MemoryBudgetError(need, budget, f"decoding the last layer ({size:,} states)", layer_sizes)
    blocks = np.flatnonzero(state.fcount).astype(np.int64)
    slots = L.collect_frontier(state.codes64, blocks, size, L.geometry(plan))
    perms = np.empty((len(slots), n), dtype=np.uint8)
    cuts = np.linspace(0, len(slots), workers.count + 1).astype(np.int64)
    workers.run([
        partial(L.unrank_slots, slots[a:b], perms[a:b], n, plan.n_t, plan.rotated, plan.half, plan.plane_stride,
                plan.plane_parity, plan.fact)
        for a, b in zip(cuts[:-1], cuts[1:])
    ])
    return np.asarray(graph.central_state)[perms]
