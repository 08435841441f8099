"""Planted-symmetry covariance matrices and an independent automorphism count for the symmetry tests."""

from __future__ import annotations

import networkx as nx
import numpy as np
from networkx.algorithms.isomorphism import DiGraphMatcher


def circulant(first_row) -> np.ndarray:
    """``C[i, j] = c[(j - i) mod M]``."""
    c = np.asarray(first_row)
    M = c.size
    i = np.arange(M)
    return c[(i[None, :] - i[:, None]) % M]


def ring(M: int, rng: np.random.Generator, complex_: bool = False) -> np.ndarray:
    """Positive definite circulant with well separated entries.

    Real: symmetric circulant, automorphism group D_M (order 2M). Complex: Hermitian circulant whose
    entries differ from their conjugates, automorphism group C_M (order M).
    """
    h = M // 2
    real = rng.permutation(np.linspace(-1.0, 1.0, h))
    imag = np.sin(rng.permutation(np.linspace(-np.pi / 2, np.pi / 2, h)) + 0.1)
    c = np.zeros(M, dtype=complex if complex_ else float)
    for k in range(1, h + 1):
        c[k] = real[k - 1] + (1j * imag[k - 1] if complex_ else 0.0)
    for k in range(1, M):
        if k > M - k:
            c[k] = np.conj(c[M - k])
    if complex_ and M % 2 == 0:
        c[h] = c[h].real
    R = circulant(c)
    return R + (np.abs(np.linalg.eigvalsh(R)).max() + 1.0) * np.eye(M)


def block_exchangeable(k: int, m: int, a: float = 3.0, b: float = 1.0, c: float = 0.3) -> np.ndarray:
    """``a I + b (I_m kron J_k) + c J``: automorphism group S_k wr S_m, order (k!)^m m!."""
    M = k * m
    return a * np.eye(M) + b * np.kron(np.eye(m), np.ones((k, k))) + c * np.ones((M, M))


def ring_of_blocks(k: int, m: int, rng: np.random.Generator) -> np.ndarray:
    """A ring of ``m`` exchangeable blocks of size ``k``: S_k wr D_m, order (k!)^m 2m (m >= 3)."""
    return np.kron(ring(m, rng), np.ones((k, k))) + 2.0 * np.eye(k * m)


def two_rings(m1: int, m2: int, rng: np.random.Generator, coupling: float = 0.2) -> np.ndarray:
    """Two different rings coupled uniformly: D_m1 x D_m2 (intransitive)."""
    A, B = ring(m1, rng), ring(m2, rng) + 0.5 * np.eye(m2)
    return np.block([[A, coupling * np.ones((m1, m2))], [coupling * np.ones((m2, m1)), B]])


def wishart(M: int, L: int, rng: np.random.Generator) -> np.ndarray:
    """Sample covariance of ``L`` standard normal vectors: no symmetry."""
    X = rng.normal(size=(M, L))
    return X @ X.T / L


def sample_covariance(R: np.ndarray, L: int, rng: np.random.Generator) -> np.ndarray:
    """Sample covariance of ``L`` Gaussian snapshots with covariance ``R`` (complex circular if complex)."""
    M = R.shape[0]
    Z = rng.normal(size=(M, L))
    if np.iscomplexobj(R):
        Z = (Z + 1j * rng.normal(size=(M, L))) / np.sqrt(2)
    X = np.linalg.cholesky(R) @ Z
    return X @ X.conj().T / L


def relabel(R: np.ndarray, rng: np.random.Generator):
    """Hide the labelling: ``R[q][:, q]`` for a random ``q``; returns the matrix and ``q``."""
    q = rng.permutation(R.shape[0])
    return R[np.ix_(q, q)], q


def conjugate(elements, q) -> list[np.ndarray]:
    """Symmetries of ``R`` carried to ``R[q][:, q]``: ``g -> q^-1 g q``."""
    qinv = np.argsort(q)
    return [qinv[np.asarray(g)[q]] for g in elements]


def cyclic_elements(M: int) -> list[np.ndarray]:
    i = np.arange(M)
    return [(i + k) % M for k in range(M)]


def dihedral_elements(M: int) -> list[np.ndarray]:
    i = np.arange(M)
    return cyclic_elements(M) + [(k - i) % M for k in range(M)]


def automorphism_count(R: np.ndarray, cap: int = 20000) -> int:
    """Number of ``p`` with ``R[p][:, p] == R``: VF2 on the complete digraph coloured by the entries of R.

    Independent of :mod:`cayley.symmetry`; returns -1 beyond ``cap`` automorphisms.
    """
    M = R.shape[0]

    def key(x):
        return (round(float(np.real(x)), 9), round(float(np.imag(x)), 9))

    G = nx.DiGraph()
    for i in range(M):
        G.add_node(i, c=key(R[i, i]))
    for i in range(M):
        for j in range(M):
            if i != j:
                G.add_edge(i, j, c=key(R[i, j]))
    same = lambda a, b: a["c"] == b["c"]  # noqa: E731
    count = 0
    for _ in DiGraphMatcher(G, G, node_match=same, edge_match=same).isomorphisms_iter():
        count += 1
        if count > cap:
            return -1
    return count


def is_symmetry(R: np.ndarray, p, rtol: float = 1e-9) -> bool:
    p = np.asarray(p)
    return bool(np.linalg.norm(R[np.ix_(p, p)] - R) <= rtol * np.linalg.norm(R))
