"""Breadth-first growth over one-word states with a small key space: one visited bit per possible key.

For coset graphs whose packed state fits a few dozen bits (the LRX coset of 14 zeros and 14 ones has
28-bit keys), the visited set is a bitset indexed by the key without its last field (which the
others determine: 27 bits, 16 MiB, for that coset) and the layers are explicit arrays of keys.

One pass per layer: every frontier key is moved by every generator, a branch-free pass keeps the
neighbours whose bit reads unset, and those are claimed with an atomic OR (so each new key is kept
exactly once) and appended to the next layer. A key remembers the generator that first reached it
(in the bits above the key), so the move back to its parent is never tried: a third fewer bitset
probes for LRX. Layer entries are 32-bit when key and tag fit (see :func:`entry_layout`). Moves are
computed for a block of keys before their bits are probed, with the bitset words prefetched (for
writing, so a claim finds its line ready) in between. For large runs the moves are compiled into the
kernel as constants (see :func:`expand_kernel`).

With ``checkpoint_dir`` the bitset and the frontier are persisted after finished layers (at most ~10%
of the run time spent saving) and a restarted run resumes.

>>> import cayley
>>> g = cayley.groups.lrx(8).with_central_state([0, 0, 0, 0, 1, 1, 1, 1])
>>> growth_keys(g).num_states      # C(8, 4)
70
"""

from __future__ import annotations

from functools import partial

import numpy as np
from numba import get_num_threads

from ..encoding import Squeeze, StateCodec
from ..errors import MemoryBudgetError
from ..result import GrowthResult
from ._generated import load_module, move_expressions
from ._options import check_max_diameter, check_workers
from ._rank_layers import Workers
from .checkpoint import Checkpoint, Saver, graph_fingerprint
from .memory import resolve_budget
from .numba_hash import dense_key_bits, move_tables, sorted_states
from .progress import Progress

__all__ = ["growth_keys", "key_bits_for", "MAX_KEY_BITS"]

MAX_KEY_BITS = 40  # keys of at most this many bits (the bitset must also fit the memory budget)
CHUNK = 1024  # frontier keys a worker takes at a time
SERIAL_BELOW = 1 << 14  # frontier moves below which a layer runs on one thread
SPECIALIZE_FROM = 1 << 26  # moves in a run (orbit bound x generators) from which the moves are compiled in


def key_bits_for(graph, budget: int | None = None):
    """Bits of the packed key when this engine can run ``graph``: one-word states of at most
    MAX_KEY_BITS bits; with ``budget``, also only where the numba backend prefers a bitset over all
    keys to a hash set (see :func:`cayley.bfs.numba_hash.dense_key_bits`). Else None."""
    if graph.is_matrix_group:
        return None
    packing = Squeeze(graph, StateCodec(graph).packing).packing
    bits = _one_word_bits(packing)
    return bits if budget is None or bits is None else dense_key_bits(graph, packing, budget)


def _index_bits(packing) -> int:
    """Bits of a key's index into the bitset: every field but the last. The generators permute the
    positions, so every state holds the central state's multiset of values and the last position's
    value follows from the others: dropping it keeps keys of distinct states distinct."""
    return packing.bits * max(packing.n - 1, 1)


def _one_word_bits(packing):
    """Bits of the packed key when it fits one word and MAX_KEY_BITS, else None."""
    bits = packing.bits * packing.n
    return bits if packing.words == 1 and bits <= MAX_KEY_BITS else None


_EXPAND = """\
import numpy as np
from numba import njit

from cayley.bfs._atomics import atomic_add_i64, atomic_or_u64, prefetch_write

CHUNK = {chunk}


@njit(cache=True, nogil=True)
def expand(front, F, bitset, index_mask, out, counter, ops, op_start, back, tag_shift):
    k = op_start.shape[0]
    cand = np.empty(CHUNK * k, np.uint64)
    shift = np.uint64(tag_shift)
    key_mask = (np.uint64(1) << shift) - np.uint64(1)
    tags = (back + 1).astype(np.uint64) << shift
    claimed = np.int64(0)
    while True:
        lo = atomic_add_i64(counter, 0, CHUNK)
        if lo >= F:
            break
        hi = min(F, lo + CHUNK)
        m = 0
        for i in range(lo, hi):
            entry = np.uint64(front[i])
            x = entry & key_mask
            skip = np.int64(entry >> shift) - 1
            for g in range({k}):
{moves}
                cand[m] = y | tags[g]
                m += g != skip  # no branch: which move is skipped is unpredictable
                prefetch_write(bitset, np.int64((y & index_mask) >> np.uint64(6)))
        fresh = 0  # the candidates whose bit reads unset, kept in place without a branch
        for j in range(m):
            c = cand[j]
            y = c & index_mask
            cand[fresh] = c
            fresh += ((bitset[np.int64(y >> np.uint64(6))] >> (y & np.uint64(63))) & np.uint64(1)) == np.uint64(0)
        new = 0
        for j in range(fresh):
            y = cand[j] & index_mask
            wi, bit = np.int64(y >> np.uint64(6)), np.uint64(1) << (y & np.uint64(63))
            if not atomic_or_u64(bitset, wi, bit) & bit:
                cand[new] = cand[j]
                new += 1
        at = atomic_add_i64(counter, 1, new)
        for j in range(new):
            out[at + j] = cand[j]  # narrowed to the entry type of out, which holds key and tag
        claimed += new
    return claimed
"""
_TABLE_MOVES = """\
                y = np.uint64(0)
                for t in range(op_start[g, 0], op_start[g, 1]):
                    y |= ((x >> ops[g, t, 1]) << ops[g, t, 2]) & ops[g, t, 3]"""


