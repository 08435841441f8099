"""How the rank-bitset BFS numbers the states of S_n (or A_n) and how each generator acts on the numbers.

A state is a permutation ``pi`` (the central state relabelled to the identity) and a move is
``pi -> pi[g]``. Every permutation gets a *slot* in a flat array of 2-bit codes:

* **planes** -- when some generator is a cyclic shift of all n positions, the position ``k`` of value 0
  is split off: ``t = pi`` rotated so that ``t[0] = 0``, and the plane of ``pi`` is ``k``. A shift then
  changes only the plane (neighbour slots are a fixed distance away, in the same order), and every
  other generator acts on ``t`` by a position map that depends on the plane. Without a shift there is
  one plane and ``t = pi``.
* **Lehmer rank inside a plane** -- ``u = sum_i c_i * i!`` over the ``n_t`` free positions of ``t``
  (``c_i`` = number of earlier entries larger than entry i). A move that fixes all positions outside
  ``[lo, e)`` changes only the digits ``lo..e-1``, so its neighbour's rank costs ``O(e * (e - lo))``
  byte comparisons, and a move that fixes everything (a shift) costs nothing. When the window starts
  late, each new digit is instead the old digit of the entry that lands there, corrected by
  comparisons inside the window (:func:`window_terms`): only the window's entries are read.
* **blocks** -- the lowest ``p`` digits (``p = min(8, n_t)``) form a block of ``p!`` ranks whose
  entries come from a small table of patterns; the higher digits are unranked once per block.
  A block is cut into *units* of at most 128 words that are skipped when they hold nothing to do.
  A move that permutes high entries only (``lo >= p``) keeps every low digit, so it sends each block
  to one block, slot for slot: a *block move*, done 32 slots per word like a shift.
* **swaps** -- exchanging adjacent entries a, a+1 needs no entry of ``t``: ``t[a] < t[a+1]`` exactly
  when ``c[a+1] <= c[a]``, so the new digits come from the old ones.
* **tables** -- for other moves, everything in the neighbour's rank that depends on the low entries
  alone is one look-up in a table over the block's p! patterns, everything that depends on the high
  entries alone is the block's; so are the comparisons of one high entry with the low ones (the table
  gets a row per number of low entries below it); only the other comparisons of a low entry with a
  high one are made per state (:func:`table_move`; chosen when cheaper than recounting, up to 64 MiB
  of tables, shared by the two directions of an inverse-closed set).
* **half** -- when every generator is an even permutation, only even permutations are reachable; the
  digit of weight 1 is then implied by the parity of the others and is dropped (``slot = u >> 1``).

Slots: ``slot = plane * plane_stride + (u >> half)``; planes are padded to whole 64-bit words so that
blocks never share a word.

>>> import cayley
>>> plan = RankPlan(cayley.groups.lrx(5).generators)
>>> plan.planes, plan.n_t, plan.slots_per_plane, plan.kind_names()
(5, 4, 24, ['shift', 'shift', 'table'])
"""

from __future__ import annotations

import os
from functools import lru_cache
from math import factorial
from threading import Thread

import numpy as np

from ._rank_kernels import fill_table, lehmer_columns
from .memory import huge_zeros

__all__ = ["RankPlan", "rank_eligible", "MAX_N", "BLOCK_DIGITS", "SHIFT", "SWAP", "COUNT", "WINDOW", "BLOCK", "TABLE"]

MAX_N = 16
BLOCK_DIGITS = 8
SHIFT, SWAP, COUNT, WINDOW, BLOCK, TABLE = 0, 1, 2, 3, 4, 5  # kinds of moves on t
TABLE_BYTES = 64 << 20  # table moves of one direction take at most this much memory
# items of a table move (see :func:`table_move`): the block's old digit i leaves; the block's digit a
# arrives at i; a comparison of two high entries; a comparison of a low and a high entry (per lane);
# the comparisons of one high entry with the low ones are in the table (its row: see ``fold``)
OLD_HIGH, NEW_HIGH, HIGH_PAIR, MIXED, FOLDED = 0, 1, 2, 3, 4


