"""Probe process: the real application, started as ``python -m stationdesk`` starts it.

``gui_probe.py DB VIEW [--extended ROWS]`` creates the QApplication (exactly as
``run_gui`` would, only first, so an event filter can watch it), then hands over to
``stationdesk.cli.main(["--db", DB, "--user", "duty"])``: database check, non-interactive
sign-in (password from STATIONDESK_PASSWORD), main window, first view -- all product
code. The runner picks the first view through the settings file (``main_window/view``).

The moment "main window shown and first page of data painted" is the end of the first
paint of the case table's viewport while its model holds rows (VIEW=cases), or of the
"open cases" tile once it shows a number (VIEW=overview). The probe then prints the
wall-clock time and the RSS and exits at once.

With ``--extended ROWS`` it goes on, in the same window:
  1. scrolls the case list until ROWS rows are loaded, then reads the RSS (list_rss_mb);
  2. opens the overview once (its charts import pyqtgraph), goes back to the list;
  3. starts a 10 ms heartbeat timer on the UI thread and, while it runs, refreshes the
     case list, changes its sort and its filter, loads a few more pages, then shows and
     refreshes the overview (tiles and charts) -- and reports the longest gap between
     two heartbeats (ui_max_stall_ms).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import common


def main() -> None:
    db, view = sys.argv[1], sys.argv[2]
    rows_wanted = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--extended" else 0
    result: dict[str, Any] = {}
    from stationdesk import cli

    def gui(args: Any) -> int:
        # cli._cmd_gui, plus the event filter: the same imports in the same order.
        import gui_probe_qt as probe_qt
        from PySide6.QtWidgets import QApplication

        from stationdesk.ui.app import run_gui

        # run_gui's first step, taken a moment early so the filter can be installed.
        app = QApplication(sys.argv[:1])
        result["none_refcount_shield"] = common.shield_none_refcount()

        def painted() -> None:
            result.update(
                shown_at=probe.shown_at,
                painted_at=probe.painted_at,
                rss_mb=common.rss_mb(),
                cpu_s=time.process_time(),  # all threads, since the process started
            )
            # What was imported by then (DESIGN.md: heavy modules on first use only).
            heavy = ("alembic", "argon2", "numpy", "pyqtgraph", "reportlab", "keyring", "faker")
            result["modules"] = len(sys.modules)
            result["heavy_modules"] = [m for m in heavy if m in sys.modules]
            if rows_wanted:
                try:
                    probe_qt.extended(probe, rows_wanted, result)
                except Exception as exc:  # report, do not hang the runner
                    result["extended_error"] = f"{type(exc).__name__}: {exc}"
            common.emit_result(result)
            os._exit(0)  # at once: nothing after this moment is part of the figure

        probe = probe_qt.FirstPaint(app, view, painted)
        app.installEventFilter(probe)
        return run_gui(args.db, lang=args.lang, user=args.user)

    cli.COMMANDS[None] = gui
    status = cli.main(["--db", db, "--user", common.DEMO_USER])
    common.emit_result({**result, "error": f"the app exited ({status}) before painting data"})
    os._exit(1)


if __name__ == "__main__":
    main()