def expand_kernel(ops, op_start, specialize: bool):
    """The layer kernel ``expand(front, F, bitset, index_mask, out, counter, ops, op_start, back,
    tag_shift)``: it moves frontier keys ``CHUNK`` at a time (taken from ``counter[0]``) and appends
    the new keys of each chunk (tagged) to ``out`` from ``counter[1]`` on; a key's bit in ``bitset``
    is that of ``key & index_mask``; it returns the keys claimed. Entries (see :func:`entry_layout`)
    hold the key below bit ``tag_shift`` and the tag from there.

    ``specialize``: the moves of this generator set are written into the kernel as constants (one
    compilation per generator set, see :mod:`cayley.bfs._generated`); else they are read from
    ``ops`` (one kernel for every graph).
    """
    if specialize:
        branches = [f"{'if' if g == 0 else 'elif'} g == {g}:\n                    y = {expr}"
                    for g, expr in enumerate(move_expressions(ops, op_start))]
        moves = "                " + "\n                ".join(branches)
        k = str(op_start.shape[0])
    else:
        moves, k = _TABLE_MOVES, "k"
    source = _EXPAND.format(chunk=CHUNK, k=k, moves=moves)
    return load_module("keys_expand", source).expand


def _back_moves(graph) -> np.ndarray:
    """``back[g]``: the index of the generator undoing ``g`` (-1 when there is none)."""
    first: dict = {}
    for i, g in enumerate(graph.generators):
        first.setdefault(g.tobytes(), i)
    dtype = graph.generators.dtype
    return np.array([first.get(graph.inverse_of(i).astype(dtype).tobytes(), -1) for i in range(graph.n_generators)],
                    np.int64)


def entry_layout(key_bits: int, k: int):
    """(dtype, tag shift) of frontier entries: the key in the low ``key_bits`` bits and above it the
    tag, 1 + the generator whose inverse reached the key (0 for none; ``k.bit_length()`` bits).
    Entries are 32-bit when both fit: half the frontier traffic (the LRX coset of 14 + 14 has 28-bit
    keys and 2-bit tags)."""
    width = key_bits + int(k).bit_length()
    if width > 64:
        raise ValueError(f"frontier entries need {width} bits (keys and generator tags); at most 64 fit")
    return (np.uint32 if width <= 32 else np.uint64), key_bits


