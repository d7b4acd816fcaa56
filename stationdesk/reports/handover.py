"""The shift handover report: an A4 PDF the incoming officer signs.

Built with reportlab platypus from a :class:`~stationdesk.data.handover_facts.HandoverData`
(plain values, so it can run on a worker thread). Every string comes from the
report catalogue; the Chinese font is embedded when one is found (see fonts.py).

**Which hash is printed.** A PDF cannot contain the SHA-256 of its own bytes, so two
hashes exist and each is exact about what it covers:

* the *content hash*, printed in every page footer ("Content SHA-256: ..."), is the
  SHA-256 of a canonical JSON of everything the report shows: the HandoverData, the
  language, both officers' names and the generation time (:func:`content_hash`). It
  is also written into the PDF's metadata (Subject), so :func:`read_content_hash`
  gets it back from archived bytes;
* the *file hash* is the SHA-256 of the PDF bytes; the archive
  (``handovers.archive_handover``) stores it next to the bytes.

A paper copy is checked against the archive by comparing its footer with the content
hash read from the archived PDF, whose own bytes must still match the stored file
hash. The build is deterministic (reportlab's invariant mode, creation date set to
``generated_at``): the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from stationdesk import __version__
from stationdesk.data.handover_facts import (
    OPEN_PER_PRIORITY_LIMIT,
    CaseLine,
    HandoverData,
    SessionLine,
)
from stationdesk.domain.enums import CaseCategory, PatrolStatus, Priority
from stationdesk.reports import catalogue
from stationdesk.reports.fonts import ReportFonts, report_fonts

Progress = Callable[[int, int], None]

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

FONT_SIZE = 8
LEADING = 10
PAD_X = 3
PAD_Y = 2.5
HEADER_BG = colors.HexColor("#2F4F6F")
ZEBRA = colors.HexColor("#F1F4F7")
RULE = colors.HexColor("#9AA8B5")
ALERT = colors.HexColor("#B00020")
SERIES = (colors.HexColor("#4A78A8"), colors.HexColor("#C8553D"))
CONTENT_FORMAT = "stationdesk.handover-content/1"
_HASH_MARK = "content-sha256:"


# ---------------------------------------------------------------------- hashes


def _plain(value: Any) -> Any:
    """JSON-ready copy of HandoverData (``dataclasses.asdict`` deep-copies everything
    and took a tenth of the build time)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    raise TypeError(f"cannot put {type(value).__name__} in the handover content")


def canonical_content(
    data: HandoverData, lang: str, *, outgoing: str, incoming: str, generated_at: datetime
) -> bytes:
    """The report's content as canonical JSON (sorted keys, no spaces, UTF-8)."""
    payload = {
        "format": CONTENT_FORMAT,
        "lang": catalogue.normalise_language(lang),
        "outgoing": outgoing,
        "incoming": incoming,
        "generated_at": generated_at.isoformat(),
        "data": _plain(data),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def content_hash(
    data: HandoverData, lang: str, *, outgoing: str, incoming: str, generated_at: datetime
) -> str:
    """SHA-256 (hex) of :func:`canonical_content`: the hash printed on every page."""
    return hashlib.sha256(
        canonical_content(
            data, lang, outgoing=outgoing, incoming=incoming, generated_at=generated_at
        )
    ).hexdigest()


def read_content_hash(pdf: bytes) -> str | None:
    """The content hash recorded in a handover PDF's metadata, or None."""
    found = re.search(rb"content-sha256:([0-9a-f]{64})", pdf)
    return found.group(1).decode("ascii") if found else None


# ---------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Styles:
    lang: str
    fonts: ReportFonts
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_words: ParagraphStyle
    cell_alert: ParagraphStyle
    cell_latin: ParagraphStyle
    head_cell: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    alert: ParagraphStyle
    figure: ParagraphStyle

    def t(self, key: str, **params: object) -> str:
        return catalogue.text(key, self.lang, **params)

    def label(self, value: Enum | None) -> str:
        return _label(value, self.lang)


_LABELS: dict[tuple[type, object, str], str] = {}


def _label(value: Enum | None, lang: str) -> str:
    # Keyed by type too: equal-valued members of two StrEnums compare equal.
    key = (type(value), value.value if value is not None else None, lang)
    found = _LABELS.get(key)
    if found is None:
        found = _LABELS[key] = catalogue.label(value, lang)
    return found


def _styles(lang: str, fonts: ReportFonts) -> _Styles:
    # Chinese lines break between any two characters; English at spaces (a long
    # Chinese name in the English edition is still split rather than clipped).
    wrap = "CJK" if lang == "zh_CN" else None
    reg, bold = fonts.regular, fonts.bold

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": reg,
            "fontSize": FONT_SIZE,
            "leading": LEADING,
            "wordWrap": wrap,
        }
        return ParagraphStyle(name, **{**base, **kw})

    return _Styles(
        lang=lang,
        fonts=fonts,
        body=style("body", fontSize=9, leading=13),
        cell=style("cell", wordWrap="CJK"),
        cell_words=style("cell_words", wordWrap=None),
        cell_alert=style("cell_alert", textColor=ALERT),
        # Breaks only at spaces: keeps ID and phone numbers whole on one line.
        cell_latin=style("cell_latin", wordWrap=None, textColor=colors.HexColor("#333333")),
        head_cell=style("head_cell", fontName=bold, textColor=colors.white),
        small=style("small", fontSize=7, leading=9, textColor=colors.HexColor("#444444")),
        title=style("title", fontName=bold, fontSize=18, leading=24, alignment=TA_CENTER),
        subtitle=style("subtitle", fontSize=11, leading=15, alignment=TA_CENTER),
        h1=style(
            "h1",
            fontName=bold,
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            textColor=HEADER_BG,
        ),
        h2=style("h2", fontName=bold, fontSize=9.5, leading=13, spaceBefore=5, spaceAfter=3),
        alert=style("alert", fontSize=9, leading=13, textColor=ALERT),
        figure=style("figure", fontName=bold, fontSize=11, leading=14),
    )


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# ---------------------------------------------------------------------- long tables

