"""The printed mediation agreement, read back with pypdf and rendered with PyMuPDF."""

from __future__ import annotations

import io
import os
from datetime import date, datetime
from pathlib import Path

import pymupdf
from pypdf import PdfReader

from stationdesk.data.mediation_outcome import AgreementData, AgreementMediator, AgreementParty
from stationdesk.domain.enums import CaseCategory, MediationOutcome, MediatorKind, PartyRole
from stationdesk.reports import fonts
from stationdesk.reports.agreement import build_agreement_pdf

GENERATED = datetime(2026, 11, 28, 16, 30)


def _data(outcome: MediationOutcome = MediationOutcome.AGREEMENT) -> AgreementData:
    return AgreementData(
        station="城关派出所",
        session_id=12,
        case_no="20261128-0007",
        category=CaseCategory.DISPUTE_NEIGHBOUR,
        summary="楼上装修噪音影响楼下住户休息，双方发生争执。",
        address="南街1号",
        held_at=datetime(2026, 11, 28, 14, 0),
        room="第一调解室",
        outcome=outcome,
        terms="李四每日晚八点后停止装修施工。\n李四一次性补偿张三人民币伍佰元整。",
        parties=(
            AgreementParty("张三", PartyRole.COMPLAINANT, "110***********0035"),
            AgreementParty("李四", PartyRole.RESPONDENT, ""),
        ),
        mediators=(
            AgreementMediator("陈调解", MediatorKind.STATION_MEDIATOR, "城关人民调解委员会"),
            AgreementMediator("刘律师", MediatorKind.RESIDENT_LAWYER, ""),
        ),
        follow_up_dates=(date(2026, 12, 5), date(2026, 12, 28)),
    )


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_chinese_agreement_names_parties_mediators_terms_and_case() -> None:
    pdf = build_agreement_pdf(_data(), "zh_CN", generated_at=GENERATED)
    text = _text(pdf).replace(" ", "")
    for expected in (
        "人民调解协议书",
        "20261128-0007",
        "张三",
        "李四",
        "陈调解",
        "刘律师",
        "邻里纠纷",
        "李四每日晚八点后停止装修施工",
        "伍佰元整",
        "2026年12月05日",
        "2026年12月28日",
        "签名（捺印）",
        "城关派出所（盖章）",
        "2026年11月28日",
        "110***********0035",
    ):
        assert expected in text, expected
    assert "1.李四每日" in text and "2.李四一次性" in text  # one numbered clause a line
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and "20261128-0007" in (reader.metadata.title or "")
    if fonts.report_fonts().embedded:
        font_files = [
            f
            for page in reader.pages
            for f in page["/Resources"]["/Font"].values()  # type: ignore[index]
        ]
        assert font_files  # the CJK subset travels with the file


def test_english_edition_and_partial_agreement() -> None:
    pdf = build_agreement_pdf(_data(MediationOutcome.PARTIAL), "en", generated_at=GENERATED)
    text = _text(pdf)
    assert "Mediation agreement (partial)" in text
    assert "remaining issues" in text
    assert "Case number" in text and "20261128-0007" in text
    assert "张三" in text  # names stay as written


def test_same_inputs_same_bytes() -> None:
    a = build_agreement_pdf(_data(), "zh_CN", generated_at=GENERATED)
    b = build_agreement_pdf(_data(), "zh_CN", generated_at=GENERATED)
    assert a == b


def test_first_page_renders_with_ink_in_the_signature_area(tmp_path: Path) -> None:
    pdf = build_agreement_pdf(_data(), "zh_CN", generated_at=GENERATED)
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    assert doc.page_count == 1
    page = doc[0]
    pix = page.get_pixmap(dpi=90)
    out = Path(os.environ.get("STATIONDESK_SHOT_DIR", tmp_path)) / "agreement_zh_CN.png"
    pix.save(str(out))
    assert out.stat().st_size > 10_000
    # Every party and mediator has a signature row: their names sit in the table's
    # second column, below the "签名" heading.
    heading = page.search_for("签名（捺印）")
    names = [r for name in ("张三", "李四", "陈调解", "刘律师") for r in page.search_for(name)]
    assert heading
    below = [r for r in names if r.y0 > heading[0].y1]
    assert len(below) >= 4
    assert all(r.x1 < page.rect.width for r in below)


def test_cli_prints_the_agreement_of_a_session(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from stationdesk import cli
    from stationdesk.data import demo
    from stationdesk.data.database import Database
    from stationdesk.data.schema import Case, MediationSession

    path = tmp_path / "station.sqlite3"
    db = Database(str(path))
    demo.generate_demo(db, cases=400, seed=3)
    with db.read() as s:
        session_id, case_no = s.execute(
            select(MediationSession.id, Case.case_no)
            .join(Case, Case.id == MediationSession.case_id)
            .where(MediationSession.outcome == MediationOutcome.AGREEMENT)
            .limit(1)
        ).one()
        refused = s.scalar(
            select(MediationSession.id)
            .where(MediationSession.outcome == MediationOutcome.NO_AGREEMENT)
            .limit(1)
        )
    db.dispose()
    out = tmp_path / "agreement.pdf"
    args = ["--db", str(path), "report", "agreement", str(session_id), "-o", str(out)]
    assert cli.main(args) == 0
    assert case_no in _text(out.read_bytes())
    assert "人民调解协议书" in _text(out.read_bytes()).replace(" ", "")
    assert cli.main(["--db", str(path), "report", "agreement", str(refused), "-o", str(out)]) == 1
    assert "has no agreement" in capsys.readouterr().err
