"""The command palette (Ctrl+K): a case by number, a grid, a person, a command."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import select

from stationdesk.data.schema import Case, Grid, Staff
from stationdesk.data.search import HitKind, SearchHit
from stationdesk.ui.command_palette import Command, CommandPalette
from stationdesk.ui.context import AppContext
from stationdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx: AppContext, settle) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx, persist=False, live=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    settle()
    yield win
    win.close()


def _open(qtbot, window: MainWindow) -> CommandPalette:  # type: ignore[no-untyped-def]
    # Offscreen, a closed dialog does not hand the activation back by itself.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.command_palette
    assert isinstance(palette, CommandPalette)
    assert palette.isVisible()
    return palette


def _type(qtbot, palette: CommandPalette, text: str, settle) -> None:  # type: ignore[no-untyped-def]
    palette.edit.clear()
    if text.isascii():
        qtbot.keyClicks(palette.edit, text)
    else:  # QTest cannot type Chinese: an input method would commit it in one go
        palette.edit.insert(text)
    qtbot.wait(palette._timer.interval() + 50)  # the search starts after a pause
    settle()


def _entries(palette: CommandPalette) -> list[object]:
    return [palette._entry(palette.list.item(i)) for i in range(palette.list.count())]


def _first(ctx: AppContext, stmt):  # type: ignore[no-untyped-def]
    with ctx.db.engine.connect() as conn:
        return conn.execute(stmt).first()


def test_ctrl_k_then_a_case_number_opens_that_case(qtbot, window, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    case_id, case_no = _first(ctx, select(Case.id, Case.case_no).order_by(Case.id.desc()))
    palette = _open(qtbot, window)
    assert palette.edit.hasFocus() or palette.edit.text() == ""
    _type(qtbot, palette, case_no, settle)
    first = _entries(palette)[0]
    assert isinstance(first, SearchHit) and (first.kind, first.id) == (HitKind.CASE, case_id)
    assert case_no in palette.list.item(0).text()
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    settle()
    assert not palette.isVisible()
    assert window.current_view_name == "cases"
    assert window.view("cases").detail.case_id == case_id  # type: ignore[union-attr]


def test_a_grid_shows_its_open_cases_and_an_officer_theirs(qtbot, window, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    grid_id, grid_name = _first(ctx, select(Grid.id, Grid.name).order_by(Grid.id))
    palette = _open(qtbot, window)
    _type(qtbot, palette, grid_name, settle)
    hits = [e for e in _entries(palette) if isinstance(e, SearchHit)]
    assert (HitKind.GRID, grid_id) in [(h.kind, h.id) for h in hits]
    grid_row = next(
        i for i, e in enumerate(_entries(palette)) if isinstance(e, SearchHit) and e.id == grid_id
    )
    palette.list.setCurrentRow(grid_row)
    palette.activate_current()
    settle()
    cases = window.view("cases")
    assert window.current_view_name == "cases"
    shown, _repeat = cases.current_filter()  # type: ignore[union-attr]
    assert shown.grid_ids == frozenset({grid_id}) and shown.open_only

    staff_id, staff_name = _first(
        ctx, select(Staff.id, Staff.name).join(Case, Case.owner_staff_id == Staff.id).limit(1)
    )
    palette = _open(qtbot, window)
    _type(qtbot, palette, staff_name, settle)
    row = next(
        i
        for i, e in enumerate(_entries(palette))
        if isinstance(e, SearchHit) and (e.kind, e.id) == (HitKind.STAFF, staff_id)
    )
    palette.list.setCurrentRow(row)
    qtbot.keyClick(palette.edit, Qt.Key.Key_Enter)
    settle()
    shown, _repeat = cases.current_filter()  # type: ignore[union-attr]
    assert shown.owner_staff_ids == frozenset({staff_id})


def test_commands_come_from_the_menus_and_run(qtbot, window, settle) -> None:  # type: ignore[no-untyped-def]
    palette = _open(qtbot, window)
    commands = [e for e in _entries(palette) if isinstance(e, Command)]
    texts = [c.text for c in commands]
    # Empty box: every menu command is offered, the palette itself is not.
    assert window.refresh_action.text().replace("&", "") in texts
    assert not any(t.startswith(window.palette_action.text().replace("&", "")) for t in texts)
    patrols = window.view_actions["patrols"].text().replace("&", "")
    _type(qtbot, palette, patrols, settle)
    entries = _entries(palette)
    assert isinstance(entries[0], Command) and entries[0].text == patrols
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    settle()
    assert window.current_view_name == "patrols"


def test_arrows_choose_and_escape_closes(qtbot, window, settle) -> None:  # type: ignore[no-untyped-def]
    palette = _open(qtbot, window)
    assert palette.list.count() > 3 and palette.list.currentRow() == 0
    qtbot.keyClick(palette.edit, Qt.Key.Key_Down)
    qtbot.keyClick(palette.edit, Qt.Key.Key_Down)
    assert palette.list.currentRow() == 2
    qtbot.keyClick(palette.edit, Qt.Key.Key_Up)
    assert palette.list.currentRow() == 1
    qtbot.keyClick(palette.edit, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert window.current_view_name == "overview"


def test_an_answer_to_an_older_query_is_dropped(qtbot, window, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    _case_id, case_no = _first(ctx, select(Case.id, Case.case_no).order_by(Case.id))
    palette = _open(qtbot, window)
    palette.edit.setText(case_no)
    palette._timer.stop()
    palette._search()  # queued on the worker; its answer cannot arrive before we type on
    palette.edit.setText("no such thing anywhere")
    palette._timer.stop()
    settle()
    assert not [e for e in _entries(palette) if isinstance(e, SearchHit)]
    assert palette.status.text() == palette.tr("Searching…")  # the newer query is pending
    palette._search()
    settle()
    assert "no such thing anywhere" in palette.status.text()


def test_the_shortcut_card_lists_every_menu_shortcut(window: MainWindow) -> None:
    from pathlib import Path

    from PySide6.QtGui import QKeySequence

    card = (Path(__file__).resolve().parents[2] / "docs" / "shortcuts.md").read_text("utf-8")
    portable = QKeySequence.SequenceFormat.PortableText
    missing = []
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys = sequence.toString(portable)
            view_key = keys.startswith("Ctrl+") and keys[5:].isdigit()
            if keys and not view_key and keys not in card:
                missing.append(f"{action.text()}: {keys}")
    assert not missing
    # Ctrl+1 … Ctrl+N: one per view, the last one named on the card.
    assert f"Ctrl+{len(window.view_actions)}" in card


def test_a_mediator_is_selected_on_board_and_calendar(qtbot, window, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.data.schema import Mediator

    mediator_id, name = _first(
        ctx, select(Mediator.id, Mediator.name).where(Mediator.active).order_by(Mediator.id.desc())
    )
    palette = _open(qtbot, window)
    _type(qtbot, palette, name, settle)
    row = next(
        i
        for i, e in enumerate(_entries(palette))
        if isinstance(e, SearchHit) and (e.kind, e.id) == (HitKind.MEDIATOR, mediator_id)
    )
    palette.list.setCurrentRow(row)
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    settle()
    view = window.view("mediation")
    assert window.current_view_name == "mediation"
    qtbot.waitUntil(lambda: view.selected_mediator() == mediator_id, timeout=10_000)  # type: ignore[union-attr]
    selected = view.board_table.selectedItems()  # type: ignore[union-attr]
    assert selected and selected[0].text() == name
    view.tabs.setCurrentIndex(1)  # type: ignore[union-attr]
    settle()
    assert view.calendar.mediator.currentData() == mediator_id  # type: ignore[union-attr]