class _State:
    def __init__(self, bits: int, dtype, start_key: int | None = None, arrays=None):
        if arrays is not None:
            self.bitset = np.ascontiguousarray(arrays["bitset"], dtype=np.uint64)
            self.front = np.ascontiguousarray(arrays["frontier"], dtype=dtype)
            if self.bitset.shape != (max(1, (1 << bits) // 64),):  # bits: of the index
                raise ValueError("checkpoint arrays do not match this graph's keys; use an empty directory")
            return
        self.bitset = np.zeros(max(1, (1 << bits) // 64), np.uint64)
        index = start_key & ((1 << bits) - 1)
        self.bitset[index >> 6] |= np.uint64(1) << np.uint64(index & 63)
        self.front = np.array([start_key], dtype)

    def arrays(self) -> dict:
        return {"bitset": self.bitset, "frontier": self.front}


def growth_keys(graph, max_diameter=None, progress=None, memory_budget=None, keep_layers=False,
                checkpoint_dir=None, workers: int | None = None, specialize: bool | None = None) -> GrowthResult:
    """Growth of a graph with one-word states and a small key space (see the module docstring).

    Parameters are those of :func:`cayley.growth`, plus ``workers`` (threads; default numba's thread
    count) and ``specialize`` (compile the moves into the kernel, see :func:`expand_kernel`; default:
    for runs of at least SPECIALIZE_FROM moves, where it saves more than the ~1 s compilation).
    ``keep_layers`` is not supported (the numba backend sends such requests to the hash engine).
    """
    if keep_layers:
        raise ValueError("keep_layers is not supported by the key-bitset engine; use the hash or numpy backend")
    check_workers(workers)
    check_max_diameter(max_diameter)
    if graph.is_matrix_group:
        raise ValueError("the key-bitset engine runs permutation graphs; use the hash engine for matrix groups")
    codec = StateCodec(graph)
    squeeze = Squeeze(graph, codec.packing)
    bits = _one_word_bits(squeeze.packing)
    if bits is None:
        raise ValueError(f"the key-bitset engine needs one-word states of at most {MAX_KEY_BITS} key bits")
    index_bits = _index_bits(squeeze.packing)
    index_mask = np.uint64((1 << index_bits) - 1)
    budget = resolve_budget(memory_budget)
    if (1 << max(0, index_bits - 3)) > budget:
        raise MemoryBudgetError(1 << max(0, index_bits - 3), budget, f"a bitset over all {index_bits}-bit key indices")
    report = progress if isinstance(progress, Progress) else Progress(progress, label="numba-keys")
    moves = move_tables(graph, squeeze.packing, squeeze.perms)
    ops, op_start = moves[1], moves[2]
    back = _back_moves(graph)
    k = graph.n_generators
    if specialize is None:
        orbit = graph.orbit_bound()
        specialize = (orbit if orbit is not None else 1 << index_bits) * k >= SPECIALIZE_FROM
    expand = expand_kernel(ops, op_start, bool(specialize))
    dtype, tag_shift = entry_layout(bits, k)
    width = np.dtype(dtype).itemsize

    ck, state, sizes = None, None, [1]
    if checkpoint_dir is not None:
        ck = Checkpoint(checkpoint_dir, graph_fingerprint(graph, "numba-keys", f"{bits}/{index_bits}/{width}"))
        meta, arrays = ck.load(max_diameter)
        if meta is not None:
            state, sizes = _State(index_bits, dtype, arrays=arrays), [int(x) for x in meta["layer_sizes"]]
    if state is None:
        center = squeeze.reduce(codec.packing.encode(codec.to_indices(graph.central_state.reshape(1, -1))))
        state = _State(index_bits, dtype, start_key=int(center[0, 0]))
    saver = Saver(ck, int(state.bitset.nbytes))
    for d, size in enumerate(sizes):
        report.layer(d, size, sum(sizes[: d + 1]), int(state.bitset.nbytes))

    pool = Workers(workers or get_num_threads())
    counter = np.zeros(2, np.int64)
    spare = np.empty(0, dtype)
    complete = True
    try:
        while True:
            if max_diameter is not None and len(sizes) - 1 >= max_diameter:
                complete = False
                break
            F = len(state.front)
            need = int(state.bitset.nbytes) + width * F * (k + 2)
            if need > budget:
                raise MemoryBudgetError(need, budget, f"layer {len(sizes)} ({F:,} frontier keys, {k} moves each)", sizes)
            if len(spare) < F * k:  # buffers are kept from layer to layer: fresh pages fault
                spare = np.empty(int(1.25 * F * k), dtype)
            count = pool.count if F * k >= SERIAL_BELOW else 1
            counter[:] = 0
            call = partial(expand, state.front, F, state.bitset, index_mask, spare, counter, ops, op_start, back,
                           tag_shift)
            new = int(sum(pool.run([call] * count)))
            if new == 0:
                break
            nxt = spare[:new]
            spare = state.front.base if state.front.base is not None else state.front
            state.front = nxt
            sizes.append(new)
            saver.maybe_save(state, sizes, False)
            report.layer(len(sizes) - 1, new, sum(sizes), int(state.bitset.nbytes) + int(nxt.nbytes))
        saver.maybe_save(state, sizes, complete, force=True)
    finally:
        pool.close()
    keys = (state.front.astype(np.uint64) & np.uint64((1 << tag_shift) - 1))[:, None]
    last = sorted_states(codec, squeeze.restore(keys))
    info = {"engine": "keys", "key_bits": bits, "index_bits": index_bits, "bytes_per_state": int(state.bitset.nbytes) / sum(sizes)}
    return GrowthResult(sizes, last, complete, "numba", report.elapsed(), None, None, info)
