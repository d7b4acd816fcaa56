"""Mediator suggestions: who comes first and the reasons shown for it; free slots."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from stationdesk.domain.conflict_of_interest import Conflict, ConflictKind
from stationdesk.domain.enums import CaseCategory, MediatorKind
from stationdesk.domain.mediator_ranking import (
    Candidate,
    ReasonCode,
    align_up,
    free_starts,
    rank_mediators,
    split_languages,
)

DAY = date(2026, 11, 30)  # a Monday
FAMILY, NEIGHBOUR = CaseCategory.DISPUTE_FAMILY, CaseCategory.DISPUTE_NEIGHBOUR
Q = timedelta(minutes=15)
L = timedelta(minutes=90)


def at(h: int, m: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, h, m)


def cand(
    mid: int,
    skills: tuple[CaseCategory, ...] = (FAMILY,),
    free: datetime | None = None,
    load: int = 0,
    cap: int = 3,
    langs: tuple[str, ...] = ("普通话",),
    conflicts: tuple[Conflict, ...] = (),
) -> Candidate:
    return Candidate(
        mid, f"调解员{mid}", MediatorKind.STATION_MEDIATOR, frozenset(skills), langs, cap,
        free if free is not None else at(9), load, conflicts,
    )  # fmt: skip


def order(ranked) -> list[int]:  # type: ignore[no-untyped-def]
    return [r.candidate.mediator_id for r in ranked]


def test_skill_match_comes_first_and_says_so() -> None:
    ranked = rank_mediators([cand(1, (NEIGHBOUR,)), cand(2, (FAMILY,))], FAMILY, DAY)
    assert order(ranked) == [2, 1]
    assert ReasonCode.SKILL_MATCH in [r.code for r in ranked[0].reasons]
    assert ReasonCode.NO_SKILL in [r.code for r in ranked[1].reasons]


def test_free_today_beats_free_later_at_equal_skill() -> None:
    later = cand(1, free=at(9, day=DAY + timedelta(days=5)))
    soon = cand(2, free=at(9, day=DAY + timedelta(days=1)))
    today = cand(3, free=at(15))
    ranked = rank_mediators([later, soon, today], FAMILY, DAY)
    assert order(ranked) == [3, 2, 1]
    assert [r.reasons[1].code for r in ranked] == [
        ReasonCode.FREE_ON_DAY, ReasonCode.FREE_SOON, ReasonCode.FREE_LATER,
    ]  # fmt: skip


def test_lighter_workload_wins_a_tie_and_the_reason_carries_the_figures() -> None:
    ranked = rank_mediators([cand(1, load=2, cap=3), cand(2, load=0, cap=3)], FAMILY, DAY)
    assert order(ranked) == [2, 1]
    work = next(r for r in ranked[1].reasons if r.code == ReasonCode.WORKLOAD)
    assert (work.count, work.of, work.points) == (2, 3, 3)


def test_language_asked_for_counts() -> None:
    yue = cand(1, langs=("普通话", "粤语"))
    ranked = rank_mediators([cand(2), yue], FAMILY, DAY, language="粤语")
    assert order(ranked) == [1, 2]
    assert ranked[0].reasons[1].code == ReasonCode.LANGUAGE_MATCH


def test_conflicted_mediators_come_last_and_are_blocked() -> None:
    conflict = Conflict(ConflictKind.IS_PARTY, 1, "李秀英", "resident_id")
    ranked = rank_mediators([cand(1, conflicts=(conflict,)), cand(2, (NEIGHBOUR,))], FAMILY, DAY)
    assert order(ranked) == [2, 1]
    assert ranked[1].blocked and not ranked[1].bookable
    assert ReasonCode.CONFLICT in [r.code for r in ranked[1].reasons]


def test_no_free_slot_is_listed_but_not_bookable() -> None:
    none = Candidate(1, "甲", MediatorKind.COURT_LIAISON, frozenset({FAMILY}), (), 3, None, 0)
    ranked = rank_mediators([none, cand(2, (NEIGHBOUR,))], FAMILY, DAY)
    assert order(ranked) == [2, 1]
    assert not ranked[1].bookable


def test_non_dispute_cases_need_no_skill() -> None:
    ranked = rank_mediators([cand(1)], CaseCategory.THEFT, DAY)
    assert ReasonCode.SKILL_MATCH not in [r.code for r in ranked[0].reasons]
    assert ReasonCode.NO_SKILL not in [r.code for r in ranked[0].reasons]


def test_split_languages() -> None:
    assert split_languages("普通话, 粤语；英语、客家话") == ("普通话", "粤语", "英语", "客家话")


candidates = st.builds(
    cand,
    st.integers(1, 10_000),
    st.sets(st.sampled_from([FAMILY, NEIGHBOUR, CaseCategory.DISPUTE_LABOUR]), max_size=3).map(
        tuple
    ),
    st.one_of(st.none(), st.integers(0, 10 * 24 * 4).map(lambda q: at(0) + q * Q)),
    st.integers(0, 5),
    st.integers(1, 5),
    st.sampled_from([("普通话",), ("普通话", "粤语")]),
    st.sampled_from([(), (Conflict(ConflictKind.IS_PARTY, 0, "x"),)]),
)


@settings(max_examples=200)
@given(
    st.lists(candidates, max_size=8, unique_by=lambda c: c.mediator_id),
    st.sampled_from(["", "粤语"]),
)
def test_ranking_properties(cs, language) -> None:  # type: ignore[no-untyped-def]
    ranked = rank_mediators(cs, FAMILY, DAY, language)
    assert sorted(order(ranked)) == sorted(c.mediator_id for c in cs)  # a permutation
    blocked = [r.blocked for r in ranked]
    assert blocked == sorted(blocked)  # nobody blocked above somebody free of conflict
    for r in ranked:
        assert r.score == sum(x.points for x in r.reasons)  # the reasons explain the score
    for a, b in itertools.pairwise(ranked):
        if a.blocked == b.blocked and (a.candidate.first_free is None) == (
            b.candidate.first_free is None
        ):
            assert a.score >= b.score
    assert rank_mediators(list(reversed(cs)), FAMILY, DAY, language) == ranked  # deterministic


@given(candidates, st.integers(0, 4))
def test_more_sessions_never_raise_the_score(c, extra) -> None:  # type: ignore[no-untyped-def]
    busier = Candidate(**{**c.__dict__, "sessions_that_day": c.sessions_that_day + extra})
    (a,) = rank_mediators([c], FAMILY, DAY)
    (b,) = rank_mediators([busier], FAMILY, DAY)
    assert b.score <= a.score


@given(candidates)
def test_learning_the_skill_never_lowers_the_rank(c) -> None:  # type: ignore[no-untyped-def]
    skilled = Candidate(**{**c.__dict__, "skills": c.skills | {FAMILY}})
    (a,) = rank_mediators([c], FAMILY, DAY)
    (b,) = rank_mediators([skilled], FAMILY, DAY)
    assert b.score >= a.score


# ------------------------------------------------------------------ free slots


def test_free_starts_skip_bookings_and_stay_inside_the_window() -> None:
    starts = free_starts([(at(9), at(12))], [(at(10), at(11))], L, Q, at(8))
    assert starts == []  # 90 minutes fit neither 9-10 nor 11-12
    starts = free_starts([(at(9), at(12))], [(at(9), at(10))], timedelta(hours=1), Q, at(8))
    assert starts == [at(10), at(10, 15), at(10, 30), at(10, 45), at(11)]


def test_free_starts_not_before_now_rounded_to_the_grain() -> None:
    assert free_starts([(at(9), at(12))], [], L, Q, at(10, 2))[0] == at(10, 15)
    assert align_up(at(10, 15), Q) == at(10, 15)


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=5),
    st.integers(2, 8),
    st.integers(0, 60),
)
def test_free_starts_never_overlap_a_booking(busy_q, length_q, now_q) -> None:  # type: ignore[no-untyped-def]
    base = at(8)
    busy = [(base + s * Q, base + (s + n) * Q) for s, n in busy_q]
    length = length_q * Q
    window = (at(9), at(17, 30))
    for start in free_starts([window], busy, length, Q, base + now_q * Q):
        assert window[0] <= start and start + length <= window[1]
        assert start >= base + now_q * Q
        assert (start - base) % Q == timedelta(0)
        assert all(not (b0 < start + length and start < b1) for b0, b1 in busy)
