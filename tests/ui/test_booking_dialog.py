"""The booking dialog on the demo station: suggestions, a conflict, a booking in the case."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from stationdesk.data import booking_options as bo
from stationdesk.data import case_timeline, cases
from stationdesk.data import mediation_booking as mb
from stationdesk.data.schema import Case
from stationdesk.data.uow import SYSTEM
from stationdesk.domain.enums import CaseCategory, CaseStatus
from stationdesk.ui.booking_dialog import BookingDialog
from stationdesk.ui.case_detail import CaseDetailPanel


def open_dispute(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        return int(
            s.scalars(
                select(Case.id)
                .where(
                    Case.category == CaseCategory.DISPUTE_FAMILY,
                    Case.status.in_([CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS]),
                )
                .order_by(Case.id.desc())
                .limit(1)
            ).one()
        )


def test_suggestions_are_shown_with_reasons(qtbot, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    dialog = BookingDialog(ctx, open_dispute(ctx))
    qtbot.addWidget(dialog)
    settle()
    tree = dialog.mediator_tree
    assert tree.topLevelItemCount() >= 5
    scores = [int(tree.topLevelItem(i).text(2)) for i in range(3)]
    assert scores == sorted(scores, reverse=True)
    assert "handles this kind of dispute" in dialog.why_label.text()
    assert dialog.slot_list.count() > 0 and dialog.room_combo.count() > 0
    assert dialog.book_button.isEnabled()


def test_a_conflict_is_shown_and_booking_refused(qtbot, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    case_id = open_dispute(ctx)
    detail = cases.get_case(ctx.db, case_id)
    party = next(p for p in detail.parties if p.resident_id)
    first = bo.booking_options(ctx.db, case_id, ctx.clock()).mediators[0]
    mb.declare_relation(ctx.db, SYSTEM, first.id, party.name, "spouse", party.resident_id)
    dialog = BookingDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    settle()
    tree = dialog.mediator_tree
    last = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert last.text(0) == "⚠ " + first.name  # blocked: listed last
    tree.setCurrentItem(last)
    assert not dialog.conflict_label.isHidden()
    assert party.name in dialog.conflict_label.text() and "spouse" in dialog.conflict_label.text()
    assert not dialog.book_button.isEnabled()
    assert "Conflict of interest" in dialog.book_button.toolTip()
    dialog.book()  # even when forced, nothing is booked
    settle()
    assert "Conflict" in dialog.message_text()
    assert not [s for s in case_timeline.sessions(ctx.db, case_id) if s.starts_at >= ctx.clock()]


# Opening a window-modal dialog makes the offscreen platform say it cannot pass size hints
# on; that is the test platform, not the dialog.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_booking_from_the_case_shows_in_the_case(qtbot, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    case_id = open_dispute(ctx)
    before = len(case_timeline.sessions(ctx.db, case_id))
    panel = CaseDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_case(case_id)
    settle()
    assert panel.actions.book_button.isEnabled()
    panel.actions.book_button.click()
    dialog = panel.booking_dialog
    assert dialog is not None
    settle()
    offer = dialog._current_offer()
    assert offer is not None
    with qtbot.waitSignal(dialog.booked, timeout=20_000):
        dialog.book_button.click()
    settle()
    sessions = case_timeline.sessions(ctx.db, case_id)
    assert len(sessions) == before + 1
    assert any(s.starts_at == offer.starts_at for s in sessions)
    assert panel.detail is not None and panel.detail.status == CaseStatus.IN_MEDIATION
    assert "booked" in panel.message_label.text()


def test_a_director_overrides_with_a_justification(qtbot, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from stationdesk.domain.enums import Role

    case_id = open_dispute(ctx)
    party = next(p for p in cases.get_case(ctx.db, case_id).parties if p.resident_id)
    first = bo.booking_options(ctx.db, case_id, ctx.clock()).mediators[0]
    mb.declare_relation(ctx.db, SYSTEM, first.id, party.name, "relative", party.resident_id)
    ctx.actor = replace(ctx.actor, roles=frozenset({Role.DIRECTOR}))
    dialog = BookingDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    settle()
    tree = dialog.mediator_tree
    tree.setCurrentItem(tree.topLevelItem(tree.topLevelItemCount() - 1))
    assert not dialog.override_edit.isHidden() and not dialog.book_button.isEnabled()
    assert "justification" in dialog.book_button.toolTip() or "why" in dialog.book_button.toolTip()
    dialog.override_edit.setPlainText("双方当事人书面同意由其调解")
    assert dialog.book_button.isEnabled()
    with qtbot.waitSignal(dialog.booked, timeout=20_000) as booked:
        dialog.book_button.click()
    assert [c.party for c in booked.args[0].overridden] == [party.name]
