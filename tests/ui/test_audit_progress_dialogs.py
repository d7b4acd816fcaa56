"""The audit trail's export and chain check show entries done of total and can be
cancelled; a cancelled export leaves no file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from stationdesk.data import audit, audit_queries, users
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.audit import AuditTrailDialog

DEMO_PASSWORD = "demo-password-1"  # the demo station's accounts (tests/ui/conftest.py)


@pytest.fixture
def viewer(qtbot, ctx: AppContext, settle) -> Iterator[AuditTrailDialog]:  # type: ignore[no-untyped-def]
    ctx.actor = users.sign_in(ctx.db, "director", DEMO_PASSWORD)
    dialog = AuditTrailDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    qtbot.waitUntil(lambda: dialog.allowed and dialog.export_button.isEnabled(), timeout=20_000)
    yield dialog
    dialog.close()


def test_export_shows_entries_done_of_total(
    qtbot, viewer: AuditTrailDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    total = audit_queries.count_audit(viewer.ctx.db)
    out = tmp_path / "trail.csv"
    dialog = viewer.export_to(out)
    assert dialog.isVisible() and dialog.cancel_button.isVisible()
    assert not viewer.export_button.isEnabled()  # one job at a time
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30_000)
    assert dialog.count is not None and dialog.count >= total
    assert dialog.bar.format() == "%v of %m entries"
    assert dialog.bar.value() == dialog.bar.maximum() == dialog.count
    assert out.is_file() and "Saved" in dialog.outcome.text()
    assert "exported" in viewer.status_label.text() and viewer.export_button.isEnabled()
    dialog.close_button.click()


def test_cancelled_export_writes_no_file(
    qtbot, viewer: AuditTrailDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # Hold the export after its first batch until Cancel has been pressed.
    release = threading.Event()
    real = audit_queries.export_csv

    def slow(db, actor, path, f, progress, cancelled):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            progress(done, total)
            release.wait(10)

        return real(db, actor, path, f, held, cancelled, batch=2)

    monkeypatch.setattr(audit_queries, "export_csv", slow)
    out = tmp_path / "export" / "trail.csv"
    out.parent.mkdir()
    dialog = viewer.export_to(out)
    qtbot.waitUntil(lambda: dialog.bar.maximum() > 1 and dialog.bar.value() == 2, timeout=20_000)
    dialog.cancel_button.click()
    assert dialog.text.text() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=20_000)
    assert dialog.outcome.text() == "Cancelled: no file was written."
    assert list(out.parent.iterdir()) == []
    assert "Cancelled" in viewer.status_label.text()


def test_chain_check_shows_progress_and_can_be_cancelled(
    qtbot, viewer: AuditTrailDialog, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = viewer.verify()
    assert dialog.bar.format() == "%v of %m entries"
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30_000)
    assert dialog.report is not None and dialog.report.ok
    assert dialog.bar.value() == dialog.bar.maximum() == dialog.report.checked > 0
    assert "intact" in dialog.outcome.text() and "intact" in viewer.status_label.text()
    dialog.close_button.click()

    release = threading.Event()
    real = audit.verify_audit_trail

    def slow(db, progress, cancelled):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            progress(done, total)
            release.wait(10)

        return real(db, 2, held, cancelled)

    monkeypatch.setattr(audit, "verify_audit_trail", slow)
    again = viewer.verify()
    qtbot.waitUntil(lambda: again.bar.value() == 2, timeout=20_000)
    again.reject()  # Esc while it runs: cancels first
    assert again.isVisible()
    release.set()
    qtbot.waitUntil(lambda: again.close_button.isVisible(), timeout=20_000)
    assert again.report is None and "cancelled" in again.outcome.text()
    assert viewer.verify_button.isEnabled()
