"""Pure rules of a mediation's end: outcome -> case status, deadline state, windows."""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stationdesk.domain.enums import CaseStatus, MediationOutcome, ReferralTarget, SessionStatus
from stationdesk.domain.mediation_outcome import (
    DeadlineState,
    OutcomeError,
    case_status_after,
    check_follow_up_days,
    check_outcome,
    check_period,
    check_windows,
    deadline_state,
)
from stationdesk.domain.workflow import can_transition

NOW = datetime(2026, 11, 28, 15, 0)


@given(
    outcome=st.sampled_from(MediationOutcome),
    referral=st.none() | st.sampled_from(ReferralTarget),
    case_status=st.sampled_from(CaseStatus),
)
def test_an_accepted_outcome_is_always_an_allowed_case_transition(
    outcome: MediationOutcome, referral: ReferralTarget | None, case_status: CaseStatus
) -> None:
    try:
        target = check_outcome(
            session_status=SessionStatus.BOOKED, session_starts_at=NOW - timedelta(hours=1),
            recorded=None, case_status=case_status, outcome=outcome, terms="条款",
            referral=referral, now=NOW,
        )  # fmt: skip
    except OutcomeError as exc:
        assert exc.code in ("referral_required", "referral_not_allowed", "case_status")
        return
    if target is None:
        assert outcome == MediationOutcome.PARTIAL and case_status.is_open
    else:
        assert can_transition(case_status, target)
        assert target == case_status_after(outcome, referral)


def test_agreement_resolves_no_agreement_refers_partial_stays() -> None:
    assert case_status_after(MediationOutcome.AGREEMENT, None) == CaseStatus.RESOLVED
    assert case_status_after(MediationOutcome.NO_AGREEMENT, ReferralTarget.COURT) == (
        CaseStatus.REFERRED
    )
    assert case_status_after(MediationOutcome.PARTIAL, None) is None
    assert case_status_after(MediationOutcome.PARTIAL, ReferralTarget.COURT) == CaseStatus.REFERRED


@given(st.integers(min_value=-100_000, max_value=100_000), st.integers(min_value=0, max_value=30))
def test_deadline_state_is_ordered_in_time(minutes: int, warning_days: int) -> None:
    deadline = NOW + timedelta(minutes=minutes)
    state = deadline_state(deadline, NOW, warning_days)
    if minutes <= 0:
        assert state == DeadlineState.PASSED
    elif minutes <= warning_days * 1440:
        assert state == DeadlineState.WARNING
    else:
        assert state == DeadlineState.OK


windows = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=6),
        st.integers(min_value=0, max_value=46),
        st.integers(min_value=1, max_value=8),
    ),
    max_size=8,
)


@given(windows)
def test_accepted_windows_never_overlap(raw: list[tuple[int, int, int]]) -> None:
    pattern = [
        (d, time(s // 2, 30 * (s % 2)), time(min(s + n, 47) // 2, 30 * (min(s + n, 47) % 2)))
        for d, s, n in raw
    ]
    try:
        checked = check_windows(pattern)
    except ValueError:
        return
    for a, b in itertools.pairwise(checked):
        assert a[0] != b[0] or a[2] <= b[1]


def test_settings_are_checked() -> None:
    assert check_follow_up_days([30, 7, 7]) == (7, 30)
    for bad in ([], [0], [400], [True]):
        with pytest.raises(ValueError):
            check_follow_up_days(bad)  # type: ignore[arg-type]
    check_period(30, 5)
    for period, warning in ((0, 0), (30, 30), (30, -1)):
        with pytest.raises(ValueError):
            check_period(period, warning)
