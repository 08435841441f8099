"""Numba kernels of the exact set BFS over packed uint64 states.

The set of seen states is exact: a hash table of whole packed keys (``(C, W)`` uint64, ``C`` a power
of two), or a bitset indexed by the packed key itself when the key space is small. A key's slot is
the top ``log2 C`` bits of its hash (``h = w0 * M0``, then ``h = (h ^ (h >> 32) ^ w) * M0`` per
further word, then the splitmix64 finaliser); probing is linear and wraps inside the key's
*segment* of ``2**log_seg`` slots; deletion shifts the rest of the run back (no tombstones). The
all-ones row marks an empty slot; the all-ones key itself is kept as a flag beside the table.

A layer is three parallel passes over *partitions* (the top ``log_p`` bits of the hash, or of the
key for the bitset), each race-free by construction: :func:`partition_moves` expands frontier chunks
and groups the moves by partition; :func:`absorb` retires the keys of an old layer, then inserts and
keeps each absent candidate, partition by partition (a partition's keys only touch its own table
segments or bitset words); :func:`gather_new` concatenates the survivors. Work is handed out
dynamically (an atomic job counter), so a descheduled thread does not stall the other, and results
depend on the job layout only, never on the number of threads.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange, types
from numba.extending import intrinsic

EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)
FULL = -(1 << 62)  # probe result: the segment has no free slot and does not hold the key
SEG_LOG = 12  # a table segment has at most 4096 slots
BLOCK = 256  # frontier rows expanded together

_M0 = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_U1, _S27, _S30, _S31, _S32, _S6, _L6 = (np.uint64(v) for v in (1, 27, 30, 31, 32, 6, 63))


@intrinsic
def next_job(typingctx, counter):
    """Atomically ``old = counter[0]; counter[0] += 1``; returns ``old`` (int64 array)."""
    if not (isinstance(counter, types.Array) and counter.dtype == types.int64):
        return None

    def codegen(context, builder, sig, args):
        array = context.make_array(sig.args[0])(context, builder, args[0])
        return builder.atomic_rmw("add", array.data, context.get_constant(types.int64, 1), "monotonic")

    return types.int64(counter), codegen


@njit(cache=True, inline="always")
def probe(t, log_c, log_seg, keys, i, W, h):
    """Slot of key ``i`` in ``t``; ``-1 - slot`` of the free slot where it would go; FULL when neither.
    (Word loops are written out, here and below: row helpers in hot loops compile many times slower.)"""
    idx = np.int64((h >> np.uint64(63 - log_c)) >> _U1)
    mask = (np.int64(1) << log_seg) - 1
    pos, k0, left, result = idx, keys[i, 0], mask, FULL
    while True:
        v = t[pos, 0]
        if v == k0:
            same = True
            for w in range(1, W):
                if t[pos, w] != keys[i, w]:
                    same = False
                    break
            if same:
                result = pos
                break
        elif v == EMPTY:
            empty = True
            for w in range(1, W):
                if t[pos, w] != EMPTY:
                    empty = False
                    break
            if empty:
                result = -1 - pos
                break
        if left == 0:
            break
        left -= 1
        pos = (idx & ~mask) | ((pos + 1) & mask)
    return result


@njit(cache=True, inline="always")
def slot_hash(t, j, W):
    """The hash of the key in row ``j`` (what :func:`expand_block` computes for a move)."""
    h = t[j, 0] * _M0
    for w in range(1, W):
        h = (h ^ (h >> _S32) ^ t[j, w]) * _M0
    h ^= h >> _S30
    h *= _M1
    h ^= h >> _S27
    h *= _M2
    return h ^ (h >> _S31)


@njit(cache=True, inline="always")
def delete_slot(t, pos, log_c, log_seg, W):
    """Empty slot ``pos``, moving later keys of its run back so that every probe still finds them."""
    mask = (np.int64(1) << log_seg) - 1
    hole, j = pos, pos
    while True:
        j = (j & ~mask) | ((j + 1) & mask)
        empty = t[j, 0] == EMPTY
        for w in range(1, W):
            empty = empty and t[j, w] == EMPTY
        if empty:
            break
        home = np.int64((slot_hash(t, j, W) >> np.uint64(63 - log_c)) >> _U1)
        if ((j - home) & mask) >= ((j - hole) & mask):
            for w in range(W):
                t[hole, w] = t[j, w]
            hole = j
    for w in range(W):
        t[hole, w] = EMPTY


# ------------------------------------------------------------------------- moves
@njit(cache=True)
def expand_block(front, lo, hi, fb, cb, hb, qb, log_p, dense_shift, kind, ops, op_start, d, m, bits, per_word, const,
                 ent):
    """Moves of frontier rows ``lo:hi`` in structure-of-arrays form, so the inner loops vectorise.

    Word ``w`` of move ``g`` of row ``lo + j`` goes to ``cb[g * W + w, j]``, its hash to ``hb[g, j]``
    and its partition to ``qb[g, j]``. kind 0: a permutation as mask-and-shift ops grouped by target
    word (``ops[g, t] = (source word, right shift, left shift, mask)``); kind 1: a matrix move, affine
    on the packed fields (see :func:`cayley.bfs.numba_hash.move_tables`).
    """
    B, W, G = hi - lo, front.shape[1], op_start.shape[0]
    if kind == 0:
        for w in range(W):
            frow = fb[w]
            for j in range(B):
                frow[j] = front[lo + j, w]
        for g in range(G):
            for w in range(W):
                crow = cb[g * W + w]
                crow[:B] = 0
                for t in range(op_start[g, w], op_start[g, w + 1]):
                    src = fb[np.int64(ops[g, t, 0])]
                    r, sh, mk = ops[g, t, 1], ops[g, t, 2], ops[g, t, 3]
                    for j in range(B):
                        crow[j] |= ((src[j] >> r) << sh) & mk
    else:
        fmask = (np.uint64(1) << np.uint64(bits)) - _U1
        V = op_start.shape[1] - 1
        # const + terms stay under 2**52: one reduction per field, by a floating-point quotient
        # corrected by one step (an integer division per term costs ~40 cycles)
        one_reduction = m + d * (m - 1) * (m - 1) < (1 << 52)
        inv_m = 1.0 / m
        for j in range(B):
            for v in range(V):
                ent[v] = np.int64((front[lo + j, v // per_word] >> np.uint64(bits * (v % per_word))) & fmask)
            for g in range(G):
                for w in range(W):
                    cb[g * W + w, j] = 0
                for v in range(V):
                    acc = const[g, v]
                    if one_reduction:
                        for t in range(op_start[g, v], op_start[g, v + 1]):
                            acc += ent[np.int64(ops[g, t, 0])] * np.int64(ops[g, t, 1])
                        acc -= np.int64(acc * inv_m) * m
                        acc += m if acc < 0 else 0
                        acc -= m if acc >= m else 0
                    else:
                        for t in range(op_start[g, v], op_start[g, v + 1]):
                            acc = (acc + ent[np.int64(ops[g, t, 0])] * np.int64(ops[g, t, 1])) % m
                    cb[g * W + v // per_word, j] |= np.uint64(acc) << np.uint64(bits * (v % per_word))
    for g in range(G):
        qrow, hrow, c0 = qb[g], hb[g], cb[g * W]
        if dense_shift >= 0:
            for j in range(B):
                qrow[j] = np.int64(c0[j] >> np.uint64(dense_shift))
            continue
        for j in range(B):
            hrow[j] = c0[j] * _M0
        for w in range(1, W):
            cw = cb[g * W + w]
            for j in range(B):
                h = hrow[j]
                hrow[j] = (h ^ (h >> _S32) ^ cw[j]) * _M0
        s1 = np.uint64(63 - log_p)
        for j in range(B):
            h = hrow[j]
            h ^= h >> _S30
            h *= _M1
            h ^= h >> _S27
            h *= _M2
            h ^= h >> _S31
            hrow[j] = h
            qrow[j] = np.int64((h >> s1) >> _U1)


@njit(parallel=True, cache=True)
def partition_moves(front, counts, cand, hashes, stash, stash_hash, stash_q, log_p, dense_shift, nthreads, kind, ops,
                    op_start, d, m, bits, per_word, const):
    """Expand the frontier in ``counts.shape[0]`` chunks, grouping the moves by partition. With an
    empty ``cand`` this only counts (``counts[c, q]`` += moves of chunk ``c`` in partition ``q``); else
    ``counts[c, q]`` says where chunk ``c`` writes its first move of partition ``q``, moves go to
    ``cand`` and their hashes to ``hashes`` (when not empty).

    With a non-empty ``stash`` (rows for every move of the frontier), the counting pass keeps each
    move, its hash and its partition there and the second pass copies them instead of computing the
    moves again (worth it when a move costs more than a copy: matrix moves).
    """
    F, W = front.shape
    G, nchunks = op_start.shape[0], counts.shape[0]
    step = (F + nchunks - 1) // nchunks
    counting, with_hash = cand.shape[0] == 0, hashes.shape[0] > 0
    stashing, stash_hashes = stash.shape[0] > 0, stash_hash.shape[0] > 0
    jobs = np.zeros(1, np.int64)
    for _t in prange(nthreads):
        fb, cb = np.empty((W, BLOCK), np.uint64), np.empty((G * W, BLOCK), np.uint64)
        hb, qb = np.empty((G, BLOCK), np.uint64), np.empty((G, BLOCK), np.int64)
        ent = np.empty(max(d * d, 1), np.int64)
        c = next_job(jobs)
        while c < nchunks:
            crow = counts[c]
            for lo in range(c * step, min(F, (c + 1) * step), BLOCK):
                hi = min(lo + BLOCK, (c + 1) * step, F)
                nb = hi - lo
                if counting or not stashing:
                    expand_block(front, lo, hi, fb, cb, hb, qb, log_p, dense_shift, kind, ops, op_start, d, m, bits,
                                 per_word, const, ent)
                for g in range(G):
                    for j in range(nb):
                        at = lo * G + g * nb + j  # this move's stash row, the same in both passes
                        if counting:
                            q = qb[g, j]
                            crow[q] += 1
                            if stashing:
                                stash_q[at] = q
                                for w in range(W):
                                    stash[at, w] = cb[g * W + w, j]
                                if stash_hashes:
                                    stash_hash[at] = hb[g, j]
                            continue
                        q = stash_q[at] if stashing else qb[g, j]
                        pos = crow[q]
                        crow[q] = pos + 1
                        for w in range(W):
                            cand[pos, w] = stash[at, w] if stashing else cb[g * W + w, j]
                        if with_hash:
                            hashes[pos] = stash_hash[at] if stashing else hb[g, j]
            c = next_job(jobs)


@njit(cache=True, inline="always")
def warm_slice(t, log_c, log_p, q):
    """Read the slots partition ``q`` can touch, one word per cache line: a sweep streams them in."""
    acc = np.uint64(0)
    if log_c >= log_p + 6:
        lo = q << (log_c - log_p)
        for pos in range(lo, lo + (np.int64(1) << (log_c - log_p)), max(1, 8 // t.shape[1])):
            acc ^= t[pos, 0]
    return acc


@njit(cache=True)
def retire(q, log_p, dense_shift, t, log_c, log_seg, occ, flag, bitset, old, old_hashes, old_start):
    """Remove the keys of partition ``q`` of layer ``old`` from the set. Row ``r`` of ``old_start`` gives
    where each partition of piece ``r`` of ``old`` begins (a power of two of them, maybe not ``2**log_p``)."""
    W = old.shape[1]
    log_old = 0
    while (1 << log_old) < old_start.shape[1] - 1:
        log_old += 1
    if log_old >= log_p:
        qa, qb = q << (log_old - log_p), (q + 1) << (log_old - log_p)
    else:
        qa = q >> (log_p - log_old)
        qb = qa + 1
    for piece in range(old_start.shape[0]):
        for i in range(old_start[piece, qa], old_start[piece, qb]):
            if dense_shift >= 0:
                key = old[i, 0]
                if np.int64(key >> np.uint64(dense_shift)) == q:
                    bitset[np.int64(key >> _S6)] &= ~(_U1 << (key & _L6))
                continue
            h = old_hashes[i]
            if np.int64((h >> np.uint64(63 - log_p)) >> _U1) != q:
                continue
            if old[i, 0] == EMPTY:  # written out, not a helper call (see probe)
                ones = True
                for w in range(1, W):
                    ones = ones and old[i, w] == EMPTY
                if ones:
                    flag[0] = False
                    continue
            r = probe(t, log_c, log_seg, old, i, W, h)
            if r >= 0:
                delete_slot(t, r, log_c, log_seg, W)
                occ[r >> log_seg] -= 1


@njit(cache=True)
def absorb_dense(cand, i, hi, out, bitset):
    """Bitset mode of :func:`absorb` for ``cand[i:hi]``; returns the new ``(i, out)``."""
    while i < hi:
        key = cand[i, 0]
        wi, bit = np.int64(key >> _S6), _U1 << (key & _L6)
        if not bitset[wi] & bit:
            bitset[wi] |= bit
            cand[out, 0] = key
            out += 1
        i += 1
    return i, out


@njit(cache=True)
def absorb_hashed(cand, hashes, i, hi, out, t, log_c, log_seg, occ, seg_limit, flag, W):
    """Hash mode of :func:`absorb` for ``cand[i:hi]``; returns the new ``(i, out, stopped)``."""
    stopped = 0
    while i < hi:
        h = hashes[i]
        keep = False
        ones = cand[i, 0] == EMPTY  # the key that looks like an empty slot: kept as a flag
        for w in range(1, W):
            ones = ones and cand[i, w] == EMPTY
        if ones:
            keep = not flag[0]
            flag[0] = True
        else:
            r = probe(t, log_c, log_seg, cand, i, W, h)
            if r < 0:
                seg = np.int64((h >> np.uint64(63 - log_c)) >> _U1) >> log_seg
                if r == FULL or occ[seg] >= seg_limit:
                    stopped = 1
                    break
                occ[seg] += 1
                for w in range(W):
                    t[-1 - r, w] = cand[i, w]
                keep = True
        if keep:
            if out != i:
                for w in range(W):
                    cand[out, w] = cand[i, w]
                hashes[out] = h
            out += 1
        i += 1
    return i, out, stopped


@njit(parallel=True, cache=True)
def absorb(cand, hashes, start, log_p, dense_shift, t, log_c, log_seg, occ, seg_limit, flag, bitset,
           old, old_hashes, old_start, resume, out_at, nthreads):
    """Add the absent candidates to the set and keep them, compacted in their partition's range.

    Partition ``q`` first retires its keys of layer ``old`` (see :func:`retire`; an empty layer for
    none), then works from ``cand[resume[q]]``, writing survivors from ``out_at[q]``. Hash mode (``dense_shift < 0``): ``log_p`` must not exceed the number of segments,
    ``occ`` counts keys per segment and a partition stops (``resume[q]`` before its end) when a segment
    would pass ``seg_limit``: grow the table and call again. ``flag[0]``: the all-ones key is in the
    set. Bitset mode: ``bitset`` has one bit per key. Returns the number of stopped partitions and a
    checksum of the warmed slots (so that the warming reads are kept).
    """
    W, P, dense = cand.shape[1], start.shape[0] - 1, dense_shift >= 0
    stopped, sink, jobs = np.zeros(P, np.int64), np.zeros(P, np.uint64), np.zeros(1, np.int64)
    for _t in prange(nthreads):
        q = next_job(jobs)
        while q < P:
            hi, i, out = start[q + 1], resume[q], out_at[q]
            if not dense and i < hi:
                sink[q] = warm_slice(t, log_c, log_p, q)
            if old.shape[0] > 0:
                retire(q, log_p, dense_shift, t, log_c, log_seg, occ, flag, bitset, old, old_hashes, old_start)
            if dense:
                i, out = absorb_dense(cand, i, hi, out, bitset)
            else:
                i, out, stopped[q] = absorb_hashed(cand, hashes, i, hi, out, t, log_c, log_seg, occ, seg_limit, flag, W)
            resume[q], out_at[q] = i, out
            q = next_job(jobs)
    return stopped.sum(), sink


@njit(parallel=True, cache=True)
def gather_new(cand, hashes, start, new_count, keys, key_hashes, nthreads):
    """Concatenate the survivors into ``keys`` (and ``key_hashes``); returns where each partition starts."""
    W, P = cand.shape[1], new_count.shape[0]
    with_hash, jobs = hashes.shape[0] > 0, np.zeros(1, np.int64)
    new_start = np.zeros(P + 1, np.int64)
    new_start[1:] = np.cumsum(new_count)
    for _t in prange(nthreads):
        q = next_job(jobs)
        while q < P:
            src, dst = start[q], new_start[q]
            for j in range(new_count[q]):
                for w in range(W):
                    keys[dst + j, w] = cand[src + j, w]
                if with_hash:
                    key_hashes[dst + j] = hashes[src + j]
            q = next_job(jobs)
    return new_start


@njit(parallel=True, cache=True)
def rehash(old, log_c_old, log_seg_old, t, log_c, log_seg, occ, nthreads):
    """Move every key of ``old`` into the larger ``t`` (an old segment's keys stay under its top hash
    bits, so segments run in parallel); False when a segment ran full."""
    W = old.shape[1]
    n_seg, seg = np.int64(1) << (log_c_old - log_seg_old), np.int64(1) << log_seg_old
    failed, jobs = np.zeros(n_seg, np.bool_), np.zeros(1, np.int64)
    for _t in prange(nthreads):
        j = next_job(jobs)
        while j < n_seg:
            for pos in range(j * seg, (j + 1) * seg):
                ones = old[pos, 0] == EMPTY
                for w in range(1, W):
                    ones = ones and old[pos, w] == EMPTY
                if ones:
                    continue
                r = probe(t, log_c, log_seg, old, pos, W, slot_hash(old, pos, W))
                if r == FULL:
                    failed[j] = True
                    break
                if r < 0:
                    for w in range(W):
                        t[-1 - r, w] = old[pos, w]
                    occ[(-1 - r) >> log_seg] += 1
            j = next_job(jobs)
    return not failed.any()


@njit(cache=True)
def empty_u64(n):
    """Uninitialised uint64s from numba's allocator (no huge-page compaction stall on first touch)."""
    return np.empty(n, np.uint64)


@njit(parallel=True, cache=True)
def fill_empty(buf, nthreads):
    """Set every word of ``buf`` to EMPTY, on ``nthreads`` threads (fresh pages are faulted in parallel)."""
    n = buf.shape[0]
    step = (n + nthreads - 1) // nthreads
    for t in prange(nthreads):
        for i in range(t * step, min(n, (t + 1) * step)):
            buf[i] = EMPTY
