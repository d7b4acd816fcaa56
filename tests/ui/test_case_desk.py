"""The Cases desk's list model, filter bar, quick views, timeline and export."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from stationdesk.data import case_export, case_queries, cases, changes, people, users
from stationdesk.data.case_merge import save_case_edit
from stationdesk.data.case_timeline import TimelineKind
from stationdesk.data.cases import CaseFilter
from stationdesk.data.database import Database
from stationdesk.data.demo import DEMO_PASSWORD
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import latest_change_seq
from stationdesk.domain.enums import CaseCategory, CaseStatus, PartyRole, Team
from stationdesk.domain.validation import mask_phone
from stationdesk.ui import case_model
from stationdesk.ui.case_filters import owner_key
from stationdesk.ui.case_model import ROW_ROLE, CaseListModel, Column
from stationdesk.ui.case_timeline import CaseTimelineWidget
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.cases import CasesView

ALL_STATUSES = "all"


def make_view(qtbot, ctx: AppContext, settle) -> CasesView:  # type: ignore[no-untyped-def]
    v = CasesView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(900, 600)  # fixed limits: the offscreen platform warns on changes
    v.resize(1440, 900)
    v.show()
    qtbot.waitExposed(v)
    settle()
    return v


@pytest.fixture
def view(qtbot, ctx: AppContext, settle) -> CasesView:  # type: ignore[no-untyped-def]
    return make_view(qtbot, ctx, settle)


@pytest.fixture
def other(ctx: AppContext) -> Iterator[tuple[Database, object]]:
    db = Database(ctx.db.url)
    yield db, replace(ctx.actor, workstation="workstation-2")
    db.dispose()


def rows(view: CasesView) -> list[cases.CaseRow]:
    m = view.model
    return [m.data(m.index(r, 0), ROW_ROLE) for r in range(m.rowCount())]


def select_case(qtbot, view: CasesView, case_id: int) -> None:  # type: ignore[no-untyped-def]
    view.detail.show_case(case_id)
    qtbot.waitUntil(
        lambda: view.detail.detail is not None and view.detail.detail.id == case_id,
        timeout=10_000,
    )
    QApplication.processEvents()


def timeline_texts(widget: CaseTimelineWidget) -> list[str]:
    return [
        " | ".join(label.text() for label in frame.findChildren(QLabel))
        for _entry, frame in widget.entry_frames
    ]


# ------------------------------------------------------------------------ model


def test_case_list_model_passes_the_qt_model_tester(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, ctx: AppContext, settle, monkeypatch
) -> None:
    # Small pages over one category: several pages, and a tester that stays quick.
    fetch_page = case_model._fetch_page

    def small_pages(ctx_, query, after):  # type: ignore[no-untyped-def]
        return fetch_page(ctx_, query, after, limit=40)

    monkeypatch.setattr(case_model, "_fetch_page", small_pages)
    model = CaseListModel(ctx)
    qtmodeltester.check(model)  # Qt's tester stays attached: every change below is checked
    model.set_filter(CaseFilter(categories=frozenset({CaseCategory.CONFLICT})))
    settle()
    # The tester asks for more rows until there are none: page after page is inserted.
    qtbot.waitUntil(lambda: model.rowCount() == model.total_count > 80, timeout=20_000)
    model.sort(Column.PRIORITY, Qt.SortOrder.AscendingOrder)  # a reset
    settle()
    model.sort(Column.REPORTED, Qt.SortOrder.DescendingOrder)
    settle()
    first = model.case_at(0)
    assert first is not None
    seq = latest_change_seq(ctx.db)
    cases.add_note(ctx.db, ctx.actor, first.id, "模型测试")
    detail = cases.get_case(ctx.db, first.id)
    save_case_edit(ctx.db, ctx.actor, detail, {"priority": "low"})
    model.apply_changes(changes.changes_after(ctx.db, seq))  # a dataChanged
    settle()
    assert model.case_at(0).priority.value == "low"  # type: ignore[union-attr]
    ctx.clock = lambda: datetime.now() + timedelta(days=400)
    model.recheck_overdue()  # rows turn overdue: dataChanged for each
    qtmodeltester.check(model, force_py=True)  # and pytest-qt's own checks of every role


# ---------------------------------------------------------------------- filters


def test_owner_filter_lists_only_that_officers_cases(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, settle
) -> None:
    view.status_combo.setCurrentIndex(view.status_combo.findData(ALL_STATUSES))
    settle()
    owner = next(
        r for r in rows(view) if r.owner_name and r.owner_name not in {t.value for t in Team}
    )
    staff = next(s for s in people.list_staff(ctx.db) if s.name == owner.owner_name)
    view.owner_combo.setCurrentIndex(view.owner_combo.findData(owner_key("staff", staff.id)))
    settle()
    shown = rows(view)
    assert shown and {r.owner_name for r in shown} == {staff.name}
    assert view.model.total_count == cases.count_cases(
        ctx.db, CaseFilter(owner_staff_ids=frozenset({staff.id}))
    )
    view.owner_combo.setCurrentIndex(
        view.owner_combo.findData(owner_key("team", "law_enforcement"))
    )
    settle()
    assert view.model.case_filter.owner_teams == {Team.LAW_ENFORCEMENT}
    assert view.model.case_filter.owner_staff_ids == frozenset()


def test_date_range_and_party_name_search(qtbot, view: CasesView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    view.status_combo.setCurrentIndex(view.status_combo.findData(ALL_STATUSES))
    settle()
    day = rows(view)[10].reported_at.date()
    qday = QDate(day.year, day.month, day.day)
    view.filters.since_edit.setDate(qday)
    view.filters.until_edit.setDate(qday)
    settle()
    shown = rows(view)
    assert shown and {r.reported_at.date() for r in shown} == {day}
    assert view.model.total_count == cases.count_cases(
        ctx.db,
        CaseFilter(
            reported_since=datetime.combine(day, datetime.min.time()),
            reported_before=datetime.combine(day + timedelta(days=1), datetime.min.time()),
        ),
    )
    view.filters.since_edit.setDate(view.filters.since_edit.minimumDate())  # "any day"
    view.filters.until_edit.setDate(view.filters.until_edit.minimumDate())
    settle()
    # A party's name finds the case, though it is in no column of the list.
    with_party = next(d for r in rows(view)[:50] if (d := cases.get_case(ctx.db, r.id)).parties)
    name = with_party.parties[0].name
    view.search_edit.setText(name)
    qtbot.waitUntil(lambda: view.model.case_filter.text == name, timeout=3000)
    settle()
    assert with_party.id in {r.id for r in rows(view)}


def test_quick_views_set_the_whole_bar_and_show_which_is_on(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, settle
) -> None:
    buttons = view.preset_buttons
    assert buttons["open"].isChecked()
    qtbot.mouseClick(buttons["overdue"], Qt.MouseButton.LeftButton)
    settle()
    assert view.overdue_button.isChecked() and buttons["overdue"].isChecked()
    assert not buttons["open"].isChecked()
    now = ctx.clock()
    assert rows(view) and all(r.is_overdue(now) for r in rows(view))
    qtbot.mouseClick(buttons["unassigned"], Qt.MouseButton.LeftButton)
    settle()
    assert not view.overdue_button.isChecked() and view.unassigned_button.isChecked()
    assert all(not r.owner_name for r in rows(view))
    # Narrowing further leaves the quick view.
    view.priority_combo.setCurrentIndex(2)
    settle()
    assert not any(b.isChecked() for b in buttons.values())
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    settle()
    assert buttons["open"].isChecked()
    assert view.model.case_filter == CaseFilter(open_only=True)
    # The duty officer is responsible for no grid: "My grid" says why it is off.
    assert not buttons["my_grid"].isEnabled()
    assert "not the responsible officer" in buttons["my_grid"].toolTip()


def test_my_grid_shows_the_grid_officers_own_grids(qtbot, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    ctx.actor = users.sign_in(ctx.db, "zhang.community", DEMO_PASSWORD)
    view = make_view(qtbot, ctx, settle)
    mine = case_queries.my_grid_ids(ctx.db, ctx.actor.user_id)
    assert mine
    button = view.preset_buttons["my_grid"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    assert button.isChecked()
    names = {g.name for g in people.list_grids(ctx.db) if g.id in mine}
    assert rows(view) and {r.grid_name for r in rows(view)} <= names
    assert all(r.status.is_open for r in rows(view))
    assert view.model.total_count == cases.count_cases(
        ctx.db, CaseFilter(open_only=True, grid_ids=mine)
    )


# --------------------------------------------------------------------- timeline


def test_timeline_shows_assignments_notes_and_linked_reports(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, other, settle
) -> None:
    other_db, other_actor = other
    target = next(r for r in rows(view) if r.status == CaseStatus.ASSIGNED)
    select_case(qtbot, view, target.id)
    panel = view.detail
    loaded = panel.detail
    assert loaded is not None
    staff = [s for s in people.list_staff(ctx.db) if s.kind.value == "police"]
    new_owner = next(s for s in staff if s.id != loaded.owner_staff_id)
    panel.staff_combo.setCurrentIndex(panel.staff_combo.findData(new_owner.id))
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    settle()
    # Another workstation records a new report at the same address.
    repeat = cases.create_case(other_db, other_actor, cases.CaseDraft(
        loaded.category, loaded.source, loaded.priority, ctx.clock(), loaded.grid_id,
        loaded.address or "测试地址 1 号", "又来了", parties=(
            cases.PartyInfo("赵六", PartyRole.COMPLAINANT),
        ),
    ))  # fmt: skip
    panel.reload()
    settle()
    timeline = panel.timeline
    kinds = {entry.kind.value for entry, _frame in timeline.entry_frames}
    assert {"status", "assignment"} <= kinds
    texts = "\n".join(timeline_texts(timeline))
    assert f"Owner: {new_owner.name}" in texts
    if loaded.address:
        assert "related" in kinds and repeat.case_no in texts
        # A linked report opens with a click on its number.
        link = next(
            lab for _e, f in timeline.entry_frames for lab in f.findChildren(QLabel)
            if repeat.case_no in lab.text()
        )  # fmt: skip
        link.linkActivated.emit(f"case:{repeat.id}")
        qtbot.waitUntil(
            lambda: panel.detail is not None and panel.detail.id == repeat.id, timeout=10_000
        )
    # Hiding a kind hides its entries.
    timeline.kind_buttons[TimelineKind.STATUS].setChecked(False)
    assert all(e.kind != TimelineKind.STATUS for e, _f in timeline.entry_frames)
    # A duty officer is not offered the audit entries.
    assert not timeline.kind_buttons[TimelineKind.AUDIT].isVisibleTo(timeline)


def test_director_reads_the_audit_entries_of_a_case_and_that_is_recorded(  # type: ignore[no-untyped-def]
    qtbot, ctx, settle
) -> None:
    ctx.actor = users.sign_in(ctx.db, "director", DEMO_PASSWORD)
    view = make_view(qtbot, ctx, settle)
    target = rows(view)[0]
    detail = cases.get_case(ctx.db, target.id)
    save_case_edit(ctx.db, ctx.actor, detail, {"summary": detail.summary + "（核实）"})
    select_case(qtbot, view, target.id)
    timeline = view.detail.timeline
    audit = timeline.kind_buttons[TimelineKind.AUDIT]
    assert audit.isVisibleTo(timeline) and not audit.isChecked()
    audit.setChecked(True)
    settle()
    texts = "\n".join(
        t for (e, _f), t in zip(timeline.entry_frames, timeline_texts(timeline), strict=True)
        if e.kind.value == "audit"
    )  # fmt: skip
    assert "Case edited" in texts and "（核实）" in texts
    assert "Audit entries viewed" in texts  # this reading is itself on record
    with ctx.db.read() as s:
        reads = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "audit.read", AuditEntry.object_id == target.id
            )
        ).all()
    assert len(reads) == 1 and reads[0].username == "director"


# ----------------------------------------------------------------------- export


def test_export_to_csv_writes_the_filtered_list_masked(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, settle, tmp_path: Path
) -> None:
    view.status_combo.setCurrentIndex(view.status_combo.findData(ALL_STATUSES))
    settle()
    total = view.model.total_count
    assert total > case_export.BATCH  # more than one batch: the bar moves
    dialog = view.export_to(tmp_path / "cases", "csv")
    seen: list[tuple[int, int]] = []
    dialog.progressed.connect(lambda done, of: seen.append((done, of)))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert dialog.result is not None and dialog.result.rows == total
    assert dialog.bar.value() == dialog.bar.maximum() == total
    assert seen and seen[0][0] < total
    assert "Saved" in dialog.outcome.text() and dialog.close_button.isVisible()
    raw = (tmp_path / "cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0][:3] == ["Case no.", "Reported", "Category"]
    assert len(table) == total + 1
    assert [r[0] for r in table[1:6]] == [r.case_no for r in rows(view)[:5]]  # list order
    phones = {p.phone for r in rows(view)[:40] for p in cases.get_case(ctx.db, r.id).parties
              if p.phone}  # fmt: skip
    text = raw.decode("utf-8-sig")
    assert phones and not any(p in text for p in phones)
    assert any(mask_phone(p) in text for p in phones)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.export_dialog is None)


def test_export_to_xlsx_can_be_cancelled(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, settle, tmp_path: Path, monkeypatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = case_export.case_queries.list_cases_page

    def slow_page(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)  # the export waits here until the officer has clicked Cancel
        return real(*args, **kwargs)

    monkeypatch.setattr(case_export.case_queries, "list_cases_page", slow_page)
    dialog = view.export_to(tmp_path / "cases.xlsx", "xlsx")
    assert started.wait(10)
    assert dialog.running and dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # it closes only once the export has stopped
    release.set()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.result is not None and dialog.result.cancelled
    assert "no file" in dialog.outcome.text()
    assert not any(p.name.startswith("cases") for p in tmp_path.iterdir())
    # Without the brake, the same export completes and reads back.
    monkeypatch.setattr(case_export.case_queries, "list_cases_page", real)
    done = view.export_to(tmp_path / "cases.xlsx", "xlsx")
    qtbot.waitUntil(lambda: done.result is not None, timeout=30_000)
    book = load_workbook(tmp_path / "cases.xlsx", read_only=True)
    values = list(book.active.iter_rows(values_only=True))
    book.close()
    assert values[0][0] == "Case no." and len(values) == view.model.total_count + 1
    assert values[1][0] == rows(view)[0].case_no


# ------------------------------------------------------------------------ looks


def test_the_desk_with_filters_and_a_timeline_is_readable(  # type: ignore[no-untyped-def]
    qtbot, ctx, settle, tmp_path: Path
) -> None:
    """Grab the screen for a look (STATIONDESK_SHOTS=dir keeps the PNG)."""
    import os

    ctx.actor = users.sign_in(ctx.db, "director", DEMO_PASSWORD)
    view = make_view(qtbot, ctx, settle)
    qtbot.mouseClick(view.preset_buttons["overdue"], Qt.MouseButton.LeftButton)
    settle()
    target = rows(view)[0]
    detail = cases.get_case(ctx.db, target.id)
    cases.add_note(ctx.db, ctx.actor, target.id, "已电话联系双方，约定明天上午调解")
    save_case_edit(ctx.db, ctx.actor, detail, {"priority": "urgent"})
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.detail is not None, timeout=10_000)
    view.model.refresh_cases([target.id])
    view.detail.reload()
    settle()
    view.detail.timeline.kind_buttons[TimelineKind.AUDIT].setChecked(True)
    settle()
    QApplication.processEvents()
    folder = Path(os.environ.get("STATIONDESK_SHOTS", tmp_path))
    assert view.grab().save(str(folder / "cases-desk.png"))
    panel = view.detail
    panel.scroll_area.ensureWidgetVisible(panel.timeline, 0, 0)
    QApplication.processEvents()
    assert view.grab().save(str(folder / "cases-desk-timeline.png"))
    # The detail never needs a sideways scroll.
    assert not panel.scroll_area.horizontalScrollBar().isVisible()
    # Nothing in the filter bar is squeezed below what it needs to be read.
    for widget in (*view.preset_buttons.values(), view.filters.since_edit,
                   view.filters.until_edit, view.overdue_button, view.export_button):  # fmt: skip
        assert widget.width() >= widget.minimumSizeHint().width(), widget
    assert view.detail.timeline.entry_frames
    assert view.model.index(0, Column.DUE).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_overdue_cases_are_highlighted_in_the_shift_report_list_too(  # type: ignore[no-untyped-def]
    qtbot, ctx, settle
) -> None:
    from stationdesk.data import station_settings
    from stationdesk.domain.deadlines import DeadlinePolicy
    from stationdesk.domain.enums import CaseSource, Priority
    from stationdesk.ui.views.reports import ReportsView

    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.setMinimumSize(640, 400)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    start, _end = view.shift_picker.itemData(1)  # the shift before this one
    # A station with very short deadlines: an urgent case of that shift is overdue now.
    admin = users.sign_in(ctx.db, "admin", DEMO_PASSWORD)
    minute = dict.fromkeys(Priority, timedelta(minutes=1))
    station_settings.set_deadline_policy(ctx.db, admin, DeadlinePolicy(minute, minute))
    late = cases.create_case(ctx.db, ctx.actor, cases.CaseDraft(
        CaseCategory.CONFLICT, CaseSource.PATROL, Priority.URGENT, start + timedelta(minutes=5),
        None, "", "深夜斗殴",
    ))  # fmt: skip
    view.shift_picker.setCurrentIndex(1)
    settle()
    table = view.case_table
    by_no = {r.case_no: r for r in view.rows}
    assert late.case_no in by_no
    now = ctx.clock()
    for row in range(table.rowCount()):
        case = by_no[table.item(row, 1).text()]
        painted = table.item(row, 0).background().style() != Qt.BrushStyle.NoBrush
        assert painted == case.is_overdue(now), case.case_no


def test_an_administrator_sets_the_deadlines_new_cases_get(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx, settle
) -> None:
    from stationdesk.data import station_settings
    from stationdesk.domain.enums import CaseSource, Priority

    assert not view.deadlines_button.isVisibleTo(view)  # a duty officer: not offered
    ctx.actor = users.sign_in(ctx.db, "admin", DEMO_PASSWORD)
    admin_view = make_view(qtbot, ctx, settle)
    assert admin_view.deadlines_button.isVisibleTo(admin_view)
    dialog = admin_view.edit_deadlines()
    settle()
    assert dialog.resolution[Priority.URGENT].value() == 24  # the defaults are shown
    dialog.resolution[Priority.URGENT].setValue(12)
    dialog.first_response[Priority.URGENT].setValue(5)
    dialog.category_on[CaseCategory.DISPUTE_LABOUR].setChecked(True)
    dialog.category_days[CaseCategory.DISPUTE_LABOUR].setValue(30)
    dialog.repeat_days.setValue(60)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert admin_view.deadlines_dialog is None  # saved and closed
    assert station_settings.repeat_window_days(ctx.db) == 60
    at = ctx.clock() - timedelta(minutes=1)
    urgent = cases.create_case(ctx.db, ctx.actor, cases.CaseDraft(
        CaseCategory.THEFT, CaseSource.PHONE, Priority.URGENT, at, None, "", "抢包",
    ))  # fmt: skip
    assert urgent.first_response_due == at + timedelta(minutes=5)
    assert urgent.resolution_due == at + timedelta(hours=12)
    labour = cases.create_case(ctx.db, ctx.actor, cases.CaseDraft(
        CaseCategory.DISPUTE_LABOUR, CaseSource.PHONE, Priority.URGENT, at, None, "", "欠薪",
    ))  # fmt: skip
    assert labour.resolution_due == at + timedelta(days=30)


def test_timeline_shows_the_mediation_chain_to_its_follow_up_visits(  # type: ignore[no-untyped-def]
    qtbot, view: CasesView, ctx: AppContext
) -> None:
    from sqlalchemy import select

    from stationdesk.data.schema import FollowUp

    with ctx.db.engine.connect() as conn:
        case_id, due_on = conn.execute(
            select(FollowUp.case_id, FollowUp.due_on).order_by(FollowUp.id).limit(1)
        ).one()
    select_case(qtbot, view, case_id)
    timeline = view.detail.timeline
    qtbot.waitUntil(
        lambda: any(e.kind == TimelineKind.FOLLOW_UP for e, _f in timeline.entry_frames),
        timeout=10_000,
    )
    texts = "\n".join(timeline_texts(timeline))
    assert "Follow-up visit" in texts and due_on.strftime("%Y-%m-%d") in texts
    assert "Mediation session" in texts  # the session the follow-up came from
    # The Mediation chip shows and hides the whole chain.
    timeline.kind_buttons[TimelineKind.MEDIATION].setChecked(False)
    assert all(
        e.kind not in (TimelineKind.MEDIATION, TimelineKind.FOLLOW_UP)
        for e, _f in timeline.entry_frames
    )