def rank_eligible(graph) -> bool:
    """True for permutation graphs whose central state has n <= MAX_N distinct values (all of S_n)."""
    if graph.is_matrix_group:
        return False
    n = graph.state_size
    return n <= MAX_N and len(np.unique(graph.central_state)) == n


def window_terms(psi, lo: int, hi: int) -> list[list[int]]:
    """For a move fixing every position of ``t`` outside ``[lo, hi)`` (``t'[i] = t[psi[i]]``): per
    digit i of the window, the signed positions x (``+(x + 1)`` or ``-(x + 1)``) such that

        c'_i = c_a + sum(+[t[x] > t[a]] over plus terms) - sum([t[x] > t[a]] over minus terms),

    where ``a = psi[i]`` and ``c_a`` is the old digit of position a. The entries before ``lo`` that
    exceed ``t[a]`` are ``c_a`` minus the window entries before a that do; the window entries before
    i in the new order are ``psi[lo:i]``; positions in both sets cancel.

    >>> window_terms([0, 1, 2, 5, 4, 3], 3, 6)  # a reversal of positions 3..5
    [[-5, -4], [6, -4], [5, 6]]
    """
    out = []
    for i in range(lo, hi):
        a = int(psi[i])
        before = {int(x) for x in psi[lo:i]}  # window entries placed before i by the move
        earlier = set(range(lo, a))  # window entries before a in t
        out.append(sorted(x + 1 for x in before - earlier) + sorted(-(x + 1) for x in earlier - before))
    return out


def _is_shift(g: np.ndarray) -> bool:
    n = len(g)
    return bool(np.all(g == (np.arange(n) + g[0]) % n)) and g[0] != 0


def _parity(perm: np.ndarray) -> int:
    seen = np.zeros(len(perm), dtype=bool)
    swaps = 0
    for i in range(len(perm)):
        j, length = i, 0
        while not seen[j]:
            seen[j] = True
            j = perm[j]
            length += 1
        swaps += max(0, length - 1)
    return swaps & 1


def _patterns(p: int) -> np.ndarray:
    """``pat[j, b]``: relative order (0..p-1) of entry j in the permutation of p with Lehmer rank b."""
    return _columns(p, False)[1]


def table_move(psi, lo: int, hi: int, p: int, fold: bool = False):
    """A move fixing the positions of ``t`` outside ``[lo, hi)`` (``t'[i] = t[psi[i]]``, ``lo < p``) as
    a table over the low index b plus a few items.

    The neighbour's rank is ``u' = u - sum(c_i i!) + sum(c'_i i!)`` over the window, and each new digit
    is ``c'_i = c_a + sum(+-[t[x] > t[a]])`` (``a = psi[i]``, :func:`window_terms`). The parts that
    depend on the low entries only (b itself, the old and new low digits, comparisons of two low
    entries) are summed into ``table[b]``; the parts that depend on the high entries only are the
    block's (items OLD_HIGH, NEW_HIGH, HIGH_PAIR); comparisons of a low entry with a high one are made
    per lane (items MIXED). Items are rows ``(kind, i, sign, x, a)``, the MIXED ones last and grouped
    by digit. Returns (table, items); both are cached and read-only.

    With ``fold``, the comparisons of the high entry h with the most MIXED items are moved into the
    table: whether a low entry exceeds ``t[h]`` depends only on its pattern value and on ``r``, the
    number of low entries below ``t[h]`` (the block's). The table then has ``p + 1`` rows, row r for
    ``r``, and an item ``(FOLDED, h, 0, 0, 0)`` (before the MIXED ones) replaces h's comparisons.

    >>> table, items = table_move([1, 0, 2, 3], 0, 2, 4)  # (0 1): everything is low
    >>> [int(table[b]) for b in range(4)], items
    ([1, 0, 3, 2], [])
    """
    key = (tuple(int(x) for x in psi[:hi]), int(lo), int(hi), int(p))
    if fold:
        h = _fold_entry(_table_items(*key))
        if h is not None:
            return _folded_values(*key, h), _folded_items(*key, h)
    return _table_values(*key), _table_items(*key)


