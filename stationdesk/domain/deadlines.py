"""Response and resolution deadlines, overdue state, follow-ups and repeat reports.

Deadlines run in calendar time, not working days: the station answers around the
clock, and a 15-day dispute deadline does not stop for a weekend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar

from stationdesk.domain.enums import CaseCategory, CaseStatus, Priority

__all__ = [
    "DEFAULT_FOLLOW_UP_DAYS",
    "DEFAULT_POLICY",
    "DUE_SOON_FRACTION",
    "DUE_SOON_MINIMUM",
    "REPEAT_WINDOW_DAYS",
    "DeadlinePolicy",
    "DueState",
    "current_due",
    "due_times",
    "follow_up_dates",
    "is_overdue",
    "is_repeat",
    "overdue_state",
]

_P = Priority
K = TypeVar("K")

DEFAULT_FIRST_RESPONSE: Mapping[Priority, timedelta] = MappingProxyType(
    {
        _P.URGENT: timedelta(minutes=15),
        _P.HIGH: timedelta(hours=1),
        _P.NORMAL: timedelta(hours=4),
        _P.LOW: timedelta(hours=24),
    }
)
DEFAULT_RESOLUTION: Mapping[Priority, timedelta] = MappingProxyType(
    {
        _P.URGENT: timedelta(hours=24),
        _P.HIGH: timedelta(days=3),
        _P.NORMAL: timedelta(days=7),
        _P.LOW: timedelta(days=15),
    }
)

# A case is "due soon" once it is in the last 20% of its time, or in its last hour,
# whichever starts earlier: an urgent 15-minute response is due soon from the start,
# a 7-day case about a day and a half before its deadline.
DUE_SOON_FRACTION = 0.2
DUE_SOON_MINIMUM = timedelta(hours=1)

# Follow-up visits after a mediation agreement, in days after it was reached.
DEFAULT_FOLLOW_UP_DAYS: tuple[int, ...] = (7, 30)
# A report is a repeat if the same parties or address reported within this many days.
REPEAT_WINDOW_DAYS = 90


class DueState(StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def _frozen(mapping: Mapping[K, timedelta]) -> Mapping[K, timedelta]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class DeadlinePolicy:
    """How long the station allows for a first response and for resolution.

    `category_resolution` replaces the priority's resolution time for a category
    (e.g. a longer time for labour disputes that need several mediation sessions).
    """

    # Not hashed (mappings cannot be), but compared: equal policies are equal.
    first_response: Mapping[Priority, timedelta] = field(
        default_factory=lambda: DEFAULT_FIRST_RESPONSE, hash=False
    )
    resolution: Mapping[Priority, timedelta] = field(
        default_factory=lambda: DEFAULT_RESOLUTION, hash=False
    )
    category_resolution: Mapping[CaseCategory, timedelta] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("first_response", "resolution"):
            table: Mapping[Priority, timedelta] = getattr(self, name)
            missing = set(Priority) - set(table)
            if missing:
                raise ValueError(f"{name} has no time for {sorted(missing)}")
        for name in ("first_response", "resolution", "category_resolution"):
            table = getattr(self, name)
            if any(t <= timedelta(0) for t in table.values()):
                raise ValueError(f"{name} times must be positive")
            # Copy into a read-only view so a caller's dict changed later cannot
            # silently change the policy of a frozen object.
            object.__setattr__(self, name, _frozen(table))

    def resolution_time(self, priority: Priority, category: CaseCategory | None) -> timedelta:
        if category is not None and category in self.category_resolution:
            return self.category_resolution[category]
        return self.resolution[priority]


DEFAULT_POLICY = DeadlinePolicy()


def due_times(
    reported_at: datetime,
    priority: Priority,
    category: CaseCategory | None = None,
    policy: DeadlinePolicy = DEFAULT_POLICY,
) -> tuple[datetime, datetime]:
    """(first response due, resolution due) for a case reported at `reported_at`."""
    return (
        reported_at + policy.first_response[priority],
        reported_at + policy.resolution_time(priority, category),
    )


def current_due(
    status: CaseStatus, first_response_due: datetime, resolution_due: datetime
) -> datetime | None:
    """The deadline that matters now: first response while NEW, resolution while open
    otherwise, none once resolved, referred or closed."""
    if not status.is_open:
        return None
    if status == CaseStatus.NEW:
        # min() so that an odd policy with a shorter resolution time is still honoured.
        return min(first_response_due, resolution_due)
    return resolution_due


def is_overdue(status: CaseStatus, due: datetime | None, now: datetime) -> bool:
    """True when an open case is past `due`; finished cases are never overdue."""
    return status.is_open and due is not None and now > due


def overdue_state(
    status: CaseStatus, started_at: datetime, due: datetime | None, now: datetime
) -> DueState:
    """OK, DUE_SOON or OVERDUE for an open case whose clock started at `started_at`.

    DUE_SOON once the time left is at most 20% of the window or one hour, whichever
    is longer (`DUE_SOON_FRACTION`, `DUE_SOON_MINIMUM`).  Finished cases are always OK.
    """
    if not status.is_open or due is None:
        return DueState.OK
    if now > due:
        return DueState.OVERDUE
    window = max(due - started_at, timedelta(0))
    warn_before = max(window * DUE_SOON_FRACTION, DUE_SOON_MINIMUM)
    return DueState.DUE_SOON if due - now <= warn_before else DueState.OK


def follow_up_dates(
    agreed_on: date, days: Iterable[int] = DEFAULT_FOLLOW_UP_DAYS
) -> tuple[date, ...]:
    """Dates of the follow-up visits after an agreement, earliest first, no duplicates."""
    offsets = sorted(set(days))
    if any(n <= 0 for n in offsets):
        raise ValueError("follow-up days must be positive")
    return tuple(agreed_on + timedelta(days=n) for n in offsets)


def is_repeat(
    previous_reported: Iterable[datetime], now: datetime, window_days: int = REPEAT_WINDOW_DAYS
) -> bool:
    """True if any earlier report falls within the last `window_days` days (inclusive).

    Reports timed after `now` are ignored: they cannot be earlier reports.
    """
    since = now - timedelta(days=window_days)
    return any(since <= at <= now for at in previous_reported)
