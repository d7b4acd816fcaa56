"""Forms given wrong values: a message at (or naming) the field, and nothing saved.

The intake form has its own tests (tests/ui/test_intake.py); the first-run account
form and the server part of the database settings are in tests/ui/test_shell.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget
from sqlalchemy import select

from stationdesk.data import cases, people, users
from stationdesk.data.case_merge import case_fields
from stationdesk.data.schema import Case
from stationdesk.domain.enums import CaseStatus
from stationdesk.ui.case_detail import CaseDetailPanel
from stationdesk.ui.context import AppContext


def open_panel(qtbot, ctx: AppContext, settle) -> CaseDetailPanel:  # type: ignore[no-untyped-def]
    window = QWidget()
    window.setFixedSize(760, 1000)
    qtbot.addWidget(window)
    panel = CaseDetailPanel(ctx, window)
    panel.keep_frame = window  # type: ignore[attr-defined]  # qtbot holds widgets weakly
    QVBoxLayout(window).addWidget(panel)
    panel.set_people(people.list_staff(ctx.db), people.list_grids(ctx.db))
    window.show()
    with ctx.db.read() as s:
        case_id = s.scalar(
            select(Case.id).where(Case.status == CaseStatus.IN_PROGRESS).order_by(Case.id)
        )
    panel.show_case(case_id)
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=10_000)
    settle()
    return panel


def test_case_edit_refuses_an_empty_summary_and_an_unknown_grid(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle
) -> None:
    panel = open_panel(qtbot, ctx, settle)
    before = cases.get_case(ctx.db, panel.case_id or 0)
    panel.edit_case()
    dialog = panel.edit_dialog
    assert dialog is not None
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)

    dialog.summary_edit.setText("   ")
    save.click()
    assert dialog.summary_error.isVisible()
    assert dialog.summary_error.text() == "A case needs a summary."
    assert dialog.isVisible()

    dialog.summary_edit.setText("楼上漏水，已联系物业")
    assert not dialog.summary_error.isVisible()  # typing clears the message
    dialog.grid_combo.setEditText("不存在的网格")
    save.click()
    assert dialog.grid_error.isVisible() and "不存在的网格" in dialog.grid_error.text()
    assert dialog.isVisible()
    dialog.reject()
    settle()
    after = cases.get_case(ctx.db, before.id)
    assert (after.version, case_fields(after)) == (before.version, case_fields(before))


def test_a_corrected_case_edit_is_saved_once(qtbot, ctx: AppContext, settle) -> None:  # type: ignore[no-untyped-def]
    panel = open_panel(qtbot, ctx, settle)
    before = cases.get_case(ctx.db, panel.case_id or 0)
    panel.edit_case()
    dialog = panel.edit_dialog
    assert dialog is not None
    dialog.summary_edit.setText("楼上漏水，已联系物业维修")
    with qtbot.waitSignal(panel.case_saved, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle()
    after = cases.get_case(ctx.db, before.id)
    assert after.summary == "楼上漏水，已联系物业维修"
    assert after.version == before.version + 1
    assert panel.message_text() == "Saved."


def test_database_settings_name_the_wrong_field_and_keep_the_saved_choice(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, tmp_path
) -> None:
    from stationdesk.ui.app import SETTINGS_DB_URL, app_settings
    from stationdesk.ui.settings_dialog import SettingsDialog

    app_settings().setValue(SETTINGS_DB_URL, "kept-choice.sqlite3")
    try:
        dialog = SettingsDialog(ctx.worker, str(ctx.db.sqlite_path))
        qtbot.addWidget(dialog)
        dialog.show()
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        dialog.path_edit.setText(str(tmp_path))  # a folder, not a file
        save.click()
        assert dialog.error_label.text().startswith("Database file:")
        dialog.server_radio.setChecked(True)
        dialog.host_edit.setText("db.station.lan")
        dialog.dbname_edit.clear()
        save.click()
        assert dialog.error_label.text().startswith("Database name:")
        assert dialog.isVisible()
        assert app_settings().value(SETTINGS_DB_URL, "", str) == "kept-choice.sqlite3"
    finally:
        app_settings().remove(SETTINGS_DB_URL)


def test_first_run_names_a_bad_user_name_and_creates_nobody(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.data import migrate
    from stationdesk.data.database import Database
    from stationdesk.ui.app import FirstRunDialog
    from stationdesk.ui.worker import DbWorker

    db = Database(str(tmp_path / "empty.sqlite3"))
    migrate.upgrade(db)
    worker = DbWorker()
    try:
        dialog = FirstRunDialog(db, worker)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.password_edit.setText("a-long-enough-secret")
        dialog.repeat_edit.setText("a-long-enough-secret")
        for name, message in (("", "User name: enter a name."), ("li si", "User name: no spaces")):
            dialog.username_edit.setText(name)
            dialog.create_button.click()
            assert dialog.error_label.text().startswith(message)
        assert users.count_users(db) == 0
    finally:
        worker.shutdown()
        db.dispose()
