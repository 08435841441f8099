"""``recover_group``: sequential double-commutator search with rounding, closure and deflation.

Steps (see the package docstring for the derivation):

1. spectrum of ``D c = lambda N c`` on the chosen span (:mod:`.gevp`, :mod:`.span`);
2. a plan: exact mode when more than the identity sits at numerical zero behind a spectral gap,
   otherwise noisy mode with nested near-null spaces (``M + 2``, ``2M + 2``, ``3M + 2`` eigenvectors)
   and residual-based acceptance;
3. search for permutations in the near-null space (:mod:`.rounding`), level by level along a base so
   that every new element lies outside the group found so far;
4. close the group (Schreier-Sims), deflate its algebra and the trivial identity / all-ones solutions
   from the near-null space, and compute the certificate; repeat. The elements that respect the group's
   orbitals (its 2-closure, which the certificate cannot see) are looked for first, combinatorially
   and cheaply; under noise the free search runs only while the certificate leaves room for more (at
   or below threshold, or the near-null space kept is exhausted).
"""

from __future__ import annotations

import numpy as np

from .bases import PERMUTATIONS, resolve_basis
from .closure import ClosedGroup, orbit_partition
from .gevp import Spectrum, explicit_spectrum
from .judge import EXACT_ACCEPT, NOISY_ACCEPT, Judge, Plan, drop_inconsistent
from .result import SymmetryResult
from .rounding import NullSpace
from .search import Colours, Searcher
from .span import FULL_DIMENSION_MAX, permutation_span_spectrum
from .validate import as_covariance, as_tolerance

__all__ = ["recover_group"]

#: A normalised eigenvalue at or below this is numerically zero.
FLOOR = 1e-9
#: Exact mode needs a gap of this factor between the numerically zero and the first non-zero eigenvalue.
EXACT_GAP = 1e4
#: Noisy mode rounds in the spans of the ``M + 2``, ``2 M + 2`` and ``3 M + 2`` lowest eigenvectors.
NOISY_NULL_FACTOR = 2
#: Individualisation depth in exact mode (entry-colour backtracking completes what rounding leaves).
EXACT_DEPTH = 3
#: Individualisation depth under noise (alternating refinement does most of the work there).
NOISY_DEPTH = 1
#: Images tried per base level and near-null space under noise.
NOISY_PER_LEVEL = 2
#: Redundant generators are removed up to this many points.
PRUNE_MAX_DEGREE = 48
#: Extra eigenvectors kept beyond the near-null space, for the certificate.
CERT_EXTRA = 8


