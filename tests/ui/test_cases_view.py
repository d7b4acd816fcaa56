"""The Cases view: paging on the worker, SQL sorting and filtering, live changes,
the detail panel's edits, conflicts and struck notes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from stationdesk.data import case_queries, cases, changes, people
from stationdesk.data.cases import PAGE_SIZE, CaseDraft, CaseFilter
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor, latest_change_seq
from stationdesk.domain.enums import CaseCategory, CaseSource, CaseStatus, Priority, Role
from stationdesk.domain.merge import Side
from stationdesk.domain.validation import mask_phone, mask_resident_id
from stationdesk.ui.case_conflict import CaseConflictDialog
from stationdesk.ui.case_model import ROW_ROLE, SORT_ROLE, Column
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.cases import CasesView


@pytest.fixture
def view(qtbot, ctx: AppContext, settle) -> Iterator[CasesView]:  # type: ignore[no-untyped-def]
    v = CasesView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(900, 600)  # fixed limits: the offscreen platform warns on changes
    v.resize(1440, 860)
    v.show()
    qtbot.waitExposed(v)
    settle()
    yield v


@pytest.fixture
def other(ctx: AppContext) -> Iterator[tuple[Database, Actor]]:
    """A second workstation: its own Database object on the same file."""
    db = Database(ctx.db.url)
    actor = replace(ctx.actor, workstation="workstation-2")
    yield db, actor
    db.dispose()


def ime_type(widget: QWidget, text: str) -> None:
    """Chinese arrives through the input method as committed text, not key presses."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def rows(view: CasesView) -> list[cases.CaseRow]:
    m = view.model
    return [m.data(m.index(r, 0), ROW_ROLE) for r in range(m.rowCount())]


def select_row(qtbot, view: CasesView, row: int) -> int:  # type: ignore[no-untyped-def]
    view.table.selectRow(row)
    case_id = rows(view)[row].id
    qtbot.waitUntil(
        lambda: view.detail.detail is not None and view.detail.detail.id == case_id,
        timeout=10_000,
    )
    QApplication.processEvents()  # new widgets in a layout are shown by a queued call
    return case_id


def new_draft(ctx: AppContext, **changes: object) -> CaseDraft:
    draft = CaseDraft(
        category=CaseCategory.DISPUTE_NEIGHBOUR,
        source=CaseSource.PHONE,
        priority=Priority.NORMAL,
        reported_at=ctx.clock(),
        grid_id=None,
        address="测试路 8 号",
        summary="楼上噪音扰民",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


# ------------------------------------------------------------------------ list


def test_first_page_is_queried_on_the_worker_not_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle, monkeypatch
) -> None:
    threads: list[threading.Thread] = []
    real = case_queries.list_cases_page

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(case_queries, "list_cases_page", spy)
    v = CasesView(ctx)
    qtbot.addWidget(v)
    # The constructor only queued the query: nothing is shown yet, the worker is busy.
    assert v.model.rowCount() == 0
    assert ctx.worker.pending > 0
    settle()
    open_cases = cases.count_cases(ctx.db, CaseFilter(open_only=True))
    assert v.model.rowCount() == min(PAGE_SIZE, open_cases) > 0
    assert threads, "the page query never ran"
    assert all(t is not threading.main_thread() for t in threads)
    assert v.model.total_count == cases.count_cases(ctx.db, CaseFilter(open_only=True))
    assert v.count_label.text() == f"{v.model.total_count:,} cases"


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, view: CasesView, settle) -> None:  # type: ignore[no-untyped-def]
    view.status_combo.setCurrentIndex(view.status_combo.findData("all"))
    settle()
    assert view.model.rowCount() == PAGE_SIZE
    assert view.model.total_count > 2 * PAGE_SIZE
    view.table.scrollToBottom()
    # Only one fetch is ever in flight, however often the view asks.
    assert view.model.is_fetching
    assert not view.model.canFetchMore(view.table.rootIndex())
    settle()
    assert view.model.rowCount() == 2 * PAGE_SIZE
    ids = [r.id for r in rows(view)]
    assert len(set(ids)) == len(ids)
    reported = [(r.reported_at, r.id) for r in rows(view)]
    assert reported == sorted(reported, reverse=True)  # pages join in order


