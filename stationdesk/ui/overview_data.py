"""What the overview's charts show, read in one background job (no Qt widgets, no pyqtgraph).

Shared by the overview (stationdesk.ui.views.overview) and the wall-board
(stationdesk.ui.wallboard), which draw the same figures at different sizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP

from stationdesk.data import dashboard, overview_queries
from stationdesk.data.database import Database
from stationdesk.data.overview_queries import MediatorDay, WeekOutcomes
from stationdesk.domain.enums import DISPUTE_CATEGORIES, CaseCategory, CaseStatus

HOURS = 24
TREND_DAYS = 30
AGREEMENT_WEEKS = 12

# Twelve categories are too many colours for one glance: five groups, in the order
# they are stacked (bottom first).
# (QT_TRANSLATE_NOOP returns its text; PySide6's stub says "object".)
CATEGORY_GROUPS: tuple[tuple[str, tuple[CaseCategory, ...]], ...] = (  # type: ignore[assignment]
    (QT_TRANSLATE_NOOP("OverviewView", "Disputes"), DISPUTE_CATEGORIES),
    (QT_TRANSLATE_NOOP("OverviewView", "Assistance"), (CaseCategory.ASSISTANCE,)),
    (QT_TRANSLATE_NOOP("OverviewView", "Theft & fraud"), (CaseCategory.THEFT, CaseCategory.FRAUD)),
    (QT_TRANSLATE_NOOP("OverviewView", "Drugs"), (CaseCategory.DRUGS,)),
    (
        QT_TRANSLATE_NOOP("OverviewView", "Conflicts & public security"),
        (CaseCategory.CONFLICT, CaseCategory.PUBLIC_SECURITY),
    ),
)

# What the charts are computed from (change-feed table names).
CHART_TABLES = frozenset(
    {
        "case_file",
        "grid",
        "patrol_shift",
        "patrol_grid",
        "mediator",
        "mediator_availability",
        "mediator_exception",
        "mediation_session",
        "session_mediator",
    }
)


@dataclass(frozen=True)
class ChartData:
    """Everything the charts show, read in one background job."""

    at: datetime
    hour_starts: tuple[datetime, ...]
    per_hour: dict[CaseCategory, list[int]]
    by_status: dict[CaseStatus, int]
    by_grid: list[tuple[int, str, int]]
    trend: list[tuple[date, int]]
    coverage: list[tuple[int, str, float]]
    mediators: list[MediatorDay]
    agreement: list[WeekOutcomes]

    def grouped_per_hour(self) -> list[list[int]]:
        """Cases per hour summed into :data:`CATEGORY_GROUPS` (one row per group)."""
        rows = []
        for _name, members in CATEGORY_GROUPS:
            rows.append([sum(self.per_hour[c][i] for c in members) for i in range(HOURS)])
        return rows


def load_chart_data(db: Database, at: datetime) -> ChartData:
    start = (at - timedelta(hours=HOURS - 1)).replace(minute=0, second=0, microsecond=0)
    return ChartData(
        at=at,
        hour_starts=tuple(start + timedelta(hours=i) for i in range(HOURS)),
        per_hour=dashboard.cases_per_hour(db, at, HOURS),
        by_status=dashboard.open_by_status(db),
        by_grid=dashboard.open_by_grid(db),
        trend=overview_queries.overdue_trend_to_now(db, at, TREND_DAYS),
        coverage=overview_queries.patrol_coverage(db, at.date()),
        mediators=overview_queries.mediator_timeline(db, at.date()),
        agreement=overview_queries.agreement_rate_by_week(db, at, AGREEMENT_WEEKS),
    )