def recover_group(R, basis="permutations", tol=None, *, seed: int = 0, budget: int | None = None):
    """Recover the permutation group whose action commutes with the covariance ``R``.

    Parameters
    ----------
    R : (M, M) array_like
        Real symmetric or complex Hermitian matrix, ``M >= 2``.
    basis : str or sequence of (M, M) arrays
        ``"permutations"`` (hidden, unlabelled symmetry), ``"shifts"``/``"circulant"`` or ``"dihedral"``
        (known ring geometry), or a list of candidate matrices.
    tol : float, optional
        Threshold for both the normalised eigenvalues treated as null and the relative residual of an
        accepted permutation. Default: exact mode when ``R`` is exactly symmetric, otherwise 0.15 with
        a closure-consistency check and a noise estimate from the group found so far.
    seed : int
        Seed for the random group elements used in checks (results are deterministic for a seed).
    budget : int, optional
        Most assignment problems solved in the search (default ``200 + 20 M`` exact, ``400 + 5 M`` noisy).

    Returns
    -------
    SymmetryResult

    Examples
    --------
    >>> c = np.array([4.0, 1.0, 0.5, 0.5, 1.0])                  # a symmetric circulant: D_5
    >>> R = c[(np.arange(5)[None, :] - np.arange(5)[:, None]) % 5]
    >>> s = recover_group(R)
    >>> s.group_order, s.certificate > 0
    (10, True)
    """
    R = as_covariance(R)
    tol = as_tolerance(tol)
    M = R.shape[0]
    B = resolve_basis(basis, M)
    name = basis.lower() if isinstance(basis, str) else "user"
    permutation_span = isinstance(B, str) and B == PERMUTATIONS
    if permutation_span and _exchangeable(R):
        return _symmetric_group(M, name)
    spectrum = permutation_span_spectrum(R) if permutation_span else explicit_spectrum(R, B)
    plan = _plan(spectrum, tol, M)
    rng = np.random.default_rng(seed)
    m_low = min(spectrum.values.size, plan.n + CERT_EXTRA)
    Q = spectrum.matrices(m_low)
    nu = spectrum.values[:m_low]
    judge = Judge(R, plan, rng, spectrum.outside)
    searcher = _searcher(R, Q, plan, judge, budget)
    trivial = _trivial_coordinates(R, Q, spectrum, plan)
    beyond = float(spectrum.values[m_low]) if m_low < spectrum.values.size else float("inf")
    QT = np.ascontiguousarray(Q.reshape(Q.shape[0], -1).T)

    def certify(group: ClosedGroup) -> tuple[float, bool]:
        return _certificate(nu, _span(QT, group, trivial, rng), beyond)

    group = _grow(ClosedGroup(M, base=searcher.base), searcher, judge, plan, certify)
    if not plan.exact and not plan.user_tol:
        group = drop_inconsistent(group, judge)
    certificate, _ = certify(group)
    return _result(R, spectrum, plan, group, certificate, name, judge)


def _grow(group: ClosedGroup, searcher: Searcher, judge: Judge, plan: Plan, certify) -> ClosedGroup:
    """Add verified generators until the search finds no more.

    Under noise the certificate is recomputed after each generator: above threshold only the 2-closure
    of the group is searched (unless the kept near-null space is exhausted). In exact mode the 2-closure
    search and the free search simply run in turn, and the certificate is computed once at the end.
    """
    while True:
        judge.update(group)
        if plan.exact:
            above, exhausted = True, True
        else:
            certificate, exhausted = certify(group)
            above = certificate > plan.nu_threshold
        p = searcher.new_element(group, closure=True) if above else None
        if p is None and (exhausted or not above):
            p = searcher.new_element(group)
        if p is None:
            return group
        extended = group.extended(p)
        if extended.order == group.order:      # nothing new: stop rather than loop
            return group
        group = extended


def _searcher(R: np.ndarray, Q: np.ndarray, plan: Plan, judge: Judge, budget: int | None) -> Searcher:
    """The search set up for the plan: exhaustive with entry colours when exact, frugal under noise."""
    M = R.shape[0]
    spaces = [NullSpace(Q[:n]) for n in _nested_dimensions(plan, M)]
    if plan.exact:
        budget = 200 + 20 * M if budget is None else budget
        return Searcher(spaces, judge.accept, judge.residual, int(budget), colours=Colours(R),
                        depth=EXACT_DEPTH)
    budget = 400 + 5 * M if budget is None else budget
    return Searcher(spaces, judge.accept, judge.residual, int(budget), per_level=NOISY_PER_LEVEL, keep=3,
                    depth=NOISY_DEPTH, improve=judge.repair)


def _plan(spectrum: Spectrum, tol: float | None, M: int) -> Plan:
    """Exact or noisy mode, the near-null dimension and the thresholds."""
    nu = spectrum.values
    split, gap = _exact_split(nu)
    exact = gap >= EXACT_GAP
    if tol is not None:
        cap = max((NOISY_NULL_FACTOR + 1) * M + 2, int(np.sum(nu <= FLOOR)))
        n = max(1, min(int(np.sum(nu <= tol)), cap))
        return Plan(exact, n, tol, tol, True)
    if exact:
        upper = nu[split] if split < nu.size else 1.0
        threshold = float(np.sqrt(max(nu[split - 1], 1e-15) * upper))
        return Plan(True, split, threshold, EXACT_ACCEPT, False)
    n = max(1, min(nu.size, (NOISY_NULL_FACTOR + 1) * M + 2))
    return Plan(False, n, float(nu[n - 1]), NOISY_ACCEPT, False)