def test_header_click_on_priority_sorts_urgent_first_in_sql(qtbot, view: CasesView, settle) -> None:  # type: ignore[no-untyped-def]
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.PRIORITY) + header.sectionSize(Column.PRIORITY) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    settle()
    assert view.model.case_sort == cases.CaseSort("priority", descending=False)
    ranks = [
        view.model.data(view.model.index(r, Column.PRIORITY), SORT_ROLE)
        for r in range(view.model.rowCount())
    ]
    assert ranks[0] == Priority.URGENT.rank
    assert ranks == sorted(ranks)
    assert view.model.index(0, Column.PRIORITY).data() == "Urgent"
    # Urgent is bold; the font role leaves family and size to the view.
    font = view.model.index(0, Column.PRIORITY).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()


def test_owner_column_is_not_sortable_and_keeps_the_current_sort(
    qtbot, view: CasesView, settle
) -> None:  # type: ignore[no-untyped-def]
    view.table.sortByColumn(Column.OWNER, Qt.SortOrder.AscendingOrder)
    settle()
    header = view.table.horizontalHeader()
    assert view.model.case_sort == cases.CaseSort("reported_at", descending=True)
    assert header.sortIndicatorSection() == Column.REPORTED


def test_overdue_filter_shows_only_overdue_cases_in_red(
    qtbot, view: CasesView, ctx, settle
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.overdue_button, Qt.MouseButton.LeftButton)
    settle()
    shown = rows(view)
    assert shown, "the demo station has overdue cases"
    now = ctx.clock()
    assert all(r.is_overdue(now) for r in shown)
    expected = cases.count_cases(ctx.db, CaseFilter(open_only=True, overdue_only=True))
    assert view.model.total_count == expected
    due = view.model.index(0, Column.DUE)
    assert due.data(Qt.ItemDataRole.FontRole).bold()
    assert due.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_open_filtered_from_the_overview_narrows_to_a_grid(
    qtbot, view: CasesView, ctx, settle
) -> None:  # type: ignore[no-untyped-def]
    grid = people.list_grids(ctx.db)[0]
    view.open_filtered(CaseFilter(open_only=True, grid_ids=frozenset({grid.id})))
    settle()
    assert view.grid_combo.currentText() == grid.name
    assert view.status_combo.currentData() == "open"
    shown = rows(view)
    assert shown and all(r.grid_name == grid.name and r.status.is_open for r in shown)
    # A status from the Overview's chart selects that status in the combo.
    view.open_filtered(CaseFilter(statuses=frozenset({CaseStatus.IN_MEDIATION})))
    settle()
    assert view.status_combo.currentText() == "In mediation"
    assert {r.status for r in rows(view)} == {CaseStatus.IN_MEDIATION}


def test_search_text_is_debounced_then_queried(qtbot, view: CasesView, settle) -> None:  # type: ignore[no-untyped-def]
    wanted = rows(view)[5]
    qtbot.keyClicks(view.search_edit, wanted.case_no)
    assert view.model.case_filter.text == ""  # not yet: the officer is still typing
    qtbot.waitUntil(lambda: view.model.case_filter.text == wanted.case_no, timeout=3000)
    settle()
    assert [r.id for r in rows(view)] == [wanted.id]
    assert view.count_label.text() == "1 case"


