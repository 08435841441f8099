import json
import textwrap
from itertools import permutations
from unittest import mock
from math import factorial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from killing import kill_after_layers
from naive import naive_layers
from theory import mahonian

import cayley
from cayley import CayleyGraph, MemoryBudgetError
from cayley.bfs import numba_backend  # noqa: F401  (registers the "numba" backend)
from cayley.bfs import _rank_layers as L
from cayley.bfs import rank_bfs
from cayley.bfs.rank_bfs import estimate_rank_bytes, growth_rank
from cayley.bfs.rank_plan import BLOCK, TABLE, WINDOW, RankPlan, _columns, _patterns, table_move, window_terms

DIRECTIONS = ["top-down", "bottom-up", "auto"]


def _sorted_rows(a):
    return sorted(map(tuple, np.asarray(a).tolist()))


# ---------------------------------------------------------------- numbering
@pytest.mark.parametrize(
    "gens",
    [
        [[1, 0, 2, 3, 4]],  # plain numbering, odd generator
        [[1, 2, 3, 4, 0], [1, 0, 2, 3, 4]],  # planes (a shift is present)
        [[1, 2, 3, 4, 0], [3, 2, 1, 0, 4]],  # planes, all even: half numbering
        [[1, 2, 0, 3, 4, 5]],  # plain, all even: half numbering
    ],
)
def test_numbering_is_a_bijection_and_kernel_unrank_agrees(gens):
    plan = RankPlan(gens)
    n = plan.n
    perms = [np.array(p) for p in permutations(range(n))]
    if plan.half:
        perms = [p for p in perms if _parity(p) == 0]
    slots = [plan.slot_of(p) for p in perms]
    assert len(set(slots)) == len(perms) == plan.num_states
    for p, s in zip(perms, slots):
        k, u = divmod(s, plan.plane_stride)
        assert 0 <= k < plan.planes and 0 <= u < plan.slots_per_plane
        assert plan.perm_of(s).tolist() == p.tolist()
    out = np.empty((len(slots), n), dtype=np.uint8)
    L.unrank_slots(np.array(slots, dtype=np.int64), out, n, plan.n_t, plan.rotated, plan.half,
                   plan.plane_stride, plan.plane_parity, plan.fact)
    assert out.tolist() == [p.tolist() for p in perms]


def _parity(p):
    return sum(1 for i in range(len(p)) for j in range(i) if p[j] > p[i]) & 1

@pytest.mark.parametrize("p", range(1, 8))
def test_block_patterns_follow_the_lehmer_definition(p):
    """Column b of the pattern table is the permutation whose digits c_i (earlier entries larger than
    entry i) spell b in the factorial base; checked by counting, on every permutation of p."""
    pat = _patterns(p)
    assert pat.shape == (p, factorial(p))
    for perm in permutations(range(p)):
        b = sum(sum(perm[j] > perm[i] for j in range(i)) * factorial(i) for i in range(p))
        assert pat[:, b].tolist() == list(perm)



