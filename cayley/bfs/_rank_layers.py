"""Layer kernels of the rank-bitset BFS: top-down, bottom-up, end-of-layer conversion.

Every kernel is one worker's share and releases the GIL (``nogil``), so the driver runs one call per
thread (see :class:`Workers`): no parallel-loop compilation, no spinning between layers. Expansion
workers take runs of blocks from a shared atomic counter, so an uneven frontier still keeps every
core busy.

* top-down: every frontier slot of a block is expanded; unseen neighbours anywhere are claimed (only
  after a plain read found them unseen, so about once per new state) with an atomic OR, or a plain OR
  into the worker's own claim row (see :data:`CLAIM_PRIVATE`);
* bottom-up: every unseen slot of a block looks for a frontier state among its in-neighbours (the
  inverse moves, cheapest first) and marks itself; writes stay inside the worker's own blocks; the
  lanes found are flagged, and dropped with their rows only once a quarter of the chunk is found;
* shift moves (plane changes) and block moves (high entries only: a block lands on one block, slot for
  slot) are done 32 slots at a time on whole words, in both directions;
* finish: per unit, codes 2 -> 1 and 3 -> 2, with the new frontier and unseen counts per block.

Units of a block without frontier (top-down) or unseen (bottom-up) slots are skipped; a unit is
converted at the end of a layer only if it held a frontier or a claim touched it.

``geo`` holds the layout integers (see :func:`geometry`).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numba import njit

from ._atomics import atomic_add_i64, atomic_or_u64, ctz64, popcount64
from ._rank_kernels import (
    CHUNK,
    M55,
    TOUCH_SHIFT,
    TOUCH_WORDS_SHIFT,
    append_bits,
    block_setup,
    code_at,
    convert_block,
    fill_high,
    fill_low,
    mark_new,
    neighbour_ranks,
    scan_block,
    unrank_slots,  # noqa: F401  (re-exported for the driver)
)
from .rank_plan import BLOCK, COUNT, SHIFT, SWAP, WINDOW

GRAB = 4  # blocks taken from the shared counter at a time

# indices into geo
N, N_T, P, HALF, PLANES, STRIDE, NB, BSLOTS, LOWC, SPP, UW, UPB = range(12)
# How a top-down layer claims states. Several workers may claim slots of one byte at once, so their
# claims are atomic ORs into the codes (CLAIM_ATOMIC), or plain ORs into rows of their own that the
# end-of-layer pass reads (CLAIM_PRIVATE: a row per worker the size of the codes; an atomic
# costs a cache line held by one core, and top_spin(11)'s dense layers ran 30% faster on 2 threads
# without them). One worker alone makes plain ORs into the codes (CLAIM_PLAIN).
CLAIM_ATOMIC, CLAIM_PLAIN, CLAIM_PRIVATE = 0, 1, 2

# unit flags: holds frontier / unseen slots; holds fewer of them than half its words (see list_words)
HAS_FRONTIER, HAS_UNSEEN, FEW_FRONTIER, FEW_UNSEEN = 1, 2, 4, 8


@njit(cache=True, nogil=True)
def unit_flags(frontier, unseen, unit_words):
    """The flags of a unit holding ``frontier`` frontier and ``unseen`` unseen slots."""
    flags = (HAS_FRONTIER if frontier > 0 else 0) | (HAS_UNSEEN if unseen > 0 else 0)
    return flags | (FEW_FRONTIER if 2 * frontier < unit_words else 0) | (FEW_UNSEEN if 2 * unseen < unit_words else 0)


def geometry(plan) -> np.ndarray:
    return np.array(
        [
            plan.n,
            plan.n_t,
            plan.p,
            plan.half,
            plan.planes,
            plan.plane_stride,
            plan.blocks_per_plane,
            plan.block_slots,
            plan.low_count,
            plan.slots_per_plane,
            plan.unit_words,
            plan.units_per_block,
        ],
        dtype=np.int64,
    )


@njit(cache=True, nogil=True, inline="always")
def block_span(z, geo):
    """(first word, number of words, number of valid slots) of block z."""
    k = z // geo[NB]
    beta = z % geo[NB]
    first_slot = k * geo[STRIDE] + beta * geo[BSLOTS]
    if geo[NB] == 1:
        return first_slot >> 5, geo[STRIDE] >> 5, geo[SPP]
    return first_slot >> 5, geo[BSLOTS] >> 5, geo[BSLOTS]


def scratch(plan, workers: int):
    """Per-worker work arrays."""
    n_t = max(plan.n_t, 1)
    return (
        np.empty((workers, plan.block_slots + 32), dtype=np.uint32),
        np.empty((workers, n_t, CHUNK), dtype=np.uint8),
        np.empty((workers, 3, CHUNK), dtype=np.int64),
        np.empty((workers, 2, CHUNK), dtype=np.uint8),
        np.empty((workers, 5, n_t + 2), dtype=np.int64),
        np.empty((workers, max(plan.k, 1)), dtype=np.int64),
        np.empty((workers, 3, 2 * plan.unit_words), dtype=np.uint64),
    )


def scratch_bytes(plan, workers: int) -> int:
    n_t = max(plan.n_t, 1)
    per_worker = 4 * (plan.block_slots + 32) + CHUNK * (n_t + 26) + 40 * (n_t + 2) + 8 * max(plan.k, 1)
    return workers * (per_worker + 48 * plan.unit_words)


@njit(cache=True, nogil=True)
def expand_top_down(w, codes8, codes64, touched, units, blocks, counter, claims8, claims64, mode, geo, fact, magic,
                     magic_small, parity, pat2, low_index, target, kind, lo, hi, psi, rows, shifts, nshift, terms,
                     blockers, nblock, tid, items, nitems, tables, s_lanes, s_tv, s_i64, s_u8, s_small, s_offs, s_w64):
    n_t, p, half, stride = geo[N_T], geo[P], geo[HALF], geo[STRIDE]
    atomic = mode == CLAIM_ATOMIC  # claims: atomic ORs into the codes, plain ORs into them, or into own rows
    out8, out64 = (claims8[w], claims64[w]) if mode == CLAIM_PRIVATE else (codes8, codes64)
    lanes, tv, cnt = s_lanes[w], s_tv[w], s_u8[w, 0]
    bv, up, cand = s_i64[w, 0], s_i64[w, 1], s_i64[w, 2]
    hv, hcode, hdp, hdig, nh = s_small[w, 0], s_small[w, 1], s_small[w, 2], s_small[w, 3], s_small[w, 4]
    offs = s_offs[w]
    nb = blocks.shape[0]
    total = 0
    while True:
        start = atomic_add_i64(counter, 0, GRAB)
        if start >= nb:
            break
        for jj in range(start, min(start + GRAB, nb)):
            z = blocks[jj]
            first_word, nwords, valid = block_span(z, geo)
            k, ubase, q = block_setup(z, n_t, p, geo[NB], geo[LOWC], fact, half, parity, hv, hcode, hdp, hdig)
            words = word_moves(z, k, geo, fact, target, psi, shifts, nshift, blockers, nblock, hv, nh, offs)
            count, claimed = scan_frontier(codes64, touched, units, z, first_word, geo, offs, words,
                                           words < target.shape[0], lanes, s_w64[w, 0], s_w64[w, 1], s_w64[w, 2],
                                           out64, atomic)
            total += claimed
            if count == 0:
                continue
            fill_high(min(CHUNK, count), n_t, p, hcode, tv, rows[k])
            need_b, qoff = needs_low_index(kind, k), q * geo[BSLOTS] * half  # per block, for every chunk
            for c0 in range(0, count, CHUNK):
                m = min(CHUNK, count - c0)
                fill_low(lanes, c0, m, q, p, pat2, low_index, tv, bv, rows[k], need_b)
                for gi in range(target.shape[0]):
                    if kind[gi, k] == SHIFT or kind[gi, k] == BLOCK:  # claimed word by word
                        continue
                    neighbour_ranks(m, ubase, kind[gi, k], lo[gi, k], hi[gi, k], psi[gi, k], terms[gi, k], tv, bv,
                                    cnt, up, p, fact, magic, magic_small, hdp, hv, hdig, hcode, tables,
                                    tid[gi, k], items[gi, k], nitems[gi, k], lanes, c0, qoff)
                    total += mark_new(codes8, touched, up, m, target[gi, k] * stride, half, cand, out8, atomic)
    return total


@njit(cache=True, nogil=True)
def expand_bottom_up(w, codes8, codes64, touched, units, blocks, counter, geo, fact, magic, magic_small, parity, pat2,
                      low_index, target, kind, lo, hi, psi, rows, order, shifts, nshift, terms, blockers, nblock, tid,
                      items, nitems, tables, s_lanes, s_tv, s_i64, s_u8, s_small, s_offs, s_w64):
    n_t, p, half, stride = geo[N_T], geo[P], geo[HALF], geo[STRIDE]
    lanes, tv, cnt, alive = s_lanes[w], s_tv[w], s_u8[w, 0], s_u8[w, 1]
    bv, up, hit = s_i64[w, 0], s_i64[w, 1], s_i64[w, 2]
    hv, hcode, hdp, hdig, nh = s_small[w, 0], s_small[w, 1], s_small[w, 2], s_small[w, 3], s_small[w, 4]
    offs = s_offs[w]
    nb = blocks.shape[0]
    total = 0
    while True:
        start = atomic_add_i64(counter, 0, GRAB)
        if start >= nb:
            break
        for jj in range(start, min(start + GRAB, nb)):
            z = blocks[jj]
            first_word, nwords, valid = block_span(z, geo)
            k, ubase, q = block_setup(z, n_t, p, geo[NB], geo[LOWC], fact, half, parity, hv, hcode, hdp, hdig)
            words = word_moves(z, k, geo, fact, target, psi, shifts, nshift, blockers, nblock, hv, nh, offs)
            count, claimed = scan_unseen(codes64, touched, units, z, first_word, valid, geo, offs, words,
                                         words < target.shape[0], lanes, s_w64[w, 0], s_w64[w, 1], s_w64[w, 2])
            total += claimed
            if count == 0:
                continue
            first_slot = first_word << 5
            fill_high(min(CHUNK, count), n_t, p, hcode, tv, rows[k])
            need_b, qoff = needs_low_index(kind, k), q * geo[BSLOTS] * half  # per block, for every chunk
            for c0 in range(0, count, CHUNK):
                m = min(CHUNK, count - c0)
                fill_low(lanes, c0, m, q, p, pat2, low_index, tv, bv, rows[k], need_b)
                alive[:m] = 1
                left = m
                for oi in range(order.shape[0]):
                    gi = order[oi]
                    if kind[gi, k] == SHIFT or kind[gi, k] == BLOCK:  # checked word by word
                        continue
                    neighbour_ranks(m, ubase, kind[gi, k], lo[gi, k], hi[gi, k], psi[gi, k], terms[gi, k], tv, bv,
                                    cnt, up, p, fact, magic, magic_small, hdp, hv, hdig, hcode, tables,
                                    tid[gi, k], items[gi, k], nitems[gi, k], lanes, c0, qoff)
                    base = target[gi, k] * stride
                    nhit = np.uint64(0)  # unsigned indices: no wraparound tests
                    at0 = np.uint64(c0)
                    for l in range(m):  # branch-free; lanes found earlier read their own (cached) slot
                        a = alive[l]
                        s = base + (up[l] >> half) if a else first_slot
                        is_hit = a & np.uint8(code_at(codes8, s) == 2)
                        hit[nhit] = lanes[at0 + np.uint64(l)]
                        nhit += np.uint64(is_hit)
                        alive[l] = a - is_hit
                    left -= np.int64(nhit)
                    for h in range(nhit):
                        own = np.uint64(first_slot + hit[h])
                        codes8[own >> np.uint64(2)] |= np.uint8(3 << ((own & np.uint64(3)) << np.uint64(1)))
                        touched[own >> np.uint64(TOUCH_SHIFT)] = 1
                    total += np.int64(nhit)
                    if left == 0:
                        break
                    if 4 * left < 3 * m:  # the lanes still unseen and their low rows, moved up in place
                        need = rows[k]
                        for j in range(p):
                            if (need >> j) & 1:
                                trow = tv[j]
                                at = 0
                                for l in range(m):
                                    trow[at] = trow[l]
                                    at += alive[l]
                        at = 0
                        for l in range(m):
                            lanes[c0 + at] = lanes[c0 + l]
                            bv[at] = bv[l]
                            at += alive[l]
                        m = left
                        alive[:m] = 1
    return total


@njit(cache=True, nogil=True, inline="always")
def needs_low_index(kind, k):
    """Whether a lane move of plane k reads the lanes' low indices (table moves read the lanes)."""
    for gi in range(kind.shape[0]):
        if kind[gi, k] == SWAP or kind[gi, k] == COUNT or kind[gi, k] == WINDOW:
            return True
    return False