def _fold_entry(items):
    """The high entry with the most MIXED items (the first such), or None when there are none."""
    counts = {}
    for what, _, _, x, a in items:
        if what == MIXED:
            h = x if x >= a else a  # the high one of the pair (high positions are >= p > low ones)
            counts[h] = counts.get(h, 0) + 1
    return max(counts, key=lambda h: (counts[h], -h)) if counts else None


def _is_folded(item, h) -> bool:
    return item[0] == MIXED and h in (item[3], item[4])


@lru_cache(maxsize=1024)
def _folded_items(psi, lo, hi, p, h):
    items = _table_items(psi, lo, hi, p)
    first = [it for it in items if it[0] != MIXED]
    return first + [(FOLDED, h, 0, 0, 0)] + [it for it in items if it[0] == MIXED and not _is_folded(it, h)]


@lru_cache(maxsize=64)
def _folded_values(psi, lo, hi, p, h):
    table = np.empty((p + 1, factorial(p)), dtype=np.int64)
    _fill(table, psi, lo, hi, p, h)
    table.flags.writeable = False
    return table


@lru_cache(maxsize=1024)
def _table_items(psi, lo, hi, p):
    items = [(OLD_HIGH, i, 0, 0, 0) for i in range(max(p, lo), hi)]
    mixed = []
    for i, terms in zip(range(lo, hi), window_terms(psi, lo, hi)):
        if i == 0:  # digit 0 is always 0
            continue
        a = psi[i]
        if a >= p:
            items.append((NEW_HIGH, i, 0, 0, a))
        for x in terms:
            xa, sign = abs(x) - 1, 1 if x > 0 else -1
            if xa >= p and a >= p:
                items.append((HIGH_PAIR, i, sign, xa, a))
            elif xa >= p or a >= p:
                mixed.append((MIXED, i, sign, xa, a))
    return items + mixed


@lru_cache(maxsize=64)
def _table_values(psi, lo, hi, p):
    table = np.empty((1, factorial(p)), dtype=np.int64)
    _fill(table, psi, lo, hi, p, None)
    table.flags.writeable = False
    return table[0]


@lru_cache(maxsize=None)
def _columns(p: int, half: bool):
    """(b, patterns, digits) per table column: b in order, or with ``half`` the b of parity class 0
    and then those of class 1 (see :func:`_stacked_tables`); ``digits[i]`` is Lehmer digit i of b."""
    total = factorial(p)
    b, pat, digits = np.empty(total, np.int64), np.empty((p, total), np.uint8), np.empty((p, total), np.uint8)
    lehmer_columns(p, bool(half), b, pat, digits)
    for a in (b, pat, digits):
        a.flags.writeable = False
    return b, pat, digits


def _table_terms(psi, lo, hi, p, h):
    """The terms of a table (one row, or ``p + 1`` when high entry h is folded; the arguments of
    :func:`fill_table` after the columns): b, minus the old
    low digits of the window, plus the new ones (an old digit and comparisons of two low entries); row
    r adds h's comparisons for r low entries below ``t[h]`` (a low entry is below when its pattern
    value is < r)."""
    digit_terms = [(i, -factorial(i)) for i in range(max(lo, 1), min(hi, p))]
    compare_terms = []
    for i, terms in zip(range(lo, hi), window_terms(psi, lo, hi)):
        a = psi[i]
        if i == 0 or a >= p:  # digit 0 is always 0; a high digit is the block's
            continue
        digit_terms.append((a, factorial(i)))
        compare_terms += [(abs(x) - 1, a, (1 if x > 0 else -1) * factorial(i)) for x in terms if abs(x) - 1 < p]
    folds = []
    if h is not None:
        for item in _table_items(psi, lo, hi, p):
            _, i, sign, x, a = item
            if _is_folded(item, h):  # [t[x] > t[a]]: low a below t[h], or low x above it
                folds.append((a, 0, sign * factorial(i)) if x == h else (x, 1, sign * factorial(i)))
    return (np.array(digit_terms, dtype=np.int64).reshape(-1, 2),
            np.array(compare_terms, dtype=np.int64).reshape(-1, 3),
            np.array(folds, dtype=np.int64).reshape(-1, 3))