@pytest.mark.parametrize("p", range(2, 8))
def test_half_columns_put_even_ranks_first(p):
    """With ``half`` the columns are the even ranks (digit sum even) in order, then the odd ones; the
    digits and patterns follow their column's rank (checked by counting)."""
    b, pat, digits = _columns(p, True)
    ranks = list(range(factorial(p)))
    spell = [[(r // factorial(i)) % (i + 1) for i in range(p)] for r in ranks]
    even = [r for r in ranks if sum(spell[r]) % 2 == 0]
    assert b.tolist() == even + [r for r in ranks if sum(spell[r]) % 2 == 1]
    full = _patterns(p)
    for col in range(0, len(b), 7):
        assert digits[:, col].tolist() == spell[b[col]]
        assert pat[:, col].tolist() == full[:, b[col]].tolist()


def test_plan_detects_planes_half_and_move_kinds():
    plan = RankPlan(cayley.groups.lrx(7).generators)
    assert (plan.planes, plan.n_t, plan.half) == (7, 6, 0)
    assert plan.kind_names() == ["shift", "shift", "table"]  # X is a swap in most planes
    assert RankPlan(cayley.groups.lrx(7).generators, tables=False).kind_names() == ["shift", "shift", "count"]
    assert (plan.fwd[1][2] == 1).sum() == 5
    plan = RankPlan(cayley.groups.pancake(9).generators)
    assert (plan.planes, plan.blocks_per_plane, plan.block_slots) == (1, 9, 40320)
    assert RankPlan([[1, 2, 3, 4, 0], [3, 2, 1, 0, 4]]).half == 1
    with pytest.raises(ValueError, match="rank engine handles"):
        RankPlan([list(range(17))])


# ---------------------------------------------------------------- against the naive BFS
@st.composite
def full_sn_graphs(draw, max_n=7, min_n=1):
    n = draw(st.integers(min_n, max_n))
    k = draw(st.integers(1, 3))
    seeds = draw(st.lists(st.integers(0, 2**31), min_size=k, max_size=k))
    gens = [np.random.default_rng(s).permutation(n) for s in seeds]
    if n > 1 and draw(st.booleans()):  # a cyclic shift switches on the plane numbering
        gens.append(np.roll(np.arange(n), -draw(st.integers(1, n - 1))))
    center = np.random.default_rng(seeds[0] + 1).permutation(n) * 3 + 5  # distinct, not 0..n-1
    g = CayleyGraph(gens, central_state=center)
    if draw(st.booleans()):
        g = g.make_inverse_closed()
    return g


@settings(max_examples=60, deadline=None)
@given(full_sn_graphs(), st.sampled_from(DIRECTIONS))
def test_matches_naive_bfs_and_numpy(g, direction):
    r = growth_rank(g, direction=direction, progress=False)
    expected = naive_layers(g.generators, g.central_state)
    assert r.layer_sizes == expected
    ref = cayley.growth(g, backend="numpy")
    assert r.layer_sizes == ref.layer_sizes
    assert _sorted_rows(r.last_layer) == _sorted_rows(ref.last_layer)
    assert r.complete and r.backend == "numba"


@settings(max_examples=4, deadline=None)
@given(full_sn_graphs(min_n=9, max_n=10), st.sampled_from(DIRECTIONS))
def test_several_blocks_per_plane_match_numpy(g, direction):
    # n >= 9 (n >= 10 with planes): blocks of 8! ranks, high digits unranked per block, far moves
    plan = RankPlan(g.generators)
    assert plan.blocks_per_plane > 1 or plan.n_t < 9
    r = growth_rank(g, direction=direction, progress=False)
    assert r.layer_sizes == cayley.growth(g, backend="numpy").layer_sizes


@settings(max_examples=30, deadline=None)
@given(full_sn_graphs(min_n=5, max_n=8), st.sampled_from(["atomic", "private"]), st.integers(2, 3),
       st.sampled_from(DIRECTIONS))
def test_claim_modes_match_numpy(g, claims, workers, direction):
    """Parallel top-down layers claim states by atomic ORs or into a row per worker, merged by the
    end-of-layer pass; both are exact. Every layer runs on all workers and counts as dense here."""
    with mock.patch.object(rank_bfs, "SERIAL_BELOW", 0), mock.patch.object(rank_bfs, "PRIVATE_DENSITY", 1 << 40):
        r = growth_rank(g, direction=direction, progress=False, claims=claims, workers=workers)
    assert r.info["claims"] == claims
    assert r.layer_sizes == naive_layers(g.generators, g.central_state)


def test_private_claims_pay_only_for_far_moves_that_fit_the_cache(monkeypatch):
    """Adjacent swaps claim lines near their own (atomics stay cheap); codes and rows beyond half the
    last-level cache cost more in the end-of-layer pass than the atomics they save."""
    monkeypatch.setattr(rank_bfs, "last_level_cache_bytes", lambda: 32 << 20)
    pay = rank_bfs.private_claims_pay
    assert not pay(RankPlan(cayley.groups.coxeter(9).generators), 2)
    assert pay(RankPlan(cayley.groups.top_spin(9).generators), 2)
    assert not pay(RankPlan(cayley.groups.top_spin(12).generators), 2)  # 60 MB of codes
    assert not pay(RankPlan(cayley.groups.lrx(10).generators), 64)  # 0.9 MB of codes, 65 times
    assert growth_rank(cayley.groups.lrx(6), workers=1, progress=False).info["claims"] == "atomic"


def _lehmer(t):
    return [sum(1 for j in range(i) if t[j] > t[i]) for i in range(len(t))]


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 12), st.data())
def test_window_terms_give_the_new_lehmer_digits(n, data):
    lo = data.draw(st.integers(0, n - 2))
    hi = data.draw(st.integers(lo + 2, n))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**31)))
    psi = np.arange(n)
    psi[lo:hi] = lo + rng.permutation(hi - lo)
    t = rng.permutation(n)
    c, c_new = _lehmer(t), _lehmer(t[psi])
    for i, terms in zip(range(lo, hi), window_terms(psi, lo, hi)):
        a = psi[i]
        value = c[a] + sum((1 if x > 0 else -1) * int(t[abs(x) - 1] > t[a]) for x in terms)
        assert value == c_new[i]


