"""Community work (社区工作): grids and their officers, household visits against
targets, "Five Prevention" outreach, and resident volunteers.

Each tab loads on the database worker on its own and only while it is the tab shown;
a change event marks the tabs it concerns stale. The period picker at the top applies
to visits, outreach and volunteer hours; it follows the station's target period.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from stationdesk.data.uow import Change
from stationdesk.domain.community import Period, PeriodKind
from stationdesk.ui.community_common import PeriodBar
from stationdesk.ui.community_grids import GridsTab
from stationdesk.ui.community_outreach import OutreachTab
from stationdesk.ui.community_visits import VisitsTab
from stationdesk.ui.community_volunteers import VolunteersTab
from stationdesk.ui.context import AppContext

MINUTE_MS = 60_000


class CommunityView(QWidget):
    """Tabs: Grids, Visits, Outreach, Volunteers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period_bar = PeriodBar(ctx.clock().date())
        self.period_bar.changed.connect(self._period_changed)
        period = self.period
        self.grids_tab = GridsTab(ctx)
        self.visits_tab = VisitsTab(ctx, period)
        self.outreach_tab = OutreachTab(ctx, period)
        self.volunteers_tab = VolunteersTab(ctx, period)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.grids_tab, self.tr("Grids"))
        self.tabs.addTab(self.visits_tab, self.tr("Household visits"))
        self.tabs.addTab(self.outreach_tab, self.tr("Outreach"))
        self.tabs.addTab(self.volunteers_tab, self.tr("Volunteers"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.setCornerWidget(self.period_bar, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.tabs, 1)
        # The visits load also tells which period kind the station counts targets in.
        self.visits_tab.targets_loaded.connect(self._follow_target_period)
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(lambda: self.period_bar.set_today(ctx.clock().date()))
        self._minute.start()
        self._shown = False
        self._tab_changed(0)

    def period(self) -> Period:
        return self.period_bar.period

    @property
    def _all(self) -> tuple[GridsTab | VisitsTab | OutreachTab | VolunteersTab, ...]:
        return (self.grids_tab, self.visits_tab, self.outreach_tab, self.volunteers_tab)

    # ---------------------------------------------------------- main window hooks

    def refresh(self) -> None:
        for tab in self._all:
            tab.load.load_now()

    def apply_changes(self, changes: list[Change]) -> None:
        for tab in self._all:
            tab.apply_changes(changes)

    def set_online(self, online: bool) -> None:
        for tab in self._all:
            tab.set_online(online)

    # ---------------------------------------------------------------- internals

    def _period_changed(self, _period: Period) -> None:
        for tab in (self.visits_tab, self.outreach_tab, self.volunteers_tab):
            tab.load.load_now()

    def _follow_target_period(self, kind: PeriodKind) -> None:
        if self.period_bar.is_current:
            self.period_bar.set_kind(kind)

    def _tab_changed(self, index: int) -> None:
        # Only the shown tab reloads on changes; the others catch up when shown.
        for i, tab in enumerate(self._all):
            tab.load.hold(not self._shown or i != index)
        self.period_bar.setVisible(self.tabs.widget(index) is not self.grids_tab)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = True
        self._tab_changed(self.tabs.currentIndex())

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown = False
        self._tab_changed(self.tabs.currentIndex())
