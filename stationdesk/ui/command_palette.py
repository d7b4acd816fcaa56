"""The command palette (Ctrl+K): type a case number, a grid, a person or a command.

What the window's menus offer (views, refresh, lock, the dark theme, ...) is matched at
once on the UI thread; cases, grids and people are searched on the DB worker
(``data.search``) 150 ms after the last keystroke, and an answer to an older query
is dropped. Enter (or a double click) goes there: a case opens in the case desk, a
grid or an officer shows their open cases, a mediator the mediation view.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.search import HitKind, SearchHit
from stationdesk.ui import i18n
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
MIN_WIDTH = 640
MIN_HEIGHT = 320
ROLE_ENTRY = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Command:
    """Something the window can do: one of its menu actions, or a named extra."""

    text: str
    shortcut: str
    run: Callable[[], None]


class CommandPalette(QDialog):
    """A search box over a list; ``chosen`` carries a :class:`Command` or a SearchHit."""

    chosen = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        commands: Callable[[], list[Command]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._commands = commands
        self._generation = 0  # answers to older queries are dropped
        self._hits: list[SearchHit] = []
        self._searched = ""
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Go to"))
        self.setModal(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("paletteSearch")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Case number, grid, person or command…"))
        self.edit.setAccessibleName(self.tr("Go to"))
        self.list = QListWidget()
        self.list.setObjectName("paletteResults")
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Results"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the box
        self.status = QLabel()
        self.status.setObjectName("dialogNote")
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() + 4)
        hint = QLabel(self.tr("↑ ↓ choose · Enter go · Esc close"))
        hint.setObjectName("dialogNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(hint)
        # Fixed limits: the list and the status line never resize the shown window.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.resize(MIN_WIDTH, 420)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.returnPressed.connect(self.activate_current)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.activate_current())
        self.list.itemDoubleClicked.connect(lambda _item: self.activate_current())

    # ------------------------------------------------------------------ showing

    def popup(self) -> None:
        """Show empty, near the top of the parent window, with the keyboard in the box."""
        self.edit.clear()
        self._text_changed("")
        parent = self.parentWidget()
        if parent is not None:
            frame = parent.geometry()
            self.move(frame.x() + (frame.width() - self.width()) // 2, frame.y() + 60)
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it cannot raise windows
            self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    # ------------------------------------------------------------------ typing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            key = event.key()
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5,
            }
            if event.type() == QEvent.Type.KeyPress and key in steps:
                self.move_selection(steps[key])
                return True
        return super().eventFilter(watched, event)

    def move_selection(self, step: int) -> None:
        rows = [i for i in range(self.list.count()) if self._entry(self.list.item(i)) is not None]
        if not rows:
            return
        current = self.list.currentRow()
        later = [r for r in rows if (r > current if step > 0 else r < current)]
        if not later:
            return
        index = min(abs(step), len(later)) - 1
        self.list.setCurrentRow(later[index] if step > 0 else later[-1 - index])

    def _text_changed(self, text: str) -> None:
        self._generation += 1
        self._hits = []
        text = text.strip()
        self._searched = ""
        if text:
            self.status.setText(self.tr("Searching…"))
            self._timer.start()
        else:
            self._timer.stop()
            self.status.setText(
                self.tr("Type a case number (e.g. 12 or 20250314-0012), a grid or a name.")
            )
        self._fill()

    def _search(self) -> None:
        from stationdesk.data import search

        text = self.edit.text().strip()
        if not text:
            return
        generation = self._generation
        db, today = self.ctx.db, self.ctx.clock().date()

        def done(hits: list[SearchHit]) -> None:
            if generation != self._generation:
                return  # the officer typed on: this answer is for an older query
            self._hits = hits
            self._searched = text
            self._fill()

        def failed(exc: Exception) -> None:
            if generation != self._generation:
                return
            log.warning("palette search for %r failed: %s", text, exc)
            self.status.setText(self.tr("The search failed; see the log. Commands still work."))

        self.ctx.worker.submit(lambda: search.search(db, text, today), done, failed, what="search")

    # ------------------------------------------------------------------ the list

    def _fill(self) -> None:
        text = self.edit.text().strip()
        needle = text.casefold()
        commands = [c for c in self._commands() if needle in c.text.casefold()]
        self.list.clear()
        cases = [h for h in self._hits if h.kind is HitKind.CASE]
        others = [h for h in self._hits if h.kind is not HitKind.CASE]
        for hit in cases:
            self._add(self._hit_text(hit), hit)
        for command in commands:
            shown = command.text + (f"    {command.shortcut}" if command.shortcut else "")
            self._add(self.tr("Command: {name}").format(name=shown), command)
        for hit in others:
            self._add(self._hit_text(hit), hit)
        if self.list.count():
            self.list.setCurrentRow(0)
        if text and self._searched == text:
            found = len(self._hits)
            self.status.setText(
                self.tr("%n result(s) in the database", "", found)
                if found
                else (
                    self.tr("No case, grid or person matches “{text}”.").format(text=text)
                    if not commands
                    else ""
                )
            )

    def _add(self, text: str, entry: object) -> None:
        item = QListWidgetItem(text)
        item.setData(ROLE_ENTRY, entry)
        item.setToolTip(text)
        self.list.addItem(item)

    def _hit_text(self, hit: SearchHit) -> str:
        sep = " · "
        if hit.kind is HitKind.CASE:
            parts = [
                self.tr("Case {number}").format(number=hit.title),
                hit.detail,
                label(hit.status),
                i18n.format_datetime(hit.when),
            ]
        elif hit.kind is HitKind.GRID:
            officer = (
                self.tr("officer {name}").format(name=hit.detail)
                if hit.detail
                else self.tr("no responsible officer")
            )
            parts = [self.tr("Grid {name}").format(name=hit.title), officer]
        elif hit.kind is HitKind.STAFF:
            parts = [
                self.tr("Staff {name}").format(name=hit.title),
                label(hit.staff_kind),
                label(hit.team),
                hit.detail,
            ]
        else:
            parts = [
                self.tr("Mediator {name}").format(name=hit.title),
                label(hit.mediator_kind),
                hit.detail,
            ]
        return sep.join(p for p in parts if p)

    @staticmethod
    def _entry(item: QListWidgetItem | None) -> Any:
        return None if item is None else item.data(ROLE_ENTRY)

    def activate_current(self) -> None:
        entry = self._entry(self.list.currentItem())
        if entry is None:
            return
        self.accept()
        self.chosen.emit(entry)


# --------------------------------------------------------------------- the window


def window_commands(window: Any) -> list[Command]:
    """The main window's menu actions (enabled and visible), plus "New case"."""
    found: list[Command] = []
    seen: set[str] = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub)
                continue
            add(action)

    def add(action: QAction) -> None:
        # "数据库设置(&D)…" and "&Refresh" both read without their accelerator.
        text = re.sub(r"\(&\w\)", "", action.text())
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip("…").rstrip(".").strip()
        if (
            action.isSeparator()
            or not text
            or not action.isEnabled()
            or not action.isVisible()
            or action is getattr(window, "palette_action", None)
            or text in seen
        ):
            return
        seen.add(text)
        found.append(
            Command(
                text,
                action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                action.trigger,
            )
        )

    for action in window.menuBar().actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            walk(sub)
    new_case = QCoreApplication.translate("CommandPalette", "New case")
    found.append(Command(new_case, "Ctrl+N", lambda: _new_case(window)))
    return found


