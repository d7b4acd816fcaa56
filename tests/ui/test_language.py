"""The window speaks the officer's language: Chinese in zh_CN, English in en.

The Chinese catalogue is compiled from today's .ts into a temporary folder, so these
tests check the catalogue as it is in the checkout, not a stale .qm from an earlier
setup run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from stationdesk.data.database import Database
from stationdesk.domain.enums import CaseStatus, Priority
from stationdesk.ui import i18n
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label
from stationdesk.ui.main_window import VIEW_NAMES, MainWindow

ROOT = Path(__file__).resolve().parents[2]
LRELEASE = ROOT / ".venv" / "bin" / "pyside6-lrelease"
HAN = re.compile(r"[\u4e00-\u9fff]")
# English words that may stay in a Chinese screen: names of products, formats and keys.
KEEP_IN_LATIN = re.compile(
    r"StationDesk|SQLite|PostgreSQL|SHA-256|CSV|PDF|SSL|Qt|Ctrl|Alt|F5|ID|\.sqlite3|\.db"
)
# Widgets that show data, not words: the database's file name or address.
NOT_WORDS = {"databaseLabel"}
NAV_ZH = ["总览", "案件", "巡逻", "调解", "报表", "社区工作"]
NAV_EN = ["Overview", "Cases", "Patrols", "Mediation", "Reports", "Community"]


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """stationdesk_zh_CN.qm built from the checked-out .ts (else the installed one)."""
    ts = i18n.translations_dir() / "stationdesk_zh_CN.ts"
    if not LRELEASE.exists():
        if not (i18n.translations_dir() / "stationdesk_zh_CN.qm").is_file():
            pytest.skip("neither lrelease nor a compiled catalogue (run scripts/setup.sh)")
        return i18n.translations_dir()
    folder = tmp_path_factory.mktemp("qm")
    subprocess.run(
        [str(LRELEASE), "-silent", str(ts), "-qm", str(folder / "stationdesk_zh_CN.qm")],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture
def language(qapp: QApplication, catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Call with 'zh_CN' or 'en'; the app gets its previous language back afterwards."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: catalogue_dir)
    before = i18n.current_language()

    def install(lang: str) -> str:
        return i18n.install_language(qapp, lang)

    yield install
    if before:
        i18n.install_language(qapp, before)
    else:
        i18n.uninstall_language(qapp)


def _window(qtbot, ctx: AppContext, view: str = "overview") -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx, start_view=view, persist=False, live=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount()
    except TypeError:  # a list model's columnCount is private in PySide6
        return 1


def _visible_texts(root: QWidget) -> list[str]:
    """What an officer reads on the screen: labels, buttons, titles, headers, the first rows."""
    texts: list[str] = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.objectName() in NOT_WORDS:
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            texts.append(w.currentText())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            model = w.model()
            if model is not None:  # the first rows, as drawn: status, category, shift...
                texts.extend(
                    str(model.index(r, c).data() or "")
                    for r in range(min(model.rowCount(), 20))
                    for c in range(_columns(model))
                )
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            model = w.model()
            if model is not None:
                texts.extend(
                    str(model.headerData(i, w.orientation()) or "") for i in range(_columns(model))
                )
    return [t for t in texts if t.strip()]


def _english_left(texts: list[str]) -> list[str]:
    """Texts with an English word in them once the allowed names are taken out."""
    out = []
    for text in texts:
        plain = re.sub(r"<[^>]+>|&\w+;", " ", text)  # rich-text tags and entities
        if re.search(r"[A-Za-z]{3,}", KEEP_IN_LATIN.sub(" ", plain)):
            out.append(text)
    return out


def test_chinese_fonts_are_installed(qapp: QApplication) -> None:
    """Without a CJK font every Chinese label is a row of boxes (setup.sh installs one)."""
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), (
        "no Simplified Chinese font: install fonts-noto-cjk (scripts/setup.sh)"
    )


def test_window_in_chinese(qtbot, ctx: AppContext, language, settle) -> None:  # type: ignore[no-untyped-def]
    assert language("zh_CN") == "zh_CN"
    win = _window(qtbot, ctx)
    settle()
    assert [win.nav.item(i).text() for i in range(win.nav.count())] == NAV_ZH
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[0] == "文件(&F)" and "帮助(&H)" in menus
    texts = _visible_texts(win)
    for known in ("未结案件", "已超期", "未分派"):  # overview tiles
        assert known in texts, (known, texts)
    assert label(CaseStatus.ESCALATED) == "已升级移交"
    assert label(Priority.URGENT) == "紧急"
    assert i18n.format_date(date(2024, 5, 3)) == "2024-05-03"
    win.close()


@pytest.mark.parametrize("view", VIEW_NAMES)
def test_no_english_left_on_a_chinese_screen(qtbot, ctx: AppContext, language, settle,
                                             view: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    language("zh_CN")
    win = _window(qtbot, ctx, view)
    settle()
    if view == "cases":  # the detail panel too: fields, owner choices, parties, history
        win.view("cases").table.selectRow(0)
        settle()
    texts = _visible_texts(win)
    assert sum(1 for t in texts if HAN.search(t)) >= 5, texts
    assert not _english_left(texts), f"English on the Chinese {view} screen: {_english_left(texts)}"
    win.close()


def test_no_english_left_in_the_chinese_audit_trail(qtbot, language, demo_db: Database,
                                                    settle) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from stationdesk.data import users
    from stationdesk.data.demo import DEMO_PASSWORD
    from stationdesk.ui.views.audit import AuditTrailDialog
    from stationdesk.ui.worker import DbWorker

    language("zh_CN")
    worker = DbWorker()
    try:
        director = users.sign_in(demo_db, "director", DEMO_PASSWORD)
        dialog = AuditTrailDialog(AppContext(db=demo_db, worker=worker, actor=director))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and worker.pending == 0, timeout=20_000)
        names = {u.username for u in users.list_users(demo_db)} | {"system", director.workstation}
        texts = [t for t in _visible_texts(dialog) if t not in names]  # user names are data
        assert not _english_left(texts), _english_left(texts)
    finally:
        worker.wait_idle()
        worker.shutdown()


def test_window_in_english(qtbot, ctx: AppContext, language, settle) -> None:  # type: ignore[no-untyped-def]
    assert language("en") == "en"
    win = _window(qtbot, ctx)
    settle()
    assert [win.nav.item(i).text() for i in range(win.nav.count())] == NAV_EN
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[0] == "&File" and "&Help" in menus
    texts = _visible_texts(win)
    for known in ("Open cases", "Overdue", "Unassigned"):
        assert known in texts, (known, texts)
    # The interface chrome has no Chinese (the demo's names and addresses may).
    chrome = [win.nav.item(i).text() for i in range(win.nav.count())] + menus
    assert not [t for t in chrome if HAN.search(t)]
    assert label(CaseStatus.ESCALATED) == "Escalated"
    win.close()


def test_language_can_be_switched_back_and_forth(qapp: QApplication, language) -> None:  # type: ignore[no-untyped-def]
    language("zh_CN")
    assert QApplication.translate("MainWindow", "Overview") == "总览"
    language("en")
    assert QApplication.translate("MainWindow", "Overview") == "Overview"
    language("zh_CN")
    assert QApplication.translate("MainWindow", ", ") == "、"


def test_screenshot_in_chinese(qapp: QApplication, demo_db: Database, language,
                               tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from stationdesk.cli import main

    source = demo_db.sqlite_path
    assert source is not None
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(source, copy)
    out = tmp_path / "overview-zh.png"
    rc = main(["--db", str(copy), "screenshot", "overview", "-o", str(out), "--lang", "zh_CN",
               "--size", "1280x800"])  # fmt: skip
    assert rc == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)


LOCALE_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}/\d{1,2}/\d{1,2}|\b[AP]M\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{2}-\d{2} \d{2}:\d{2}\b")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("view", ["overview", "patrols", "mediation", "reports", "community"])
def test_every_screen_writes_dates_one_way(qtbot, ctx: AppContext, language, settle,
                                           view: str, lang: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """2026-11-28 14:14 in both languages: no 11/28/2026, no 2026/11/28, no AM/PM."""
    language(lang)
    win = _window(qtbot, ctx, view)
    settle()
    texts = _visible_texts(win)
    assert not [t for t in texts if LOCALE_DATE.search(t)], [
        t for t in texts if LOCALE_DATE.search(t)
    ]
    if view in ("patrols", "mediation", "reports"):  # these show dated rows
        assert any(ISO_DATE.search(t) for t in texts), texts
    win.close()