@st.composite
def window_graphs(draw):
    """Generators that permute a window starting at position 2 or later (plus, maybe, a shift)."""
    n = draw(st.integers(6, 9))
    gens = []
    for _ in range(draw(st.integers(1, 3))):
        lo = draw(st.integers(2, n - 3))
        hi = draw(st.integers(lo + 3, n))
        g = np.arange(n)
        g[lo:hi] = lo + np.random.default_rng(draw(st.integers(0, 2**31))).permutation(hi - lo)
        gens.append(g)
    if draw(st.booleans()):  # planes: the windows then move with value 0's position
        gens.append(np.roll(np.arange(n), -1))
    gens.append(np.array([1, 0] + list(range(2, n))))
    return CayleyGraph(gens, central_state=np.arange(n)[::-1] * 2 + 1).make_inverse_closed()


@settings(max_examples=20, deadline=None)
@given(window_graphs(), st.sampled_from(DIRECTIONS), st.booleans())
def test_window_moves_match_numpy(g, direction, tables):
    r = growth_rank(g, direction=direction, progress=False, tables=tables)
    ref = cayley.growth(g, backend="numpy")
    assert r.layer_sizes == ref.layer_sizes
    assert _sorted_rows(r.last_layer) == _sorted_rows(ref.last_layer)


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 13), st.data())
def test_table_moves_give_the_lehmer_rank(n_t, data):
    # table[b] + the block's items + the lane's mixed comparisons == the rank of t[psi], by definition
    p = min(8, n_t)
    lo = data.draw(st.integers(0, min(p, n_t - 1) - 1))
    hi = data.draw(st.integers(lo + 2, n_t)) if lo + 2 <= n_t else n_t
    rng = np.random.default_rng(data.draw(st.integers(0, 2**31)))
    psi = np.arange(n_t)
    psi[lo:hi] = lo + rng.permutation(hi - lo)
    fold = data.draw(st.booleans())
    table, items = table_move(psi, lo, hi, p, fold=fold)
    t = rng.permutation(n_t)
    c = _lehmer(t)
    b = sum(c[i] * factorial(i) for i in range(p))
    folded = [it[1] for it in items if it[0] == 4]
    if folded:  # row r: r low entries (positions < p) below the folded high entry
        assert fold and table.shape == (p + 1, factorial(p)) and len(folded) == 1 and folded[0] >= p
        table = table[int(np.sum(t[:p] < t[folded[0]]))]
    else:
        assert table.shape == (factorial(p),)
    u = table[b] + sum(c[i] * factorial(i) for i in range(p, n_t))
    for what, i, sign, x, a in items:
        if what == 4:
            continue
        if what == 0:
            assert i >= p
            u -= c[i] * factorial(i)
        elif what == 1:
            assert a >= p
            u += c[a] * factorial(i)
        else:  # a comparison of two high entries (the block's) or of a low and a high one (the lane's)
            assert (x >= p and a >= p) if what == 2 else (what == 3 and (x >= p) != (a >= p))
            u += sign * int(t[x] > t[a]) * factorial(i)
    assert u == sum(d * factorial(i) for i, d in enumerate(_lehmer(t[psi])))
    kinds = [it[0] for it in items]  # the mixed ones last, grouped by digit (as the kernel reads them)
    mixed_digits = [it[1] for it in items if it[0] == 3]
    assert kinds == sorted(kinds, key=lambda k: k == 3) and mixed_digits == sorted(mixed_digits)
    if folded:  # no comparison with the folded entry is left to the lanes
        assert not any(it[0] == 3 and folded[0] in (it[3], it[4]) for it in items)
    elif fold:
        assert 3 not in kinds


