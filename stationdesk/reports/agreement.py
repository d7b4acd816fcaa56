"""The printed mediation agreement (人民调解协议书): parties, mediators, case number,
the dispute, the terms agreed, follow-up visits, signature lines and date.

A4 in Simplified Chinese (default) or English, with the same embedded CJK font and
page furniture as the handover report.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from stationdesk import __version__
from stationdesk.data.mediation_outcome import AgreementData
from stationdesk.domain.enums import MediationOutcome
from stationdesk.reports import catalogue
from stationdesk.reports.fonts import report_fonts
from stationdesk.reports.handover import (
    CONTENT_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    RULE,
    _canvas_class,
    _para,
    _Styles,
    _styles,
)

SIGNATURE_ROW_H = 13 * mm


def _date(st: _Styles, d: date) -> str:
    return st.t("agr_date", year=d.year, month=f"{d.month:02d}", day=f"{d.day:02d}")


def _terms(text: str) -> list[str]:
    """One clause a line; blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _story(data: AgreementData, st: _Styles, generated_at: datetime) -> list[Flowable]:
    body = ParagraphStyle("agr_body", parent=st.body, fontSize=11, leading=18)
    head = ParagraphStyle("agr_head", parent=st.h1, fontSize=12, leading=18, spaceBefore=8)
    right = ParagraphStyle("agr_right", parent=body, alignment=TA_RIGHT)
    title_key = "agr_title_partial" if data.outcome == MediationOutcome.PARTIAL else "agr_title"
    facts = [
        (st.t("agr_case_no"), data.case_no),
        (st.t("agr_category"), st.label(data.category)),
        (st.t("agr_held_at"), f"{data.held_at:%Y-%m-%d %H:%M}"),
        (st.t("agr_place"), " ".join(p for p in (data.station, data.room) if p)),
    ]
    fact_table = Table(
        [[_para(k, st.h2), _para(v, body)] for k, v in facts],
        colWidths=[32 * mm, CONTENT_W - 32 * mm],
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F1F4F7")),
            ]
        ),
        hAlign="LEFT",
    )
    story: list[Flowable] = [
        _para(st.t(title_key), st.title),
        Spacer(1, 6 * mm),
        fact_table,
        _para(st.t("agr_parties"), head),
    ]
    for p in data.parties:
        key = "agr_party" if p.resident_id_masked else "agr_party_no_id"
        story.append(
            _para(
                st.t(key, role=st.label(p.role), name=p.name, resident_id=p.resident_id_masked),
                body,
            )
        )
    story.append(_para(st.t("agr_mediators"), head))
    for m in data.mediators:
        line = st.t("crew_member", name=m.name, kind=st.label(m.kind))
        story.append(_para(f"{line}　{m.organisation}" if m.organisation else line, body))
    story += [_para(st.t("agr_dispute"), head), _para(data.summary, body)]
    story.append(_para(st.t("agr_terms"), head))
    for i, clause in enumerate(_terms(data.terms), 1):
        story.append(_para(f"{i}. {clause}", body))
    if data.outcome == MediationOutcome.PARTIAL:
        story.append(_para(st.t("agr_partial_note"), body))
    story.append(Spacer(1, 2 * mm))
    if data.follow_up_dates:
        dates = st.t("agr_date_sep").join(_date(st, d) for d in data.follow_up_dates)
        story.append(_para(st.t("agr_performance", dates=dates), body))
    else:
        story.append(_para(st.t("agr_performance_plain"), body))
    story.append(_para(st.t("agr_effect", copies=len(data.parties) + 1), body))
    story.append(Spacer(1, 4 * mm))

    rows = [[_para(st.t(k), st.head_cell) for k in
             ("agr_col_role", "agr_col_name", "agr_col_signature", "agr_col_date")]]  # fmt: skip
    rows += [[_para(st.label(p.role), body), _para(p.name, body), "", ""] for p in data.parties]
    rows += [[_para(st.t("agr_role_mediator"), body), _para(m.name, body), "", ""]
             for m in data.mediators]  # fmt: skip
    signatures = Table(
        rows,
        colWidths=[x * CONTENT_W for x in (0.2, 0.2, 0.35, 0.25)],
        rowHeights=[None] + [SIGNATURE_ROW_H] * (len(rows) - 1),
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2F4F6F")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        ),
        hAlign="LEFT",
        repeatRows=1,
    )
    story.append(
        KeepTogether(
            [
                _para(st.t("agr_signatures"), head),
                signatures,
                Spacer(1, 10 * mm),
                _para(st.t("agr_seal", station=data.station), right),
                _para(_date(st, generated_at.date()), right),
            ]
        )
    )
    return story


def build_agreement_pdf(data: AgreementData, lang: str, *, generated_at: datetime) -> bytes:
    """The agreement as PDF bytes (A4, ``lang`` "zh_CN" or "en"); the same inputs give
    the same bytes."""
    lang = catalogue.normalise_language(lang)
    st = _styles(lang, report_fonts())
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=st.t("agr_pdf_title", station=data.station, case_no=data.case_no),
        author=data.station,
        creator=f"StationDesk {__version__}",
        lang="zh-CN" if lang == "zh_CN" else "en",
        invariant=True,
        initialFontName=st.fonts.regular,
    )
    footer = st.t("agr_footer", case_no=data.case_no)
    canvas_class = _canvas_class(st, f"{st.t('agr_title')} · {footer}", footer, generated_at)
    doc.build(_story(data, st, generated_at), canvasmaker=canvas_class)
    return buffer.getvalue()


__all__ = ["build_agreement_pdf"]
