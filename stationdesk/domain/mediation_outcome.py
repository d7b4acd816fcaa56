"""Rules for the end of a mediation: outcomes, the case status they lead to, the
mediation period and its warning, follow-up visits, and weekly working windows.

Pure functions (no database, no Qt); ``data/mediation_outcome.py`` applies them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from stationdesk.domain import workflow
from stationdesk.domain.enums import (
    CaseStatus,
    MediationOutcome,
    ReferralTarget,
    SessionStatus,
)

__all__ = [
    "DEFAULT_PERIOD_DAYS",
    "DEFAULT_WARNING_DAYS",
    "DeadlineState",
    "OutcomeError",
    "case_status_after",
    "check_follow_up_days",
    "check_outcome",
    "check_period",
    "check_windows",
    "deadline_state",
    "follow_up_overdue",
    "mediation_deadline",
]

# A dispute in mediation should be settled (or handed on) within this period.
DEFAULT_PERIOD_DAYS = 30
# Officers are warned this many days before the period runs out.
DEFAULT_WARNING_DAYS = 5
MAX_PERIOD_DAYS = 365
MAX_FOLLOW_UP_DAYS = 365


class OutcomeError(ValueError):
    """An outcome the rules refuse; ``code`` says which rule (the UI words it).

    Codes: ``cancelled`` (the session was cancelled), ``recorded`` (it already has an
    outcome), ``not_started`` (it has not begun yet), ``terms_required`` (an agreement
    without terms), ``referral_required`` (no agreement and nowhere to refer the case),
    ``referral_not_allowed`` (a full agreement is not referred), ``case_status`` (the
    case cannot move to the status the outcome leads to, e.g. it is already closed).
    """

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}" if detail else code)


def case_status_after(
    outcome: MediationOutcome, referral: ReferralTarget | None
) -> CaseStatus | None:
    """The status the case moves to (None: it stays where it is, in mediation).

    An agreement resolves the case; no agreement refers it on; a partial agreement
    keeps it in mediation for another session, unless what is left is referred.
    """
    if outcome == MediationOutcome.AGREEMENT:
        return CaseStatus.RESOLVED
    if outcome == MediationOutcome.NO_AGREEMENT or referral is not None:
        return CaseStatus.REFERRED
    return None


def check_outcome(
    *,
    session_status: SessionStatus,
    session_starts_at: datetime,
    recorded: MediationOutcome | None,
    case_status: CaseStatus,
    outcome: MediationOutcome,
    terms: str,
    referral: ReferralTarget | None,
    now: datetime,
) -> CaseStatus | None:
    """Raise OutcomeError unless ``outcome`` may be recorded; return the case's next status."""
    if session_status == SessionStatus.CANCELLED:
        raise OutcomeError("cancelled")
    if recorded is not None:
        raise OutcomeError("recorded", recorded.value)
    if session_starts_at > now:
        raise OutcomeError("not_started", session_starts_at.isoformat(sep=" "))
    if outcome in (MediationOutcome.AGREEMENT, MediationOutcome.PARTIAL) and not terms.strip():
        raise OutcomeError("terms_required")
    if outcome == MediationOutcome.NO_AGREEMENT and referral is None:
        raise OutcomeError("referral_required")
    if outcome == MediationOutcome.AGREEMENT and referral is not None:
        raise OutcomeError("referral_not_allowed")
    target = case_status_after(outcome, referral)
    if target is None:
        if not case_status.is_open:
            raise OutcomeError("case_status", f"{case_status.value} -> {case_status.value}")
        return None
    if not workflow.can_transition(case_status, target):
        raise OutcomeError("case_status", f"{case_status.value} -> {target.value}")
    return target


# ------------------------------------------------------------------ period and warning


class DeadlineState(StrEnum):
    OK = "ok"
    WARNING = "warning"  # within the warning window
    PASSED = "passed"


def check_period(period_days: int, warning_days: int) -> None:
    """ValueError unless the mediation period and its warning make sense."""
    for value in (period_days, warning_days):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("days must be whole numbers")
    if not 1 <= period_days <= MAX_PERIOD_DAYS:
        raise ValueError(f"the mediation period must be 1 to {MAX_PERIOD_DAYS} days")
    if not 0 <= warning_days < period_days:
        raise ValueError("the warning must come before the period ends")


def mediation_deadline(entered_at: datetime, period_days: int) -> datetime:
    """When the mediation period of a case that entered mediation at ``entered_at`` ends."""
    return entered_at + timedelta(days=period_days)


def deadline_state(deadline: datetime, now: datetime, warning_days: int) -> DeadlineState:
    if deadline <= now:
        return DeadlineState.PASSED
    if deadline - now <= timedelta(days=warning_days):
        return DeadlineState.WARNING
    return DeadlineState.OK


# ------------------------------------------------------------------ follow-ups


def check_follow_up_days(days: Sequence[int]) -> tuple[int, ...]:
    """The follow-up offsets sorted without duplicates; ValueError if unusable."""
    if not days:
        raise ValueError("at least one follow-up visit is needed")
    for n in days:
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX_FOLLOW_UP_DAYS:
            raise ValueError(f"follow-up days must be whole numbers from 1 to {MAX_FOLLOW_UP_DAYS}")
    return tuple(sorted(set(days)))


def follow_up_overdue(due_on: date, done_at: datetime | None, today: date) -> bool:
    """A follow-up not done by the end of its day is overdue."""
    return done_at is None and due_on < today


# ------------------------------------------------------------------ weekly windows


def check_windows(windows: Iterable[tuple[int, time, time]]) -> list[tuple[int, time, time]]:
    """A weekly pattern (weekday 0 = Monday, start, end), sorted; ValueError when a
    window is empty or backwards, or two windows of one day overlap."""
    out = sorted(windows)
    for weekday, start, end in out:
        if not 0 <= weekday <= 6:
            raise ValueError(f"weekday {weekday} is not 0 (Monday) to 6 (Sunday)")
        if end <= start:
            raise ValueError(f"a window must end after it starts ({start:%H:%M}-{end:%H:%M})")
    for (d1, _s1, e1), (d2, s2, _e2) in itertools.pairwise(out):
        if d1 == d2 and s2 < e1:
            raise ValueError(f"two windows overlap on weekday {d1}")
    return out
