"""Target periods, grid flags and the checks on visits and outreach events."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stationdesk.domain.community import (
    GridFlag,
    OutreachDraft,
    PeriodKind,
    VisitDraft,
    check_outreach,
    check_target,
    check_visit,
    grid_flag,
    period_containing,
)
from stationdesk.domain.enums import OutreachTopic
from stationdesk.domain.validation import FieldError, ValidationErrors

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
kinds = st.sampled_from(list(PeriodKind))
NOW = datetime(2025, 3, 20, 15, 0)


@given(days, kinds)
def test_a_period_contains_its_day_and_its_neighbours_touch_it(day: date, kind: PeriodKind) -> None:
    p = period_containing(day, kind)
    assert p.contains(day)
    assert p.previous().end == p.start and p.next().start == p.end
    assert period_containing(p.end - timedelta(days=1), kind) == p
    length = (p.end - p.start).days
    assert {PeriodKind.WEEK: {7}, PeriodKind.MONTH: {28, 29, 30, 31},
            PeriodKind.QUARTER: {90, 91, 92}}[kind] >= {length}  # fmt: skip


@given(days, kinds)
def test_weeks_start_on_monday_months_and_quarters_on_the_first(
    day: date, kind: PeriodKind
) -> None:
    p = period_containing(day, kind)
    if kind == PeriodKind.WEEK:
        assert p.start.weekday() == 0
    else:
        assert p.start.day == 1
        assert kind != PeriodKind.QUARTER or p.start.month in (1, 4, 7, 10)


@given(days)
def test_elapsed_share_grows_through_the_period(day: date) -> None:
    p = period_containing(day, PeriodKind.MONTH)
    assert p.elapsed_share(p.start - timedelta(days=3)) == 0.0
    assert p.elapsed_share(p.end) == 1.0
    assert 0 < p.elapsed_share(day) <= 1


def test_grid_flags() -> None:
    assert grid_flag(None, False, False) == GridFlag.NO_OFFICER
    assert grid_flag(3, False, True) == GridFlag.OFFICER_INACTIVE
    assert grid_flag(3, True, True) == GridFlag.OFFICER_ON_LEAVE
    assert grid_flag(3, True, False) == GridFlag.NONE


def test_every_bad_visit_field_is_reported_at_once() -> None:
    draft = VisitDraft(None, None, NOW + timedelta(hours=1), "", "x" * 201, "看\n望", "")
    with pytest.raises(ValidationErrors) as info:
        check_visit(draft, NOW)
    assert [(e.field, e.code) for e in info.value.errors] == [
        ("grid", "required"),
        ("officer", "required"),
        ("visited_at", "future_time"),
        ("household", "required"),
        ("address", "too_long"),
    ]


def test_a_visit_is_cleaned_up() -> None:
    draft = VisitDraft(1, 2, NOW, " 张家 ", "１号楼", " 安全\n宣传 ", " ")
    clean = check_visit(draft, NOW)
    assert (clean.household, clean.address, clean.purpose, clean.notes) == (
        "张家",
        "1号楼",
        "安全 宣传",
        "",
    )


def test_outreach_attendance_must_be_a_sane_number() -> None:
    ok = OutreachDraft(OutreachTopic.FRAUD, 1, NOW, 0)
    assert check_outreach(ok, NOW) == ok
    with pytest.raises(ValidationErrors) as info:
        check_outreach(OutreachDraft(OutreachTopic.FRAUD, 1, NOW, None), NOW)
    assert info.value.errors[0].field == "attendees"


@given(st.integers(min_value=-5, max_value=20_000))
def test_targets_are_whole_numbers_in_range(n: int) -> None:
    if 0 <= n <= 10_000:
        assert check_target(n) == n
    else:
        with pytest.raises(FieldError):
            check_target(n)
    with pytest.raises(FieldError):
        check_target(True)