def _fill(out, psi, lo, hi, p, h, half=False):
    """Fill ``out`` with the table of one move (see :func:`_table_terms`)."""
    fill_table(out, *_columns(p, bool(half)), *_table_terms(psi, lo, hi, p, h))


@lru_cache(maxsize=4)
def _stacked_tables(specs, p, half, dtype):
    """The tables of ``specs`` (``(psi, lo, hi, h)`` per table move) one after the other, filled in
    place; cached, so the two directions of an inverse-closed set share one array. Columns are in lane
    order: with ``half``, the low indices of parity class 0 and then those of class 1 (so a lane of
    class q reads column ``q * p! / 2 + lane``, no look-up of its low index)."""
    rows = [1 if h is None else p + 1 for *_, h in specs]
    out = huge_zeros((max(sum(rows), 1), factorial(p)), dtype)
    starts = np.cumsum([0] + rows)
    columns = _columns(p, half)
    jobs = [(out[a:b], *_table_terms(*spec[:3], p, spec[3])) for spec, a, b in zip(specs, starts[:-1], starts[1:])]
    shares = [[] for _ in range(min(len(jobs), os.cpu_count() or 1, 2))]
    load = [0] * len(shares)
    for job in sorted(jobs, key=lambda job: -job[0].shape[0]):  # by rows, to the least loaded
        i = load.index(min(load))
        shares[i].append(job)
        load[i] += job[0].shape[0]

    def fill(share):
        for job in share:
            fill_table(job[0], *columns, *job[1:])

    # The terms (Python) are worked out first, here, so the two threads only run the compiled fill,
    # which releases the GIL.
    helper = Thread(target=fill, args=(shares[1],)) if len(shares) > 1 else None
    if helper is not None:
        helper.start()
    fill(shares[0])
    if helper is not None:
        helper.join()
    return out  # writeable, like the placeholder of a plan without tables: one compiled kernel type


# Costs per lane of the parts of a move, for choosing a table move against the window or count move
# (units: a digit added to the rank, 4). Fitted to per-plane timings of top_spin(11): an 8-bit
# comparison of two rows is nearly free (LLVM does 64 lanes at a time); the 64-bit update of the rank
# per digit and the gather from a table are what count.
COST_LOW_ROW, COST_HIGH_ROW = 1.5, 0.5  # a low row is gathered from the patterns; a high one is filled
COST_DIGIT, COST_WINDOW_DIGIT, COST_COMPARE, COST_TABLE = 4.0, 5.0, 0.2, 11.0
TABLE_MARGIN = 0.9  # a table move must look this much cheaper (measured: ties go to the others)


def table_dtype(n_t: int):
    """Integer type of the tables: a table value is a part of a rank (digits of weight up to
    ``(n_t - 1)!``, some subtracted), below ``2 * n_t!`` in size, so 32 bits up to n_t = 12 (half the
    memory and cache of 64 bits; top_spin(11) 5% faster)."""
    return np.int32 if 2 * factorial(n_t) < 2**31 else np.int64


def _row_cost(rows, p: int) -> float:
    return sum(COST_LOW_ROW if j < p else COST_HIGH_ROW for j in rows)


def _table_cost(items, p: int) -> float:
    """Cost of a table move (see :data:`COST_TABLE`): the table, then per digit with MIXED items an
    update of the rank and the comparisons, and the rows they read."""
    mixed = [it for it in items if it[0] == MIXED]
    rows = {it[3] for it in mixed} | {it[4] for it in mixed}
    digits = {it[1] for it in mixed}
    return COST_TABLE + _row_cost(rows, p) + COST_DIGIT * len(digits) + COST_COMPARE * len(mixed)


