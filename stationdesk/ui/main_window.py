"""The main window: navigation on the left, one view at a time, live status below.

Views are imported and built the first time they are shown (pyqtgraph, for one, is
slow to import). Every view that exists receives the change feed and the online
state; the window itself never queries the database.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stationdesk import APP_NAME, __version__
from stationdesk.data.uow import Change
from stationdesk.ui.app import app_settings
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label
from stationdesk.ui.live_sync import LiveSync

log = logging.getLogger(__name__)

ViewFactory = Callable[[AppContext, QWidget | None], QWidget]

# name, module, class, navigation label
VIEWS: tuple[tuple[str, str, str, Any], ...] = (
    ("overview", "stationdesk.ui.views.overview", "OverviewView",
     QT_TRANSLATE_NOOP("MainWindow", "Overview")),
    ("cases", "stationdesk.ui.views.cases", "CasesView",
     QT_TRANSLATE_NOOP("MainWindow", "Cases")),
    ("patrols", "stationdesk.ui.views.patrols", "PatrolsView",
     QT_TRANSLATE_NOOP("MainWindow", "Patrols")),
    ("mediation", "stationdesk.ui.views.mediation", "MediationView",
     QT_TRANSLATE_NOOP("MainWindow", "Mediation")),
    ("reports", "stationdesk.ui.views.reports", "ReportsView",
     QT_TRANSLATE_NOOP("MainWindow", "Reports")),
    ("community", "stationdesk.ui.views.community", "CommunityView",
     QT_TRANSLATE_NOOP("MainWindow", "Community")),
)  # fmt: skip
VIEW_NAMES = tuple(v[0] for v in VIEWS)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_VIEW = "main_window/view"
DB_LABEL_MAX_PX = 460
MIN_WINDOW_SIZE = (640, 400)
STATUS_MESSAGE_MS = 10_000


def import_view(name: str) -> ViewFactory:
    """The view class for ``name``, imported now (first use)."""
    _name, module, cls, _label = VIEWS[VIEW_NAMES.index(name)]
    factory: ViewFactory = getattr(importlib.import_module(module), cls)
    return factory


def is_connection_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError | DisconnectionError)


class MainWindow(QMainWindow):
    """The station's window; ``exit_reason`` tells the start-up code what to do next."""

    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        view_factories: Mapping[str, ViewFactory] | None = None,
        start_view: str | None = None,
        persist: bool = True,
        live: bool = True,
        database_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.persist = persist
        self.database_url = database_url or ctx.db.url.render_as_string(hide_password=True)
        self.exit_reason = "quit"  # quit | sign_out | reconnect
        self.new_database: tuple[str, str | None] | None = None
        self._factories = dict(view_factories or {})
        self._views: dict[str, QWidget] = {}
        self._is_closed = False
        self.setObjectName("mainWindow")
        # An explicit minimum keeps the layout from resizing the window's limits each
        # time content changes (which also makes the offscreen platform warn).
        self.setMinimumSize(*MIN_WINDOW_SIZE)
        self.setWindowTitle(self.tr("StationDesk — {place}").format(place=ctx.db.describe()))
        from stationdesk.ui import theme  # the officer's light or night-shift look

        theme.apply_theme(theme.saved_theme(app_settings() if persist else None))
        self.command_palette: QWidget | None = None  # made on first Ctrl+K

        self._build_body()
        self._build_menus()
        self._build_status_bar()
        # After inactivity every window is covered and the password asked again.
        from stationdesk.ui.idle_lock import IdleLock

        self.idle_lock = IdleLock(self)
        self._audit_dialog: QWidget | None = None

        self.live_sync = LiveSync(ctx.db, self)
        self.live_sync.changes.connect(self.apply_changes)
        self.live_sync.state.connect(self.set_connection_state)
        ctx.worker.failed.connect(self._on_worker_failed)
        ctx.worker.busy_changed.connect(self._on_busy)
        self._worker_connected = True
        # Saves whose dialog was closed before the outcome was known report here.
        from stationdesk.ui.save_runner import closed_saves

        self.closed_save_box: QMessageBox | None = None
        closed_saves().notice.connect(self._closed_save_notice)
        # The alert dock and the wall-board (both add themselves to the View menu).
        from stationdesk.ui import alerts_panel, wallboard

        self.alerts_panel = alerts_panel.install(self)
        wallboard.install(self)

        settings = app_settings() if persist else None
        geometry = settings.value(SETTINGS_GEOMETRY) if settings else None
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = settings.value(SETTINGS_STATE) if settings else None
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        saved_view = settings.value(SETTINGS_VIEW, "", str) if settings else ""
        first = start_view or (saved_view if saved_view in VIEW_NAMES else "overview")
        self.show_view(first)
        if live:
            self.live_sync.start()

    # ------------------------------------------------------------------ building

    def _build_body(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("offlineBanner")
        self.banner_label = QLabel(
            self.tr("Database unreachable — edits are blocked; reconnecting…")
        )
        self.banner_label.setObjectName("offlineBannerText")
        self.banner_label.setWordWrap(True)
        self.banner_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 10, 16, 10)
        banner_layout.addWidget(self.banner_label)
        self.banner.hide()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Views"))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget()
        self.stack.setObjectName("viewStack")
        widest = 0
        metrics = QFontMetrics(self.nav.font())
        for i, (name, _module, _cls, text) in enumerate(VIEWS):
            shown = self.tr(str(text))
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{shown} (Ctrl+{i + 1})")
            item.setSizeHint(QSize(0, 52))
            self.nav.addItem(item)
            widest = max(widest, metrics.horizontalAdvance(shown))
            self.stack.addWidget(QWidget())  # placeholder until first shown
        # Room for the longest label at the style sheet's larger navigation font.
        self.nav.setFixedWidth(max(180, int(widest * 1.4) + 56))
        self.nav.currentRowChanged.connect(self._on_nav_row)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.settings_action = file_menu.addAction(self.tr("&Database settings…"))
        self.settings_action.triggered.connect(self.edit_database_settings)
        # Only the roles that may read the trail see it (the data layer checks again).
        from stationdesk.data.audit_queries import may_read_audit

        self.audit_action = file_menu.addAction(self.tr("&Audit trail…"))
        self.audit_action.triggered.connect(self.show_audit_trail)
        self.audit_action.setVisible(may_read_audit(self.ctx.actor))
        self.sign_out_action = file_menu.addAction(self.tr("&Lock / Sign out"))
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+L"))
        self.sign_out_action.triggered.connect(self.sign_out)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        self.refresh_action = view_menu.addAction(self.tr("&Refresh"))
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh_current)
        # Ctrl+K: jump to a case, grid, person or command (stationdesk.ui.command_palette).
        self.palette_action = view_menu.addAction(self.tr("&Go to…"))
        self.palette_action.setShortcut(QKeySequence("Ctrl+K"))
        self.palette_action.triggered.connect(self.open_command_palette)
        from stationdesk.ui import theme

        self.dark_theme_action = view_menu.addAction(self.tr("&Dark theme (night shift)"))
        self.dark_theme_action.setCheckable(True)
        self.dark_theme_action.setChecked(theme.current_theme() == theme.DARK)
        self.dark_theme_action.toggled.connect(self.set_dark_theme)
        view_menu.addSeparator()
        self.view_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for i, (name, _module, _cls, text) in enumerate(VIEWS):
            action = view_menu.addAction(self.tr(str(text)))
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, n=name: self.show_view(n))
            group.addAction(action)
            self.view_actions[name] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About StationDesk"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(64, 10)
        self.busy.setToolTip(self.tr("Loading from the database…"))
        policy = self.busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(policy)
        self.busy.setVisible(self.ctx.worker.pending > 0)

        described = self.ctx.db.describe()
        self.db_label = QLabel()
        self.db_label.setObjectName("databaseLabel")
        self.db_label.setText(
            QFontMetrics(self.db_label.font()).elidedText(
                described, Qt.TextElideMode.ElideMiddle, DB_LABEL_MAX_PX
            )
        )
        self.db_label.setToolTip(described)

        actor = self.ctx.actor
        roles = self.tr(", ").join(label(r) for r in sorted(actor.roles))
        name = actor.display_name or actor.username
        self.user_label = QLabel(f"{name} · {roles}" if roles else name)
        self.user_label.setObjectName("userLabel")
        self.user_label.setToolTip(self.tr("Signed in as {user}").format(user=actor.username))

        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionState")
        self._show_connection(self.ctx.online, "")

        for widget in (self.busy, self.db_label, self.user_label, self.connection_label):
            bar.addPermanentWidget(widget)

    # ------------------------------------------------------------------ views

    def view(self, name: str) -> QWidget | None:
        """The view if it has been created, else None."""
        return self._views.get(name)

    @property
    def current_view_name(self) -> str:
        return VIEW_NAMES[max(self.nav.currentRow(), 0)]

    def show_view(self, name: str) -> None:
        """Switch to the view called ``name`` (overview, cases, ...), creating it once."""
        if name not in VIEW_NAMES:
            raise ValueError(f"unknown view {name!r}; views: {', '.join(VIEW_NAMES)}")
        index = VIEW_NAMES.index(name)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # -> _on_nav_row
        else:
            self._on_nav_row(index)

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        name = VIEW_NAMES[row]
        self._ensure_view(name)
        self.stack.setCurrentIndex(row)
        self.view_actions[name].setChecked(True)

    def _ensure_view(self, name: str) -> QWidget | None:
        if name in self._views:
            return self._views[name]
        index = VIEW_NAMES.index(name)
        try:
            factory = self._factories.get(name) or import_view(name)
            view = factory(self.ctx, None)
        except Exception:
            log.exception("could not open the %s view", name)
            failed = QLabel(self.tr("This view could not be opened. Details are in the log."))
            failed.setObjectName("viewFailed")
            failed.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._replace_page(index, failed)
            return None
        self._replace_page(index, view)
        self._views[name] = view
        self._connect_view_signals(view)
        if not self.ctx.online:
            self._call(view, "set_online", False)
        self._call(view, "refresh")
        if self.persist:  # column widths and order as the officer left them
            from stationdesk.ui.table_state import restore_after_first_load

            restore_after_first_load(self.ctx.worker, app_settings, name, view)
        return view

    def _replace_page(self, index: int, widget: QWidget) -> None:
        old = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def _connect_view_signals(self, view: QWidget) -> None:
        # Optional cross-view navigation signals (the overview's tiles, for one).
        open_view = getattr(view, "open_view", None)
        if open_view is not None and hasattr(open_view, "connect"):
            open_view.connect(self._open_view_requested)
        open_cases = getattr(view, "open_cases", None)
        if open_cases is not None and hasattr(open_cases, "connect"):
            open_cases.connect(self.open_cases)

    def _open_view_requested(self, name: str) -> None:
        if name in VIEW_NAMES:
            self.show_view(name)

    def open_cases(self, case_filter: Any) -> None:
        """Show the case list narrowed to ``case_filter`` (a data.cases.CaseFilter)."""
        self.show_view("cases")
        cases = self._views.get("cases")
        if cases is not None:
            for method in ("set_filter", "apply_filter", "show_filter"):
                if hasattr(cases, method):
                    self._call(cases, method, case_filter)
                    break

    def _call(self, view: QWidget, method: str, *args: Any) -> None:
        """Call a view hook; one faulty view must not take the window down."""
        try:
            getattr(view, method)(*args)
        except Exception:
            log.exception("%s.%s failed", type(view).__name__, method)

    def refresh_current(self) -> None:
        view = self._views.get(self.current_view_name)
        if view is not None:
            self.statusBar().showMessage(self.tr("Refreshing…"), 2000)
            self._call(view, "refresh")

    def apply_changes(self, changes: list[Change]) -> None:
        """The change feed: every view created so far decides what to reload."""
        if not changes:
            return
        for view in list(self._views.values()):
            self._call(view, "apply_changes", changes)

    # ------------------------------------------------------------------ status

    def set_connection_state(self, state: str) -> None:
        """From the live sync: "online" or "offline: <reason>"."""
        online = state == "online"
        reason = "" if online else state.partition(":")[2].strip()
        self._show_connection(online, reason)
        self.banner.setVisible(not online)
        self.banner.setToolTip(reason)
        if online == self.ctx.online:
            return
        self.ctx.online = online
        for view in list(self._views.values()):
            self._call(view, "set_online", online)
        from stationdesk.ui.save_runner import notify_online

        notify_online(self.ctx, online)  # also the runners of dialogs and panels

    def _show_connection(self, online: bool, reason: str) -> None:
        label_ = self.connection_label
        label_.setText("● " + (self.tr("Online") if online else self.tr("Offline")))
        label_.setToolTip(
            self.tr("Connected to the database")
            if online
            else self.tr("The database cannot be reached ({reason}); retrying").format(
                reason=reason or "?"
            )
        )
        label_.setProperty("state", "online" if online else "offline")
        label_.style().unpolish(label_)
        label_.style().polish(label_)

    def _closed_save_notice(self, kind: str, text: str) -> None:
        """The outcome of a save whose dialog was closed before it was confirmed."""
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
        if kind == "unknown":
            return
        box = QMessageBox(
            QMessageBox.Icon.Information if kind == "saved" else QMessageBox.Icon.Warning,
            self.tr("Save confirmed") if kind == "saved" else self.tr("Not saved"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        self.closed_save_box = box
        box.show()

    def _on_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _on_worker_failed(self, what: str, exc: object) -> None:
        from stationdesk.data.uow import ConflictError, NotFoundError, PermissionDeniedError

        if isinstance(exc, PermissionDeniedError):
            text = self.tr("You are not allowed to do that.")
        elif isinstance(exc, ConflictError):
            text = self.tr("Another workstation changed this record first; it was reloaded.")
        elif isinstance(exc, NotFoundError):
            text = self.tr("That record no longer exists (deleted on another workstation?).")
        elif isinstance(exc, BaseException) and is_connection_error(exc):
            text = self.tr("The database cannot be reached; please try again shortly.")
        else:
            text = self.tr("Something went wrong; the details are in the log.")
            log.error("background job %r failed: %s", what, exc, exc_info=exc)  # type: ignore[arg-type]
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    # ------------------------------------------------------------------ actions

    def edit_database_settings(self) -> None:
        from stationdesk.ui.settings_dialog import SettingsDialog, same_database

        dialog = SettingsDialog(self.ctx.worker, self.database_url, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.dark_theme_action.setChecked(dialog.theme_combo.currentData() == "dark")
        if same_database(dialog.url_text(), self.database_url) and not dialog.password():
            return
        answer = QMessageBox.question(
            self,
            APP_NAME,
            self.tr("Switch to the new database now? This window closes and you sign in again."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.new_database = (dialog.url_text(), dialog.password())
            self.exit_reason = "reconnect"
            self.close()

    def open_command_palette(self) -> None:
        from stationdesk.ui.command_palette import open_palette

        open_palette(self)

    def set_dark_theme(self, dark: bool) -> None:
        """The night-shift look for the whole application, remembered per user."""
        from stationdesk.ui import theme

        name = theme.DARK if dark else theme.LIGHT
        theme.apply_theme(name)
        if self.persist:
            theme.save_theme(app_settings(), name)

    def sign_out(self) -> None:
        self.exit_reason = "sign_out"
        self.close()

    def show_audit_trail(self) -> None:
        """The audit trail viewer (director, administrator): one window, raised if open."""
        from stationdesk.ui.views.audit import AuditTrailDialog

        if self._audit_dialog is None:
            self._audit_dialog = AuditTrailDialog(self.ctx, self)
        if self._audit_dialog.isVisible() and QGuiApplication.platformName() != "offscreen":
            self._audit_dialog.raise_()  # already open, maybe behind: bring it up
        self._audit_dialog.show()
        self._audit_dialog.activateWindow()

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version

        QMessageBox.about(
            self,
            self.tr("About StationDesk"),
            self.tr(
                "<h3>StationDesk {version}</h3>"
                "<p>The command-room client of a community police station.</p>"
                "<p>Database: {database}<br>Qt for Python {qt}</p>"
            ).format(version=__version__, database=self.ctx.db.describe(), qt=pyside_version),
        )

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._is_closed:
            self._is_closed = True
            if self.persist:
                settings = app_settings()
                settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
                settings.setValue(SETTINGS_STATE, self.saveState())
                settings.setValue(SETTINGS_VIEW, self.current_view_name)
                from stationdesk.ui.table_state import save_tables

                for view_name, view in self._views.items():
                    save_tables(settings, view_name, view)
            self.shutdown()
            self.closed.emit()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the live sync and stop listening to the worker (idempotent)."""
        self.live_sync.stop()
        self.idle_lock.stop()
        if self._worker_connected:
            self._worker_connected = False
            from stationdesk.ui.save_runner import closed_saves

            closed_saves().notice.disconnect(self._closed_save_notice)
            self.ctx.worker.failed.disconnect(self._on_worker_failed)
            self.ctx.worker.busy_changed.disconnect(self._on_busy)
