"""Database settings keep the URL options they do not show, and name the CA certificate."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from stationdesk.ui.app import SETTINGS_DB_URL, app_settings
from stationdesk.ui.context import AppContext
from stationdesk.ui.settings_dialog import SettingsDialog

SERVER = "postgresql://duty@db.station.lan:5433/station"


def _save(qtbot, dialog: SettingsDialog) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = str(app_settings().value(SETTINGS_DB_URL, "", str))
    app_settings().remove(SETTINGS_DB_URL)
    return saved


def test_saving_keeps_the_ca_certificate_and_other_options(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ca = tmp_path / "ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog = SettingsDialog(
        ctx.worker,
        f"{SERVER}?sslmode=verify-full&sslrootcert={ca}&connect_timeout=5&application_name=desk-3",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sslmode_combo.currentText() == "verify-full"
    assert dialog.sslrootcert_edit.text() == str(ca)
    dialog.port_spin.setValue(5432)  # the officer changes something else
    saved = _save(qtbot, dialog)
    assert saved.startswith("postgresql+psycopg://duty@db.station.lan:5432/station?")
    assert dict(make_url(saved).query) == {
        "sslmode": "verify-full",
        "sslrootcert": str(ca),
        "connect_timeout": "5",
        "application_name": "desk-3",
    }


def test_the_ca_certificate_is_entered_and_checked(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx.worker, f"{SERVER}?sslmode=require")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sslrootcert_edit.text() == ""
    dialog.sslmode_combo.setCurrentText("verify-ca")
    dialog.sslrootcert_edit.setText(str(tmp_path / "missing.crt"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text().startswith("CA certificate:")
    assert dialog.isVisible()

    ca = tmp_path / "ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.sslrootcert_edit.setText(str(ca))
    url = make_url(_save(qtbot, dialog))
    assert (url.host, url.port, url.database) == ("db.station.lan", 5433, "station")
    assert dict(url.query) == {"sslmode": "verify-ca", "sslrootcert": str(ca)}


def test_an_empty_ca_field_adds_no_option(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx.worker, f"{SERVER}?sslmode=require&sslrootcert=/old/ca.crt")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sslrootcert_edit.clear()  # back to libpq's default location
    assert dict(make_url(_save(qtbot, dialog)).query) == {"sslmode": "require"}
