"""Three-way merge of a case's fields: disjoint edits merge, the same field asks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stationdesk.domain.merge import FieldConflict, Side, three_way_merge

BASE = {"status": "assigned", "owner": (7, None), "priority": "normal", "summary": "噪音"}


def test_disjoint_edits_merge_and_keep_both_changes() -> None:
    theirs = {**BASE, "status": "in_mediation"}
    mine = {**BASE, "owner": (9, None)}
    result = three_way_merge(BASE, theirs, mine)
    assert result.clean
    assert result.merged == {**BASE, "status": "in_mediation", "owner": (9, None)}
    assert result.theirs_changed == {"status"} and result.mine_changed == {"owner"}
    # Only my field needs writing on top of their version.
    assert result.to_save() == {"owner": (9, None)}


def test_the_same_field_changed_differently_is_a_conflict_with_all_three_values() -> None:
    theirs = {**BASE, "status": "in_progress", "summary": "噪音扰民"}
    mine = {**BASE, "status": "resolved", "priority": "high"}
    result = three_way_merge(BASE, theirs, mine)
    assert not result.clean
    assert result.conflicts == {"status": FieldConflict("assigned", "in_progress", "resolved")}
    # Until chosen, the saved value stands; my other change is merged.
    assert result.merged["status"] == "in_progress"
    assert result.merged["priority"] == "high" and result.merged["summary"] == "噪音扰民"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    theirs = {**BASE, "status": "resolved"}
    result = three_way_merge(BASE, theirs, dict(theirs))
    assert result.clean and result.merged == theirs
    assert result.to_save() == {}


@pytest.mark.parametrize(
    ("side", "expected"),
    [(Side.BASE, "assigned"), (Side.THEIRS, "in_progress"), (Side.MINE, "resolved")],
)
def test_resolve_takes_the_chosen_side_per_field(side: Side, expected: str) -> None:
    theirs = {**BASE, "status": "in_progress", "owner": (8, None)}
    mine = {**BASE, "status": "resolved", "owner": (9, None)}
    result = three_way_merge(BASE, theirs, mine)
    assert set(result.conflicts) == {"status", "owner"}
    resolved = result.resolve({"status": side, "owner": Side.THEIRS})
    assert resolved["status"] == expected and resolved["owner"] == (8, None)
    written = result.to_save(resolved)
    assert written == ({} if side == Side.THEIRS else {"status": expected})


def test_resolve_needs_a_choice_for_every_conflict_and_nothing_else() -> None:
    result = three_way_merge(BASE, {**BASE, "status": "x"}, {**BASE, "status": "y"})
    with pytest.raises(ValueError, match="no choice"):
        result.resolve({})
    with pytest.raises(ValueError, match="not in conflict"):
        result.resolve({"status": Side.MINE, "summary": Side.MINE})


def test_a_missing_field_counts_as_empty() -> None:
    result = three_way_merge({"a": 1}, {"a": 1, "b": 2}, {"a": 1})
    assert result.clean and result.merged == {"a": 1, "b": 2}
    clash = three_way_merge({"a": 1}, {"a": 2}, {})
    assert clash.conflicts == {"a": FieldConflict(1, 2, None)}


values = st.sampled_from([None, 0, 1, "a", "b"])
records = st.dictionaries(st.sampled_from(["x", "y", "z"]), values, max_size=3)


@given(records, records, records)
def test_merge_properties(base: dict, theirs: dict, mine: dict) -> None:  # type: ignore[type-arg]
    result = three_way_merge(base, theirs, mine)
    for key in {*base, *theirs, *mine}:
        in_conflict = key in result.conflicts
        # A conflict exactly when both changed the field, to different values.
        both = key in result.theirs_changed and key in result.mine_changed
        assert in_conflict == (both and theirs.get(key) != mine.get(key))
        if key in result.mine_changed and not in_conflict:
            assert result.merged.get(key) == mine.get(key)  # my change kept
        if key not in result.mine_changed:
            assert result.merged.get(key) == theirs.get(key)  # theirs kept
    # Choosing "theirs" everywhere writes only my non-conflicting changes.
    kept = result.resolve(dict.fromkeys(result.conflicts, Side.THEIRS))
    assert set(result.to_save(kept)) <= result.mine_changed - set(result.conflicts)
    # Merging with nobody else's change gives my record back.
    alone = three_way_merge(base, base, mine)
    assert alone.clean
    assert all(alone.merged.get(k) == mine.get(k) for k in {*base, *mine})
