"""Three-way merge of one record's fields: two workstations edited the same version.

``base`` is the record as this workstation loaded it, ``theirs`` the record as another
workstation has saved it since, ``mine`` the record with this officer's edit applied.
A field only one side changed takes that side's value; a field both sides changed to
the same value is no conflict; a field both changed differently is a conflict the
officer settles by choosing, per field, the original, their or their own value.
Nothing here decides for the officer, so nothing is ever overwritten silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

__all__ = ["FieldConflict", "MergeResult", "Side", "three_way_merge"]


class Side(StrEnum):
    """Which version of a field the officer keeps."""

    BASE = "base"  # as it was when this workstation loaded it
    THEIRS = "theirs"  # as the other workstation saved it
    MINE = "mine"  # this officer's edit


@dataclass(frozen=True)
class FieldConflict:
    """A field both workstations changed, to different values."""

    base: Any
    theirs: Any
    mine: Any

    def value(self, side: Side) -> Any:
        return {Side.BASE: self.base, Side.THEIRS: self.theirs, Side.MINE: self.mine}[side]


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class MergeResult:
    """The merged record (conflicting fields keep their saved value) and the conflicts."""

    merged: Mapping[str, Any]
    conflicts: Mapping[str, FieldConflict]
    theirs_changed: frozenset[str]
    mine_changed: frozenset[str]
    _theirs: Mapping[str, Any] = field(repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "merged", _frozen(self.merged))
        object.__setattr__(self, "conflicts", _frozen(self.conflicts))
        object.__setattr__(self, "_theirs", _frozen(self._theirs))

    @property
    def clean(self) -> bool:
        """True when it merged without a question for the officer."""
        return not self.conflicts

    def resolve(self, choices: Mapping[str, Side]) -> dict[str, Any]:
        """The record after the officer chose a side for every conflicting field.

        Raises ValueError when a conflict has no choice or a choice names no conflict.
        """
        missing = set(self.conflicts) - set(choices)
        if missing:
            raise ValueError(f"no choice for {sorted(missing)}")
        unknown = set(choices) - set(self.conflicts)
        if unknown:
            raise ValueError(f"{sorted(unknown)} are not in conflict")
        out = dict(self.merged)
        for key, side in choices.items():
            out[key] = self.conflicts[key].value(Side(side))
        return out

    def to_save(self, record: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The fields of ``record`` (default: the merged one) that differ from theirs:
        what must be written on top of the version the other workstation saved."""
        target = self.merged if record is None else record
        return {k: v for k, v in target.items() if self._theirs.get(k) != v}


def three_way_merge(
    base: Mapping[str, Any], theirs: Mapping[str, Any], mine: Mapping[str, Any]
) -> MergeResult:
    """Merge field by field; see the module docstring for the rules.

    A key absent from one mapping counts as None there (records of one kind have the
    same fields; a missing one is an empty one).
    """
    merged: dict[str, Any] = {}
    conflicts: dict[str, FieldConflict] = {}
    theirs_changed: set[str] = set()
    mine_changed: set[str] = set()
    for key in sorted({*base, *theirs, *mine}):
        b, t, m = base.get(key), theirs.get(key), mine.get(key)
        if t != b:
            theirs_changed.add(key)
        if m != b:
            mine_changed.add(key)
        if m == b or t == m:
            value = t
        elif t == b:
            value = m
        else:
            conflicts[key] = FieldConflict(b, t, m)
            value = t  # until the officer chooses: the saved value stands
        merged[key] = value
    return MergeResult(
        merged,
        conflicts,
        frozenset(theirs_changed),
        frozenset(mine_changed),
        {k: v for k, v in theirs.items()},
    )
