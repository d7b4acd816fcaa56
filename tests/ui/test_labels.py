"""Every enum value has its own people-facing name."""

from __future__ import annotations

from enum import StrEnum

import pytest

from stationdesk.domain import enums
from stationdesk.ui.labels import label

LABELLED = [
    e
    for e in vars(enums).values()
    if isinstance(e, type) and issubclass(e, StrEnum) and e is not enums.Permission
]


@pytest.mark.parametrize("enum_type", LABELLED, ids=lambda e: e.__name__)
def test_each_value_has_a_distinct_label(enum_type: type[StrEnum]) -> None:
    names = [label(member) for member in enum_type]
    assert all(n and n != m.value for n, m in zip(names, enum_type, strict=True))
    assert len(set(names)) == len(names)


def test_same_value_in_two_enums_keeps_its_own_label() -> None:
    # StrEnum members with equal values compare equal; labels must not mix them up.
    assert label(enums.CaseCategory.THEFT) != label(enums.OutreachTopic.THEFT)