def test_repeat_button_lists_only_repeat_reports(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    view.status_combo.setCurrentIndex(view.status_combo.findData("all"))
    qtbot.mouseClick(view.repeat_button, Qt.MouseButton.LeftButton)
    settle()
    shown = rows(view)
    assert shown and all(r.is_repeat for r in shown)
    assert view.model.total_count == case_queries.count_cases(ctx.db, repeat_only=True)


# ---------------------------------------------------------------- live changes


def test_a_change_from_another_workstation_repaints_that_row(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, other, settle
) -> None:
    other_db, other_actor = other
    row = next(i for i, r in enumerate(rows(view)) if r.status == CaseStatus.ASSIGNED)
    target = rows(view)[row]
    seq = latest_change_seq(ctx.db)
    cases.change_status(other_db, other_actor, target.id, target.version, CaseStatus.IN_PROGRESS)
    feed = changes.changes_after(ctx.db, seq)
    with qtbot.waitSignal(view.model.dataChanged, timeout=5000) as blocker:
        view.apply_changes(feed)
    top_left, bottom_right = blocker.args[0], blocker.args[1]
    assert top_left.row() == bottom_right.row() == row
    assert view.model.index(row, Column.STATUS).data() == "In progress"
    assert rows(view)[row].version == target.version + 1


def test_a_new_case_from_another_workstation_appears_at_the_top(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, other, settle
) -> None:
    other_db, other_actor = other
    total = view.model.total_count
    shown = view.model.rowCount()
    seq = latest_change_seq(ctx.db)
    created = cases.create_case(other_db, other_actor, new_draft(ctx))
    view.apply_changes(changes.changes_after(ctx.db, seq))
    settle()
    assert rows(view)[0].id == created.id
    assert view.model.rowCount() == shown + 1
    assert view.model.total_count == total + 1
    assert view.new_cases_button.isHidden()


def test_new_cases_under_another_sort_are_announced_not_inserted(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, other, settle
) -> None:
    other_db, other_actor = other
    view.table.sortByColumn(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    settle()
    before = [r.id for r in rows(view)]
    seq = latest_change_seq(ctx.db)
    cases.create_case(other_db, other_actor, new_draft(ctx))
    cases.create_case(other_db, other_actor, new_draft(ctx, summary="第二起"))
    view.apply_changes(changes.changes_after(ctx.db, seq))
    settle()
    assert [r.id for r in rows(view)] == before
    assert view.model.pending_new == 2
    assert view.new_cases_button.isVisible()
    assert "2 new case" in view.new_cases_button.text()
    qtbot.mouseClick(view.new_cases_button, Qt.MouseButton.LeftButton)
    settle()
    assert view.new_cases_button.isHidden()


def test_a_new_case_outside_the_filter_is_ignored(
    qtbot, view: CasesView, ctx, other, settle
) -> None:  # type: ignore[no-untyped-def]
    other_db, other_actor = other
    qtbot.mouseClick(view.overdue_button, Qt.MouseButton.LeftButton)
    settle()
    before = [r.id for r in rows(view)]
    seq = latest_change_seq(ctx.db)
    cases.create_case(other_db, other_actor, new_draft(ctx))  # due in days: not overdue
    view.apply_changes(changes.changes_after(ctx.db, seq))
    settle()
    assert [r.id for r in rows(view)] == before
    assert view.model.pending_new == 0


# ---------------------------------------------------------------------- detail


def test_selecting_a_row_shows_the_case_with_masked_parties(qtbot, view: CasesView, ctx) -> None:  # type: ignore[no-untyped-def]
    row = next(
        i
        for i, r in enumerate(rows(view))
        if any(p.resident_id and p.phone for p in cases.get_case(ctx.db, r.id).parties)
    )
    case_id = select_row(qtbot, view, row)
    detail = cases.get_case(ctx.db, case_id)
    panel = view.detail
    assert panel.case_no_label.text() == detail.case_no
    texts = [w.text() for w in panel.parties_box.findChildren(QLabel) if w.isVisible()]
    assert detail.parties
    for party in detail.parties:
        assert party.name in texts
        if party.resident_id:
            assert party.resident_id not in texts
            assert mask_resident_id(party.resident_id) in texts
        if party.phone:
            assert party.phone not in texts
            assert mask_phone(party.phone) in texts
    # The next statuses come from the workflow, in its order.
    offered = [panel.status_combo.itemData(i) for i in range(panel.status_combo.count())]
    from stationdesk.domain import workflow

    assert offered == list(workflow.next_statuses(detail.status))


def test_enter_on_a_row_moves_the_keyboard_to_the_detail(qtbot, view: CasesView) -> None:  # type: ignore[no-untyped-def]
    view.table.setFocus()
    select_row(qtbot, view, 0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.detail.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert view.table.hasFocus()


def test_status_change_with_reason_goes_to_history(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, r in enumerate(rows(view)) if r.status == CaseStatus.ASSIGNED)
    case_id = select_row(qtbot, view, row)
    panel = view.detail
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(CaseStatus.ESCALATED))
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    dialog = panel.reason_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    ime_type(dialog.edit, "涉嫌故意伤害，移交执法队")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle()
    saved = cases.get_case(ctx.db, case_id)
    assert saved.status == CaseStatus.ESCALATED
    assert saved.history[-1].reason == "涉嫌故意伤害，移交执法队"
    assert panel.status_chip.text() == "Escalated"
    qtbot.waitUntil(lambda: view.model.index(row, Column.STATUS).data() == "Escalated")


def test_another_workstations_change_to_other_fields_is_merged_and_named(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, other, settle
) -> None:
    other_db, other_actor = other
    row = next(i for i, r in enumerate(rows(view)) if r.status == CaseStatus.ASSIGNED)
    case_id = select_row(qtbot, view, row)
    panel = view.detail
    loaded = panel.detail
    assert loaded is not None
    # Another workstation moves the case on; this panel does not hear about it.
    cases.change_status(other_db, other_actor, case_id, loaded.version, CaseStatus.IN_MEDIATION)
    staff = [s for s in people.list_staff(ctx.db) if s.kind.value == "police"]
    mine = next(s for s in staff if s.id != loaded.owner_staff_id)
    panel.staff_combo.setCurrentIndex(panel.staff_combo.findData(mine.id))
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    settle()
    # Different fields: no question, both changes kept, and the officer is told.
    assert panel.conflict_dialog is None
    saved = cases.get_case(ctx.db, case_id)
    assert saved.owner_staff_id == mine.id
    assert saved.status == CaseStatus.IN_MEDIATION  # theirs kept, mine on top
    assert panel.detail is not None and panel.detail.version == saved.version
    message = panel.message_text()
    assert "Merged with changes from" in message and "workstation-2" in message
    assert panel.status_chip.text() == "In mediation"


def test_the_same_field_asks_original_theirs_mine_and_saves_the_choice(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, other, settle
) -> None:
    other_db, other_actor = other
    row = next(i for i, r in enumerate(rows(view)) if r.status == CaseStatus.ASSIGNED)
    case_id = select_row(qtbot, view, row)
    panel = view.detail
    loaded = panel.detail
    assert loaded is not None
    cases.change_status(other_db, other_actor, case_id, loaded.version, CaseStatus.IN_PROGRESS)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(CaseStatus.IN_MEDIATION))
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.conflict_dialog is not None, timeout=10_000)
    dialog = panel.conflict_dialog
    assert isinstance(dialog, CaseConflictDialog)
    radios = dialog.radios["status"]
    assert [radios[s].text() for s in Side] == ["Assigned", "In progress", "In mediation"]
    assert radios[Side.THEIRS].isChecked()  # the saved value until the officer chooses
    # Back to "Assigned" is not a move the workflow allows from "In progress".
    assert not radios[Side.BASE].isEnabled()
    # Nothing was saved behind the officer's back.
    assert cases.get_case(ctx.db, case_id).status == CaseStatus.IN_PROGRESS
    mine = radios[Side.MINE]  # a radio button takes clicks on its circle and its text
    qtbot.mouseClick(mine, Qt.MouseButton.LeftButton, pos=QPoint(8, mine.height() // 2))
    assert dialog.choices() == {"status": Side.MINE}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    saved = cases.get_case(ctx.db, case_id)
    assert saved.status == CaseStatus.IN_MEDIATION
    assert [h.to_status for h in saved.history[-2:]] == [
        CaseStatus.IN_PROGRESS,
        CaseStatus.IN_MEDIATION,
    ]
    assert panel.status_chip.text() == "In mediation"


def test_conflict_discard_keeps_nothing_of_the_attempt(
    qtbot, view: CasesView, ctx, other, settle
) -> None:  # type: ignore[no-untyped-def]
    other_db, other_actor = other
    row = next(i for i, r in enumerate(rows(view)) if r.status == CaseStatus.ASSIGNED)
    case_id = select_row(qtbot, view, row)
    panel = view.detail
    loaded = panel.detail
    assert loaded is not None
    cases.change_status(other_db, other_actor, case_id, loaded.version, CaseStatus.IN_PROGRESS)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(CaseStatus.RESOLVED))
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.conflict_dialog is not None, timeout=10_000)
    dialog = panel.conflict_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    settle()
    assert cases.get_case(ctx.db, case_id).status == CaseStatus.IN_PROGRESS
    assert panel.status_chip.text() == "In progress"
    assert "not saved" in panel.message_text()