@pytest.mark.parametrize("name", ["pancake", "top_spin", "lrx"])
@pytest.mark.parametrize("direction", DIRECTIONS)
def test_table_moves_match_the_counting_moves(name, direction):
    g = cayley.groups.get(name, n=10)
    assert (RankPlan(g.generators).fwd[1] == TABLE).any()
    assert not (RankPlan(g.generators, tables=False).fwd[1] == TABLE).any()
    with_tables = growth_rank(g, direction=direction, progress=False)
    without = growth_rank(g, direction=direction, progress=False, tables=False)
    assert with_tables.layer_sizes == without.layer_sizes
    assert _sorted_rows(with_tables.last_layer) == _sorted_rows(without.last_layer)


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_64_bit_tables_give_the_same_growth(direction, monkeypatch):
    # n_t >= 13 (LRX(14)) needs 64-bit table values; the same kernels on a small graph, both widths
    import cayley.bfs.rank_plan as rank_plan

    g = cayley.groups.get("top_spin", n=10)
    narrow = growth_rank(g, direction=direction, progress=False)
    assert RankPlan(g.generators).fwd[-1].dtype == np.int32
    monkeypatch.setattr(rank_plan, "table_dtype", lambda n_t: np.int64)
    assert RankPlan(g.generators).fwd[-1].dtype == np.int64
    wide = growth_rank(g, direction=direction, progress=False)
    assert wide.layer_sizes == narrow.layer_sizes == cayley.growth(g, backend="numpy").layer_sizes
    assert _sorted_rows(wide.last_layer) == _sorted_rows(narrow.last_layer)


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_swaps_read_digits_only_and_high_swaps_move_whole_blocks(direction):
    # coxeter(10): (8 9) exchanges two high entries (a block move); the other swaps need no rows of t
    g = cayley.groups.coxeter(10)
    plan = RankPlan(g.generators)
    assert plan.kind_names() == ["swap"] * 8 + ["block"]
    assert plan.fwd[5].tolist() == [0]  # rows of t read: none
    assert growth_rank(g, direction=direction, progress=False).layer_sizes == mahonian(10)


def _conjugate(gens, sigma):
    """Generators sigma^-1 g sigma (one-line, positions relabelled by sigma): an isomorphic Cayley graph."""
    inv = np.argsort(sigma)
    return [inv[np.asarray(g)[sigma]] for g in gens]


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_block_moves_with_half_numbering_and_directed_generators(direction):
    # the 3-cycles (i, i+1, i+2) of 11 positions, one way only: even, so A_11 in half numbering, and
    # (8 9 10) is a block move whose inverse (the in-neighbour) is another one. The same generators
    # with the positions relabelled at random have no block moves and, by the isomorphism g ->
    # sigma^-1 g sigma (which fixes the identity), the same growth.
    n = 11
    gens = []
    for i in range(n - 2):
        g = np.arange(n)
        g[i : i + 3] = [i + 1, i + 2, i]
        gens.append(g)
    plan = RankPlan(gens)
    assert plan.half == 1 and (plan.fwd[1] == BLOCK).sum() == 1 and (plan.bwd[1] == BLOCK).sum() == 1
    sigma = np.random.default_rng(7).permutation(n)
    other = CayleyGraph(_conjugate(gens, sigma))
    assert (RankPlan(other.generators).fwd[1] != BLOCK).all()
    r = growth_rank(CayleyGraph(gens), direction=direction, progress=False)
    assert r.num_states == factorial(n) // 2
    assert r.layer_sizes == growth_rank(other, direction="top-down", progress=False, tables=False).layer_sizes


@pytest.mark.parametrize("n", [7, 8, 9, 10])
def test_top_spin_uses_window_moves_and_reaches_a_n(n):
    g = cayley.groups.get("top_spin", n=n)
    plan = RankPlan(g.generators, tables=False)
    assert (plan.fwd[1] == WINDOW).any()  # the reversal of 4, away from value 0's position
    r = growth_rank(g, progress=False, tables=False)
    assert r.num_states == factorial(n) // (2 if n % 2 else 1)  # the n-cycle is even for odd n: A_n
    assert r.layer_sizes == cayley.growth(g, backend="numpy").layer_sizes