class RankPlan:
    """Numbering of permutations and the per-plane action of each generator (see module docstring)."""

    def __init__(self, generators, half: bool | None = None, tables: bool = True):
        gens = np.asarray(generators, dtype=np.int64)
        if gens.ndim != 2 or gens.shape[0] == 0:
            raise ValueError(f"generators must be a non-empty 2-d array, got shape {gens.shape}")
        self.k, self.n = gens.shape
        n = self.n
        if not 1 <= n <= MAX_N:
            raise ValueError(f"the rank engine handles 1 <= n <= {MAX_N} positions, got n = {n}")
        self.generators = gens
        self.inverses = np.argsort(gens, axis=1)
        self.rotated = n >= 4 and any(_is_shift(g) for g in gens)
        self.planes = n if self.rotated else 1
        self.n_t = n - 1 if self.rotated else n
        all_even = all(_parity(g) == 0 for g in gens)
        self.half = int(all_even and self.n_t >= 2 if half is None else bool(half) and self.n_t >= 2)
        if self.half and not all_even:
            raise ValueError("half (even-permutation) numbering needs every generator to be even")
        self.p = min(BLOCK_DIGITS, self.n_t)  # 8! is a multiple of 32: blocks start on whole words
        self.fact = np.array([factorial(i) for i in range(21)], dtype=np.int64)
        self.low_count = factorial(self.p)  # patterns per block (full numbering)
        self.block_slots = self.low_count >> self.half
        self.slots_per_plane = factorial(self.n_t) >> self.half
        self.blocks_per_plane = self.slots_per_plane // self.block_slots
        self.plane_stride = -(-self.slots_per_plane // 32) * 32
        self.total_slots = self.planes * self.plane_stride
        self.num_blocks = self.planes * self.blocks_per_plane
        # words of one block (blocks tile the word array), and units: the largest divisor <= 128 of it
        self.words_per_block = (self.block_slots if self.blocks_per_plane > 1 else self.plane_stride) // 32
        self.unit_words = max(d for d in range(1, 129) if self.words_per_block % d == 0)
        self.units_per_block = self.words_per_block // self.unit_words
        self.num_units = self.num_blocks * self.units_per_block
        self.num_states = self.planes * self.slots_per_plane
        self.pat, self.low_index = self._block_tables()
        self.pat_codes = (2 * self.pat + 1).astype(np.uint8)  # lane codes of low entries
        # floor(b / d) = (b * magic) >> 32 for b, d < 2**16: by the factorials x! (x <= p) and by 1..16
        self.magic = np.array([(1 << 32) // factorial(x) + 1 for x in range(self.p + 1)], dtype=np.int64)
        self.magic_small = np.array([0] + [(1 << 32) // d + 1 for d in range(1, 17)], dtype=np.int64)
        self.plane_parity = np.array(
            [(k * (n - 1)) & 1 if self.rotated else 0 for k in range(self.planes)], dtype=np.int64
        )
        self.use_tables = bool(tables)
        self.fwd = self._moves(self.generators)
        self.bwd = self._moves(self.inverses)

    # ------------------------------------------------------------------ tables
    def _block_tables(self):
        if not self.half:
            return _patterns(self.p)[None], np.arange(self.low_count, dtype=np.int32)[None]
        b, pat, _ = _columns(self.p, True)  # the low indices of parity class 0, then those of class 1
        h = self.low_count // 2
        return np.stack([pat[:, :h], pat[:, h:]]), b.astype(np.int32).reshape(2, h)

    def _moves(self, gens):
        """Per generator and plane: target plane, kind, changed window [lo, hi) and position map on t.

        Kinds: SHIFT (t unchanged), BLOCK (high entries only: whole blocks map to whole blocks), SWAP
        (two adjacent entries of t exchanged: two digits change by a formula of the old digits), TABLE
        (:func:`table_move`: a table over the low patterns, the block's part, a few comparisons), COUNT
        (digits lo..hi-1 recounted against all earlier entries), WINDOW (digits lo..hi-1 from the old
        digits and ``terms``, see :func:`window_terms`); the cheapest by a cost model.
        ``rows[k]`` has bit j set when some move in plane k reads entry j of t. Returned after the
        shift and block lists: per generator and plane the table (``tid``) and items (``items``,
        ``nitems``) of a TABLE move, and the tables.
        """
        g_count, n, n_t, planes = len(gens), self.n, self.n_t, self.planes
        target = np.zeros((g_count, planes), dtype=np.int64)
        kind = np.zeros((g_count, planes), dtype=np.int64)
        lo = np.zeros((g_count, planes), dtype=np.int64)
        hi = np.zeros((g_count, planes), dtype=np.int64)
        psi = np.zeros((g_count, planes, max(n_t, 1)), dtype=np.int64)
        terms = np.zeros((g_count, planes, max(n_t, 1), 2 * max(n_t, 1) + 1), dtype=np.int64)  # 0-terminated
        rows = np.zeros(planes, dtype=np.int64)
        tid = np.zeros((g_count, planes), dtype=np.int64)
        specs, item_lists, table_rows = [], {}, 0
        for gi, g in enumerate(gens):
            ginv = np.argsort(g)
            for k in range(planes):
                if self.rotated:
                    kp = int(ginv[k])
                    full = (g[(np.arange(n) + kp) % n] - k) % n
                    m = full[1:] - 1
                else:
                    kp, m = 0, g
                target[gi, k] = kp
                psi[gi, k, :n_t] = m
                moved = np.nonzero(m != np.arange(n_t))[0]
                if len(moved) == 0:
                    continue
                a, b = int(moved[0]), int(moved[-1]) + 1
                lo[gi, k], hi[gi, k] = a, b
                if a >= self.p and self.blocks_per_plane > 1:
                    kind[gi, k] = BLOCK  # high digits only: whole blocks map to whole blocks
                    continue
                if b == a + 2:
                    kind[gi, k] = SWAP  # reads digits only: t[a] < t[a+1] exactly when c[a+1] <= c[a]
                    continue
                # window or count: rows read count 8, a recomputed digit a few comparisons
                per_digit = window_terms(m, a, b) if a >= 2 else []
                use_window = bool(per_digit) and (
                    8 * (b - a) + sum(len(t) + 4 for t in per_digit) < 8 * b + (b * (b - 1) - a * (a - 1)) // 2)
                if use_window:
                    other = _row_cost(range(a, b), self.p) + sum(
                        COST_WINDOW_DIGIT + COST_COMPARE * len(t) for t in per_digit)
                else:
                    other = (_row_cost(range(b), self.p) + COST_DIGIT * (b - max(a, 1))
                             + COST_COMPARE * ((b * (b - 1) - a * (a - 1)) // 2))
                if self.use_tables and (table_rows + self.p + 1) * self.low_count * 8 <= TABLE_BYTES:
                    key = (tuple(int(x) for x in m[:b]), a, b, self.p)
                    h = _fold_entry(_table_items(*key))
                    its = _table_items(*key) if h is None else _folded_items(*key, h)
                    if _table_cost(its, self.p) < TABLE_MARGIN * other:
                        kind[gi, k] = TABLE
                        tid[gi, k] = table_rows
                        specs.append((*key[:3], h))
                        table_rows += 1 if h is None else self.p + 1
                        item_lists[(gi, k)] = its
                        for it in its:
                            if it[0] == MIXED:
                                rows[k] |= (1 << it[3]) | (1 << it[4])
                        continue
                if use_window:
                    kind[gi, k] = WINDOW
                    rows[k] |= (1 << b) - (1 << a)
                    for i, t in enumerate(per_digit):
                        terms[gi, k, a + i, : len(t)] = t
                else:
                    kind[gi, k] = COUNT
                    rows[k] |= (1 << b) - 1
        cost = np.where(kind == SWAP, 2, (hi * (hi - 1) - lo * (lo - 1)) // 2)
        cost = np.where(kind == BLOCK, 0, cost)
        table_cost = np.zeros_like(cost)
        for (gi, k), its in item_lists.items():
            table_cost[gi, k] = 1 + sum(1 for it in its if it[0] == MIXED)
        cost = np.where(kind == TABLE, table_cost, cost)
        cost = np.where(kind == WINDOW, (hi - lo) * (hi - lo + 4), cost).mean(axis=1)
        order = np.argsort(cost, kind="stable").astype(np.int64)
        # per plane, the shift moves: how many, and how far (in 64-bit words) each sends a word
        plane_words = self.plane_stride >> 5
        nshift = np.zeros(planes, dtype=np.int64)
        shifts = np.zeros((planes, max(g_count, 1)), dtype=np.int64)
        for k in range(planes):
            for gi in range(g_count):
                if kind[gi, k] == SHIFT and target[gi, k] != k:
                    shifts[k, nshift[k]] = (target[gi, k] - k) * plane_words
                    nshift[k] += 1
        # per plane, the block moves: how many, and which generators
        nblock = np.zeros(planes, dtype=np.int64)
        blockers = np.zeros((planes, max(g_count, 1)), dtype=np.int64)
        for k in range(planes):
            for gi in range(g_count):
                if kind[gi, k] == BLOCK:
                    blockers[k, nblock[k]] = gi
                    nblock[k] += 1
        # table moves: the tables (one row each, p + 1 when folded; ``tid``: the first) and their items
        width = max([len(its) for its in item_lists.values()] + [1])
        nitems = np.zeros((g_count, planes), dtype=np.int64)
        items = np.zeros((g_count, planes, width, 5), dtype=np.int64)
        for (gi, k), its in item_lists.items():
            nitems[gi, k] = len(its)
            if its:
                items[gi, k, : len(its)] = its
        dtype = table_dtype(n_t)
        tables = _stacked_tables(tuple(specs), self.p, bool(self.half), dtype) if specs else np.zeros((1, 1), dtype)
        return (target, kind, lo, hi, psi, rows, order, shifts, nshift, terms, blockers, nblock, tid, items, nitems,
                tables)

    # ------------------------------------------------------------------ reference (pure numpy) coding
    def slot_of(self, perm) -> int:
        """Slot of a permutation (reference implementation, for tests and the start state)."""
        pi = np.asarray(perm, dtype=np.int64)
        n = self.n
        if self.rotated:
            k = int(np.nonzero(pi == 0)[0][0])
            t = pi[(np.arange(n) + k) % n][1:] - 1
        else:
            k, t = 0, pi
        u = 0
        for i in range(self.n_t):
            u += int(np.sum(t[:i] > t[i])) * factorial(i)
        return k * self.plane_stride + (u >> self.half)

    def perm_of(self, slot: int) -> np.ndarray:
        """Inverse of :meth:`slot_of` (reference implementation)."""
        k, u = divmod(int(slot), self.plane_stride)
        n_t = self.n_t
        if self.half:
            u <<= 1
            digits = sum((u // factorial(i)) % (i + 1) for i in range(n_t))
            u += (digits + int(self.plane_parity[k])) & 1
        values = list(range(n_t))
        t = [0] * n_t
        for i in range(n_t - 1, -1, -1):
            c = (u // factorial(i)) % (i + 1)
            t[i] = values.pop(i - c)
        if not self.rotated:
            return np.array(t, dtype=np.int64)
        full = np.concatenate([[0], np.array(t, dtype=np.int64) + 1])
        pi = np.empty(self.n, dtype=np.int64)
        pi[(np.arange(self.n) + k) % self.n] = full
        return pi

    def kind_names(self) -> list[str]:
        """Per generator: "shift" when it only changes the plane, else "block" / "swap" / "table" /
        "window" / "count" (its costliest kind over the planes, in that order)."""
        kind = self.fwd[1]
        rank = np.array([0, 2, 5, 4, 1, 3])[kind]  # SHIFT < BLOCK < SWAP < TABLE < WINDOW < COUNT
        names = ("shift", "block", "swap", "table", "window", "count")
        return [names[int(rank[gi].max())] for gi in range(self.k)]

    def table_bytes(self) -> int:
        """Memory of the table moves (both directions): the tables and the items, the last and the
        third last of each direction's move arrays (the tables once when both directions share them)."""
        shared = self.fwd[-1] is self.bwd[-1]
        return int(sum(moves[-3].nbytes for moves in (self.fwd, self.bwd))
                   + self.fwd[-1].nbytes + (0 if shared else self.bwd[-1].nbytes))

    def describe(self) -> str:
        """A short text naming the layout (part of the checkpoint fingerprint)."""
        return (
            f"rank-v1 planes={self.planes} n_t={self.n_t} half={self.half} p={self.p} "
            f"stride={self.plane_stride} blocks={self.num_blocks}"
        )
