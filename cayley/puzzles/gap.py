"""Read and write puzzles in GAP's permutation syntax, so that users can bring their own puzzles.

Accepted input (GAP syntax, ``#`` starts a comment, statements end with ``;``)::

    U := (1,3,8,6)(2,5,7,4)(9,33,25,17);     # named generators in cycle notation (points from 1)
    F := (9,11,16,14)(10,13,15,12) * U^-1;   # products and inverses of earlier ones are allowed
    Gens := [U, F];                          # the generators, in order (or: G := Group(U, F);)
    ip := [[1, 2, 3], [4, 5]];               # optional: identical pieces (points that look the same)

Lists are read as generators only under the names ``Gens``/``Generators`` or inside ``Group(...)``;
without such a list every named permutation is a generator, in order. Points in the same
identical-pieces list get one colour in the central state, all other points a colour of their own, so
identical pieces make the graph a Schreier coset graph.

A GAP permutation p moves the piece at point i to point i^p; the move is therefore
``new[i^p - 1] = s[i - 1]`` in the package's 0-based convention.

>>> g = parse_gap("A := (1,2,3); B := (3,4); ip := [[1, 2]];")
>>> g.names, g.central_state.tolist()
(('A', 'B'), [0, 0, 1, 2])
>>> g.generators[0].tolist()  # the pieces at points 1, 2, 3 move on to 2, 3, 1
[2, 0, 1, 3]
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..graph import CayleyGraph

__all__ = ["parse_gap", "load_gap", "to_gap", "gap_identifier"]

_GENERATOR_KEYS = {"gens", "generators", "gen", "generatorsofgroup"}
_PIECE_KEYS = {"ip", "identicalpieces", "identical_pieces"}
_TOKEN = re.compile(r"\s*(?:(?P<cycle>\((?:\s*\d+\s*(?:,\s*\d+\s*)*)?\))|(?P<name>[A-Za-z_@][\w@]*)"
                    r"|(?P<inv>\^\s*-\s*1)|(?P<star>\*))")


def _strip_comments(text: str) -> str:
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def _parse_product(expr: str, known: dict) -> dict:
    """A GAP permutation expression (cycles, names, ``*``, ``^-1``) as a dict point -> image (1-based).

    Adjacent cycles form one permutation literal, as in GAP: ``(1,2,3)(4,5)^-1`` inverts both cycles.
    """
    factors: list[dict] = []
    open_literal = False
    pos, expr = 0, expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read GAP permutation near {expr[pos:pos + 30]!r}")
        pos = m.end()
        if m.group("cycle"):
            cyc = _cycle(m.group("cycle"))
            if open_literal:
                factors[-1] = _compose(factors[-1], cyc)
            else:
                factors.append(cyc)
            open_literal = True
            continue
        open_literal = False
        if m.group("inv"):
            if not factors:
                raise ValueError(f"'^-1' without a permutation in {expr!r}")
            factors[-1] = {v: k for k, v in factors[-1].items()}
        elif m.group("name"):
            if m.group("name") not in known:
                raise ValueError(f"unknown permutation name {m.group('name')!r} in GAP input")
            factors.append(known[m.group("name")])
    result: dict = {}
    for factor in factors:
        result = _compose(result, factor)
    return result


def _cycle(text: str) -> dict:
    points = [int(x) for x in re.findall(r"\d+", text)]
    if len(set(points)) != len(points) or any(p < 1 for p in points):
        raise ValueError(f"invalid cycle {text} (points must be distinct and >= 1)")
    return {a: b for a, b in zip(points, points[1:] + points[:1]) if a != b}


def _compose(p: dict, q: dict) -> dict:
    """p then q (GAP's p * q): i -> q(p(i))."""
    out = {i: q.get(p.get(i, i), p.get(i, i)) for i in set(p) | set(q)}
    return {i: j for i, j in out.items() if i != j}


def _split_items(body: str) -> list[str]:
    """Split ``a, (1,2), b*c`` at the commas that are outside parentheses and brackets."""
    items, depth, current = [], 0, []
    for ch in body:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [x.strip() for x in items if x.strip()]


def _group_items(expr: str) -> list[str] | None:
    """The items of ``[a, b]``, ``Group(a, b)`` or ``Group([a, b])``; None for anything else."""
    m = re.fullmatch(r"\s*Group\s*\((.*)\)\s*", expr, flags=re.S)
    if m:
        inner = m.group(1).strip()
        return _group_items(inner) if inner.startswith("[") else _split_items(inner)
    m = re.fullmatch(r"\s*\[(.*)\]\s*", expr, flags=re.S)
    return _split_items(m.group(1)) if m else None


def _parse_pieces(items: list[str]) -> list[list[int]]:
    pieces = []
    for item in items:
        m = re.fullmatch(r"\[\s*(\d+(?:\s*,\s*\d+)*)?\s*\]", item)
        points = [int(x) for x in re.findall(r"\d+", item)] if m else []
        if not points or min(points) < 1:
            raise ValueError(f"identical pieces must be non-empty lists of points >= 1, got {item!r}")
        pieces.append(points)
    return pieces


def parse_gap(text: str, degree: int | None = None) -> CayleyGraph:
    """A CayleyGraph from GAP puzzle text (see the module docstring for the accepted syntax).

    ``degree`` sets the number of points when it exceeds the largest point mentioned.
    """
    if not isinstance(text, str):
        raise ValueError(f"parse_gap needs the GAP text as a string, got {type(text).__name__}")
    named: dict = {}
    gens: list | None = None
    pieces: list = []
    for statement in _strip_comments(text).split(";"):
        if not statement.strip():
            continue
        lhs, sep, rhs = statement.partition(":=")
        target = lhs.strip() if sep else None
        expr = rhs if sep else statement
        items = _group_items(expr)
        if target is not None and target.lower() in _PIECE_KEYS:
            pieces = _parse_pieces(items or [])
        elif items is not None and (target is None or target.lower() in _GENERATOR_KEYS or "Group" in expr):
            gens = [(it if it in named else f"g{i}", _parse_product(it, named)) for i, it in enumerate(items)]
        elif target is not None:
            if not re.fullmatch(r"[A-Za-z_@][\w@]*", target):
                raise ValueError(f"cannot read the GAP assignment to {target!r}")
            named[target] = _parse_product(expr, named)
    if gens is None:
        gens = list(named.items())
    if not gens:
        raise ValueError("the GAP input defines no permutations")
    return _build(gens, pieces, degree)


def _build(gens, pieces, degree) -> CayleyGraph:
    points = [p for _, perm in gens for p in perm] + [p for piece in pieces for p in piece]
    largest = max(points, default=1)
    if degree is not None:
        if isinstance(degree, bool) or not isinstance(degree, int) or degree < largest:
            raise ValueError(f"parameter degree must be an integer >= {largest} (the largest point), "
                             f"got {degree!r}")
        largest = degree
    moves = []
    for _, perm in gens:
        g = np.arange(largest)
        for i, image in perm.items():
            g[image - 1] = i - 1
        moves.append(g)
    colour = np.arange(largest)
    for piece in pieces:
        colour[[p - 1 for p in piece]] = colour[piece[0] - 1]
    _, central = np.unique(colour, return_inverse=True)
    order = {}
    central = np.array([order.setdefault(int(c), len(order)) for c in central])
    return CayleyGraph(moves, names=[nm for nm, _ in gens], central_state=central)


def load_gap(path, degree: int | None = None) -> CayleyGraph:
    """Read a GAP puzzle file (see :func:`parse_gap`)."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"GAP file {str(path)!r} does not exist")
    return parse_gap(path.read_text(), degree=degree)


def gap_identifier(name: str) -> str:
    """A GAP identifier for a generator name: ``'`` and ``^-1`` become ``_inv``, other symbols ``_``.

    >>> gap_identifier("U'"), gap_identifier("L^-1"), gap_identifier("2R2")
    ('U_inv', 'L_inv', 'M_2R2')
    """
    out = name.replace("^-1", "_inv").replace("'", "_inv")
    out = re.sub(r"[^\w@]", "_", out)
    return out if re.match(r"[A-Za-z_@]", out) else "M_" + out


def to_gap(graph: CayleyGraph) -> str:
    """GAP text for a permutation graph: one assignment per generator, ``Gens``, and ``ip`` for repeated colours.

    Names that are not GAP identifiers are rewritten with :func:`gap_identifier`.

    >>> print(to_gap(CayleyGraph([[1, 2, 0]], names=["L"])))
    L := (1,3,2);
    Gens := [L];
    """
    if graph.is_matrix_group:
        raise ValueError("to_gap writes permutation graphs only, not matrix groups")
    names = [gap_identifier(nm) for nm in graph.names]
    if len(set(names)) != len(names):
        raise ValueError(f"generator names do not stay distinct as GAP identifiers: {names}")
    lines = []
    for name, g in zip(names, graph.generators):
        image = {int(g[j]) + 1: j + 1 for j in range(len(g))}
        lines.append(f"{name} := {_cycles(image)};")
    lines.append(f"Gens := [{', '.join(names)}];")
    values, counts = np.unique(graph.central_state, return_counts=True)
    groups = [np.flatnonzero(graph.central_state == v) + 1 for v, c in zip(values, counts) if c > 1]
    if groups:
        lines.append("ip := [" + ", ".join("[" + ", ".join(map(str, grp)) + "]" for grp in groups) + "];")
    return "\n".join(lines)


def _cycles(image: dict) -> str:
    seen, out = set(), []
    for start in sorted(image):
        if start in seen or image[start] == start:
            continue
        cyc, i = [], start
        while i not in seen:
            seen.add(i)
            cyc.append(str(i))
            i = image[i]
        out.append("(" + ",".join(cyc) + ")")
    return "".join(out) or "()"
