"""Helpers shared by the security tests (imported as ``security_support``)."""

from __future__ import annotations

from datetime import datetime

from stationdesk.data import cases
from stationdesk.domain.enums import CaseCategory, CaseSource, PartyRole, Priority

REPORTED = datetime(2026, 11, 27, 8, 0)
RESIDENT_ID = "110101199003071234"
PHONE = "13800138000"


def draft(summary: str = "邻里噪音纠纷") -> cases.CaseDraft:
    """A walk-in neighbour dispute with one complainant (full resident ID and phone)."""
    return cases.CaseDraft(
        category=CaseCategory.DISPUTE_NEIGHBOUR,
        source=CaseSource.WALK_IN,
        priority=Priority.NORMAL,
        reported_at=REPORTED,
        grid_id=None,
        address="幸福路12号",
        summary=summary,
        parties=(cases.PartyInfo("张三", PartyRole.COMPLAINANT, RESIDENT_ID, PHONE),),
    )