# A cell is plain text (one line, cheap), a Paragraph, or Paragraphs stacked.
Cell: TypeAlias = str | Paragraph | list[Paragraph]


class PagedTable(Flowable):
    """A long table laid out one page at a time.

    Every row is measured once; each page then gets its own small ``Table`` with
    the header row on top (``repeatRows=1``), cut where the page is full. One big
    reportlab Table re-measures all remaining rows at every page break (an
    8,000-row table took 7.9 s); this stays linear and never repeats a header
    in the middle of a page, as fixed-size chunks would.

    Plain-text cells may hold several lines ("\\n"); ``alerts`` names, per row, the
    columns whose plain text is printed in the alert colour.
    """

    def __init__(
        self,
        header: Sequence[Cell],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        style: Sequence[tuple[Any, ...]],
        alerts: Sequence[Collection[int]] | None = None,
        *,
        _heights: Sequence[float] | None = None,
        _header_height: float | None = None,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = [list(r) for r in rows]
        self.widths = list(widths)
        self.style = list(style)
        self.alerts = list(alerts) if alerts is not None else [()] * len(self.rows)
        self._heights = list(_heights) if _heights is not None else None
        self._header_height = _header_height

    def _row_height(self, row: Sequence[Cell]) -> float:
        tallest = float(LEADING)
        for value, width in zip(row, self.widths, strict=True):
            if isinstance(value, str):
                height = LEADING * (value.count("\n") + 1)
            else:
                stack = value if isinstance(value, list) else [value]
                height = sum(p.wrap(width - 2 * PAD_X, PAGE_H)[1] for p in stack)
            tallest = max(tallest, height)
        return tallest + 2 * PAD_Y

    def _measure(self) -> tuple[float, list[float]]:
        if self._heights is None:
            self._heights = [self._row_height(r) for r in self.rows]
        if self._header_height is None:
            self._header_height = self._row_height(self.header)
        return self._header_height, self._heights

    def _table(self, count: int) -> Table:
        head_h, heights = self._measure()
        marks = [
            ("TEXTCOLOR", (col, i), (col, i), ALERT)
            for i, cols in enumerate(self.alerts[:count], start=1)
            for col in cols
        ]
        return Table(
            [self.header, *self.rows[:count]],
            colWidths=self.widths,
            rowHeights=[head_h, *heights[:count]],
            style=TableStyle([*self.style, *marks]),
            repeatRows=1,
            hAlign="LEFT",
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        head_h, heights = self._measure()
        self.width = sum(self.widths)
        self.height = head_h + sum(heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        head_h, heights = self._measure()
        room = availHeight - head_h
        count = 0
        while count < len(heights) and heights[count] <= room:
            room -= heights[count]
            count += 1
        if count == 0:
            return []  # not even one row fits: continue on the next page
        first: list[Flowable] = [self._table(count)]
        if count == len(self.rows):
            return first
        rest = PagedTable(
            self.header,
            self.rows[count:],
            self.widths,
            self.style,
            self.alerts[count:],
            _heights=heights[count:],
            _header_height=head_h,
        )
        return [*first, rest]

    def draw(self) -> None:
        table = self._table(len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


class _TextWidth:
    """String widths from a per-character cache (reportlab's own TTF measuring is
    pure Python and was a tenth of the build time)."""

    def __init__(self, font: str, size: float) -> None:
        self._font = font
        self._size = size
        self._cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        cache, total = self._cache, 0.0
        for ch in text:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = stringWidth(ch, self._font, self._size)
            total += w
        return total


def _table_style(fonts: ReportFonts) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ]


class _Builder:
    """Turns HandoverData into flowables for one language."""

    def __init__(self, data: HandoverData, st: _Styles) -> None:
        self.data = data
        self.st = st
        self.width_of = _TextWidth(st.fonts.regular, FONT_SIZE)
        self.bold_width_of = _TextWidth(st.fonts.bold, FONT_SIZE)
        self.style = _table_style(st.fonts)

    # --- cells

    def cell(self, text: str, width: float, *, alert: bool = False) -> Cell:
        """Plain text when every line fits (cheap to lay out), else a wrapping Paragraph.

        ``alert`` colours a Paragraph; plain text is coloured through the row's alerts.
        """
        room = width - 2 * PAD_X - 0.5
        if all(self.width_of(line) <= room for line in text.split("\n")):
            return text
        if alert:
            return _para(text, self.st.cell_alert)
        # Chinese text may break between any two characters (and CJK wrapping keeps
        # "，" off the start of a line); other text breaks between words only.
        return _para(text, self.st.cell if _CJK.search(text) else self.st.cell_words)

    def header(self, keys: Sequence[str], widths: Sequence[float]) -> list[Cell]:
        out: list[Cell] = []
        for key, width in zip(keys, widths, strict=True):
            label = self.st.t(key)
            fits = self.bold_width_of(label) <= width - 2 * PAD_X - 0.5
            out.append(label if fits else _para(label, self.st.head_cell))
        return out

    def table(
        self,
        keys: Sequence[str],
        widths_mm: Sequence[float],
        rows: Sequence[Sequence[Cell]],
        alerts: Sequence[Collection[int]] | None = None,
    ) -> Flowable:
        widths = _fit_widths(widths_mm)
        return PagedTable(self.header(keys, widths), rows, widths, self.style, alerts)

    def when(self, at: datetime | None, fmt: str = "%m-%d %H:%M") -> str:
        return at.strftime(fmt) if at else ""

    def heading(self, key: str, **params: object) -> list[Flowable]:
        # Never leave a heading alone at the foot of a page.
        return [CondPageBreak(30 * mm), _para(self.st.t(key, **params), self.st.h1)]

    def subheading(self, text: str) -> list[Flowable]:
        return [CondPageBreak(22 * mm), _para(text, self.st.h2)]

    def none(self) -> Paragraph:
        return _para(self.st.t("none"), self.st.body)

    def more(self, listed: int, total: int) -> list[Flowable]:
        if total <= listed:
            return []
        return [
            Spacer(1, 2),
            _para(self.st.t("more_not_listed", count=total - listed, total=total), self.st.small),
        ]

    def summary_cell(self, line: CaseLine, width: float, with_parties: bool) -> Cell:
        """The summary, then one line per party (name, role, ID, phone)."""
        if not (with_parties and line.parties):
            return self.cell(line.summary, width)
        t = self.st.t
        parties = []
        for p in line.parties:
            bits = [t("party", name=p.name, role=self.st.label(p.role))]
            if p.resident_id:
                bits.append(t("party_id", value=p.resident_id))
            if p.phone:
                bits.append(t("party_phone", value=p.phone))
            # No break inside "ID 370***" or "tel. 138****": only between the parts.
            parties.append(" ".join(escape(b).replace(" ", "\u00a0") for b in bits))
        return [
            _para(line.summary, self.st.cell),
            Paragraph("<br/>".join(parties), self.st.cell_latin),
        ]

    # --- sections

    def front(self, outgoing: str, incoming: str, generated_at: datetime) -> list[Flowable]:
        d, st, t = self.data, self.st, self.st.t
        period = t(
            "shift_period",
            start=d.shift_start.strftime("%Y-%m-%d %H:%M"),
            end=d.shift_end.strftime("%Y-%m-%d %H:%M"),
            kind=st.label(d.shift_kind),
        )
        blank = "_" * 16
        edition = t("edition_full") if d.full_personal_data else t("edition_masked")
        label_w, value_w = 30 * mm, CONTENT_W / 2 - 30 * mm

        def lab(key: str) -> Paragraph:
            return _para(t(key), st.h2)

        def val(text: str, *, alert: bool = False) -> Paragraph:
            return _para(text, st.alert if alert else st.body)

        rows = [
            [lab("field_station"), val(d.station), "", ""],
            [lab("field_shift"), val(period), "", ""],
            [
                lab("field_outgoing"),
                val(outgoing or blank),
                lab("field_incoming"),
                val(incoming or blank),
            ],
            [
                lab("field_generated"),
                val(generated_at.strftime("%Y-%m-%d %H:%M")),
                lab("field_as_of"),
                val(d.as_of.strftime("%Y-%m-%d %H:%M")),
            ],
            [lab("field_edition"), val(edition, alert=d.full_personal_data), "", ""],
        ]
        table = Table(
            rows,
            colWidths=[label_w, value_w, label_w, value_w],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *(("SPAN", (1, row), (3, row)) for row in (0, 1, 4)),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("LINEABOVE", (0, 0), (-1, 0), 1, HEADER_BG),
                    ("LINEBELOW", (0, -1), (-1, -1), 1, HEADER_BG),
                ]
            ),
            hAlign="LEFT",
        )
        out: list[Flowable] = [
            _para(d.station, st.subtitle),
            _para(t("title"), st.title),
            Spacer(1, 4 * mm),
            table,
        ]
        if not st.fonts.embedded:
            note = t("font_not_embedded", font=st.fonts.source)
            out += [Spacer(1, 2 * mm), _para(note, st.alert)]
        return out

    def summary(self) -> list[Flowable]:
        d, st, t = self.data, self.st, self.st.t
        items = [
            ("sum_new_cases", str(d.new_cases_total)),
            ("sum_new_urgent", str(d.new_urgent_or_high)),
            ("sum_open", str(d.open_total)),
            ("sum_overdue", str(d.overdue_total)),
            ("sum_notable", str(d.notable_total)),
            ("sum_mediation_held", str(d.mediation_held_count)),
            ("sum_mediation_coming", str(len(d.mediation_coming))),
            (
                "sum_patrols_done",
                t("fraction", part=d.patrols_completed, whole=d.patrols_missed),
            ),
            (
                "sum_grids_uncovered",
                t("fraction", part=len(d.uncovered_grids), whole=d.grids_total),
            ),
            ("sum_visits", str(d.visits_total)),
            ("sum_outreach", str(len(d.outreach))),
            ("sum_follow_ups", str(d.follow_ups_total)),
        ]
        rows = []
        for i in range(0, len(items), 2):
            row: list[Any] = []
            for key, value in items[i : i + 2]:
                alert = key in ("sum_overdue", "sum_grids_uncovered") and not value.startswith("0")
                row += [_para(t(key), st.body), _para(value, st.figure if not alert else st.alert)]
            rows.append(row)
        label_w = 58 * mm
        value_w = CONTENT_W / 2 - label_w
        table = Table(
            rows,
            colWidths=[label_w, value_w, label_w, value_w],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, ZEBRA]),
                    ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                    ("LINEAFTER", (1, 0), (1, -1), 0.5, RULE),
                ]
            ),
            hAlign="LEFT",
        )
        return [*self.heading("sec_summary"), table, Spacer(1, 3 * mm), self.charts()]

    def charts(self) -> Drawing:
        return _charts(self.data, self.st)

    def case_rows(self, lines: Sequence[CaseLine], with_parties: bool) -> list[list[Cell]]:
        w = _fit_widths(_NEW_COLS_MM)
        rows = []
        for c in lines:
            rows.append(
                [
                    self.cell(c.case_no, w[0]),
                    self.cell(self.when(c.reported_at), w[1]),
                    self.cell(self.st.label(c.category), w[2]),
                    self.cell(self.st.label(c.priority), w[3]),
                    self.cell(self.st.label(c.status), w[4]),
                    self.cell(c.grid, w[5]),
                    self.summary_cell(c, w[6], with_parties),
                ]
            )
        return rows

    def new_cases(self) -> list[Flowable]:
        d = self.data
        out = self.heading("sec_new_cases")
        if not d.new_cases:
            return [*out, self.none()]
        rows = self.case_rows(d.new_cases, with_parties=True)
        return [
            *out,
            self.table(_NEW_KEYS, _NEW_COLS_MM, rows),
            *self.more(len(d.new_cases), d.new_cases_total),
        ]

    def carried_over(self) -> list[Flowable]:
        d, st, t = self.data, self.st, self.st.t
        out = [
            *self.heading("sec_carried"),
            _para(t("carried_note", limit=OPEN_PER_PRIORITY_LIMIT), st.small),
        ]
        by_priority: dict[Priority, list[CaseLine]] = {p: [] for p in Priority}
        for line in d.carried_over:
            by_priority[line.priority].append(line)
        cols_mm = _CARRIED_COLS_MM[st.lang]
        w = _fit_widths(cols_mm)
        for count in d.open_by_priority:
            lines = by_priority[count.priority]
            out += self.subheading(
                t(
                    "carried_priority",
                    priority=st.label(count.priority),
                    open=count.open,
                    overdue=count.overdue,
                )
            )
            if not lines:
                out.append(self.none())
                continue
            rows, alerts = [], []
            for c in lines:
                # Date over time (and the overdue mark): two short lines, no wrapping.
                due = self.when(c.resolution_due, "%Y-%m-%d\n%H:%M")
                if c.overdue:
                    due += " " + t("overdue_mark")
                alerts.append((6,) if c.overdue else ())
                owner = c.owner or st.label(c.owner_team) or t("unassigned")
                rows.append(
                    [
                        self.cell(c.case_no, w[0]),
                        self.cell(self.when(c.reported_at, "%Y-%m-%d"), w[1]),
                        self.cell(st.label(c.category), w[2]),
                        self.cell(st.label(c.status), w[3]),
                        self.cell(c.grid, w[4]),
                        self.cell(owner, w[5]),
                        self.cell(due, w[6], alert=c.overdue),
                        self.cell(c.summary, w[7]),
                    ]
                )
            out.append(self.table(_CARRIED_KEYS, cols_mm, rows, alerts))
            out += self.more(len(lines), count.open)
        return out

    def notable(self) -> list[Flowable]:
        d = self.data
        out = self.heading("sec_notable")
        if not d.notable:
            return [*out, self.none()]
        rows = self.case_rows(d.notable, with_parties=True)
        return [
            *out,
            self.table(_NEW_KEYS, _NEW_COLS_MM, rows),
            *self.more(len(d.notable), d.notable_total),
        ]

    def session_rows(self, sessions: Sequence[SessionLine]) -> list[list[Cell]]:
        st, t = self.st, self.st.t
        w = _fit_widths(_SESSION_COLS_MM)
        rows = []
        for s in sessions:
            result = st.label(s.status)
            if s.outcome is not None:
                result += " · " + st.label(s.outcome)
            if s.referral is not None:
                result += " · " + t("referred_to", target=st.label(s.referral))
            rows.append(
                [
                    self.cell(f"{self.when(s.starts_at)}–{s.ends_at:%H:%M}", w[0]),
                    self.cell(s.case_no, w[1]),
                    self.cell(s.case_summary, w[2]),
                    self.cell(s.room, w[3]),
                    self.cell(t("list_separator").join(s.mediators), w[4]),
                    self.cell(result, w[5]),
                ]
            )
        return rows

    def mediation(self) -> list[Flowable]:
        d, t = self.data, self.st.t
        out = self.heading("sec_mediation")
        for key, sessions in (
            ("sub_mediation_held", d.mediation_held),
            ("sub_mediation_coming", d.mediation_coming),
        ):
            out += self.subheading(t(key))
            if sessions:
                out.append(self.table(_SESSION_KEYS, _SESSION_COLS_MM, self.session_rows(sessions)))
            else:
                out.append(self.none())
        return out

    def patrols(self) -> list[Flowable]:
        d, st, t = self.data, self.st, self.st.t
        out = self.heading("sec_patrols")
        w = _fit_widths(_PATROL_COLS_MM)
        sep = t("list_separator")
        rows, alerts = [], []
        for p in d.patrols:
            alerts.append((2,) if p.status == PatrolStatus.MISSED else ())
            crew = sep.join(t("crew_member", name=m.name, kind=st.label(m.kind)) for m in p.crew)
            rows.append(
                [
                    self.cell(f"{self.when(p.starts_at)}–{p.ends_at:%H:%M}", w[0]),
                    self.cell(p.route, w[1]),
                    self.cell(st.label(p.status), w[2]),
                    self.cell(crew, w[3]),
                    self.cell(sep.join(p.grids), w[4]),
                ]
            )
        out.append(self.table(_PATROL_KEYS, _PATROL_COLS_MM, rows, alerts) if rows else self.none())
        out.append(Spacer(1, 2 * mm))
        if d.uncovered_grids:
            names = sep.join(d.uncovered_grids)
            text = t("uncovered_grids", count=len(d.uncovered_grids), grids=names)
            out.append(_para(text, st.alert))
        else:
            out.append(_para(t("all_grids_covered", total=d.grids_total), st.body))
        return out

    def community(self) -> list[Flowable]:
        d, st, t = self.data, self.st, self.st.t
        out = self.heading("sec_community")
        out += self.subheading(t("sub_visits"))
        w = _fit_widths(_VISIT_COLS_MM)
        rows = [
            [
                self.cell(self.when(v.visited_at), w[0]),
                self.cell(v.grid, w[1]),
                self.cell(v.officer, w[2]),
                self.cell(v.household, w[3]),
                self.cell(v.notes, w[4]),
            ]
            for v in d.visits
        ]
        out += (
            [self.table(_VISIT_KEYS, _VISIT_COLS_MM, rows), *self.more(len(rows), d.visits_total)]
            if rows
            else [self.none()]
        )
        out += self.subheading(t("sub_outreach"))
        w = _fit_widths(_OUTREACH_COLS_MM)
        rows = [
            [
                self.cell(self.when(e.held_at), w[0]),
                self.cell(e.grid, w[1]),
                self.cell(st.label(e.topic), w[2]),
                self.cell(e.place, w[3]),
                self.cell(str(e.attendees), w[4]),
            ]
            for e in d.outreach
        ]
        out.append(self.table(_OUTREACH_KEYS, _OUTREACH_COLS_MM, rows) if rows else self.none())
        return out

    def tasks(self) -> list[Flowable]:
        d, st, t = self.data, self.st, self.st.t
        out = self.heading("sec_tasks")
        out += self.subheading(t("sub_instructions"))
        out.append(_para(d.instructions, st.body) if d.instructions else self.none())
        out += self.subheading(t("sub_follow_ups"))
        w = _fit_widths(_FOLLOW_COLS_MM)
        rows = [
            [
                self.cell(f.due_on.isoformat(), w[0]),
                self.cell(f.case_no, w[1]),
                self.cell(f.officer, w[2]),
                self.cell(f.note, w[3]),
                self.cell(t("overdue_mark") if f.overdue else "", w[4]),
            ]
            for f in d.follow_ups
        ]
        alerts = [(0, 4) if f.overdue else () for f in d.follow_ups]
        out += (
            [
                self.table(_FOLLOW_KEYS, _FOLLOW_COLS_MM, rows, alerts),
                *self.more(len(rows), d.follow_ups_total),
            ]
            if rows
            else [self.none()]
        )
        return out

    def signatures(self, outgoing: str, incoming: str) -> list[Flowable]:
        st, t = self.st, self.st.t
        line = "_" * 22

        def block(title_key: str, name: str) -> list[Flowable]:
            return [
                _para(t(title_key), st.h2),
                Spacer(1, 2 * mm),
                _para(f"{t('sign_name')} {name or line}", st.body),
                Spacer(1, 6 * mm),
                _para(f"{t('sign_signature')} {line}", st.body),
                Spacer(1, 6 * mm),
                _para(f"{t('sign_time')} {line}", st.body),
            ]

        table = Table(
            [[block("sign_outgoing", outgoing), block("sign_incoming", incoming)]],
            colWidths=[CONTENT_W / 2, CONTENT_W / 2],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (0, 0), 0.5, RULE),
                    ("BOX", (1, 0), (1, 0), 0.5, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            ),
            hAlign="LEFT",
        )
        return [
            KeepTogether(
                [
                    *self.heading("sec_signatures"),
                    _para(t("sign_statement"), st.body),
                    Spacer(1, 3 * mm),
                    table,
                ]
            )
        ]