def _nested_dimensions(plan: Plan, M: int) -> list[int]:
    """Near-null dimensions searched in turn: just ``n`` in exact mode, ``M + 2, 2M + 2, ...`` under noise."""
    if plan.exact or plan.user_tol:
        return [plan.n]
    dims = [n for n in (M + 2, NOISY_NULL_FACTOR * M + 2) if n < plan.n]
    return dims + [plan.n]


def _exact_split(nu: np.ndarray) -> tuple[int, float]:
    """Largest relative gap after a numerically zero eigenvalue: ``(k, nu[k] / nu[k-1])``, ``k >= 2``.

    Returns ``(1, 0.0)`` when at most one eigenvalue (the identity) is numerically zero.
    """
    z = int(np.sum(nu <= FLOOR))
    if z < 2:
        return 1, 0.0
    low = np.maximum(nu[1:z], 1e-15)
    high = np.append(nu[2:z], nu[z] if z < nu.size else np.inf)
    ratios = high / low
    k = int(np.argmax(ratios))
    return k + 2, float(ratios[k])


def _trivial_coordinates(R: np.ndarray, Q: np.ndarray, spectrum: Spectrum, plan: Plan) -> np.ndarray:
    """Coordinates (in ``Q``) of the identity and, when it commutes, the all-ones matrix."""
    M = R.shape[0]
    cols = []
    for T, always in ((np.eye(M), True), (np.ones((M, M)), False)):
        T = T / np.linalg.norm(T)
        c = np.tensordot(Q.conj(), T, axes=([1, 2], [0, 1]))
        if np.linalg.norm(c) ** 2 < 0.9:
            continue          # not (approximately) inside the span
        if not always and spectrum.scale > 0:
            q = np.linalg.norm(R @ T - T @ R) ** 2 / spectrum.scale
            # under noise the threshold is the top of a generous near-null space: for tiny spans (where
            # that is most of the span) only the lower half counts
            half = min(plan.n, spectrum.values.size // 2)
            limit = plan.nu_threshold if plan.exact else spectrum.values[max(half, 1) - 1]
            if q > limit:
                continue
        cols.append(c)
    return np.array(cols).T if cols else np.zeros((Q.shape[0], 0))


def _span(QT: np.ndarray, group: ClosedGroup, trivial: np.ndarray, rng) -> np.ndarray:
    """Orthonormal coordinates (in the kept eigenvectors) of the trivial solutions and the group algebra.

    ``QT`` holds the eigenvectors as columns (``M^2 x m``). Small groups are listed; larger ones are
    sampled in batches until a batch adds no new direction (or the span fills all ``m`` columns).
    """
    m = QT.shape[1]
    M = group.M
    offsets = np.arange(M) * M
    basis = _extend_basis(np.zeros((m, 0), dtype=QT.dtype), trivial)
    batch = 256
    listed = group.order <= batch
    for _ in range(max(1, 8 * m // batch)):
        elements = group.elements(batch, rng)
        coords = QT[offsets[None, :] + elements].sum(axis=1).conj().T / np.sqrt(M)
        before = basis.shape[1]
        basis = _extend_basis(basis, coords)
        if listed or basis.shape[1] == before or basis.shape[1] >= m:
            break
    return basis


def _extend_basis(basis: np.ndarray, vectors: np.ndarray, rtol: float = 1e-8) -> np.ndarray:
    """Add to an orthonormal ``basis`` the directions of ``vectors`` it does not span yet."""
    if vectors.shape[1] == 0:
        return basis
    rest = vectors - basis @ (basis.conj().T @ vectors)
    scale = max(np.linalg.norm(vectors, axis=0).max(), np.finfo(float).tiny)
    U, s, _ = np.linalg.svd(rest, full_matrices=False)
    new = U[:, s > rtol * scale]
    if new.shape[1] == 0:
        return basis
    new = new - basis @ (basis.conj().T @ new)
    new, _ = np.linalg.qr(new)
    return np.concatenate([basis, new], axis=1)


def _certificate(nu: np.ndarray, span: np.ndarray, beyond: float) -> tuple[float, bool]:
    """Smallest eigenvalue of ``diag(nu)`` compressed to the complement of ``span``, and whether ``span``
    fills all kept eigenvectors (then the value is ``beyond``, the first eigenvalue not kept, or ``inf``
    when the spectrum is complete; more symmetry could hide beyond the kept ones).
    """
    m, r = span.shape
    comp = np.zeros((m, 0))
    if r < m:
        w, V = np.linalg.eigh(np.eye(m) - span @ span.conj().T)
        comp = V[:, w > 0.5]
    if comp.shape[1] == 0:
        return float(beyond), bool(np.isfinite(beyond))
    H = comp.conj().T @ (nu[:, None] * comp)
    return float(max(np.linalg.eigvalsh((H + H.conj().T) / 2)[0], 0.0)), False


def _exchangeable(R: np.ndarray) -> bool:
    """True when ``R = a I + b J`` exactly (every permutation commutes)."""
    M = R.shape[0]
    off = R[~np.eye(M, dtype=bool)]
    d = np.diag(R)
    scale = max(np.abs(R).max(), np.finfo(float).tiny)
    return bool(np.ptp(d.real) <= 1e-12 * scale and np.max(np.abs(off - off[0])) <= 1e-12 * scale)


def _symmetric_group(M: int, name: str) -> SymmetryResult:
    """Result for ``R = a I + b J``: the full symmetric group (everything in the span commutes)."""
    from math import factorial

    gens = [[1, 0] + list(range(2, M))]
    if M > 2:
        gens.append(list(range(1, M)) + [0])
    dim = min((M - 1) ** 2 + 1, FULL_DIMENSION_MAX)
    return SymmetryResult(
        generators=gens, group_order=factorial(M), eigenvalues=np.zeros(dim), certificate=float("inf"),
        residuals=np.zeros(len(gens)), relative_residuals=np.zeros(len(gens)), null_dimension=dim,
        threshold=FLOOR, exact=True, basis=name, M=M, orbits=[list(range(M))],
    )


def _result(R, spectrum, plan, group, certificate, name, judge) -> SymmetryResult:
    gens = _prune(group)
    norm = np.linalg.norm(R)
    residuals = np.array([np.linalg.norm(R[np.ix_(g, g)] - R) / norm for g in gens])
    relative = np.array([judge.residual(g) for g in gens])
    return SymmetryResult(
        generators=[g.tolist() for g in gens], group_order=group.order, eigenvalues=spectrum.values,
        certificate=certificate, residuals=residuals, relative_residuals=relative,
        null_dimension=plan.n, threshold=judge.threshold, exact=plan.exact, basis=name, M=R.shape[0],
        orbits=orbit_partition(gens, R.shape[0]),
    )


def _prune(group: ClosedGroup) -> list[np.ndarray]:
    """Drop generators that the others already generate (keeps the order of discovery).

    Skipped above ``PRUNE_MAX_DEGREE`` points, where each test is a Schreier-Sims run on a large group.
    """
    gens = list(group.generators)
    if group.M > PRUNE_MAX_DEGREE:
        return gens
    k = len(gens) - 1
    while k >= 0 and len(gens) > 1:
        rest = gens[:k] + gens[k + 1:]
        if ClosedGroup(group.M, rest, group.base).order == group.order:
            gens = rest
        k -= 1
    return gens
