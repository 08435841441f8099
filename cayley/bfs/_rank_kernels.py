"""Per-block kernels of the rank-bitset BFS (numbering in :mod:`cayley.bfs.rank_plan`).

Codes are 2 bits per slot, 4 slots per byte, 32 per uint64 word (slot ``s`` at bit ``2 * (s % 32)``
of word ``s // 32``): 0 = unseen, 1 = seen in an earlier layer, 2 = current frontier, 3 = found in
the layer being built. A block is ``block_slots`` consecutive slots sharing their high Lehmer digits.

The states of a block are processed in chunks of lanes in structure-of-arrays form: ``tv[j, l]`` is
entry j of ``t`` for lane l, so each neighbour rank is a handful of byte-wise comparisons over whole
rows, which LLVM vectorises.

The helpers of the two layer kernels are inlined into them (``inline="always"``): a call that passes
arrays costs a reference-count increment and decrement per array, and a lane move takes about 25
arrays (inlining made the searches of S_11 3-6% faster; compiling them takes 20 s instead of 13 s).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ._atomics import atomic_or_u8, ctz64, popcount64

M55 = np.uint64(0x5555555555555555)
CHUNK = 1024
TOUCH_SHIFT = 12  # one "touched" flag per 4096 slots
TOUCH_WORDS_SHIFT = TOUCH_SHIFT - 5


@njit(cache=True, nogil=True, inline="always")
def code_at(codes8, slot):
    return (codes8[np.uint64(slot) >> np.uint64(2)] >> ((slot & 3) << 1)) & 3  # unsigned: no wraparound test


@njit(cache=True, nogil=True, inline="always")
def block_setup(z, n_t, p, blocks_per_plane, low_count, fact, half, plane_parity, hv, hcode, hdp, hdig):
    """Unrank the high digits hdig[p:] of block ``z``: entries hv[p:], lane codes hcode[p:], partial sums hdp.

    Lanes hold codes, not entries: a low entry of pattern value x is ``2x + 1``, a high entry v is
    ``2 * #{low entries < v}``; both compare like the entries they stand for, except two high entries,
    which are compared through hv.

    Returns (plane, u of the block's first rank, parity class q of its low patterns).
    """
    k = z // blocks_per_plane
    ubase = (z % blocks_per_plane) * low_count
    mask = (1 << n_t) - 1
    par = 0
    hdp[p] = 0
    for i in range(n_t - 1, p - 1, -1):
        c = (ubase // fact[i]) % (i + 1)
        hdig[i] = c
        par += c
        r = i - c
        v = 0
        while True:  # the r-th smallest remaining value
            if (mask >> v) & 1:
                if r == 0:
                    break
                r -= 1
            v += 1
        hv[i] = v
        mask &= ~(1 << v)
    for x in range(p + 1, n_t + 1):
        hdp[x] = hdp[x - 1] + ((ubase // fact[x - 1]) % x) * fact[x - 1]
    for i in range(p, n_t):  # code of a high entry: twice the number of low entries below it
        below = 0
        for v in range(hv[i]):
            below += (mask >> v) & 1
        hcode[i] = 2 * below
    q = (plane_parity[k] + par) & 1 if half else 0
    return k, ubase, q


@njit(cache=True, nogil=True, inline="always")
def fill_high(count, n_t, p, hcode, tv, rows):
    """The needed rows (bit j of ``rows``) of the block's high entries (the same for every lane)."""
    for j in range(p, n_t):
        if (rows >> j) & 1:
            v = hcode[j]
            trow = tv[j]
            for l in range(count):
                trow[l] = v


@njit(cache=True, nogil=True, inline="always")
def fill_low(lanes, start, count, q, p, pat2, low_index, tv, bv, rows, need_b):
    """Low indices (when ``need_b``) and the needed low rows of the lanes ``lanes[start:start+count]``."""
    # unsigned indices: no wraparound tests (and no views of lanes, which update reference counts)
    at = np.uint64(start)
    if not need_b:
        pass
    elif low_index.shape[0] == 1:  # full numbering: the low index is the lane (no table look-up)
        for l in range(np.uint64(count)):
            bv[l] = lanes[at + l]
    else:
        low = low_index[q]
        for l in range(np.uint64(count)):
            bv[l] = low[lanes[at + l]]
    for j in range(p):
        if (rows >> j) & 1:
            prow = pat2[q, j]
            trow = tv[j]
            for l in range(np.uint64(count)):
                trow[l] = prow[lanes[at + l]]


@njit(cache=True, nogil=True, inline="always")
def _low_mod(b, x, p, fact, magic, hdp):
    """(u mod x!) for a lane with low index b; digits above p come from the block (hdp)."""
    if x <= p:
        return b - ((b * magic[x]) >> 32) * fact[x]
    return b + hdp[x]


@njit(cache=True, nogil=True, inline="always")
def _digit(b, i, magic, magic_small):
    """Lehmer digit i (< p) of the low index b."""
    q = (b * magic[i]) >> 32
    return q - ((q * magic_small[i + 1]) >> 32) * (i + 1)


@njit(cache=True, nogil=True, inline="always")
def neighbour_ranks(count, ubase, kind, lo, hi, psi, terms, tv, bv, cnt, up, p, fact, magic, magic_small, hdp, hv,
                    hdig, hcode, tables, tid, items, nitems, lanes, start, qoff):
    """Full-numbering rank ``u'`` (inside the target plane) of the neighbour of each lane.

    kind 0: t unchanged. kind 1: entries lo and lo+1 exchanged, so digit lo becomes
    ``c[lo+1] - [t[lo] > t[lo+1]]`` and digit lo+1 becomes ``c[lo] + [t[lo] < t[lo+1]]``, where
    ``t[lo] < t[lo+1]`` exactly when ``c[lo+1] <= c[lo]`` (earlier entries above t[lo+1] are above
    t[lo] too, and t[lo] > t[lo+1] adds itself): digits only, no entries.
    kind 2: the move fixes every entry outside [lo, hi); digits lo..hi-1 are recounted.
    kind 3: as kind 2, but each new digit i is the old digit of entry ``psi[i]`` plus or minus the
    comparisons listed in ``terms[i]`` (see :func:`cayley.bfs.rank_plan.window_terms`).
    kind 5: ``tables[row]`` at the lane's column (``qoff`` plus the lane ``lanes[start + l]``, see
    :func:`cayley.bfs.rank_plan._stacked_tables`) plus the block's items plus the lane's comparisons of
    a low entry with a high one (see :func:`cayley.bfs.rank_plan.table_move`); the row is ``tid``, plus
    the block's ``r`` when a high entry's comparisons are folded into the table. Kinds 1 to 3 read the
    low indices ``bv``.
    """
    if kind == 0:
        for l in range(count):
            up[l] = ubase + bv[l]
    elif kind == 1:
        a = lo
        fa, fb = fact[a], fact[a + 1]
        if a + 1 >= p:  # digit a+1 is the block's (a swap of two high entries is a block move)
            cb = hdig[a + 1]
            for l in range(count):
                b = bv[l]
                ca = _digit(b, a, magic, magic_small)
                lt = np.int64(cb <= ca)
                up[l] = ubase + b + (cb - ca + lt - 1) * fa + (ca - cb + lt) * fb
        else:
            for l in range(count):
                b = bv[l]
                ca = _digit(b, a, magic, magic_small)
                cb = _digit(b, a + 1, magic, magic_small)
                lt = np.int64(cb <= ca)  # t[a] < t[a+1] exactly when c[a+1] <= c[a]
                # lt = 1: (cb - ca) fa + (ca + 1 - cb) fb;  lt = 0: (cb - 1 - ca) fa + (ca - cb) fb
                up[l] = ubase + b + (cb - ca + lt - 1) * fa + (ca - cb + lt) * fb
    elif kind == 5:
        _table_ranks(count, ubase, tv, cnt, up, fact, hv, hdig, hcode, tables, tid, items, nitems, lanes, start, qoff)
    else:  # kinds 2 and 3: digits lo..hi-1 change
        for l in range(count):
            b = bv[l]
            up[l] = ubase + b - _low_mod(b, hi, p, fact, magic, hdp) + _low_mod(b, lo, p, fact, magic, hdp)
        for i in range(max(lo, 1), hi):
            a = psi[i]
            if kind == 3:
                _window_digit(count, a, terms[i], tv, bv, cnt, p, magic, magic_small, hv, hdig)
            else:
                _recount_digit(count, i, a, psi, tv, cnt, p, hv)
            f = fact[i]
            for l in range(count):
                up[l] += np.int64(cnt[l]) * f


@njit(cache=True, nogil=True, inline="always")
def _table_ranks(count, ubase, tv, cnt, up, fact, hv, hdig, hcode, tables, tid, items, nitems, lanes, start, qoff):
    """Kind 5 of :func:`neighbour_ranks`: the block's part, the table's, then the mixed comparisons
    digit by digit (counted from 128 in a byte, so that a negative sum survives)."""
    const = ubase
    row = tid
    first_mixed = nitems
    for j in range(nitems):
        what, i = items[j, 0], items[j, 1]
        if what == 0:  # OLD_HIGH
            const -= hdig[i] * fact[i]
        elif what == 1:  # NEW_HIGH
            const += hdig[items[j, 4]] * fact[i]
        elif what == 2:  # HIGH_PAIR
            const += items[j, 2] * fact[i] * np.int64(hv[items[j, 3]] > hv[items[j, 4]])
        elif what == 4:  # FOLDED: the row for the number of low entries below entry i (a high one)
            row += hcode[i] >> 1
        else:  # MIXED, the last ones
            first_mixed = j
            break
    table = tables[row]
    col, first = np.uint64(qoff), np.uint64(start)
    for l in range(np.uint64(count)):
        up[l] = const + table[col + lanes[first + l]]
    j = first_mixed
    while j < nitems:
        i = items[j, 1]
        for l in range(count):
            cnt[l] = 128
        while j < nitems and items[j, 1] == i:
            row_x, row_a = tv[items[j, 3]], tv[items[j, 4]]
            if items[j, 2] > 0:
                for l in range(count):
                    cnt[l] += np.uint8(row_x[l] > row_a[l])
            else:
                for l in range(count):
                    cnt[l] -= np.uint8(row_x[l] > row_a[l])
            j += 1
        f = fact[i]
        for l in range(count):
            up[l] += (np.int64(cnt[l]) - 128) * f


@njit(cache=True, nogil=True, inline="always")
def _recount_digit(count, i, a, psi, tv, cnt, p, hv):
    """``cnt[l]``: the entries at positions psi[:i] larger than entry a (new digit i, counted)."""
    row_a = tv[a]
    const = 0
    for j in range(i):  # comparisons of two high entries are the block's
        if psi[j] >= p and a >= p:
            const += hv[psi[j]] > hv[a]
    for l in range(count):
        cnt[l] = const
    for j in range(i):
        if psi[j] < p or a < p:
            row_j = tv[psi[j]]
            for l in range(count):
                cnt[l] += np.uint8(row_j[l] > row_a[l])


@njit(cache=True, nogil=True, inline="always")
def _window_digit(count, a, terms, tv, bv, cnt, p, magic, magic_small, hv, hdig):
    """``cnt[l]``: the old digit of entry a plus or minus the comparisons in ``terms`` (new digit i of
    a window move, see :func:`cayley.bfs.rank_plan.window_terms`), modulo 256 on the way."""
    row_a = tv[a]
    const = 0
    for e in range(terms.shape[0]):  # comparisons of two high entries are the block's
        x = terms[e]
        if x == 0:
            break
        xa = abs(x) - 1
        if xa >= p and a >= p:
            const += (1 if x > 0 else -1) * (hv[xa] > hv[a])
    if a < p:
        for l in range(count):
            cnt[l] = np.uint8(_digit(bv[l], a, magic, magic_small) + const)
    else:
        c0 = np.uint8(hdig[a] + const)
        for l in range(count):
            cnt[l] = c0
    for e in range(terms.shape[0]):
        x = terms[e]
        if x == 0:
            break
        xa = abs(x) - 1
        if xa >= p and a >= p:
            continue
        row_x = tv[xa]
        if x > 0:
            for l in range(count):
                cnt[l] += np.uint8(row_x[l] > row_a[l])
        else:
            for l in range(count):
                cnt[l] -= np.uint8(row_x[l] > row_a[l])


@njit(cache=True, nogil=True)
def scan_block(codes64, first_word, nwords, valid, want, lanes, count, offset):
    """Append to ``lanes[count:]`` the indices (plus ``offset``) of the slots holding code ``want``
    among the first ``valid`` slots of words first_word..first_word+nwords-1; returns the new count.
    """
    last = nwords - 1
    for wi in range(nwords):
        w = codes64[first_word + wi]
        hi_bits = (w >> np.uint64(1)) & M55
        lo_bits = w & M55
        if want == 0:
            m = ~(hi_bits | lo_bits) & M55
            if wi == last and valid < nwords * 32:  # padding slots are not states
                m &= (np.uint64(1) << np.uint64(2 * (valid - wi * 32))) - np.uint64(1)
        elif want == 2:
            m = hi_bits & ~lo_bits
        elif want == 3:
            m = hi_bits & lo_bits
        else:
            m = ~hi_bits & lo_bits
        if m == 0:
            continue
        count = append_bits(m, offset + wi * 32, lanes, count)
    return count


@njit(cache=True, nogil=True, inline="always")
def append_bits(m, base, lanes, count):
    """Append ``base + i`` for every set bit 2i of ``m``; four at a time without data-dependent
    branches (``lanes`` needs four entries of slack). Returns the new count."""
    stop = count + np.int64(popcount64(m))
    while count < stop:
        for t in range(4):
            lanes[np.uint64(count + t)] = base + np.int64(ctz64(m) >> np.uint64(1))
            m &= m - np.uint64(1)
        count += 4
    return stop


@njit(cache=True, nogil=True, inline="always")
def mark_new(codes8, touched, up, count, base, half, cand, out8, atomic):
    """Top-down: claim every unseen neighbour; returns how many claims were made.

    A branch-free pass keeps the neighbours that look unseen; only those are claimed: with ``atomic``
    by an atomic OR into the codes, whose old value is not needed (a plain ``lock or``), else by a
    plain OR into ``out8`` (the codes when one worker runs, else the worker's own row). A claim is
    made only on a code that was unseen when read and codes never return to unseen, so the result is 0
    exactly when nothing new was found; the exact count comes from the end-of-layer pass.
    """
    m = np.uint64(0)  # unsigned index: no wraparound test
    for l in range(count):
        s = base + (up[l] >> half)
        cand[m] = s
        m += np.uint64(code_at(codes8, s) == 0)
    for i in range(m):
        s = cand[i]
        if atomic:
            atomic_or_u8(codes8, s >> 2, np.uint8(3 << ((s & 3) << 1)))
        else:
            out8[np.uint64(s) >> np.uint64(2)] |= np.uint8(3 << ((s & 3) << 1))
        f = np.uint64(s) >> np.uint64(TOUCH_SHIFT)
        if touched[f] == 0:  # a store only when the flag changes: no line ping-pong
            touched[f] = 1
    return np.int64(m)


@njit(cache=True, nogil=True)
def convert_block(codes64, first_word, nwords, valid):
    """End of a layer for one block: 2 -> 1 and 3 -> 2. Returns (new frontier count, unseen count).

    Branch-free over whole words; padding slots after ``valid`` are 0 and are not counted.
    """
    # unsigned indices: no wraparound test, so the loop vectorises (and no view: see fill_low)
    base = np.uint64(first_word)
    frontier = np.uint64(0)
    zeros = np.uint64(0)
    for wi in range(np.uint64(nwords)):
        w = codes64[base + wi]
        hi_bits = (w >> np.uint64(1)) & M55
        lo_bits = w & M55
        nh = hi_bits & lo_bits
        frontier += popcount64(nh)
        zeros += popcount64(~(hi_bits | lo_bits) & M55)
        codes64[base + wi] = (nh << np.uint64(1)) | (hi_bits ^ lo_bits)
    padding = nwords * 32 - valid
    return np.int64(frontier), np.int64(zeros) - padding


@njit(cache=True, nogil=True)
def lehmer_columns(p, half, bvals, pat, digits):
    """Every permutation of p by column: ``bvals`` its Lehmer rank b, ``digits[i]`` digit i of b
    (weight i!: earlier entries larger than entry i), ``pat[j]`` entry j. Columns are in rank order,
    or with ``half`` the even ranks (digit sum even) first and then the odd ones, each in rank order.

    The digits run like an odometer (no divisions). Entry i is the (i - c_i)-th smallest value not
    placed after it; the values left before entry i are kept per level as 4-bit fields, so an
    increment that carries into digit j recomputes entries j..0 only."""
    d = np.zeros(p + 1, dtype=np.int64)
    left = np.zeros(p + 1, dtype=np.int64)  # left[i]: the values not placed at i..p-1, ascending, 4 bits each
    for v in range(p):
        left[p] |= v << (4 * v)
    entry = np.zeros(p, dtype=np.int64)
    at = np.zeros(2, dtype=np.int64)
    total = bvals.shape[0]
    at[1] = total // 2
    top, dsum = p - 1, 0  # entries top..0 need recomputing; digit sum
    for b in range(total):
        for i in range(top, -1, -1):
            x = 4 * (i - d[i])
            entry[i] = (left[i + 1] >> x) & 15
            low = left[i + 1] & ((1 << x) - 1)
            left[i] = low | ((left[i + 1] >> (x + 4)) << x)
        q = dsum & 1 if half else 0
        col = at[q]
        at[q] = col + 1
        bvals[col] = b
        for i in range(p):
            digits[i, col] = d[i]
            pat[i, col] = entry[i]
        j = 1  # next rank: digit j up by one, the digits below it back to 0
        while j < p and d[j] == j:
            d[j] = 0
            j += 1
        if j < p:
            d[j] += 1
        top, dsum = min(j, p - 1), dsum + 1 - j * (j - 1) // 2


@njit(cache=True, nogil=True)
def fill_table(out, bvals, pat, digits, digit_terms, compare_terms, folds):
    """Values of a table move (see :func:`cayley.bfs.rank_plan.table_move`) for every column, of low
    index ``b = bvals[column]`` (``pat`` and ``digits`` are given by column too):
    ``b + sum(coef * digits[i, b]) + sum(coef * [pat[x, b] > pat[a, b]])`` over the terms (rows
    ``(i, coef)`` and ``(x, a, coef)``), plus in row r of ``out`` the folded comparisons (rows
    ``(j, above, coef)``: ``coef * [pat[j, b] < r]``, or ``>= r`` when ``above``)."""
    v = out[0]  # term by term over all b (loops LLVM vectorises), then the rows
    for b in range(v.shape[0]):
        v[b] = bvals[b]
    for e in range(digit_terms.shape[0]):
        row, coef = digits[digit_terms[e, 0]], digit_terms[e, 1]
        for b in range(v.shape[0]):
            v[b] += coef * np.int64(row[b])
    for e in range(compare_terms.shape[0]):
        row_x, row_a, coef = pat[compare_terms[e, 0]], pat[compare_terms[e, 1]], compare_terms[e, 2]
        for b in range(v.shape[0]):
            v[b] += coef * np.int64(row_x[b] > row_a[b])
    for r in range(out.shape[0] - 1, -1, -1):  # row 0 last: it holds v until then
        w = out[r]
        if r > 0:
            w[:] = v
        for e in range(folds.shape[0]):
            row, above, coef = pat[folds[e, 0]], folds[e, 1] == 1, folds[e, 2]
            for b in range(w.shape[0]):
                w[b] += coef * np.int64((np.int64(row[b]) < r) != above)


@njit(cache=True, nogil=True)
def unrank_slots(slots, out, n, n_t, rotated, half, plane_stride, plane_parity, fact):
    """Permutations (one row each, uint8) of the given slots."""
    t = np.empty(n_t + 1, dtype=np.int64)
    for r in range(slots.shape[0]):
        k = slots[r] // plane_stride
        u = slots[r] % plane_stride
        if half:
            u <<= 1
            par = 0
            for i in range(n_t):
                par += (u // fact[i]) % (i + 1)
            u += (par + plane_parity[k]) & 1
        mask = (1 << n_t) - 1
        for i in range(n_t - 1, -1, -1):
            rr = i - (u // fact[i]) % (i + 1)
            v = 0
            while True:
                if (mask >> v) & 1:
                    if rr == 0:
                        break
                    rr -= 1
                v += 1
            t[i] = v
            mask &= ~(1 << v)
        if rotated:
            out[r, k] = 0
            for i in range(n_t):
                out[r, (i + 1 + k) % n] = t[i] + 1
        else:
            for i in range(n):
                out[r, i] = t[i]