# Column keys and widths (mm, scaled to the frame) of each table.
_NEW_KEYS = (
    "col_case_no",
    "col_reported",
    "col_category",
    "col_priority",
    "col_status",
    "col_grid",
    "col_summary_parties",
)
_NEW_COLS_MM = (24, 19, 22, 12, 19.5, 19, 64.5)
_CARRIED_KEYS = (
    "col_case_no",
    "col_reported",
    "col_category",
    "col_status",
    "col_grid",
    "col_owner",
    "col_due",
    "col_summary",
)
# English team names are long single words ("Law-enforcement"): a wider owner column.
_CARRIED_COLS_MM = {
    "zh_CN": (24, 18, 22, 19.5, 19, 17, 22, 38.5),
    "en": (24, 18, 23, 19.5, 18, 25, 21, 31.5),
}
_SESSION_KEYS = (
    "col_time",
    "col_case_no",
    "col_summary",
    "col_room",
    "col_mediators",
    "col_result",
)
_SESSION_COLS_MM = (27.5, 24, 36, 19, 26, 47.5)
_PATROL_KEYS = ("col_time", "col_route", "col_status", "col_crew", "col_grids")
_PATROL_COLS_MM = (28, 24, 17, 63, 48)
_VISIT_KEYS = ("col_time", "col_grid", "col_officer", "col_household", "col_notes")
_VISIT_COLS_MM = (19, 24, 20, 20, 97)
_OUTREACH_KEYS = ("col_time", "col_grid", "col_topic", "col_place", "col_attendees")
_OUTREACH_COLS_MM = (19, 24, 28, 95, 14)
_FOLLOW_KEYS = ("col_due_on", "col_case_no", "col_officer", "col_note", "col_status")
_FOLLOW_COLS_MM = (19, 24, 22, 95, 20)


