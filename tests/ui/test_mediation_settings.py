"""Mediation settings: the administrator sets follow-up days, the mediation period and
its warning; a wrong value gets a message at its field and nothing is saved."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from stationdesk.data import mediation_outcome, users
from stationdesk.data.demo import DEMO_PASSWORD
from stationdesk.data.mediation_outcome import MediationSettings
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import SYSTEM
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_time
from stationdesk.ui.mediation_settings import MediationSettingsDialog
from stationdesk.ui.views.cases import CasesView
from stationdesk.ui.views.mediation import MediationView


def open_dialog(qtbot, ctx: AppContext, settle) -> tuple[CasesView, MediationSettingsDialog]:  # type: ignore[no-untyped-def]
    ctx.actor = users.sign_in(ctx.db, "admin", DEMO_PASSWORD)
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.setMinimumSize(900, 600)
    view.resize(1440, 900)
    view.show()
    qtbot.waitExposed(view)
    settle()
    assert view.mediation_settings_button.isVisibleTo(view)
    qtbot.mouseClick(view.mediation_settings_button, Qt.MouseButton.LeftButton)
    dialog = view.mediation_settings_dialog
    assert dialog is not None
    settle()
    return view, dialog


def saved_settings_count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return (
            s.scalar(select(func.count()).where(AuditEntry.action.like("settings.mediation%"))) or 0
        )


def test_a_duty_officer_is_not_offered_the_mediation_settings(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle
) -> None:
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.setMinimumSize(900, 600)
    view.show()
    settle()
    assert not view.mediation_settings_button.isVisibleTo(view)


def test_bad_values_get_a_message_at_the_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle
) -> None:
    view, dialog = open_dialog(qtbot, ctx, settle)
    assert dialog.follow_up_edit.text() == "7, 30"  # the defaults are shown
    assert (dialog.period_days.value(), dialog.warning_days.value()) == (30, 5)

    dialog.follow_up_edit.setText("7, 三十")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.follow_up_error.isVisible()
    assert dialog.follow_up_error.text() == "Whole numbers of days, separated by commas."
    dialog.follow_up_edit.setText("")
    assert not dialog.follow_up_error.isVisible()  # typing clears the message
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.follow_up_error.text() == "At least one follow-up visit is needed."
    dialog.follow_up_edit.setText("7, 400")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.follow_up_error.text() == "Each from 1 to 365 days."

    dialog.follow_up_edit.setText("7，30")
    dialog.period_days.setValue(10)
    dialog.warning_days.setValue(10)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.follow_up_error.isVisible()
    assert dialog.warning_error.isVisible()
    assert "fewer than 10 days" in dialog.warning_error.text()
    assert dialog.isVisible() and not dialog.message.isVisible()
    settle()
    dialog.reject()
    settle()
    assert view.mediation_settings_dialog is None
    assert mediation_outcome.mediation_settings(ctx.db) == MediationSettings()
    assert saved_settings_count(ctx) == 0


def test_saved_period_is_the_one_the_mediation_view_counts_down(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle
) -> None:
    view, dialog = open_dialog(qtbot, ctx, settle)
    dialog.follow_up_edit.setText("30 3 14")
    dialog.period_days.setValue(12)
    dialog.warning_days.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert view.mediation_settings_dialog is None  # saved and closed
    assert mediation_outcome.mediation_settings(ctx.db) == MediationSettings((3, 14, 30), 12, 3)

    mediation = MediationView(ctx)
    qtbot.addWidget(mediation)
    mediation.setMinimumSize(640, 400)
    mediation.resize(1400, 900)
    mediation.show()
    qtbot.waitExposed(mediation)
    mediation.refresh()
    settle()
    data = mediation.sessions_panel.sessions
    assert data is not None and data.periods, "the demo has sessions of cases in mediation"
    shown = {s.case_id: row for row, s in enumerate(data.sessions)}
    for case_id, period in data.periods.items():
        assert period.deadline == period.entered_at + timedelta(days=12)
        due = period.deadline
        item = mediation.sessions_panel.session_table.item(shown[case_id], 7)
        assert item.toolTip() == f"{format_date(due)} {format_time(due)}"


def test_settings_changed_on_another_workstation_are_not_overwritten_unseen(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle
) -> None:
    view, dialog = open_dialog(qtbot, ctx, settle)
    other = MediationSettings((5, 20), 25, 4)
    mediation_outcome.set_mediation_settings(ctx.db, SYSTEM, other)  # another workstation
    dialog.period_days.setValue(40)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert "5, 20" in dialog.message.text() and "25" in dialog.message.text()
    assert mediation_outcome.mediation_settings(ctx.db) == other
    assert dialog.period_days.value() == 40  # what the administrator typed stays

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # save again: theirs
    settle()
    assert view.mediation_settings_dialog is None  # saved and closed
    assert mediation_outcome.mediation_settings(ctx.db) == MediationSettings((7, 30), 40, 5)
