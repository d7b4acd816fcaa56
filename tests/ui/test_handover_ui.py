"""The shift handover in the Reports view: generate with progress, preview, save, print,
archive, acknowledge by the incoming officer, and what happens when something is refused."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from stationdesk.data import audit, handovers, uow, users
from stationdesk.data.demo import DEMO_PASSWORD
from stationdesk.data.handovers import HandoverRecord
from stationdesk.data.uow import Change, ConflictError
from stationdesk.ui.context import AppContext
from stationdesk.ui.handover_panel import HandoverPanel, default_file_name
from stationdesk.ui.views.reports import ReportsView
from stationdesk.ui.worker import DbWorker

INSTRUCTIONS = (
    "1. 南关街 8 号纠纷明早 9 点再次调解，请提前联系双方。\n2. Patrol car 3 to the garage."
)
BUILD_TIMEOUT_MS = 60_000


@pytest.fixture
def at(ctx: AppContext) -> datetime:
    frozen = ctx.clock()
    ctx.clock = lambda: frozen
    return frozen


def open_view(qtbot, ctx: AppContext, settle) -> ReportsView:  # type: ignore[no-untyped-def]
    v = ReportsView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)  # as in the main window: no offscreen size-hint warnings
    v.resize(1600, 1000)
    v.show()
    qtbot.waitExposed(v)
    v.tabs.setCurrentWidget(v.handover)
    v.refresh()
    settle()
    return v


@pytest.fixture
def view(qtbot, ctx: AppContext, at: datetime, settle) -> Iterator[ReportsView]:  # type: ignore[no-untyped-def]
    yield open_view(qtbot, ctx, settle)


def pick_incoming(panel: HandoverPanel, display_name: str) -> None:
    index = panel.incoming.findText(display_name)
    assert index > 0, [panel.incoming.itemText(i) for i in range(panel.incoming.count())]
    panel.incoming.setCurrentIndex(index)


def generate(qtbot, panel: HandoverPanel, settle) -> bytes:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.draft is not None and not panel.building, timeout=BUILD_TIMEOUT_MS
    )
    settle()
    assert panel.draft is not None
    return panel.draft.pdf


def archive(qtbot, panel: HandoverPanel, settle) -> HandoverRecord:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.draft is not None and panel.draft.archived is not None, timeout=10_000
    )
    settle()
    assert panel.draft is not None and panel.draft.archived is not None
    return panel.draft.archived


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def director_context(ctx: AppContext, name: str = "director") -> AppContext:
    """A second workstation on the same database, with another officer signed in."""
    actor = users.sign_in(ctx.db, name, DEMO_PASSWORD)
    return AppContext(db=ctx.db, worker=DbWorker(), actor=actor, clock=ctx.clock)


def actions(db, action: str) -> list[audit.AuditRecord]:  # type: ignore[no-untyped-def]
    return [e for e in audit.recent_entries(db, 500) if e.action == action]


# ---------------------------------------------------------------- generating


def test_generating_shows_progress_and_previews_every_page(  # type: ignore[no-untyped-def]
    view: ReportsView, qtbot, settle, tmp_path: Path
) -> None:
    panel = view.handover
    assert view.shift == view.shift_picker.itemData(0)  # the current shift by default
    assert not panel.save_button.isEnabled() and not panel.archive_button.isEnabled()
    panel.language.setCurrentIndex(panel.language.findData("en"))
    panel.instructions.setPlainText(INSTRUCTIONS)
    seen: list[tuple[int, int, bool]] = []
    panel.progress.valueChanged.connect(
        lambda v: seen.append((v, panel.progress.maximum(), panel.progress.isVisible()))
    )

    pdf = generate(qtbot, panel, settle)

    assert pdf.startswith(b"%PDF-")
    assert len(seen) > 3 and all(visible for _v, _m, visible in seen)
    values = [v for v, _m, _vis in seen]
    assert values == sorted(values)  # only ever forward
    assert seen[-1][0] == seen[-1][1] > 1  # ended full
    assert not panel.progress.isVisible()
    assert panel.preview is not None and panel.preview.isVisible()
    assert panel.preview.page_count() == page_count(pdf) > 1
    assert "not archived" in panel.preview_caption.text()
    assert panel.save_button.isEnabled() and panel.print_button.isEnabled()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "南关街 8 号纠纷" in text and "Patrol car 3" in text
    shot = tmp_path / "handover.png"
    assert view.grab().save(str(shot))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)


def test_the_report_language_defaults_to_the_ui_language_and_changes_the_file_name(  # type: ignore[no-untyped-def]
    view: ReportsView,
) -> None:
    panel = view.handover
    assert panel.language.currentData() == "en"  # tests run with the English UI
    start = datetime(2026, 11, 28, 8, 0)
    assert default_file_name(start, "zh_CN") == "交接班_20261128_0800.pdf"
    assert default_file_name(start, "en") == "handover_20261128_0800.pdf"


def test_save_writes_exactly_the_generated_bytes(  # type: ignore[no-untyped-def]
    view: ReportsView, qtbot, settle, tmp_path: Path, monkeypatch
) -> None:
    panel = view.handover
    panel.language.setCurrentIndex(panel.language.findData("zh_CN"))
    pdf = generate(qtbot, panel, settle)
    asked: list[str] = []
    target = tmp_path / "out" / "chosen"  # no suffix: ".pdf" is added
    target.parent.mkdir()

    def fake_dialog(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    start = view.shift[0]
    assert Path(asked[0]).name == f"交接班_{start:%Y%m%d_%H%M}.pdf"
    saved = target.with_suffix(".pdf").read_bytes()
    assert saved == pdf
    assert "Saved to" in panel.message.text()


def test_save_to_a_folder_that_cannot_be_written_says_so(  # type: ignore[no-untyped-def]
    view: ReportsView, qtbot, settle, tmp_path: Path, monkeypatch
) -> None:
    panel = view.handover
    panel.instructions.setPlainText(INSTRUCTIONS)
    generate(qtbot, panel, settle)
    missing = tmp_path / "no such folder" / "handover.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: (str(missing), "PDF files (*.pdf)")
    )
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert not missing.exists()
    assert "could not be saved" in panel.message.text()
    assert panel.instructions.toPlainText() == INSTRUCTIONS


# ------------------------------------------------------------------ printing


def pdf_printer(path: Path, dpi: int = 100):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)  # keeps the test fast; the app prints at the printer's
    return printer


def test_print_to_prints_every_page(view: ReportsView, qtbot, settle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.ui.pdf_preview import match_printer_to

    panel = view.handover
    pdf = generate(qtbot, panel, settle)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    match_printer_to(pdf, printer)

    assert panel.print_to(printer) == page_count(pdf)

    printed = PdfReader(str(out))
    assert len(printed.pages) == page_count(pdf)
    a4 = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    for page in printed.pages:
        assert abs(float(page.mediabox.width) - float(a4.width)) < 2
        assert page.images, "each printed page carries the rendered page"
    # Not a blank sheet: the rendered page has dark (text) pixels.
    first = printed.pages[0].images[0].image.convert("L")
    assert first.getextrema()[0] < 100


class AcceptingPrintDialog:
    """Stands in for QPrintDialog: the officer picks a PDF file instead of a printer."""

    from PySide6.QtPrintSupport import QPrintDialog

    DialogCode = QPrintDialog.DialogCode
    chosen: list[Path] = []

    def __init__(self, printer, _parent) -> None:  # type: ignore[no-untyped-def]
        self.printer = printer

    def setWindowTitle(self, _title: str) -> None:
        pass

    def exec(self):  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.chosen[-1]))
        self.printer.setResolution(72)
        return self.DialogCode.Accepted


def test_print_and_reprint_buttons_print_off_the_ui_thread(  # type: ignore[no-untyped-def]
    view: ReportsView, qtbot, settle, tmp_path: Path, monkeypatch
) -> None:
    import stationdesk.ui.pdf_preview as pdf_preview

    monkeypatch.setattr(pdf_preview, "QPrintDialog", AcceptingPrintDialog)
    panel = view.handover
    pdf = generate(qtbot, panel, settle)
    AcceptingPrintDialog.chosen = [tmp_path / "printed.pdf"]
    pages_seen: list[str] = []
    panel.progress.valueChanged.connect(lambda _v: pages_seen.append(panel.progress.text()))

    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert panel.building and not panel.generate_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.building, timeout=BUILD_TIMEOUT_MS)

    assert "Printed" in panel.message.text()
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == page_count(pdf)
    assert f"Printing page {page_count(pdf)} of {page_count(pdf)}" in pages_seen
    assert panel.generate_button.isEnabled()

    archive(qtbot, panel, settle)
    AcceptingPrintDialog.chosen.append(tmp_path / "reprinted.pdf")
    assert panel.archive_list.reprint_button.isEnabled()
    qtbot.mouseClick(panel.archive_list.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.building, timeout=BUILD_TIMEOUT_MS)
    assert "Printed" in panel.message.text()
    assert len(PdfReader(str(tmp_path / "reprinted.pdf")).pages) == page_count(pdf)


# ------------------------------------------------------------- archive and ack


def test_archive_lists_the_handover_and_keeps_the_exact_bytes(  # type: ignore[no-untyped-def]
    view: ReportsView, ctx: AppContext, qtbot, settle, tmp_path: Path
) -> None:
    panel = view.handover
    pick_incoming(panel, users.find_user(ctx.db, "director").display_name)  # type: ignore[union-attr]
    panel.instructions.setPlainText(INSTRUCTIONS)
    pdf = generate(qtbot, panel, settle)

    record = archive(qtbot, panel, settle)

    assert record.sha256 == hashlib.sha256(pdf).hexdigest()
    stored = handovers.handover_pdf(ctx.db, record.id)
    assert stored == pdf and hashlib.sha256(stored).hexdigest() == record.sha256
    assert record.instructions == INSTRUCTIONS
    assert not panel.archive_button.isEnabled()  # the same report is not archived twice
    table = panel.archive_list.table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[1] == ctx.actor.display_name
    assert cells[2] == record.incoming_name
    assert cells[4] == "not yet"
    assert cells[5] == record.sha256[:8]
    # The new handover is selected and its archived bytes are what is shown.
    assert panel.archive_list.selected_record() == record
    assert "matches the archive record" in panel.preview_caption.text()
    assert record.sha256 in panel.preview_caption.text()
    assert panel.preview is not None and panel.preview.page_count() == page_count(pdf)
    assert panel.archive_list.reprint_button.isEnabled()
    out = tmp_path / "reprint.pdf"
    assert panel.archive_list.reprint_to(pdf_printer(out, 72)) == page_count(pdf)
    assert len(PdfReader(str(out)).pages) == page_count(pdf)
    assert panel.instructions.toPlainText() == INSTRUCTIONS


def test_the_incoming_officer_acknowledges_and_the_outgoing_one_sees_it(  # type: ignore[no-untyped-def]
    view: ReportsView, ctx: AppContext, qtbot, settle
) -> None:
    panel = view.handover
    director = users.find_user(ctx.db, "director")
    assert director is not None
    pick_incoming(panel, director.display_name)
    generate(qtbot, panel, settle)
    record = archive(qtbot, panel, settle)

    other = director_context(ctx)
    try:
        theirs = open_view(qtbot, other, lambda: _settle(qtbot, other))
        archive_list = theirs.handover.archive_list
        assert archive_list.select_record(record.id)
        assert archive_list.acknowledge_button.isVisible()
        assert archive_list.acknowledge_button.isEnabled()
        seen: list[Change] = []
        uow.add_local_listener(seen.extend)
        try:
            qtbot.mouseClick(archive_list.acknowledge_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: archive_list.records[0].acknowledged, timeout=10_000)
        finally:
            uow.remove_local_listener(seen.extend)
        _settle(qtbot, other)
        assert "acknowledged" in theirs.handover.message.text()
        assert not archive_list.acknowledge_button.isEnabled()
        stored = handovers.list_handovers(ctx.db)[0]
        assert stored.acknowledged and stored.incoming_user_id == director.id
        entries = actions(ctx.db, "handover.acknowledge")
        assert [(e.username, e.object_id, e.outcome) for e in entries] == [
            ("director", record.id, "ok")
        ]

        # The outgoing officer's workstation hears of it through the change feed.
        assert any(c.table == "handover" for c in seen)
        view.apply_changes(seen)
        table = panel.archive_list.table
        qtbot.waitUntil(lambda: table.item(0, 4).text() != "not yet", timeout=5000)
        assert director.display_name in table.item(0, 4).toolTip()
    finally:
        other.worker.wait_idle()
        other.worker.shutdown()


def _settle(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: context.worker.pending == 0, timeout=20_000)
    qtbot.wait(10)


def test_the_outgoing_officer_cannot_acknowledge_their_own_handover(  # type: ignore[no-untyped-def]
    view: ReportsView, ctx: AppContext, qtbot, settle
) -> None:
    panel = view.handover
    generate(qtbot, panel, settle)
    record = archive(qtbot, panel, settle)
    archive_list = panel.archive_list
    assert archive_list.selected_record() == record
    assert not archive_list.acknowledge_button.isEnabled()
    assert "yourself" in archive_list.acknowledge_button.toolTip()

    archive_list.acknowledge_selected()  # as if the button had been clicked anyway
    settle()

    assert "You handed this shift over yourself" in panel.message.text()
    assert not handovers.list_handovers(ctx.db)[0].acknowledged
    refused = actions(ctx.db, "handover.acknowledge")
    assert [(e.username, e.outcome) for e in refused] == [("duty", "refused")]


def test_a_handover_acknowledged_meanwhile_says_so_and_reloads(  # type: ignore[no-untyped-def]
    view: ReportsView, ctx: AppContext, qtbot, settle
) -> None:
    panel = view.handover
    generate(qtbot, panel, settle)  # incoming not named: any other officer may acknowledge
    record = archive(qtbot, panel, settle)
    other = director_context(ctx)
    try:
        theirs = open_view(qtbot, other, lambda: _settle(qtbot, other))
        archive_list = theirs.handover.archive_list
        assert archive_list.select_record(record.id)
        assert archive_list.acknowledge_button.isEnabled()
        admin = users.sign_in(ctx.db, "admin", DEMO_PASSWORD)
        handovers.acknowledge_handover(ctx.db, admin, record.id, record.version)

        qtbot.mouseClick(archive_list.acknowledge_button, Qt.MouseButton.LeftButton)
        _settle(qtbot, other)

        assert "already been acknowledged" in theirs.handover.message.text()
        assert archive_list.records[0].acknowledged  # reloaded
        assert archive_list.records[0].incoming_name == admin.display_name
        assert not archive_list.acknowledge_button.isEnabled()
    finally:
        other.worker.wait_idle()
        other.worker.shutdown()


def test_a_conflict_while_acknowledging_reloads_the_list(  # type: ignore[no-untyped-def]
    view: ReportsView, ctx: AppContext, qtbot, settle, monkeypatch
) -> None:
    panel = view.handover
    generate(qtbot, panel, settle)
    record = archive(qtbot, panel, settle)
    other = director_context(ctx)
    try:
        theirs = open_view(qtbot, other, lambda: _settle(qtbot, other))
        archive_list = theirs.handover.archive_list
        assert archive_list.select_record(record.id)
        loads: list[int] = []
        real_list = handovers.list_handovers

        def counting_list(*args, **kwargs):  # type: ignore[no-untyped-def]
            loads.append(1)
            return real_list(*args, **kwargs)

        def conflicting(_db, _actor, handover_id, expected):  # type: ignore[no-untyped-def]
            raise ConflictError("handover", handover_id, expected, expected + 1, {}, {})

        monkeypatch.setattr(handovers, "list_handovers", counting_list)
        monkeypatch.setattr(handovers, "acknowledge_handover", conflicting)
        qtbot.mouseClick(archive_list.acknowledge_button, Qt.MouseButton.LeftButton)
        _settle(qtbot, other)

        assert "changed this handover first" in theirs.handover.message.text()
        assert loads, "the list is reloaded after a conflict"
        assert archive_list.acknowledge_button.isEnabled()  # it may be tried again
    finally:
        other.worker.wait_idle()
        other.worker.shutdown()


# ------------------------------------------------------- refusals and stale form


def test_instructions_are_kept_when_archiving_is_refused(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, at: datetime, settle
) -> None:
    ctx.actor = users.sign_in(ctx.db, "mediator1", DEMO_PASSWORD)  # Role.MEDIATOR only
    view = open_view(qtbot, ctx, settle)
    panel = view.handover
    panel.instructions.setPlainText(INSTRUCTIONS)
    generate(qtbot, panel, settle)
    assert not panel.archive_button.isEnabled()
    assert "may not archive" in panel.archive_button.toolTip()

    panel.archive()  # as if the role had been taken away after the button was enabled
    settle()

    assert "may not archive handovers" in panel.message.text()
    assert "instructions are kept" in panel.message.text()
    assert panel.instructions.toPlainText() == INSTRUCTIONS
    assert panel.draft is not None and panel.draft.archived is None
    assert handovers.list_handovers(ctx.db) == []


def test_changing_the_form_after_generating_blocks_archiving(  # type: ignore[no-untyped-def]
    view: ReportsView, ctx: AppContext, qtbot, settle
) -> None:
    panel = view.handover
    panel.instructions.setPlainText("first")
    generate(qtbot, panel, settle)
    assert panel.archive_button.isEnabled()
    panel.instructions.appendPlainText("second")
    assert not panel.archive_button.isEnabled()
    assert "generate it again" in panel.archive_button.toolTip()
    panel.archive()
    settle()
    assert handovers.list_handovers(ctx.db) == []
    assert panel.instructions.toPlainText() == "first\nsecond"
    panel.instructions.setPlainText("first")  # back to what was generated
    assert panel.archive_button.isEnabled()


def test_the_full_edition_needs_the_personal_data_permission(  # type: ignore[no-untyped-def]
    view: ReportsView, qtbot, ctx: AppContext, settle, tmp_path: Path, monkeypatch
) -> None:
    duty = view.handover.full_edition
    assert not duty.isEnabled()
    assert "personal data" in duty.toolTip()
    other = director_context(ctx)
    try:
        theirs = open_view(qtbot, other, lambda: _settle(qtbot, other))
        panel = theirs.handover
        assert panel.full_edition.isEnabled()
        # The incoming officers offered are the others who may take over a shift.
        offered = {panel.incoming.itemData(i) for i in range(1, panel.incoming.count())}
        duty_user = users.find_user(ctx.db, "duty")
        mediator = users.find_user(ctx.db, "mediator1")
        assert duty_user is not None and mediator is not None
        assert duty_user.id in offered and other.actor.user_id not in offered
        assert mediator.id not in offered
        panel.full_edition.setChecked(True)
        qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.draft is not None, timeout=BUILD_TIMEOUT_MS)
        assert panel.draft is not None and panel.draft.request.full_edition
        assert "full edition" in panel.preview_caption.text()
        assert [e.username for e in actions(ctx.db, "handover.full_edition")] == ["director"]
        # Saving the full edition is on the audit trail before the file is written.
        target = tmp_path / "full.pdf"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *_a: (str(target), "PDF files (*.pdf)")
        )
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        _settle(qtbot, other)
        assert target.read_bytes() == panel.draft.pdf
        outputs = actions(ctx.db, "handover.full_edition_output")
        assert [(e.username, '"save"' in e.new_values) for e in outputs] == [("director", True)]
    finally:
        _settle(qtbot, other)
        other.worker.wait_idle()
        other.worker.shutdown()


def test_heavy_modules_are_imported_on_first_use_only() -> None:
    code = (
        "import sys\n"
        "import stationdesk.ui.views.reports\n"
        "heavy = [m for m in ('reportlab', 'stationdesk.reports', 'PySide6.QtPdf',\n"
        "    'PySide6.QtPdfWidgets', 'PySide6.QtPrintSupport') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
