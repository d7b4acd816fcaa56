"""A Chinese font the handover report can embed, found once per process.

reportlab embeds (a subset of) TrueType-outline fonts only: CFF/OpenType CJK fonts
such as Noto Sans CJK are rejected when loaded. So we look for a TrueType CJK font,
in this order: the path in ``STATIONDESK_CJK_FONT`` (``file.ttc#1`` picks the face
of a collection), fonts shipped in ``resources/fonts``, the Windows system fonts,
Debian/Fedora WenQuanYi and AR PL fonts, and a few macOS ones. If none loads, the
report falls back to reportlab's built-in CID font ``STSong-Light``, which is NOT
embedded: the PDF viewer has to supply a Song face, and the report says so.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ENV_FONT = "STATIONDESK_CJK_FONT"
ENV_FONT_BOLD = "STATIONDESK_CJK_FONT_BOLD"
FALLBACK_CID_FONT = "STSong-Light"
_PROBE = "中文交接班"  # characters every candidate must have


@dataclass(frozen=True)
class ReportFonts:
    """Registered reportlab font names for body text and headings.

    ``embedded`` is False only for the CID fallback; ``source`` says where the font
    came from (a file path, or the CID font name) for the log and the report.
    """

    regular: str
    bold: str
    embedded: bool
    source: str


@dataclass(frozen=True)
class FontCandidate:
    """A TrueType file (face ``index`` of a .ttc) and an optional heavier face for headings."""

    path: Path
    index: int = 0
    bold_path: Path | None = None
    bold_index: int = 0


def _parse_spec(spec: str) -> tuple[Path, int]:
    """``/path/font.ttc#1`` -> (path, 1); a plain path is face 0."""
    path, _, index = spec.strip().partition("#")
    try:
        return Path(path).expanduser(), int(index) if index else 0
    except ValueError:
        return Path(spec).expanduser(), 0


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"


def default_candidates() -> list[FontCandidate]:
    """Where a TrueType CJK font is usually found, most preferred first."""
    found: list[FontCandidate] = []
    configured = os.environ.get(ENV_FONT, "").strip()
    if configured:
        path, index = _parse_spec(configured)
        bold = os.environ.get(ENV_FONT_BOLD, "").strip()
        bold_path, bold_index = _parse_spec(bold) if bold else (None, 0)
        found.append(FontCandidate(path, index, bold_path, bold_index))
    shipped = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    if shipped.is_dir():
        found += [FontCandidate(p) for p in sorted(shipped.glob("*.tt[fc]"))]
    win = _windows_fonts()
    if sys.platform.startswith("win") or win.is_dir():
        found += [
            # Microsoft YaHei ships as TrueType outlines in a collection.
            FontCandidate(win / "msyh.ttc", 0, win / "msyhbd.ttc", 0),
            # Song body text with Hei headings: the usual look of a Chinese document.
            FontCandidate(win / "simsun.ttc", 0, win / "simhei.ttf", 0),
            FontCandidate(win / "simhei.ttf"),
            FontCandidate(win / "msyh.ttf", 0, win / "msyhbd.ttf", 0),
        ]
    for base in ("/usr/share/fonts/truetype", "/usr/share/fonts", "/usr/local/share/fonts"):
        found += [
            FontCandidate(Path(base) / "wqy" / "wqy-zenhei.ttc"),
            FontCandidate(Path(base) / "wqy-zenhei" / "wqy-zenhei.ttc"),
            FontCandidate(Path(base) / "wqy" / "wqy-microhei.ttc"),
            FontCandidate(Path(base) / "wqy-microhei" / "wqy-microhei.ttc"),
            FontCandidate(Path(base) / "arphic" / "uming.ttc"),
            FontCandidate(Path(base) / "arphic" / "ukai.ttc"),
        ]
    found += [
        FontCandidate(Path("/Library/Fonts/Arial Unicode.ttf")),
        FontCandidate(Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf")),
    ]
    return found


def _load_ttf(name: str, path: Path, index: int) -> object | None:
    """A TTFont with Chinese glyphs, or None (missing, CFF outlines, no CJK, not embeddable)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if not path.is_file():
        return None
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, IndexError) as exc:
        log.info("font %s#%d not usable for the report: %s", path, index, exc)
        return None
    char_to_glyph = getattr(font.face, "charToGlyph", {})
    if not all(ord(ch) in char_to_glyph for ch in _PROBE):
        log.info("font %s#%d has no Chinese glyphs", path, index)
        return None
    return font


def _font_name(path: Path, index: int) -> str:
    return f"SD-{path.stem}-{index}"


def find_report_fonts(candidates: Iterable[FontCandidate] | None = None) -> ReportFonts:
    """Register the first usable candidate with reportlab (no caching; see report_fonts)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    for cand in default_candidates() if candidates is None else candidates:
        regular_name = _font_name(cand.path, cand.index)
        regular = _load_ttf(regular_name, cand.path, cand.index)
        if regular is None:
            continue
        pdfmetrics.registerFont(regular)
        bold_name = regular_name
        if cand.bold_path is not None:
            name = _font_name(cand.bold_path, cand.bold_index)
            bold = _load_ttf(name, cand.bold_path, cand.bold_index)
            if bold is not None:
                pdfmetrics.registerFont(bold)
                bold_name = name
        # Paragraph markup (<b>) finds the heading face through the family.
        pdfmetrics.registerFontFamily(
            regular_name,
            normal=regular_name,
            bold=bold_name,
            italic=regular_name,
            boldItalic=bold_name,
        )
        source = f"{cand.path}#{cand.index}" if cand.index else str(cand.path)
        log.debug("report font: %s", source)
        return ReportFonts(regular_name, bold_name, True, source)

    log.warning(
        "No embeddable TrueType Chinese font found (set %s to a .ttf/.ttc file); the "
        "handover report uses the built-in %s, which PDF viewers must supply themselves",
        ENV_FONT,
        FALLBACK_CID_FONT,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return ReportFonts(FALLBACK_CID_FONT, FALLBACK_CID_FONT, False, FALLBACK_CID_FONT)


_cache: ReportFonts | None = None
_lock = threading.Lock()


def report_fonts() -> ReportFonts:
    """The report's fonts, found and registered on first use (a font file loads in ~0.2 s)."""
    global _cache
    with _lock:
        if _cache is None:
            _cache = find_report_fonts()
        return _cache


def reset_cache() -> None:
    """Forget the chosen font (tests; after the administrator changes the setting)."""
    global _cache
    with _lock:
        _cache = None


__all__ = [
    "ENV_FONT",
    "FALLBACK_CID_FONT",
    "FontCandidate",
    "ReportFonts",
    "default_candidates",
    "find_report_fonts",
    "report_fonts",
    "reset_cache",
]
