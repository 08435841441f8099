"""The state of the exact set BFS between layers (see :mod:`cayley.bfs.numba_hash`).

:class:`Search` holds the last layers and the exact set of seen states, one hash table of packed keys
(:class:`Table`) or one bit per possible key, and computes one layer at a time with the kernels of
:mod:`._hash_kernels`. Buffers come from a :class:`Pool` and are reused from layer to layer.
"""

from __future__ import annotations

import numba
import numpy as np

from . import _hash_kernels as K

__all__ = ["Search", "Pool", "Table", "Layer"]

MAX_LOAD = 0.5  # tables are at most half full
SEGMENT_FILL = 0.7  # no segment of a table gets fuller than this: the table grows first
PARTITION_ROWS = 1 << 14  # target number of candidates per partition
MAX_LOG_PARTITIONS = 12
BATCH = 1 << 22  # moves expanded at once (bounds the candidate buffers)
KEEP_ALL = 512 << 20  # a table up to this size (and an eighth of the budget) keeps old layers


class Pool:
    """uint64 buffers reused from layer to layer.

    Fresh memory costs a page fault per 4 KiB page on first touch, which on a virtual machine is
    slower than the BFS work on those bytes; recycling keeps the pages once they are touched.
    """

    def __init__(self):
        self.free: list[np.ndarray] = []

    def take(self, n: int) -> np.ndarray:
        fits = [b for b in self.free if b.size >= n]
        if fits:
            buf = min(fits, key=lambda b: b.size)
            self.free = [b for b in self.free if b is not buf]
            return buf
        self.free = [b for b in self.free if 4 * b.size >= n]  # too small to matter again
        return K.empty_u64(max(16, n + n // 4))

    def give(self, *bufs) -> None:
        self.free.extend(b for b in bufs if b is not None)

    @property
    def nbytes(self) -> int:
        return sum(int(b.nbytes) for b in self.free)


def _rows(buf: np.ndarray, n: int, words: int) -> np.ndarray:
    return buf[: n * words].reshape(n, words)


def _chunk_offsets(counts: np.ndarray) -> np.ndarray:
    """Turn per-chunk partition counts into write offsets in place (partition-major); returns ``start``."""
    flat = np.cumsum(counts.T.ravel())
    start = np.concatenate([[0], flat[counts.shape[0] - 1 :: counts.shape[0]]])
    counts[...] = (flat - counts.T.ravel()).reshape(counts.shape[1], counts.shape[0]).T
    return start


class Table:
    """An exact hash set of packed keys: slots (all ones = empty), keys per segment, the all-ones flag."""

    def __init__(self, pool: Pool, words: int, capacity: int):
        self.log_c = max(4, int(capacity - 1).bit_length())
        self.log_seg = min(self.log_c, K.SEG_LOG)
        self.buf = pool.take(words << self.log_c)
        self.keys = _rows(self.buf, 1 << self.log_c, words)
        K.fill_empty(self.buf[: words << self.log_c], numba.get_num_threads())
        self.occ = np.zeros(1 << (self.log_c - self.log_seg), np.int64)
        self.flag = np.zeros(1, np.bool_)

    @staticmethod
    def capacity_for(n: int) -> int:
        return 1 << max(4, int(np.ceil(n / MAX_LOAD) - 1).bit_length())

    @property
    def count(self) -> int:
        """Keys in the set."""
        return int(self.occ.sum()) + int(self.flag[0])

    def args(self):
        return self.keys, self.log_c, self.log_seg, self.occ, int(SEGMENT_FILL * (1 << self.log_seg)), self.flag


class Layer:
    """Packed keys of one layer (and their hashes in hash mode), stored as pieces grouped by partition.

    Row ``r`` of ``start`` holds where each partition of piece ``r`` begins in ``keys`` (and where the
    piece ends, last); the number of partitions is a power of two.
    """

    def __init__(self, pool: Pool, words: int, hashing: bool, capacity: int):
        self.pool, self.words, self.hashing = pool, words, hashing
        self.buf = pool.take(max(1, capacity) * words)
        self.hash_buf = pool.take(max(1, capacity)) if hashing else None
        self.size, self.starts = 0, []

    def needs(self, n: int) -> bool:
        """True when ``n`` more keys need bigger buffers (pooled buffers may be larger than asked, and the
        key and hash buffers need not be equally so)."""
        end = self.size + n
        return end * self.words > self.buf.size or (self.hashing and end > self.hash_buf.size)

    def reserve(self, n: int) -> tuple:
        """Views where the next ``n`` keys (and hashes) go, growing the buffers when needed."""
        end = self.size + n
        if self.needs(n):
            buf = self.pool.take(end * self.words + end * self.words // 2)
            buf[: self.size * self.words] = self.buf[: self.size * self.words]
            self.pool.give(self.buf)
            self.buf = buf
            if self.hashing:
                hash_buf = self.pool.take(end + end // 2)
                hash_buf[: self.size] = self.hash_buf[: self.size]
                self.pool.give(self.hash_buf)
                self.hash_buf = hash_buf
        keys = _rows(self.buf, end, self.words)[self.size :]
        hashes = self.hash_buf[self.size : end] if self.hashing else _NO_HASH
        return keys, hashes

    def add_piece(self, start: np.ndarray) -> None:
        self.starts.append(start + self.size)
        self.size += int(start[-1])

    @property
    def keys(self) -> np.ndarray:
        return _rows(self.buf, self.size, self.words)

    @property
    def hashes(self) -> np.ndarray:
        return self.hash_buf[: self.size] if self.hashing else _NO_HASH

    @property
    def start(self) -> np.ndarray:
        return np.array(self.starts, np.int64).reshape(len(self.starts), -1)

    def release(self) -> None:
        self.pool.give(self.buf, self.hash_buf)
        self.buf = self.hash_buf = None


_NO_HASH = np.zeros(0, np.uint64)
_NO_START = np.zeros((1, 2), np.int64)
_NO_Q = np.zeros(0, np.int64)


def _no_rows(words: int) -> np.ndarray:
    return np.zeros((0, words), np.uint64)


class Search:
    """The BFS state between layers: the last layers (the frontier last) and the exact set of seen states.

    The set holds the last two layers when the generators are inverse-closed (older layers are
    retired from it) and everything visited otherwise: one hash table of packed keys, or one bit per
    possible key in bitset mode.
    """

    def __init__(self, words: int, moves: tuple, directed: bool, n_generators: int, key_bits, budget=0):
        self.keep_bytes = min(KEEP_ALL, budget // 8)
        self.words, self.moves, self.directed, self.k = words, moves, directed, n_generators
        self.key_bits, self.pool, self.ratios = key_bits, Pool(), [0.0, 1.0]
        self.table: Table | None = None
        self.held: list[Layer] = []
        self.bitset = None if key_bits is None else np.zeros(max(1, (1 << key_bits) // 64), np.uint64)

    @property
    def frontier(self) -> np.ndarray:
        return self.held[-1].keys

    def resident_bytes(self) -> int:
        sets = int(self.bitset.nbytes) if self.bitset is not None else int(self.table.buf.nbytes)
        held = sum(int(a.buf.nbytes) + (int(a.hash_buf.nbytes) if a.hashing else 0) for a in self.held)
        return sets + held + self.pool.nbytes

    def resume(self, layers: list) -> None:
        """Fill the set from stored layers (all of them when directed, else the last two)."""
        keep = layers if self.directed else layers[-2:]
        if self.bitset is None:
            self.table = Table(self.pool, self.words, Table.capacity_for(sum(len(a) for a in keep)))
        identity = np.array([[w, 0, 0, int(K.EMPTY)] for w in range(self.words)], np.uint64)[None]
        moves = (0, identity, np.arange(self.words + 1, dtype=np.int64)[None]) + self.moves[3:]
        for keys in keep:
            self.held.append(self._absorb(keys, moves, None))
        for old in self.held[:-2]:
            old.release()
        self.held = self.held[-2:]

    def _layout(self, F: int, k: int):
        log_p = max(0, int(-(-F * k // PARTITION_ROWS) - 1).bit_length())
        if self.key_bits is not None:  # key ranges: whole bitset words, a slice that fits the cache
            log_p = min(max(log_p, self.key_bits - 22), self.key_bits - 6)
        else:  # a partition owns whole table segments
            log_p = min(log_p, self.table.log_c - self.table.log_seg)
        log_p = max(0, min(MAX_LOG_PARTITIONS, log_p))
        return log_p, int(min(max(1, F // 2048), max(4, (1 << 18) >> log_p)))

    def step(self, check) -> int:
        """Compute the next layer and make it the frontier; returns its size (0: the search is over).

        ``check(bytes, what)`` is called with the estimated footprint before the layer allocates.
        """
        if self.key_bits is None:
            expected = int(self._new_per_move() * len(self.frontier) * self.k)
            if self.table.count + expected > SEGMENT_FILL * len(self.table.keys):
                capacity = Table.capacity_for(self.table.count + expected)
                check(self.resident_bytes() + capacity * 8 * self.words, "table")
                self._grow(capacity)
        retiring = self.held[0] if not self.directed and len(self.held) == 3 else None
        if retiring is not None and self._keeps_old():
            self.held.pop(0).release()
            retiring = None
        layer = self._absorb(self.frontier, self.moves, retiring, check)
        if retiring is not None:
            self.held.pop(0).release()
        if layer.size == 0:
            layer.release()
            return 0
        self.held.append(layer)
        if self.directed and len(self.held) > 1:
            self.held.pop(0).release()
        return layer.size

    def _keeps_old(self) -> bool:
        """True when retiring the oldest layer from the set is not worth its time: a bitset costs
        nothing more, and a small table saves the deletions (a kept old key is never a neighbour of the
        frontier when the generators are inverse-closed, so sizes stay exact)."""
        if self.key_bits is not None:
            return True
        return len(self.table.keys) * 8 * self.words <= self.keep_bytes

    def _new_per_move(self) -> float:
        """Predicted share of moves that give new states (falls as the search saturates)."""
        last, before = self.ratios[-1], self.ratios[-2]
        return min(last, last * last / before) if before > 0 else last

    def _absorb(self, front, moves, retiring, check=None) -> Layer:
        """The moves of ``front`` that are not in the set, added to it: a new layer (maybe empty).

        The frontier is expanded in batches of at most BATCH moves, so the candidate buffers stay
        bounded; each batch becomes one piece of the layer.
        """
        W, threads, hashing = self.words, numba.get_num_threads(), self.key_bits is None
        G, F = len(moves[2]), len(front)
        rows = max(1, BATCH // G)
        bound = min(F, rows) * G
        per_row = 8 * W + 8 * hashing
        guess = int(self._new_per_move() * F * G) + 16
        stashing = moves[0] == 1  # matrix moves: computed once, kept for the second pass
        stash_bytes = bound * (per_row + 8) if stashing else 0
        if check is not None:
            check(self.resident_bytes() + bound * per_row + stash_bytes + guess * per_row, "candidates")
        cand_buf, hash_buf = self.pool.take(bound * W), self.pool.take(bound) if hashing else None
        if stashing:
            stash_buf, stash_hash = self.pool.take(bound * W), self.pool.take(bound) if hashing else _NO_HASH
            stash_q = np.empty(bound, np.int64)
        else:
            stash_buf, stash_hash, stash_q = None, _NO_HASH, _NO_Q
        layer, moved = Layer(self.pool, W, hashing, guess), 0
        log_p, nchunks = self._layout(min(F, rows), G)
        shift = -1 if hashing else self.key_bits - log_p
        for lo in range(0, F, rows):
            part = front[lo : lo + rows]
            counts = np.zeros((nchunks, 1 << log_p), np.int64)
            stash = _rows(stash_buf, len(part) * G, W) if stashing else _no_rows(W)
            K.partition_moves(part, counts, _no_rows(W), _NO_HASH, stash, stash_hash, stash_q, log_p, shift, threads,
                              *moves)
            M = int(counts.sum())
            cand = _rows(cand_buf, M, W)
            hashes = hash_buf[:M] if hashing else _NO_HASH
            start = _chunk_offsets(counts)
            K.partition_moves(part, counts, cand, hashes, stash, stash_hash, stash_q, log_p, shift, threads, *moves)
            old = retiring if retiring is not None and lo == 0 else None
            new_count = self._absorb_batch(cand, hashes, start, log_p, shift, old, check)
            N, moved = int(new_count.sum()), moved + M
            if check is not None and layer.needs(N):
                check(self.resident_bytes() + bound * per_row + int(1.5 * (layer.size + N)) * per_row, "new layer")
            keys, key_hashes = layer.reserve(N)
            layer.add_piece(K.gather_new(cand, hashes, start, new_count, keys, key_hashes, threads))
        self.ratios = [self.ratios[-1], layer.size / max(1, moved)]
        self.pool.give(cand_buf, hash_buf)
        if stashing:
            self.pool.give(stash_buf, stash_hash if hashing else None)
        return layer

    def _absorb_batch(self, cand, hashes, start, log_p, shift, old, check) -> np.ndarray:
        """Run :func:`absorb` on one batch (growing the table when a segment fills); new keys per partition."""
        resume, out_at = start[:-1].copy(), start[:-1].copy()
        hashing = self.key_bits is None
        table = self.table.args() if hashing else (_no_rows(1), 0, 0, resume, 0, np.zeros(1, np.bool_))
        bitset = self.bitset if not hashing else _NO_HASH
        old_args = (old.keys, old.hashes, old.start) if old is not None else (_no_rows(1), _NO_HASH, _NO_START)
        threads = numba.get_num_threads()
        while K.absorb(cand, hashes, start, log_p, shift, *table, bitset, *old_args, resume, out_at, threads)[0]:
            if check is not None:
                check(self.resident_bytes() + 2 * self.table.buf.nbytes, "table")
            self._grow(2 * len(self.table.keys))
            table, old_args = self.table.args(), (_no_rows(1), _NO_HASH, _NO_START)
        return out_at - start[:-1]

    def _grow(self, capacity: int) -> None:
        old = self.table
        while True:
            new = Table(self.pool, self.words, capacity)
            if K.rehash(*old.args()[:3], *new.args()[:4], numba.get_num_threads()):
                new.flag[0] = old.flag[0]
                self.pool.give(old.buf)
                self.table = new
                return
            self.pool.give(new.buf)
            capacity *= 2
