"""The alert panel (a dock) and the notice that pops up in the window for a new alert.

Alerts come from ``stationdesk.data.alerts`` on the database worker: after changes to
the tables they depend on (coalesced) and once a minute (time alone makes a case
overdue or a mediation imminent). An alert stays listed until someone acknowledges it;
the acknowledgement is written through the unit of work (audited), and the change feed
carries it to every other workstation, whose panels then drop it.

A sound is optional and off by default (``alerts/sound`` in the settings).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import alerts
from stationdesk.data.alerts import ALERT_TABLES, Alert
from stationdesk.data.uow import Change
from stationdesk.domain.enums import AlertKind
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_datetime, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner

MINUTE_MS = 60_000
NOTICE_MS = 10_000
FIRST_LOAD_DELAY_MS = 1_500  # after start-up, before the first alert scan
DOCK_WIDTH = 250
SETTINGS_SOUND = "alerts/sound"

# Okabe & Ito colours, one per kind (a marker before each line; the text says the kind).
KIND_COLOURS = {
    AlertKind.UNASSIGNED_HIGH: "#D55E00",
    AlertKind.MISSED_CHECKIN: "#CC79A7",
    AlertKind.MEDIATION_SOON: "#0072B2",
    AlertKind.MEDIATION_DEADLINE: "#E69F00",
    AlertKind.OVERDUE_CASE: "#c62828",
}


def sound_enabled() -> bool:
    from stationdesk.ui.app import app_settings

    return str(app_settings().value(SETTINGS_SOUND, "false")).lower() in ("true", "1")


def set_sound_enabled(on: bool) -> None:
    from stationdesk.ui.app import app_settings

    app_settings().setValue(SETTINGS_SOUND, "true" if on else "false")


class AlertNotice(QFrame):
    """A non-modal notice at the window's lower right corner; goes away by itself."""

    show_alerts = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("alertNotice")
        self.setStyleSheet(
            "QFrame#alertNotice { background: #fff4e5; border: 2px solid #D55E00;"
            " border-radius: 6px; }"
            # The face stays light in the dark look: its text is dark with it.
            " QFrame#alertNotice QLabel { color: #202124; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Show alerts"))
        self.open_button.clicked.connect(self._open)
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setFixedWidth(380)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def announce(self, text: str) -> None:
        self.text.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _open(self) -> None:
        self.hide()
        self.show_alerts.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            margin = 16
            bottom = parent.height() - margin
            if isinstance(parent, QMainWindow) and parent.statusBar().isVisible():
                bottom -= parent.statusBar().height()
            self.move(parent.width() - self.width() - margin, bottom - self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False


class AlertsPanel(QDockWidget):
    """Active alerts, most pressing first, each until someone acknowledges it."""

    # An alert's subject was double-clicked: (kind, object table, object id, case id or 0).
    open_alert = Signal(object)  # Alert
    new_alerts = Signal(list)  # list[Alert] not seen before

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        beep: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alertsDock")
        self.setWindowTitle(self.tr("Alerts"))
        self.ctx = ctx
        self.alerts: list[Alert] = []
        self._seen: set[str] | None = None  # None until the first load (no fanfare then)
        self._beep = beep or QApplication.beep

        self.list = QListWidget()
        self.list.setObjectName("alertList")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No alerts."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.set_status(self.empty, "muted")
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setToolTip(self.tr("Acknowledge the selected alerts on every workstation"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.ack_all_button = QPushButton(self.tr("Acknowledge all"))
        self.ack_all_button.clicked.connect(self.acknowledge_all)
        self.sound = QCheckBox(self.tr("Sound"))
        self.sound.setToolTip(self.tr("Beep when a new alert comes in"))
        self.sound.setChecked(sound_enabled())
        self.sound.toggled.connect(set_sound_enabled)
        # Acknowledged through resilience.save: once, not at all, or unknown until the
        # connection is back -- this line says which (hidden otherwise).
        self.message = QLabel()
        self.message.setObjectName("alertsMessage")
        self.message.setWordWrap(True)
        theme.set_status(self.message, "warning")
        self.message.hide()
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.runner.notice.connect(self._runner_notice)
        # The sound switch on a row of its own keeps the dock narrow.
        buttons = QHBoxLayout()
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.ack_all_button)
        buttons.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.sound)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.setMinimumWidth(280)

        self._load: CoalescedLoad[list[Alert]] = CoalescedLoad(
            ctx.worker, self._job, self._show, "alerts", self
        )
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._load.request)
        self._minute.start()
        self._online = ctx.online
        self._render([])

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._load.load_now()

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.table in ALERT_TABLES for c in changes):
            self._load.request()

    def set_online(self, online: bool) -> None:
        was_offline = not self._online
        self._online = online
        self.runner.set_online(online)
        self._update_buttons()
        if online and was_offline:
            self.refresh()

    def acknowledge_selected(self) -> None:
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())
        self._acknowledge([self.alerts[r] for r in rows])

    def acknowledge_all(self) -> None:
        self._acknowledge(list(self.alerts))

    # ------------------------------------------------------------------ loading

    def _job(self) -> Callable[[], list[Alert]]:
        db, at = self.ctx.db, self.ctx.clock()
        return lambda: alerts.active_alerts(db, at)

    def _show(self, found: list[Alert]) -> None:
        """A load's result: show it, and announce alerts not seen before."""
        self._render(found)
        keys = {a.key for a in found}
        if self._seen is None:  # the first load: listed, not announced one by one
            self._seen = keys
            return
        fresh = [a for a in found if a.key not in self._seen]
        self._seen |= keys
        if fresh:
            self.new_alerts.emit(fresh)
            if self.sound.isChecked():
                self._beep()

    def _render(self, shown: list[Alert]) -> None:
        selected = {self.alerts[self.list.row(i)].key for i in self.list.selectedItems()}
        self.alerts = list(shown)
        self.list.clear()
        for alert in self.alerts:
            item = QListWidgetItem(self.describe(alert))
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(KIND_COLOURS[alert.kind]))
            item.setToolTip(self.describe(alert, long=True))
            self.list.addItem(item)
            item.setSelected(alert.key in selected)
        self.list.setVisible(bool(self.alerts))
        self.empty.setVisible(not self.alerts)
        count = len(self.alerts)
        self.setWindowTitle(self.tr("Alerts (%n)", "", count) if count else self.tr("Alerts"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        free = self._online and not self.runner.busy
        self.ack_button.setEnabled(free and bool(self.list.selectedItems()))
        self.ack_all_button.setEnabled(free and bool(self.alerts))

    def _acknowledge(self, chosen: Sequence[Alert]) -> None:
        if not chosen or not self.runner.can_save():
            return
        db, actor = self.ctx.db, self.ctx.actor
        chosen = list(chosen)
        keys = {a.key for a in chosen}
        # Gone from the list at once; the reload after the write confirms it.
        self._render([a for a in self.alerts if a.key not in keys])
        self.message.hide()
        self.runner.run(
            lambda: alerts.acknowledge(db, actor, chosen),
            on_saved=lambda _n: self._load.load_now(),
            on_not_saved=lambda _text: self._load.load_now(),  # they come back
            on_error=self._ack_failed,
            what="acknowledge alerts",
        )

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind == "saved" and self.message.isHidden():
            return  # a plain save: the list says it; after "unknown", say how it ended
        self.message.setText(text)
        self.message.show()

    def _ack_failed(self, exc: Exception) -> None:
        self._load.load_now()  # whatever was not written comes back
        self.ctx.worker.failed.emit("acknowledge alerts", exc)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        self.open_alert.emit(self.alerts[self.list.row(item)])

    # ------------------------------------------------------------------- texts

    def announcement(self, fresh: Sequence[Alert]) -> str:
        """The notice's text for alerts that just came in."""
        first = self.describe(fresh[0])
        if len(fresh) == 1:
            return self.tr("New alert: %1").replace("%1", first)
        more = self.tr("%n more", "", len(fresh) - 1)
        return self.tr("New alerts: %1 (and %2)").replace("%1", first).replace("%2", more)

    def describe(self, alert: Alert, long: bool = False) -> str:
        kind = label(alert.kind)
        if alert.kind == AlertKind.OVERDUE_CASE and alert.due is not None:
            what = self.tr("%1 was due at %2").replace("%1", alert.subject)
            what = what.replace("%2", format_time(alert.due))
        elif alert.kind == AlertKind.MISSED_CHECKIN and alert.due is not None:
            what = self.tr("%1: no check-in since the start at %2").replace("%1", alert.subject)
            what = what.replace("%2", format_time(alert.due))
        elif alert.kind == AlertKind.MEDIATION_SOON and alert.due is not None:
            what = self.tr("%1 at %2, %3").replace("%1", alert.subject)
            what = what.replace("%2", format_time(alert.due)).replace("%3", alert.detail or "–")
        elif alert.kind == AlertKind.MEDIATION_DEADLINE and alert.due is not None:
            if alert.due <= self.ctx.clock():
                what = self.tr("%1: mediation period ended %2").replace("%1", alert.subject)
            else:
                what = self.tr("%1: mediation period ends %2").replace("%1", alert.subject)
            what = what.replace("%2", format_datetime(alert.due))
        else:
            what = alert.subject
        text = f"{kind} · {what}"
        if alert.kind != AlertKind.MEDIATION_SOON and alert.detail:
            text += f" · {alert.detail}" if long else ""
        if long:
            text += "\n" + self.tr("Double-click to open; select and acknowledge when handled.")
        return text


def announce_text(panel: AlertsPanel, fresh: Sequence[Alert]) -> str:
    return panel.announcement(fresh)


def install(window: QMainWindow) -> AlertsPanel:
    """Give the main window its alert dock, notice and View-menu entry; return the dock.

    ``window`` is a :class:`stationdesk.ui.main_window.MainWindow` (its ``ctx``,
    ``live_sync``, ``view_menu`` and ``show_view`` are used).
    """
    w: object = window
    ctx: AppContext = w.ctx  # type: ignore[attr-defined]
    panel = AlertsPanel(ctx, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    # Narrow by default: the week board and the case list need the width more.
    window.resizeDocks([panel], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    notice = AlertNotice(window)
    notice.show_alerts.connect(lambda: (panel.show(), panel.raise_()))
    panel.new_alerts.connect(lambda fresh: notice.announce(announce_text(panel, fresh)))
    live = w.live_sync  # type: ignore[attr-defined]
    live.changes.connect(panel.apply_changes)
    live.state.connect(lambda state: panel.set_online(state == "online"))

    def open_alert(alert: Alert) -> None:
        show_view = w.show_view  # type: ignore[attr-defined]
        if alert.object_table == "patrol_shift":
            show_view("patrols")
        elif alert.object_table == "mediation_session":
            show_view("mediation")
        elif alert.case_id is not None:
            show_view("cases")
            cases = w.view("cases")  # type: ignore[attr-defined]
            if cases is not None and hasattr(cases, "open_case"):
                cases.open_case(alert.case_id)

    panel.open_alert.connect(open_alert)
    action = panel.toggleViewAction()
    action.setText(QCoreApplication.translate("AlertsPanel", "&Alerts"))
    action.setShortcut("Ctrl+Shift+A")
    w.view_menu.addAction(action)  # type: ignore[attr-defined]
    w.alerts_notice = notice  # type: ignore[attr-defined]
    # The worker runs one job at a time: the first view's data goes first, the alerts
    # (a scan of open cases, patrols and sessions) a moment later.
    QTimer.singleShot(FIRST_LOAD_DELAY_MS, panel, panel.refresh)
    return panel
