"""The real start-up (``stationdesk --db FILE --user duty``) imports only what the first
screen needs: Alembic, the other views, the dialogs and the heavy libraries come on first
use (DESIGN.md: start-up ≈0.3 s for PySide6, ≈1 s with everything eager)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from stationdesk.data.database import Database

DEMO_PASSWORD = "demo-password-1"  # tests/ui/conftest.py

# Each was imported at start-up once, or would be if imported eagerly.
NOT_AT_START = (
    "alembic",  # only to upgrade a schema (stationdesk.data.migrate)
    "mako",
    "pygments",
    "pyqtgraph",  # the overview's charts, on its first show
    "numpy",
    "reportlab",  # reports
    "openpyxl",  # the Excel export
    "faker",  # demo data
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    "stationdesk.data.demo",
    "stationdesk.reports",
    "stationdesk.ui.views.patrols",  # views not shown yet
    "stationdesk.ui.views.mediation",
    "stationdesk.ui.views.reports",
    "stationdesk.ui.views.community",
    "stationdesk.ui.intake",  # the case list's dialogs, when first opened
    "stationdesk.ui.export_dialog",
    "stationdesk.data.case_export",
    "stationdesk.ui.deadline_settings",
    "stationdesk.ui.mediation_settings",
)

SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from stationdesk import cli

    app = QApplication(sys.argv[:1])
    wanted = json.loads(sys.argv[2])

    def check():
        from stationdesk.ui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        view = windows[0].view("cases") if windows and windows[0].isVisible() else None
        if view is None or view.model.rowCount() == 0:
            QTimer.singleShot(20, check)
            return
        print(json.dumps({"loaded": [m for m in wanted if m in sys.modules],
                          "rows": view.model.rowCount()}), flush=True)
        os._exit(0)  # skip teardown: not what this test is about

    QTimer.singleShot(0, check)
    sys.exit(cli.main(["--db", sys.argv[1], "--user", "duty", "--lang", "en"]))
    """
)


def test_the_window_opens_on_the_case_list_without_the_heavy_modules(
    demo_db: Database, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "stationdesk.ini").write_text("[main_window]\nview=cases\n")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "STATIONDESK_PASSWORD": DEMO_PASSWORD,
        "STATIONDESK_CONFIG_DIR": str(config),
        "STATIONDESK_DATA_DIR": str(tmp_path / "data"),
    }
    path = str(demo_db.sqlite_path)
    demo_db.dispose()
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, path, json.dumps(NOT_AT_START)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rows"] > 0
    assert result["loaded"] == []