@settings(max_examples=25, deadline=None)
@given(st.integers(5, 9).filter(lambda n: n % 2 == 1), st.integers(2, 4), st.sampled_from(DIRECTIONS))
def test_even_generators_use_half_numbering(n, k, direction):
    # top-spin style: shift (even for odd n) and a reversal of 4 (even): only A_n is reachable
    shift = np.roll(np.arange(n), -1)
    rev = np.arange(n)
    rev[:4] = rev[:4][::-1]
    g = CayleyGraph([shift, rev]) if k == 2 else CayleyGraph([shift, rev]).make_inverse_closed()
    r = growth_rank(g, direction=direction, progress=False)
    assert RankPlan(g.generators).half == 1
    assert r.layer_sizes == cayley.growth(g, backend="numpy").layer_sizes
    from sympy.combinatorics import Permutation, PermutationGroup

    order = PermutationGroup([Permutation(list(map(int, x))) for x in g.generators]).order()
    assert r.num_states == order and (factorial(n) // 2) % order == 0


# ---------------------------------------------------------------- known values
@pytest.mark.parametrize("n", range(4, 12))
def test_lrx_diameter(n):
    r = growth_rank(cayley.groups.lrx(n), progress=False)
    assert r.diameter == n * (n - 1) // 2
    assert r.num_states == factorial(n)


PANCAKE_NUMBERS = {2: 1, 3: 3, 4: 4, 5: 5, 6: 7, 7: 8, 8: 9, 9: 10, 10: 11}  # OEIS A058986


@pytest.mark.parametrize("n", sorted(PANCAKE_NUMBERS))
def test_pancake_numbers(n):
    r = growth_rank(cayley.groups.pancake(n), progress=False)
    assert r.diameter == PANCAKE_NUMBERS[n]
    assert r.num_states == factorial(n)


@pytest.mark.parametrize("n", range(2, 10))
def test_coxeter_growth_is_mahonian(n):
    assert growth_rank(cayley.groups.coxeter(n), progress=False).layer_sizes == mahonian(n)


@pytest.mark.parametrize("n", [5, 7, 8])
def test_directed_lx_matches_numpy(n):
    g = cayley.groups.lx(n)
    assert growth_rank(g, progress=False).layer_sizes == cayley.growth(g, backend="numpy").layer_sizes


def test_last_layer_is_decoded_with_the_central_state():
    r = growth_rank(cayley.groups.coxeter(5), progress=False)
    assert r.last_layer.tolist() == [[4, 3, 2, 1, 0]]
    g = cayley.groups.pancake(6).with_central_state([10, 20, 30, 40, 50, 60])
    r, ref = growth_rank(g, progress=False), cayley.growth(g, backend="numpy")
    assert _sorted_rows(r.last_layer) == _sorted_rows(ref.last_layer)
    assert r.last_layer.shape == (r.layer_sizes[-1], 6)


def test_max_diameter_stops_with_that_layer():
    g = cayley.groups.lrx(8)
    full = growth_rank(g, progress=False).layer_sizes
    r = growth_rank(g, max_diameter=6, progress=False)
    assert r.layer_sizes == full[:7] and not r.complete
    ref = cayley.growth(g, backend="numpy", max_diameter=6)
    assert _sorted_rows(r.last_layer) == _sorted_rows(ref.last_layer)


# ---------------------------------------------------------------- options, errors, dispatch
def test_memory_is_estimated_before_allocating():
    g = cayley.groups.lrx(9)
    plan = RankPlan(g.generators)
    need = estimate_rank_bytes(plan)
    tables = plan.table_bytes()  # X as a table move in the two planes where it moves value 0
    assert tables > 0
    assert factorial(9) // 4 + tables < need < factorial(9) // 4 + tables + (2 << 20)  # + about 1 MiB
    with pytest.raises(MemoryBudgetError, match="rank bitset") as info:
        growth_rank(g, memory_budget=10_000, progress=False)
    assert info.value.estimate == need and info.value.budget == 10_000
    with pytest.raises(MemoryBudgetError):  # 16!/4 bytes is far beyond any machine here
        growth_rank(cayley.groups.lrx(16), progress=False)


def test_bad_requests_raise_value_errors():
    with pytest.raises(ValueError, match="distinct central values"):
        growth_rank(cayley.groups.lrx(6).with_central_state([0, 0, 0, 1, 1, 1]))
    with pytest.raises(ValueError, match="keep_layers"):
        growth_rank(cayley.groups.lrx(5), keep_layers=True)
    with pytest.raises(ValueError, match="direction"):
        growth_rank(cayley.groups.lrx(5), direction="sideways")
    with pytest.raises(ValueError, match="claims"):
        growth_rank(cayley.groups.lrx(5), claims="optimistic")


def test_backend_registration_and_dispatch():
    assert "numba" in cayley.bfs.backends()
    r = cayley.growth(cayley.groups.lrx(7))  # auto prefers the numba backend
    assert r.backend == "numba" and r.info["engine"] == "rank"
    assert numba_backend.uses_rank_engine(cayley.groups.pancake(8))
    coset = cayley.groups.lrx(6).with_central_state([0, 0, 0, 1, 1, 1])
    assert not numba_backend.uses_rank_engine(coset)
    assert not numba_backend.uses_rank_engine(cayley.groups.lrx(6), {"keep_layers": True})
    small_group = CayleyGraph([[1, 0] + list(range(2, 12))])  # order 2 inside S_12: not worth 12!/4 bytes
    assert not numba_backend.uses_rank_engine(small_group)
    r = cayley.growth(coset, backend="numba")
    assert r.layer_sizes == cayley.growth(coset, backend="numpy").layer_sizes


def test_progress_reports_every_layer():
    seen = []
    r = growth_rank(cayley.groups.lrx(6), progress=seen.append)
    assert [x["size"] for x in seen] == r.layer_sizes
    assert seen[-1]["total"] == 720 and seen[-1]["memory"] > 0


# ---------------------------------------------------------------- checkpoint and resume
def test_resume_from_checkpoint_in_process(tmp_path):
    g = cayley.groups.lrx(8)
    full = growth_rank(g, progress=False)
    part = growth_rank(g, max_diameter=9, checkpoint_dir=tmp_path, progress=False)
    assert part.layer_sizes == full.layer_sizes[:10]
    assert json.loads((tmp_path / "meta.json").read_text())["layer_sizes"] == part.layer_sizes
    seen = []
    resumed = growth_rank(g, checkpoint_dir=tmp_path, progress=seen.append)
    assert resumed.layer_sizes == full.layer_sizes
    assert _sorted_rows(resumed.last_layer) == _sorted_rows(full.last_layer)
    with pytest.raises(ValueError, match="another computation"):
        growth_rank(cayley.groups.pancake(8), checkpoint_dir=tmp_path, progress=False)
    with pytest.raises(ValueError, match="max_diameter"):
        growth_rank(g, max_diameter=3, checkpoint_dir=tmp_path, progress=False)


_CHILD = textwrap.dedent(
    """
    import sys, time
    import cayley
    from cayley.bfs.rank_bfs import growth_rank
    growth_rank(cayley.groups.lrx(10), checkpoint_dir=sys.argv[1], progress=lambda info: time.sleep(0.05))
    """
)


def test_killed_run_resumes_with_identical_layers(tmp_path):
    g = cayley.groups.lrx(10)
    expected = growth_rank(g, progress=False)
    ck = tmp_path / "ck"
    done = kill_after_layers(_CHILD, ck, 8)
    assert len(done) < len(expected.layer_sizes)
    assert done == expected.layer_sizes[: len(done)]
    resumed = growth_rank(g, checkpoint_dir=ck, progress=False)
    assert resumed.layer_sizes == expected.layer_sizes
    assert _sorted_rows(resumed.last_layer) == _sorted_rows(expected.last_layer)


def test_auto_direction_mixes_both_and_stays_exact():
    # pancake(10): the cost model keeps the early layers top-down and switches near the end
    g = cayley.groups.pancake(10)
    auto = growth_rank(g, progress=False)
    assert auto.info["directions"][0] == "top-down" and auto.info["directions"][-1] == "bottom-up"
    assert auto.layer_sizes == growth_rank(g, direction="top-down", progress=False).layer_sizes
    assert auto.num_states == factorial(10) and auto.diameter == 11  # pancake number P(10), OEIS A058986
