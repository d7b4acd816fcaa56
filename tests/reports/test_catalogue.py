"""The report catalogue: every string in both languages, placeholders that agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stationdesk.domain.enums import CaseCategory, OutreachTopic, ReferralTarget, Team
from stationdesk.reports import catalogue
from stationdesk.reports.catalogue import CATALOGUE, ENUM_PREFIXES, LANGUAGES


def test_every_message_exists_in_both_languages() -> None:
    for key, entry in CATALOGUE.items():
        assert set(entry) == set(LANGUAGES), key
        for lang in LANGUAGES:
            assert entry[lang].strip(), f"{key} is empty in {lang}"


def test_placeholders_agree_between_languages() -> None:
    for key, entry in CATALOGUE.items():
        zh, en = (catalogue.placeholders(entry[lang]) for lang in LANGUAGES)
        assert zh == en, f"{key}: zh_CN uses {sorted(zh)}, en uses {sorted(en)}"


def test_chinese_edition_is_chinese_and_english_is_not() -> None:
    cjk = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    for key, entry in CATALOGUE.items():
        if key in ("fraction",):  # "{part} / {whole}" is the same in both
            continue
        assert cjk.search(entry["zh_CN"]), f"{key} has no Chinese: {entry['zh_CN']!r}"
        assert not cjk.search(entry["en"]), f"{key} has Chinese in English: {entry['en']!r}"


@pytest.mark.parametrize("enum", list(ENUM_PREFIXES), ids=lambda e: e.__name__)
def test_every_enum_value_has_a_distinct_label(enum: type) -> None:
    for lang in LANGUAGES:
        labels = [catalogue.label(member, lang) for member in enum]
        assert all(labels), (enum, lang)
        assert len(set(labels)) == len(labels), f"two {enum.__name__} share a label in {lang}"


def test_same_valued_members_of_different_enums_keep_their_own_labels() -> None:
    # StrEnum members with equal values compare equal; the catalogue must not merge them.
    assert catalogue.label(CaseCategory.THEFT, "zh_CN") == "盗窃"
    assert catalogue.label(OutreachTopic.THEFT, "zh_CN") == "防盗窃"
    assert catalogue.label(Team.LAW_ENFORCEMENT, "en") == "Law-enforcement team"
    assert catalogue.label(ReferralTarget.LAW_ENFORCEMENT, "zh_CN") == "执法办案队"


def test_text_fills_placeholders_and_refuses_unknowns() -> None:
    assert catalogue.text("page_x_of_y", "zh_CN", page=2, pages=9) == "第 2 页，共 9 页"
    assert catalogue.text("page_x_of_y", "en-GB", page=2, pages=9) == "Page 2 of 9"
    assert catalogue.text("title", "zh") == "值班交接班报告"
    assert catalogue.label(None, "en") == ""
    with pytest.raises(KeyError):
        catalogue.text("no_such_message", "en")
    with pytest.raises(ValueError):
        catalogue.text("title", "fr")


def test_the_report_uses_only_catalogued_messages() -> None:
    source = (Path(catalogue.__file__).parent / "handover.py").read_text(encoding="utf-8")
    used = set(re.findall(r"\bt\(\s*\"([a-z_]+)\"", source))
    used |= set(re.findall(r"\b(?:heading|subheading)\(\s*\"([a-z_]+)\"", source))
    used |= set(re.findall(r"\(\"(sum_[a-z_]+|sign_[a-z]+|col_[a-z_]+)\"", source))
    assert used, "the pattern no longer finds the report's message ids"
    missing = sorted(k for k in used if k not in CATALOGUE)
    assert not missing