def _new_case(window: Any) -> None:
    window.show_view("cases")
    view = window.view("cases")
    if view is not None and hasattr(view, "new_case"):
        view.new_case()


def go_to(window: Any, entry: object) -> None:
    """Do what the officer chose in the palette."""
    from stationdesk.data.cases import CaseFilter

    if isinstance(entry, Command):
        entry.run()
        return
    if not isinstance(entry, SearchHit):
        return
    if entry.kind is HitKind.CASE:
        window.show_view("cases")
        view = window.view("cases")
        if view is not None and hasattr(view, "open_case"):
            view.open_case(entry.id)
    elif entry.kind is HitKind.GRID:
        window.open_cases(CaseFilter(grid_ids=frozenset({entry.id}), open_only=True))
    elif entry.kind is HitKind.STAFF:
        window.open_cases(CaseFilter(owner_staff_ids=frozenset({entry.id}), open_only=True))
    elif entry.kind is HitKind.MEDIATOR:
        window.show_view("mediation")
        view = window.view("mediation")
        show = getattr(view, "show_mediator", None)
        if callable(show):
            show(entry.id)


def open_palette(window: Any) -> CommandPalette:
    """Show the window's palette (made once, then reused: late answers find it alive)."""
    palette = getattr(window, "command_palette", None)
    if palette is None:
        palette = CommandPalette(window.ctx, lambda: window_commands(window), window)
        palette.chosen.connect(lambda entry: go_to(window, entry))
        window.command_palette = palette
    palette.popup()
    return palette