@njit(cache=True, nogil=True, inline="always")
def word_moves(z, k, geo, fact, target, psi, shifts, nshift, blockers, nblock, hv, nh, offs):
    """How many 64-bit words away each word of block z sends its slots, for the moves that keep the slot
    inside its block: shifts (another plane, ``shifts[k]``) and block moves (they permute high entries
    only, so the low digits stay and the whole block lands on one block, worked out from the block's high
    entries ``hv``). Written to ``offs``; returns how many."""
    n_t, p, nb, stride = geo[N_T], geo[P], geo[NB], geo[STRIDE]
    at = nshift[k]
    for j in range(at):
        offs[j] = shifts[k, j]
    src = k * stride + (z % nb) * geo[BSLOTS]
    for j in range(nblock[k]):
        gi = blockers[k, j]
        m = psi[gi, k]
        for i in range(p, n_t):
            nh[i] = hv[m[i]]
        u = 0
        for i in range(p, n_t):  # digit i: the larger values not placed after position i
            c = n_t - 1 - nh[i]
            for x in range(i + 1, n_t):
                c -= nh[x] > nh[i]
            u += c * fact[i]
        dst = target[gi, k] * stride + (u // geo[LOWC]) * geo[BSLOTS]
        offs[at] = (dst - src) >> 5
        at += 1
    return at


@njit(cache=True, nogil=True, inline="always")
def word_mask(w, wi, unseen, valid):
    """Bit 2i set for each unseen (code 0) or frontier (code 2) slot i of word number wi, w; padding
    slots (from ``valid`` on) are not states."""
    if unseen:
        m = ~((w >> np.uint64(1)) | w) & M55
        if wi * 32 + 32 > valid:
            m &= (np.uint64(1) << np.uint64(2 * max(valid - wi * 32, 0))) - np.uint64(1)
        return m
    return (w >> np.uint64(1)) & ~w & M55


@njit(cache=True, nogil=True, inline="always")
def list_words(codes64, w0, uw, unseen, valid, masks, at, sparse):
    """List the words w0..w0+uw-1 holding frontier (or unseen) slots among the first ``valid`` slots:
    their masks (bit 2i for slot i) to ``masks`` and their offsets to ``at``. Returns how many.

    A dense unit is listed branch-free, word by word. In a ``sparse`` one (fewer wanted slots than
    half its words), per 64 words a first pass (loads and bit operations, which LLVM vectorises) sets
    one bit per word holding a wanted slot, and only those words are listed (listing word by word was
    a quarter of top_spin(11)'s sparse layers; in dense ones the first pass costs 2%)."""
    nz = np.uint64(0)  # unsigned indices: no wraparound tests (a third faster), no view (see fill_low)
    base = np.uint64(w0)
    if not sparse:
        for wi in range(uw):
            m = word_mask(codes64[base + np.uint64(wi)], wi, unseen, valid)
            masks[nz] = m
            at[nz] = wi
            nz += np.uint64(m != 0)
        return np.int64(nz)
    for g0 in range(0, uw, 64):
        g1 = min(g0 + 64, uw)
        bits = np.uint64(0)
        if unseen:  # (padding slots look unseen here: the listing below masks them)
            for wi in range(g0, g1):
                w = codes64[base + np.uint64(wi)]
                bits |= np.uint64((~((w >> np.uint64(1)) | w) & M55) != 0) << np.uint64(wi - g0)
        else:
            for wi in range(g0, g1):
                w = codes64[base + np.uint64(wi)]
                bits |= np.uint64(((w >> np.uint64(1)) & ~w & M55) != 0) << np.uint64(wi - g0)
        while bits:
            wi = g0 + ctz64(bits)
            bits &= bits - np.uint64(1)
            m = word_mask(codes64[base + np.uint64(wi)], wi, unseen, valid)
            masks[nz] = m
            at[nz] = wi
            nz += np.uint64(m != 0)
    return np.int64(nz)


@njit(cache=True, nogil=True, inline="always")
def append_listed(masks, at, nz, base, lanes, count):
    """Append the slots of the listed words (see :func:`list_words`) to ``lanes``; returns the count."""
    for j in range(nz):
        count = append_bits(masks[j], base + np.int64(at[j]) * 32, lanes, count)
    return count


@njit(cache=True, nogil=True, inline="always")
def scan_frontier(codes64, touched, units, z, first_word, geo, shifts, nshift, need_lanes, lanes, fm, newv, at, out64,
                  atomic):
    """Top-down pass over the units of block z that hold frontier slots.

    Shift and block moves send every slot of the block the same number of words away
    (``shifts[:nshift]``, from :func:`word_moves`), so they are done here 32 slots at a time: the
    frontier bits of a word claim the unseen bits of the target word (one atomic OR whose old value is
    not needed, a plain ``lock or``; or, unless ``atomic``, a plain OR into ``out64``: see
    :data:`CLAIM_PRIVATE`). The frontier slots are appended to ``lanes`` for the other moves
    when ``need_lanes``. Returns (lanes, claims): claims counts the words where a claim was made (0
    exactly when no state was claimed: a claim is made only on bits that were unseen when read, and
    codes never return to unseen).

    A unit goes in passes without data-dependent branches: its words holding frontier bits are listed
    (``fm``, ``at``); per word move, the targets with unseen bits reached are listed again (``newv``)
    and only those take the atomic OR; then the lanes are appended."""
    uw, upb = geo[UW], geo[UPB]
    count = 0
    found = 0
    for uo in range(upb):
        flags = units[z * upb + uo]
        if not flags & HAS_FRONTIER:
            continue
        w0 = first_word + uo * uw
        nz = list_words(codes64, w0, uw, False, uw * 32, fm, at, flags & FEW_FRONTIER)
        for si in range(nshift):
            t0 = w0 + shifts[si]
            nc = np.uint64(0)  # unsigned indices: no wraparound tests
            for j in range(nz):
                wi = np.int64(at[j])
                t = codes64[np.uint64(t0 + wi)]
                new = fm[j] & ~((t >> np.uint64(1)) | t) & M55
                newv[nc] = new
                at[np.uint64(uw) + nc] = wi
                nc += np.uint64(new != 0)
            for j in range(nc):
                tw = t0 + np.int64(at[uw + j])
                new = newv[j]
                if atomic:
                    atomic_or_u64(codes64, tw, new | (new << np.uint64(1)))
                else:
                    out64[np.uint64(tw)] |= new | (new << np.uint64(1))
                f = np.uint64(tw) >> np.uint64(TOUCH_WORDS_SHIFT)
                if touched[f] == 0:
                    touched[f] = 1
            found += np.int64(nc)
        if need_lanes:
            count = append_listed(fm, at, nz, uo * uw * 32, lanes, count)
    return count, found


@njit(cache=True, nogil=True, inline="always")
def scan_unseen(codes64, touched, units, z, first_word, valid, geo, shifts, nshift, need_lanes, lanes, um, hits, at):
    """Bottom-up pass over the units of block z that hold unseen slots, in the passes of
    :func:`scan_frontier`: the words holding unseen slots are listed (``um``, ``at``); per word move,
    the listed slots whose in-neighbour word has frontier bits there are found (``hits``); the found
    slots are marked (the worker's own words: plain stores); the slots still unseen are appended to
    ``lanes`` when ``need_lanes``. Returns (lanes, states found)."""
    uw, upb = geo[UW], geo[UPB]
    count = 0
    found = 0
    for uo in range(upb):
        flags = units[z * upb + uo]
        if not flags & HAS_UNSEEN:
            continue
        w0 = first_word + uo * uw
        nz = list_words(codes64, w0, uw, True, valid - uo * uw * 32, um, at, flags & FEW_UNSEEN)
        hits[:nz] = 0
        for si in range(nshift):
            t0 = w0 + shifts[si]
            for j in range(nz):
                t = codes64[np.uint64(t0 + np.int64(at[j]))]
                h = um[j] & (t >> np.uint64(1)) & ~t
                hits[j] |= h
                um[j] &= ~h
        if nshift > 0:
            any_hit = np.uint64(0)
            for j in range(nz):
                h = hits[j]
                codes64[np.uint64(w0 + np.int64(at[j]))] |= h | (h << np.uint64(1))
                found += np.int64(popcount64(h))
                any_hit |= h
            if any_hit:  # a unit spans at most two flags
                touched[w0 >> TOUCH_WORDS_SHIFT] = 1
                touched[(w0 + uw - 1) >> TOUCH_WORDS_SHIFT] = 1
        if need_lanes:
            count = append_listed(um, at, nz, uo * uw * 32, lanes, count)
    return count, found


@njit(cache=True, nogil=True)
def finish_blocks(start, stop, codes64, touched, units, fcount, ucount, geo, claims64):
    """Codes 2 -> 1 and 3 -> 2 in the units of blocks start..stop-1 that held a frontier or were
    touched, after ORing in the workers' claims (rows of ``claims64``; none when the layer made its
    claims in the codes) on the slots still unseen. Rows are never cleared: a claim left from an
    earlier layer is on a slot that is no longer unseen, so it changes nothing. Refresh their unit
    flags and the blocks' frontier and unseen counts."""
    uw = geo[UW]
    for z in range(start, stop):
        first_word, nwords, valid = block_span(z, geo)
        new = 0
        for uo in range(geo[UPB]):
            u = z * geo[UPB] + uo
            w0 = first_word + uo * uw
            need = units[u] & HAS_FRONTIER
            if not need:
                for chunk in range(w0 >> TOUCH_WORDS_SHIFT, ((w0 + uw - 1) >> TOUCH_WORDS_SHIFT) + 1):
                    if touched[chunk]:
                        need = 1
                        break
            if need:
                base = np.uint64(w0)  # unsigned indices: the loops vectorise
                for r in range(claims64.shape[0]):
                    row = claims64[r]
                    for wi in range(np.uint64(uw)):
                        c = codes64[base + wi]
                        got = row[base + wi] & ~((c >> np.uint64(1)) | c) & M55
                        codes64[base + wi] = c | got | (got << np.uint64(1))
                f, zeros = convert_block(codes64, w0, uw, min(uw * 32, valid - uo * uw * 32))
                units[u] = unit_flags(f, zeros, uw)
                new += f
        fcount[z] = new
        ucount[z] -= new


@njit(cache=True, nogil=True)
def touch_pages(rows):
    """Write a zero every 4 KiB of ``rows`` (zeroed memory), so that its pages are faulted in now."""
    for r in range(rows.shape[0]):
        for i in range(0, rows.shape[1], 512):
            rows[r, i] = 0


@njit(cache=True, nogil=True)
def collect_frontier(codes64, blocks, total, geo):
    """Slots of all frontier (code 2) states in the given blocks, in slot order."""
    out = np.empty(total, dtype=np.int64)
    lanes = np.empty(geo[BSLOTS] + 32 if geo[NB] > 1 else geo[STRIDE] + 32, dtype=np.uint32)
    pos = 0
    for jj in range(blocks.shape[0]):
        first_word, nwords, valid = block_span(blocks[jj], geo)
        count = scan_block(codes64, first_word, nwords, valid, 2, lanes, 0, 0)
        for l in range(count):
            if pos < total:
                out[pos] = (first_word << 5) + lanes[l]
            pos += 1
    return out[:pos] if pos < total else out


class Workers:
    """Runs one nogil kernel call per worker on a small thread pool (the caller's thread is worker 0)."""

    def __init__(self, count: int):
        self.count = max(1, int(count))
        self._pool = ThreadPoolExecutor(self.count - 1) if self.count > 1 else None

    def run(self, calls):
        """Run ``calls`` (zero-argument callables, at most ``count``); returns their results in order."""
        if self._pool is None or len(calls) == 1:
            return [call() for call in calls]
        futures = [self._pool.submit(call) for call in calls[1:]]
        first = calls[0]()
        return [first] + [f.result() for f in futures]

    def start(self, call):
        """Start ``call`` on a pool thread now; returns its future (None, after running it here, when
        there is no pool). Calls of :meth:`run` queue behind it on that thread."""
        if self._pool is None:
            call()
            return None
        return self._pool.submit(call)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
