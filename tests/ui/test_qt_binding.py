"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 released ``None`` once per void Qt call; the app then
aborted ("none_dealloc") after a few hours of use. pyproject.toml excludes it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_do_not_leak_or_steal_references(qapp: QApplication) -> None:
    label = QLabel()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        qapp.processEvents()
        label.setText(str(i))
        label.isVisible()
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
