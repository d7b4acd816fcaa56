"""Draw the StationDesk app icon as PNGs for the hicolor theme.

    .venv/bin/python scripts/make_icons.py

Writes resources/icons/hicolor/<N>x<N>/apps/org.stationdesk.StationDesk.png for
N in 16, 32, 48, 64, 128, 256, plus what packaging/ looks for: stationdesk.png
(256 px, the PyInstaller icon on Linux) and stationdesk.ico (every size, for the
Windows executable and installer). The design (a navy badge-shield with a gold rim and
a white star) matches the hand-written resources/icons/org.stationdesk.StationDesk.svg;
both use the same 256-unit geometry. Small sizes drop the inner highlight and use a
thicker rim so the shape stays readable at 16 px.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.stationdesk.StationDesk"
SIZES = (16, 32, 48, 64, 128, 256)
NAVY = QColor("#1d3f72")
GOLD = QColor("#e8b931")
HIGHLIGHT = QColor("#3d6fb0")
WHITE = QColor("#ffffff")


def shield() -> QPainterPath:
    """The outline in 256 units (same curve as the SVG's first path)."""
    p = QPainterPath(QPointF(128, 14))
    p.cubicTo(158, 32, 194, 38, 226, 38)
    p.lineTo(226, 122)
    p.cubicTo(226, 178, 186, 220, 128, 244)
    p.cubicTo(70, 220, 30, 178, 30, 122)
    p.lineTo(30, 38)
    p.cubicTo(62, 38, 98, 32, 128, 14)
    p.closeSubpath()
    return p


def highlight() -> QPainterPath:
    p = QPainterPath(QPointF(128, 40))
    p.cubicTo(152, 54, 182, 60, 206, 60)
    p.lineTo(206, 122)
    p.cubicTo(206, 166, 176, 200, 128, 222)
    return p


def star(cx: float = 128, cy: float = 124, outer: float = 60, inner: float = 24) -> QPolygonF:
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        radius = outer if i % 2 == 0 else inner
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return QPolygonF(points)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    small = size <= 32
    rim = QPen(GOLD, 20 if small else 12)
    rim.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(rim)
    painter.setBrush(QBrush(NAVY))
    painter.drawPath(shield())
    if not small:
        line = QPen(HIGHLIGHT, 8)
        line.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(highlight())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(WHITE))
    painter.drawPolygon(star(outer=70, inner=30) if small else star())
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 wants the format as str here, whatever its type stubs say.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("PNG encoding failed")
    return bytes(buffer.data().data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = 6 + 16 * len(images)
    for size, blob in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    icons = ROOT / "resources" / "icons"
    pngs = {size: png_bytes(draw(size)) for size in SIZES}
    written = []
    for size, blob in pngs.items():
        target = icons / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        written.append((target / f"{APP_ID}.png", blob))
    written.append((icons / "stationdesk.png", pngs[256]))
    written.append((icons / "stationdesk.ico", ico_bytes(pngs)))
    for path, blob in written:
        try:
            path.write_bytes(blob)
        except OSError as exc:
            print(f"make_icons: cannot write {path}: {exc}", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
