"""Definitions of Cayley and Schreier coset graphs.

A :class:`CayleyGraph` is a set of named moves acting on integer state vectors, plus a central state
(the start of every growth computation). Two kinds exist:

* permutation graphs: a move ``g`` (0-based one-line notation) sends state ``s`` to ``s[g]``;
  with a central state that repeats values the graph is a Schreier coset graph;
* matrix graphs (:meth:`CayleyGraph.from_matrices`): states are d x d matrices mod m and a move
  multiplies the state on the right by the generator, ``s -> s @ g mod m``.

Everything is validated once, at construction; a bad input raises ``ValueError`` naming the problem.

Example
-------
>>> import cayley
>>> g = cayley.CayleyGraph([[1, 2, 0], [0, 2, 1]], names=["L", "X"])
>>> g.apply([0, 1, 2], "L").tolist()
[1, 2, 0]
>>> g.is_inverse_closed
False
>>> g.make_inverse_closed().names
('L', 'X', 'L^-1')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import factorial, prod
from typing import Sequence

import numpy as np

__all__ = ["CayleyGraph", "cycle_notation"]

_FORBIDDEN_NAME_CHARS = set(".,; \t\n")


def cycle_notation(perm: Sequence[int]) -> str:
    """Cycle notation of a 0-based permutation, fixed points omitted (``"()"`` for the identity).

    >>> cycle_notation([1, 2, 0, 3])
    '(0 1 2)'
    """
    perm = list(perm)
    seen = [False] * len(perm)
    cycles = []
    for start in range(len(perm)):
        if seen[start] or perm[start] == start:
            seen[start] = True
            continue
        cycle, i = [], start
        while not seen[i]:
            seen[i] = True
            cycle.append(str(i))
            i = perm[i]
        cycles.append("(" + " ".join(cycle) + ")")
    return "".join(cycles) or "()"


def _as_int_array(values, what: str, ndim: int) -> np.ndarray:
    """Convert to an int64 array of the given rank, rejecting non-integers with a ValueError."""
    try:
        arr = np.asarray(values)
    except Exception as exc:  # ragged input and the like
        lengths = _row_lengths(values)
        if lengths is not None and len(set(lengths)) > 1:
            raise ValueError(f"{what} have unequal lengths: {sorted(set(lengths))}") from None
        raise ValueError(f"{what} could not be read as an array: {exc}") from None
    if arr.dtype == object:
        raise ValueError(f"{what} must be a rectangular array of integers (rows of unequal length?)")
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        if np.issubdtype(arr.dtype, np.bool_) or not np.issubdtype(arr.dtype, np.number):
            raise ValueError(f"{what} must contain integers, got dtype {arr.dtype}")
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise ValueError(f"{what} must contain integers, got non-integer values")
    if arr.ndim != ndim:
        raise ValueError(f"{what} must have {ndim} dimension(s), got shape {arr.shape}")
    return arr.astype(np.int64)


def _row_lengths(values):
    try:
        return [len(v) for v in values]
    except TypeError:
        return None


def _check_names(names, count: int) -> tuple[str, ...]:
    names = tuple(names)
    if len(names) != count:
        raise ValueError(f"names has {len(names)} entries but there are {count} generators")
    for name in names:
        if not isinstance(name, str) or not name:
            raise ValueError(f"generator names must be non-empty strings, got {name!r}")
        if _FORBIDDEN_NAME_CHARS & set(name):
            raise ValueError(f"generator name {name!r} contains a separator character ('.', ',', ';' or space)")
    if len(set(names)) != count:
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"generator names must be unique; repeated: {dup}")
    return names


def _readonly(arr: np.ndarray) -> np.ndarray:
    arr = np.ascontiguousarray(arr)
    arr.flags.writeable = False
    return arr


def _matrix_inverse_mod(mat: np.ndarray, modulo: int) -> np.ndarray:
    import sympy

    try:
        inv = sympy.Matrix(mat.tolist()).inv_mod(modulo)
    except ValueError:
        raise ValueError(f"matrix {mat.tolist()} is not invertible modulo {modulo}") from None
    return np.array(inv.tolist(), dtype=np.int64) % modulo


@dataclass(frozen=True, repr=False, eq=False)
class CayleyGraph:
    """A Cayley graph (or Schreier coset graph) given by generators acting on states.

    Parameters
    ----------
    generators:
        Permutations in 0-based one-line notation, all of the same length n.
    names:
        One unique name per generator (default ``g0, g1, ...``). Names may not contain
        ``.``, ``,``, ``;`` or spaces because paths are written as names joined by ``.``.
    central_state:
        The state growth is measured from (default: the identity ``[0, ..., n-1]``).
        Repeated values make the graph a Schreier coset graph.

    Example
    -------
    >>> g = CayleyGraph([[1, 0, 2], [0, 2, 1]], names=["a", "b"], central_state=[0, 0, 1])
    >>> g.state_size, g.n_generators, g.is_inverse_closed
    (3, 2, True)
    """

    generators: np.ndarray
    names: tuple[str, ...] = ()
    central_state: np.ndarray | None = None
    modulo: int | None = None
    matrix_size: int | None = None
    _inverse_closed: bool = field(default=False, init=False)

    def __init__(self, generators, names=None, central_state=None):
        if generators is None or len(generators) == 0:
            raise ValueError("no generators given: a Cayley graph needs at least one generator")
        gens = _as_int_array(generators, "generators", 2)
        k, n = gens.shape
        if n == 0:
            raise ValueError("generators must have length >= 1")
        reference = np.arange(n)
        for i, g in enumerate(gens):
            if not np.array_equal(np.sort(g), reference):
                label = names[i] if names is not None and i < len(names) else i
                raise ValueError(f"generator {label!r} is not a permutation of 0..{n - 1}: {g.tolist()}")
        names = _check_names(names if names is not None else [f"g{i}" for i in range(k)], k)
        if central_state is None:
            center = reference.copy()
        else:
            center = _as_int_array(central_state, "central_state", 1)
            if center.shape[0] != n:
                raise ValueError(f"central_state has length {center.shape[0]} but generators have length {n}")
        self._init_fields(gens, names, center, None, None)

    def _init_fields(self, gens, names, center, modulo, matrix_size):
        set_ = object.__setattr__
        set_(self, "generators", _readonly(gens))
        set_(self, "names", tuple(names))
        set_(self, "central_state", _readonly(center))
        set_(self, "modulo", modulo)
        set_(self, "matrix_size", matrix_size)
        set_(self, "_inverse_closed", self._compute_inverse_closed())

    @classmethod
    def from_matrices(cls, matrices, modulo: int, names=None, central_state=None) -> "CayleyGraph":
        """A matrix group mod ``modulo``: states are d x d matrices, a move is ``s -> s @ g mod m``.

        The central state defaults to the identity matrix.

        >>> g = CayleyGraph.from_matrices([[[1, 1], [0, 1]]], modulo=5)
        >>> g.apply(g.central_state, 0).tolist()
        [[1, 1], [0, 1]]
        """
        if isinstance(modulo, bool) or not isinstance(modulo, (int, np.integer)):
            raise ValueError(f"modulo must be an integer >= 2, got {modulo!r}")
        modulo = int(modulo)
        if modulo < 2:
            raise ValueError(f"modulo must be >= 2, got {modulo}")
        if matrices is None or len(matrices) == 0:
            raise ValueError("no generators given: a matrix group needs at least one matrix")
        mats = _as_int_array(matrices, "matrices", 3)
        if mats.shape[1] != mats.shape[2]:
            raise ValueError(f"matrices must be square, got shape {mats.shape[1:]}")
        d = mats.shape[1]
        names = _check_names(names if names is not None else [f"g{i}" for i in range(len(mats))], len(mats))
        if central_state is None:
            center = np.eye(d, dtype=np.int64)
        else:
            center = _as_int_array(central_state, "central_state", 2)
            if center.shape != (d, d):
                raise ValueError(f"central_state has shape {center.shape} but generators are {d} x {d}")
        self = cls.__new__(cls)
        self._init_fields(mats % modulo, names, center % modulo, modulo, d)
        return self

    # ----------------------------------------------------------------- properties
    @property
    def is_matrix_group(self) -> bool:
        """True for graphs built with :meth:`from_matrices`."""
        return self.modulo is not None

    @property
    def n_generators(self) -> int:
        return int(self.generators.shape[0])

    @property
    def state_size(self) -> int:
        """Number of integers in one state (n for permutations, d*d for d x d matrices)."""
        if self.is_matrix_group:
            return self.matrix_size * self.matrix_size
        return int(self.generators.shape[1])

    @property
    def is_inverse_closed(self) -> bool:
        """True when the inverse of every generator is also a generator (the graph is undirected)."""
        return self._inverse_closed

    @property
    def is_coset_graph(self) -> bool:
        """True when the central state repeats a value (a Schreier coset graph)."""
        return not self.is_matrix_group and len(np.unique(self.central_state)) < self.state_size

    @property
    def num_values(self) -> int:
        """Number of distinct values a state entry can take (drives the bit packing)."""
        if self.is_matrix_group:
            return self.modulo
        return int(len(np.unique(self.central_state)))

    def orbit_bound(self) -> int | None:
        """An upper bound on the number of reachable states, or None when unknown.

        For permutation graphs this is the multinomial coefficient of the central state's value counts
        (n! for distinct values); for matrix groups mod m it is m^(d*d).
        """
        if self.is_matrix_group:
            return self.modulo ** (self.matrix_size ** 2)
        _, counts = np.unique(self.central_state, return_counts=True)
        return factorial(self.state_size) // prod(factorial(int(c)) for c in counts)

    # ----------------------------------------------------------------- operations
    def inverse_of(self, index: int) -> np.ndarray:
        """The inverse of generator ``index`` (a permutation, or a matrix mod m)."""
        g = self.generators[index]
        if self.is_matrix_group:
            return _matrix_inverse_mod(g, self.modulo)
        return np.argsort(g)

    def _compute_inverse_closed(self) -> bool:
        present = {g.tobytes() for g in self.generators}
        for i in range(self.n_generators):
            try:
                inv = self.inverse_of(i)
            except ValueError:
                return False
            if inv.astype(np.int64).tobytes() not in present:
                return False
        return True

    def make_inverse_closed(self) -> "CayleyGraph":
        """A new graph with the missing inverses appended (named ``name^-1``)."""
        gens, names = [g for g in self.generators], list(self.names)
        present = {g.tobytes() for g in self.generators}
        for i in range(self.n_generators):
            inv = self.inverse_of(i).astype(np.int64)
            if inv.tobytes() not in present:
                present.add(inv.tobytes())
                gens.append(inv)
                names.append(f"{self.names[i]}^-1")
        return self._rebuild(np.array(gens), names, self.central_state)

    def with_central_state(self, state) -> "CayleyGraph":
        """The same generators with another central state (repeated values give a coset graph)."""
        return self._rebuild(self.generators, self.names, state)

    def with_names(self, names) -> "CayleyGraph":
        """The same graph with other generator names."""
        return self._rebuild(self.generators, names, self.central_state)

    def _rebuild(self, gens, names, center) -> "CayleyGraph":
        if self.is_matrix_group:
            return CayleyGraph.from_matrices(gens, self.modulo, names=names, central_state=center)
        return CayleyGraph(gens, names=names, central_state=center)

    def generator_index(self, name_or_index) -> int:
        """Index of a generator given by name or index; ValueError when unknown."""
        if isinstance(name_or_index, (int, np.integer)) and not isinstance(name_or_index, bool):
            if not 0 <= name_or_index < self.n_generators:
                raise ValueError(f"generator index {name_or_index} out of range 0..{self.n_generators - 1}")
            return int(name_or_index)
        try:
            return self.names.index(name_or_index)
        except ValueError:
            raise ValueError(f"unknown generator {name_or_index!r}; known: {', '.join(self.names)}") from None

    def check_state(self, state) -> np.ndarray:
        """Validate a state of this graph and return it as an int64 array."""
        if self.is_matrix_group:
            arr = _as_int_array(state, "state", 2)
            if arr.shape != (self.matrix_size, self.matrix_size):
                raise ValueError(f"state has shape {arr.shape}, expected {(self.matrix_size,) * 2}")
            return arr % self.modulo
        arr = _as_int_array(state, "state", 1)
        if arr.shape[0] != self.state_size:
            raise ValueError(f"state has length {arr.shape[0]}, expected {self.state_size}")
        if not np.array_equal(np.sort(arr), np.sort(self.central_state)):
            raise ValueError(f"state {arr.tolist()} is not a rearrangement of the central state")
        return arr

    def apply(self, state, name_or_index) -> np.ndarray:
        """Apply one move: ``state[g]`` for permutations, ``state @ g mod m`` for matrices."""
        s = self.check_state(state)
        g = self.generators[self.generator_index(name_or_index)]
        if self.is_matrix_group:
            return (s @ g) % self.modulo
        return s[g]

    def __eq__(self, other) -> bool:
        if not isinstance(other, CayleyGraph):
            return NotImplemented
        return (
            self.modulo == other.modulo
            and self.names == other.names
            and np.array_equal(self.generators, other.generators)
            and np.array_equal(self.central_state, other.central_state)
        )

    def __hash__(self) -> int:
        return hash((self.modulo, self.names, self.generators.tobytes(), self.central_state.tobytes()))

    def __repr__(self) -> str:
        if self.is_matrix_group:
            kind = f"matrix group mod {self.modulo}, {self.matrix_size}x{self.matrix_size}"
            gens = ", ".join(f"{nm}={g.tolist()}" for nm, g in zip(self.names[:6], self.generators))
        else:
            kind = f"n={self.state_size}"
            gens = ", ".join(f"{nm}={cycle_notation(g)}" for nm, g in zip(self.names[:6], self.generators))
        if self.n_generators > 6:
            gens += f", ... ({self.n_generators} in all)"
        center = self.central_state.tolist()
        if not self.is_matrix_group and np.array_equal(self.central_state, np.arange(self.state_size)):
            center = "identity"
        elif self.is_matrix_group and np.array_equal(self.central_state, np.eye(self.matrix_size)):
            center = "identity"
        closed = "inverse-closed" if self.is_inverse_closed else "directed"
        return f"CayleyGraph({kind}, {closed}, generators: {gens}; central_state={center})"

    def to_dict(self) -> dict:
        """A JSON-ready description (generators as name -> list)."""
        out = {
            "generators": {nm: g.tolist() for nm, g in zip(self.names, self.generators)},
            "central_state": self.central_state.tolist(),
        }
        if self.is_matrix_group:
            out["modulo"] = self.modulo
        return out