def _fit_widths(widths_mm: Sequence[float]) -> list[float]:
    total = sum(widths_mm)
    return [w * CONTENT_W / total for w in widths_mm]


# ---------------------------------------------------------------------- charts


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def _charts(data: HandoverData, st: _Styles) -> Drawing:
    """New cases by category and open cases by priority, drawn as vectors."""
    font = st.fonts.regular
    width, height = CONTENT_W, 66 * mm
    drawing = Drawing(width, height)
    left_w = width * 0.58

    # New cases this shift, one bar per category (first category at the top).
    cats: list[CaseCategory] = [c for c, _ in data.new_by_category]
    counts = [n for _, n in data.new_by_category]
    drawing.add(String(0, height - 10, st.t("chart_new_by_category"), fontName=font, fontSize=9))
    bars = HorizontalBarChart()
    bars.x, bars.y = 32 * mm, 8 * mm
    bars.width, bars.height = left_w - 32 * mm - 6 * mm, height - 22 * mm
    bars.data = [counts]
    bars.bars[0].fillColor = SERIES[0]
    bars.bars.strokeColor = None
    bars.barSpacing = 1
    bars.categoryAxis.categoryNames = [st.label(c) for c in cats]
    bars.categoryAxis.reverseDirection = 1
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -3
    top = max(counts, default=0)
    bars.valueAxis.valueMin = 0
    step = _nice_step(max(top, 1))
    bars.valueAxis.valueMax = max(step, -(-top // step) * step)
    bars.valueAxis.valueStep = step
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.labelTextFormat = "%d"
    bars.barLabelFormat = lambda v: str(int(v)) if v else ""
    bars.barLabels.fontName = font
    bars.barLabels.fontSize = 6.5
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 2
    drawing.add(bars)

    # Open cases carried over by priority: within deadline and overdue, stacked.
    x0 = left_w + 8 * mm
    drawing.add(String(x0, height - 10, st.t("chart_open_by_priority"), fontName=font, fontSize=9))
    within = [p.open - p.overdue for p in data.open_by_priority]
    late = [p.overdue for p in data.open_by_priority]
    stack = VerticalBarChart()
    stack.x, stack.y = x0 + 10 * mm, 18 * mm
    stack.width, stack.height = width - x0 - 12 * mm, height - 32 * mm
    stack.data = [within, late]
    stack.categoryAxis.style = "stacked"
    stack.categoryAxis.categoryNames = [st.label(p.priority) for p in data.open_by_priority]
    stack.categoryAxis.labels.fontName = font
    stack.categoryAxis.labels.fontSize = 7
    stack.bars.strokeColor = None
    for i, colour in enumerate(SERIES):
        stack.bars[i].fillColor = colour
    top = max((p.open for p in data.open_by_priority), default=0)
    step = _nice_step(max(top, 1))
    stack.valueAxis.valueMin = 0
    stack.valueAxis.valueMax = max(step, -(-top // step) * step)
    stack.valueAxis.valueStep = step
    stack.valueAxis.labels.fontName = font
    stack.valueAxis.labels.fontSize = 7
    stack.valueAxis.labelTextFormat = "%d"
    drawing.add(stack)
    legend = Legend()
    legend.x, legend.y = x0 + 10 * mm, 6 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 28 * mm
    legend.fontName = font
    legend.fontSize = 7
    legend.boxAnchor = "sw"
    legend.colorNamePairs = [
        (SERIES[0], st.t("legend_within")),
        (SERIES[1], st.t("legend_overdue")),
    ]
    drawing.add(legend)
    return drawing


# ---------------------------------------------------------------------- page furniture


def _canvas_class(
    st: _Styles, running_header: str, hash_text: str, generated_at: datetime
) -> type[Canvas]:
    """A canvas that holds pages back until the end, to print "page X of Y"."""
    pdf_date = generated_at.strftime("D:%Y%m%d%H%M%S")

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []
            # Invariant mode plus a fixed date: the same report gives the same bytes.
            self.setDateFormatter(lambda *_: pdf_date)

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.setFillColor(colors.HexColor("#444444"))
            if page > 1:
                self.setFont(st.fonts.regular, 7.5)
                self.drawString(MARGIN_X, PAGE_H - 11 * mm, running_header)
                self.line(MARGIN_X, PAGE_H - 12.5 * mm, PAGE_W - MARGIN_X, PAGE_H - 12.5 * mm)
            self.line(MARGIN_X, 13 * mm, PAGE_W - MARGIN_X, 13 * mm)
            self.setFont(st.fonts.regular, 7)
            self.drawString(MARGIN_X, 9 * mm, hash_text)
            self.setFont(st.fonts.regular, 8)
            self.drawRightString(
                PAGE_W - MARGIN_X, 9 * mm, st.t("page_x_of_y", page=page, pages=total)
            )
            self.restoreState()

    return NumberedCanvas


# ---------------------------------------------------------------------- build


def build_handover_pdf(
    data: HandoverData,
    lang: str,
    *,
    outgoing: str,
    incoming: str,
    generated_at: datetime,
    progress: Progress | None = None,
    footer_hash: str | None = None,
) -> bytes:
    """The handover report as PDF bytes (A4, ``lang`` "zh_CN" or "en").

    ``outgoing``/``incoming`` are the officers' names ("" leaves a line to write on).
    ``progress(done, total)`` is called as the layout proceeds. The footer prints
    ``footer_hash`` if given, else :func:`content_hash` of these inputs.
    """
    lang = catalogue.normalise_language(lang)
    st = _styles(lang, report_fonts())
    digest = footer_hash or content_hash(
        data, lang, outgoing=outgoing, incoming=incoming, generated_at=generated_at
    )
    same_day = data.shift_end.date() == data.shift_start.date()
    period = f"{data.shift_start:%Y-%m-%d %H:%M}–" + (
        f"{data.shift_end:%H:%M}" if same_day else f"{data.shift_end:%m-%d %H:%M}"
    )
    b = _Builder(data, st)
    story: list[Flowable] = [
        *b.front(outgoing, incoming, generated_at),
        *b.summary(),
        *b.new_cases(),
        *b.carried_over(),
        *b.notable(),
        *b.mediation(),
        *b.patrols(),
        *b.community(),
        *b.tasks(),
        *b.signatures(outgoing, incoming),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=st.t("pdf_title", station=data.station, period=period),
        author=outgoing,
        subject=f"{_HASH_MARK}{digest}",
        creator=f"StationDesk {__version__}",
        lang="zh-CN" if lang == "zh_CN" else "en",
        invariant=True,
        # Otherwise every page also names Helvetica (unused, never embedded).
        initialFontName=st.fonts.regular,
        initialFontSize=FONT_SIZE,
    )
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress))
    canvas_class = _canvas_class(
        st,
        st.t("running_header", station=data.station, period=period),
        st.t("content_hash", hash=digest),
        generated_at,
    )
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def _progress_adapter(progress: Progress) -> Callable[[str, int], None]:
    """reportlab reports (kind, value); officers see a bar that only moves forward."""
    state = {"total": 1, "done": 0}

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["total"] = max(1, int(value))
            progress(0, state["total"])
        elif kind == "PROGRESS":
            done = min(max(state["done"], int(value)), state["total"])
            if done != state["done"]:
                state["done"] = done
                progress(done, state["total"])
        elif kind == "FINISHED":
            progress(state["total"], state["total"])

    return on_progress


__all__ = [
    "PagedTable",
    "build_handover_pdf",
    "canonical_content",
    "content_hash",
    "read_content_hash",
]
