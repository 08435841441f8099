"""Bit packing of states into uint64 words.

A state of ``n`` entries, each one of ``k`` values ``0..k-1``, is stored with ``b = ceil(log2 k)`` bits
per entry (at least 1), ``64 // b`` entries per word and ``ceil(n / (64 // b))`` words per state.
Entry ``i`` lives in word ``i // per_word`` at bit offset ``b * (i % per_word)``. Packing is exact
and invertible; sorting packed rows lexicographically (word 0 most significant) gives a total order
used for exact deduplication.

All array functions take the array module ``xp`` (numpy or cupy) so the same code runs on a GPU.

>>> import numpy as np
>>> p = Packing(n=40, num_values=32)
>>> p.bits, p.words
(5, 4)
>>> s = np.arange(40) % 32
>>> bool((p.decode(p.encode(s[None, :]))[0] == s).all())
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Packing", "bits_for"]


def bits_for(num_values: int) -> int:
    """Fewest bits that hold ``num_values`` distinct values (at least 1).

    >>> [bits_for(k) for k in (1, 2, 3, 4, 5, 16, 17)]
    [1, 1, 2, 2, 3, 4, 5]
    """
    if num_values < 1:
        raise ValueError(f"num_values must be >= 1, got {num_values}")
    return max(1, int(num_values - 1).bit_length())


@dataclass(frozen=True)
class Packing:
    """Layout of ``n`` entries with ``num_values`` possible values in uint64 words."""

    n: int
    num_values: int

    def __post_init__(self):
        if self.n < 1:
            raise ValueError(f"n must be >= 1, got {self.n}")
        if self.num_values > 2**32:
            raise ValueError(f"num_values {self.num_values} is too large to pack")
        bits_for(self.num_values)

    @property
    def bits(self) -> int:
        return bits_for(self.num_values)

    @property
    def per_word(self) -> int:
        return 64 // self.bits

    @property
    def words(self) -> int:
        return -(-self.n // self.per_word)

    @property
    def entry_dtype(self):
        """Smallest unsigned dtype holding one entry."""
        for dt in (np.uint8, np.uint16, np.uint32):
            if self.num_values <= np.iinfo(dt).max + 1:
                return dt
        return np.uint64

    def word_of(self, xp=np):
        return xp.asarray(np.arange(self.n) // self.per_word)

    def shifts(self, xp=np):
        return xp.asarray((self.bits * (np.arange(self.n) % self.per_word)).astype(np.uint64))

    def encode(self, states, xp=np):
        """Pack a (B, n) integer array into a (B, words) uint64 array."""
        states = xp.asarray(states)
        if states.ndim != 2 or states.shape[1] != self.n:
            raise ValueError(f"states must have shape (B, {self.n}), got {tuple(states.shape)}")
        shifted = states.astype(xp.uint64) << self.shifts(xp)[None, :]
        out = xp.empty((states.shape[0], self.words), dtype=xp.uint64)
        for w in range(self.words):
            lo, hi = w * self.per_word, min(self.n, (w + 1) * self.per_word)
            # Bit fields are disjoint, so the sum equals the bitwise OR (no carries).
            out[:, w] = shifted[:, lo:hi].sum(axis=1, dtype=xp.uint64)
        return out

    def permutation_plan(self, perm) -> list[tuple[int, int, int, int]]:
        """How to apply ``new[i] = s[perm[i]]`` directly on packed words.

        Returns ``(dst_word, src_word, mask, shift)`` groups: every entry moving between the same two
        words by the same bit distance is handled by one mask-and-shift (``shift > 0`` is a left shift).

        >>> Packing(4, 4).permutation_plan([1, 2, 3, 0])
        [(0, 0, 252, -2), (0, 0, 3, 6)]
        """
        perm = np.asarray(perm)
        if perm.shape != (self.n,):
            raise ValueError(f"permutation must have length {self.n}, got shape {perm.shape}")
        groups: dict[tuple[int, int, int], int] = {}
        field = (1 << self.bits) - 1
        for i, j in enumerate(perm.tolist()):
            dst_word, dst_off = divmod(i, self.per_word)
            src_word, src_off = divmod(j, self.per_word)
            shift = self.bits * (dst_off - src_off)
            key = (dst_word, src_word, shift)
            groups[key] = groups.get(key, 0) | (field << (self.bits * src_off))
        return [(dw, sw, mask, shift) for (dw, sw, shift), mask in groups.items()]

    def decode(self, words, xp=np, dtype=None):
        """Unpack a (B, words) uint64 array into a (B, n) array of entries."""
        words = xp.asarray(words)
        if words.ndim != 2 or words.shape[1] != self.words:
            raise ValueError(f"packed states must have shape (B, {self.words}), got {tuple(words.shape)}")
        mask = xp.uint64((1 << self.bits) - 1)
        fields = (words[:, self.word_of(xp)] >> self.shifts(xp)[None, :]) & mask
        return fields.astype(dtype or self.entry_dtype)
