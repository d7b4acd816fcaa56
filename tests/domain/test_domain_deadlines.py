"""Deadlines, overdue flags, follow-ups and repeat reports."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from stationdesk.domain.deadlines import (
    DEFAULT_FOLLOW_UP_DAYS,
    DEFAULT_POLICY,
    REPEAT_WINDOW_DAYS,
    DeadlinePolicy,
    DueState,
    current_due,
    due_times,
    follow_up_dates,
    is_overdue,
    is_repeat,
    overdue_state,
)
from stationdesk.domain.enums import CaseCategory, CaseStatus, Priority

REPORTED = datetime(2024, 2, 9, 22, 40)  # Spring Festival eve: deadlines do not pause


@pytest.mark.parametrize(
    ("priority", "first", "resolution"),
    [
        (Priority.URGENT, timedelta(minutes=15), timedelta(hours=24)),
        (Priority.HIGH, timedelta(hours=1), timedelta(days=3)),
        (Priority.NORMAL, timedelta(hours=4), timedelta(days=7)),
        (Priority.LOW, timedelta(hours=24), timedelta(days=15)),
    ],
)
def test_default_deadlines_per_priority(
    priority: Priority, first: timedelta, resolution: timedelta
) -> None:
    assert due_times(REPORTED, priority, CaseCategory.THEFT) == (
        REPORTED + first,
        REPORTED + resolution,
    )
    assert due_times(REPORTED, priority) == (REPORTED + first, REPORTED + resolution)


def test_category_override_replaces_only_that_categorys_resolution_time() -> None:
    policy = DeadlinePolicy(category_resolution={CaseCategory.DISPUTE_LABOUR: timedelta(days=30)})
    first, resolution = due_times(REPORTED, Priority.NORMAL, CaseCategory.DISPUTE_LABOUR, policy)
    assert first == REPORTED + timedelta(hours=4)  # first response unchanged
    assert resolution == REPORTED + timedelta(days=30)
    _, other = due_times(REPORTED, Priority.NORMAL, CaseCategory.DISPUTE_FAMILY, policy)
    assert other == REPORTED + timedelta(days=7)


def test_default_policy_has_no_category_overrides() -> None:
    for category in CaseCategory:
        assert due_times(REPORTED, Priority.LOW, category)[1] == REPORTED + timedelta(days=15)


def test_policy_rejects_incomplete_or_non_positive_tables() -> None:
    with pytest.raises(ValueError):
        DeadlinePolicy(first_response={Priority.URGENT: timedelta(minutes=5)})
    with pytest.raises(ValueError):
        DeadlinePolicy(resolution={**DEFAULT_POLICY.resolution, Priority.LOW: timedelta(0)})
    with pytest.raises(ValueError):
        DeadlinePolicy(category_resolution={CaseCategory.FRAUD: timedelta(days=-1)})


def test_policy_does_not_change_when_the_callers_dict_does() -> None:
    overrides = {CaseCategory.FRAUD: timedelta(days=20)}
    policy = DeadlinePolicy(category_resolution=overrides)
    overrides[CaseCategory.FRAUD] = timedelta(days=1)
    assert policy.category_resolution[CaseCategory.FRAUD] == timedelta(days=20)
    with pytest.raises(TypeError):
        policy.category_resolution[CaseCategory.FRAUD] = timedelta(days=2)  # type: ignore[index]


def test_policies_compare_by_value() -> None:
    same = DeadlinePolicy(category_resolution={CaseCategory.FRAUD: timedelta(days=20)})
    assert same == DeadlinePolicy(category_resolution={CaseCategory.FRAUD: timedelta(days=20)})
    assert same != DEFAULT_POLICY
    assert hash(same) == hash(DEFAULT_POLICY)  # hashable, so usable as a cache key


# --- overdue --------------------------------------------------------------------------


def test_open_case_past_its_due_time_is_overdue() -> None:
    due = REPORTED + timedelta(hours=4)
    assert not is_overdue(CaseStatus.IN_PROGRESS, due, due)  # exactly on time
    assert is_overdue(CaseStatus.IN_PROGRESS, due, due + timedelta(seconds=1))
    assert is_overdue(CaseStatus.NEW, due, due + timedelta(days=1))


@pytest.mark.parametrize("status", [CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.REFERRED])
def test_finished_cases_are_never_overdue(status: CaseStatus) -> None:
    due = REPORTED + timedelta(hours=4)
    assert not is_overdue(status, due, due + timedelta(days=100))
    assert overdue_state(status, REPORTED, due, due + timedelta(days=100)) == DueState.OK


def test_no_deadline_is_never_overdue() -> None:
    assert not is_overdue(CaseStatus.NEW, None, REPORTED)
    assert overdue_state(CaseStatus.NEW, REPORTED, None, REPORTED) == DueState.OK


def test_week_long_case_is_due_soon_in_its_last_fifth() -> None:
    _, due = due_times(REPORTED, Priority.NORMAL)  # 7 days: last 20% is 33.6 h
    s = CaseStatus.IN_MEDIATION
    assert overdue_state(s, REPORTED, due, REPORTED + timedelta(days=5)) == DueState.OK
    assert overdue_state(s, REPORTED, due, due - timedelta(hours=34)) == DueState.OK
    assert overdue_state(s, REPORTED, due, due - timedelta(hours=33)) == DueState.DUE_SOON
    assert overdue_state(s, REPORTED, due, due) == DueState.DUE_SOON
    assert overdue_state(s, REPORTED, due, due + timedelta(minutes=1)) == DueState.OVERDUE


def test_short_windows_warn_at_least_an_hour_ahead() -> None:
    first, _ = due_times(REPORTED, Priority.URGENT)  # 15 minutes
    assert overdue_state(CaseStatus.NEW, REPORTED, first, REPORTED) == DueState.DUE_SOON
    first, _ = due_times(REPORTED, Priority.NORMAL)  # 4 hours: 20% is 48 min < 1 h
    assert overdue_state(CaseStatus.NEW, REPORTED, first, first - timedelta(minutes=61)) == "ok"
    assert overdue_state(CaseStatus.NEW, REPORTED, first, first - timedelta(minutes=59)) == (
        "due_soon"
    )


def test_current_due_follows_the_case_through_its_life() -> None:
    first, resolution = due_times(REPORTED, Priority.HIGH)
    assert current_due(CaseStatus.NEW, first, resolution) == first
    assert current_due(CaseStatus.ASSIGNED, first, resolution) == resolution
    assert current_due(CaseStatus.ESCALATED, first, resolution) == resolution
    assert current_due(CaseStatus.RESOLVED, first, resolution) is None
    assert current_due(CaseStatus.REFERRED, first, resolution) is None


# --- follow-ups and repeats ----------------------------------------------------------


def test_follow_up_visits_a_week_and_a_month_after_agreement() -> None:
    assert DEFAULT_FOLLOW_UP_DAYS == (7, 30)
    assert follow_up_dates(date(2024, 1, 31)) == (date(2024, 2, 7), date(2024, 3, 1))


def test_follow_up_days_are_sorted_and_deduplicated() -> None:
    assert follow_up_dates(date(2024, 12, 30), [30, 3, 3]) == (date(2025, 1, 2), date(2025, 1, 29))
    assert follow_up_dates(date(2024, 12, 30), []) == ()
    with pytest.raises(ValueError):
        follow_up_dates(date(2024, 12, 30), [0, 7])


def test_report_within_90_days_of_an_earlier_one_is_a_repeat() -> None:
    now = datetime(2024, 6, 1, 10, 0)
    assert REPEAT_WINDOW_DAYS == 90
    assert is_repeat([now - timedelta(days=90)], now)  # boundary included
    assert is_repeat([now - timedelta(days=400), now - timedelta(days=3)], now)
    assert not is_repeat([now - timedelta(days=90, seconds=1)], now)
    assert not is_repeat([], now)
    assert not is_repeat([now + timedelta(hours=1)], now)  # not an earlier report
    assert is_repeat(iter([now - timedelta(days=20)]), now, window_days=30)
    assert not is_repeat([now - timedelta(days=20)], now, window_days=14)