def test_permission_denied_gets_a_clear_message(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    select_row(qtbot, view, 0)
    ctx.actor = replace(ctx.actor, roles=frozenset({Role.MEDIATOR}))
    panel = view.detail
    assert panel.detail is not None
    panel._update_enabled()
    assert not panel.status_button.isEnabled()
    assert "may not change cases" in panel.status_button.toolTip()
    panel.submit_changes({"status": panel.status_combo.itemData(0)})
    settle()
    assert "may not change cases" in panel.message_text()


def test_struck_note_stays_visible_with_its_reason(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    case_id = select_row(qtbot, view, 0)
    panel = view.detail
    panel.note_edit.setFocus()
    ime_type(panel.note_edit, "当事人电话：打错了号码")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert panel.note_edit.toPlainText() == ""
    note = next(n for n in cases.get_case(ctx.db, case_id).notes if "打错" in n.text)
    widgets = panel.note_widgets[note.id]
    assert widgets.strike_button is not None
    qtbot.mouseClick(widgets.strike_button, Qt.MouseButton.LeftButton)
    dialog = panel.reason_dialog
    assert dialog is not None
    qtbot.waitActive(dialog)
    ime_type(dialog.edit, "号码记错，见下一条")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    qtbot.waitUntil(lambda: panel.note_widgets[note.id].reason is not None, timeout=5000)
    struck = panel.note_widgets[note.id]
    assert struck.text.isVisible() and struck.text.text() == note.text
    assert struck.text.font().strikeOut()
    assert struck.reason is not None and "号码记错，见下一条" in struck.reason.text()
    assert struck.strike_button is None
    assert cases.get_case(ctx.db, case_id).notes[-1].strike_reason == "号码记错，见下一条"


def test_offline_blocks_edits_and_keeps_typed_note(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    case_id = select_row(qtbot, view, 0)
    panel = view.detail
    notes_before = len(cases.get_case(ctx.db, case_id).notes)
    panel.note_edit.setFocus()
    ime_type(panel.note_edit, "回访：双方已和解")
    view.set_online(False)
    assert not view.new_button.isEnabled()
    assert "Offline" in view.new_button.toolTip()
    for button in (panel.status_button, panel.assign_button, panel.add_note_button):
        assert not button.isEnabled()
        assert "Offline" in button.toolTip()
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert panel.note_edit.toPlainText() == "回访：双方已和解"
    assert len(cases.get_case(ctx.db, case_id).notes) == notes_before
    view.set_online(True)
    assert panel.add_note_button.isEnabled()


def test_overdue_due_time_is_highlighted_in_the_detail(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.overdue_button, Qt.MouseButton.LeftButton)
    settle()
    select_row(qtbot, view, 0)
    due = view.detail.fact["resolution_due"]
    assert "overdue by" in due.text()
    assert "8b1a1a" in due.styleSheet()


def test_time_passing_turns_a_row_overdue(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    row = next(
        i for i, r in enumerate(rows(view)) if r.resolution_due and not r.is_overdue(ctx.clock())
    )
    assert view.model.index(row, Column.DUE).data(Qt.ItemDataRole.BackgroundRole) is None
    due = rows(view)[row].resolution_due
    assert due is not None
    ctx.clock = lambda: due + timedelta(minutes=1)
    view.model.recheck_overdue()
    assert view.model.index(row, Column.DUE).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_the_view_is_readable(qtbot, view: CasesView, settle, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Grab the screen for a look; check nothing essential is squeezed out."""
    select_row(qtbot, view, 0)
    settle()
    view.grab().save(str(tmp_path / "cases.png"))
    header = view.table.horizontalHeader()
    fm = view.table.fontMetrics()
    for column in (Column.CASE_NO, Column.REPORTED, Column.DUE, Column.STATUS):
        text = view.model.index(0, column).data() or ""
        assert header.sectionSize(column) >= fm.horizontalAdvance(text), column
    assert header.sectionSize(Column.SUMMARY) >= 150
