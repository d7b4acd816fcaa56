"""Case status workflow: which status changes are allowed and which need a reason."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from stationdesk.domain.enums import CaseStatus

__all__ = [
    "ALLOWED_TRANSITIONS",
    "TransitionError",
    "can_transition",
    "check_transition",
    "is_reopen",
    "next_statuses",
    "reason_required",
]

_S = CaseStatus

ALLOWED_TRANSITIONS: Mapping[CaseStatus, frozenset[CaseStatus]] = MappingProxyType(
    {
        # A report can be settled on the spot, so NEW may go straight to RESOLVED;
        # mediation needs an owner first, so NEW cannot go to IN_MEDIATION.
        _S.NEW: frozenset({_S.ASSIGNED, _S.IN_PROGRESS, _S.ESCALATED, _S.REFERRED, _S.RESOLVED}),
        _S.ASSIGNED: frozenset(
            {_S.IN_PROGRESS, _S.IN_MEDIATION, _S.ESCALATED, _S.REFERRED, _S.RESOLVED}
        ),
        _S.IN_PROGRESS: frozenset({_S.IN_MEDIATION, _S.ESCALATED, _S.REFERRED, _S.RESOLVED}),
        _S.IN_MEDIATION: frozenset({_S.IN_PROGRESS, _S.RESOLVED, _S.ESCALATED, _S.REFERRED}),
        _S.ESCALATED: frozenset({_S.IN_PROGRESS, _S.RESOLVED, _S.REFERRED}),
        # Once referred the other agency owns it; the station only closes its file.
        _S.REFERRED: frozenset({_S.CLOSED}),
        _S.RESOLVED: frozenset({_S.CLOSED, _S.IN_PROGRESS}),
        _S.CLOSED: frozenset({_S.IN_PROGRESS}),
    }
)

# Order in which the next statuses are offered: the usual forward step first, then
# hand-offs, then closing; a reopen is always listed last because it is the exception.
_DISPLAY_ORDER = (
    _S.ASSIGNED,
    _S.IN_PROGRESS,
    _S.IN_MEDIATION,
    _S.RESOLVED,
    _S.ESCALATED,
    _S.REFERRED,
    _S.CLOSED,
    _S.NEW,
)

# Escalation and referral hand the case to someone else, who needs to know why.
_NEEDS_REASON = frozenset({_S.ESCALATED, _S.REFERRED})


class TransitionError(ValueError):
    """A status change that is not allowed (`code` "not_allowed") or lacks a reason
    (`code` "reason_required")."""

    def __init__(self, from_status: CaseStatus, to_status: CaseStatus, code: str) -> None:
        self.from_status = from_status
        self.to_status = to_status
        self.code = code
        super().__init__(from_status, to_status, code)

    def __str__(self) -> str:
        if self.code == "reason_required":
            return (
                f"a reason is required to change a case from {self.from_status} to {self.to_status}"
            )
        return f"a case cannot change from {self.from_status} to {self.to_status}"


def can_transition(from_status: CaseStatus, to_status: CaseStatus) -> bool:
    return to_status in ALLOWED_TRANSITIONS[from_status]


def is_reopen(from_status: CaseStatus, to_status: CaseStatus) -> bool:
    """True when a resolved or closed case goes back to being worked on."""
    return from_status in (_S.RESOLVED, _S.CLOSED) and to_status.is_open


def reason_required(from_status: CaseStatus, to_status: CaseStatus) -> bool:
    return to_status in _NEEDS_REASON or is_reopen(from_status, to_status)


def check_transition(
    from_status: CaseStatus, to_status: CaseStatus, reason: str | None = None
) -> str | None:
    """Raise `TransitionError` unless the change is allowed; return the stripped reason.

    A blank reason counts as none, so a reason field holding only spaces is refused.
    """
    if not can_transition(from_status, to_status):
        raise TransitionError(from_status, to_status, "not_allowed")
    cleaned = reason.strip() if reason else ""
    if not cleaned and reason_required(from_status, to_status):
        raise TransitionError(from_status, to_status, "reason_required")
    return cleaned or None


def next_statuses(from_status: CaseStatus) -> tuple[CaseStatus, ...]:
    """The statuses a case may move to, in the order a status menu should list them."""
    allowed = ALLOWED_TRANSITIONS[from_status]
    return tuple(
        sorted(allowed, key=lambda s: (is_reopen(from_status, s), _DISPLAY_ORDER.index(s)))
    )
