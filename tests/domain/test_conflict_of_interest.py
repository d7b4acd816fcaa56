"""Conflict-of-interest rules: each rule found when it applies, silent when it does not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stationdesk.domain.conflict_of_interest import (
    ConflictKind,
    DeclaredRelation,
    EarlierCase,
    MediatorFacts,
    PartyFacts,
    find_conflicts,
    same_address,
    same_person,
)
from stationdesk.domain.enums import PartyRole

C, R, W = PartyRole.COMPLAINANT, PartyRole.RESPONDENT, PartyRole.WITNESS
LI = PartyFacts("李秀英", C, "110101199003071234", "13800000001")
WANG = PartyFacts("王建国", R, "110101198505052345", "13900000002")
ADDRESS = "东城镇和平路12号"
MEDIATOR = MediatorFacts(7, "赵敏", "110101197001013456", "13700000003", "东城镇解放路3号")


def kinds(conflicts: tuple) -> list[ConflictKind]:  # type: ignore[type-arg]
    return [c.kind for c in conflicts]


def test_an_unrelated_mediator_has_no_conflict() -> None:
    assert find_conflicts(MEDIATOR, [LI, WANG], ADDRESS) == ()


# ------------------------------------------------------------------ is a party


def test_mediator_with_a_partys_resident_id_is_that_party() -> None:
    me = MediatorFacts(7, "赵敏", LI.resident_id.lower().replace("x", "X"), "", "")
    (c,) = find_conflicts(me, [LI, WANG], ADDRESS)
    assert (c.kind, c.party, c.matched_on) == (ConflictKind.IS_PARTY, "李秀英", "resident_id")


def test_same_name_and_phone_is_the_same_person_when_an_id_is_missing() -> None:
    me = MediatorFacts(7, "王 建国", "", "+86 139-0000-0002", "")
    (c,) = find_conflicts(me, [LI, WANG], ADDRESS)
    assert (c.kind, c.party, c.matched_on) == (ConflictKind.IS_PARTY, "王建国", "name_phone")


def test_same_name_with_another_phone_or_other_id_is_not_a_party() -> None:
    assert find_conflicts(MediatorFacts(7, "王建国", "", "13100000000"), [WANG]) == ()
    # Both carry IDs and they differ: two people, even with the same name and phone.
    other = MediatorFacts(7, "王建国", "110101198505050000", WANG.phone)
    assert find_conflicts(other, [WANG]) == ()


# ---------------------------------------------------------------- relations


def test_declared_relation_by_resident_id() -> None:
    me = MediatorFacts(
        7, "赵敏", relations=(DeclaredRelation("王大伟", "spouse", WANG.resident_id),)
    )
    (c,) = find_conflicts(me, [LI, WANG], ADDRESS)
    assert (c.kind, c.party, c.relation, c.matched_on) == (
        ConflictKind.RELATED_TO_PARTY, "王建国", "spouse", "resident_id",
    )  # fmt: skip


def test_declared_relation_without_an_id_matches_by_name_only() -> None:
    me = MediatorFacts(7, "赵敏", relations=(DeclaredRelation("李秀英", "relative"),))
    (c,) = find_conflicts(me, [LI, WANG], ADDRESS)
    assert (c.kind, c.matched_on) == (ConflictKind.RELATED_TO_PARTY, "name")


def test_a_relation_with_another_id_is_someone_else() -> None:
    rel = DeclaredRelation("李秀英", "relative", "110101199003070000")
    assert find_conflicts(MediatorFacts(7, "赵敏", relations=(rel,)), [LI, WANG]) == ()


# ------------------------------------------------------------------ address


def test_mediator_living_at_the_dispute_address() -> None:
    me = MediatorFacts(7, "赵敏", address="东城镇 和平路１２号")  # spaces, full-width digits
    (c,) = find_conflicts(me, [LI, WANG], ADDRESS)
    assert (c.kind, c.matched_on) == (ConflictKind.SHARES_ADDRESS, "address")


def test_a_relative_living_at_the_dispute_address() -> None:
    rel = DeclaredRelation("赵小军", "relative", address=ADDRESS)
    (c,) = find_conflicts(MediatorFacts(7, "赵敏", relations=(rel,)), [LI, WANG], ADDRESS)
    assert (c.kind, c.party, c.relation) == (ConflictKind.SHARES_ADDRESS, "赵小军", "relative")


def test_blank_or_other_addresses_never_match() -> None:
    assert not same_address("", "")
    assert not same_address("和平路12号", "和平路21号")
    assert find_conflicts(MediatorFacts(7, "赵敏", address=""), [LI], "") == ()


# --------------------------------------------------------- earlier mediation


def test_mediated_an_earlier_case_of_one_side_only() -> None:
    earlier = EarlierCase(3, "20261001-0004", (PartyFacts("王建国", C, WANG.resident_id),))
    (c,) = find_conflicts(MEDIATOR, [LI, WANG], ADDRESS, [earlier])
    assert (c.kind, c.party, c.case_no) == (
        ConflictKind.MEDIATED_ONE_SIDE, "王建国", "20261001-0004",
    )  # fmt: skip


def test_an_earlier_case_with_both_sides_is_no_conflict() -> None:
    earlier = EarlierCase(3, "20261001-0004", (LI, WANG))
    assert find_conflicts(MEDIATOR, [LI, WANG], ADDRESS, [earlier]) == ()


def test_an_earlier_case_of_strangers_or_a_witness_is_no_conflict() -> None:
    witness = PartyFacts("孙丽", W, "110101199912120000")
    strangers = EarlierCase(3, "x", (PartyFacts("某某", C, "110101200001010000"),))
    seen_witness = EarlierCase(4, "y", (witness,))
    assert find_conflicts(MEDIATOR, [LI, WANG, witness], ADDRESS, [strangers, seen_witness]) == ()


def test_without_another_side_there_is_nobody_to_disadvantage() -> None:
    earlier = EarlierCase(3, "x", (LI,))
    assert find_conflicts(MEDIATOR, [LI], ADDRESS, [earlier]) == ()


def test_every_rule_is_reported_together() -> None:
    me = MediatorFacts(
        7, "李秀英", LI.resident_id, "", ADDRESS,
        (DeclaredRelation("王建国", "neighbour", WANG.resident_id),),
    )  # fmt: skip
    earlier = EarlierCase(3, "x", (WANG,))
    assert kinds(find_conflicts(me, [LI, WANG], ADDRESS, [earlier])) == [
        ConflictKind.IS_PARTY,
        ConflictKind.RELATED_TO_PARTY,
        ConflictKind.SHARES_ADDRESS,
        ConflictKind.MEDIATED_ONE_SIDE,
    ]


ids = st.from_regex(r"[0-9]{17}[0-9X]", fullmatch=True)
names = st.text(alphabet="张王李赵刘陈杨黄周吴", min_size=2, max_size=3)
phones = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@given(names, ids, phones, names, ids, phones)
def test_same_person_is_symmetric(an, ai, ap, bn, bi, bp) -> None:  # type: ignore[no-untyped-def]
    assert same_person(an, ai, ap, bn, bi, bp) == same_person(bn, bi, bp, an, ai, ap)
    assert same_person(an, ai, ap, an, ai, ap) == "resident_id"
    assert same_person(an, "", ap, an, "", ap) == "name_phone"


@given(st.lists(st.tuples(names, ids, st.sampled_from(list(PartyRole))), max_size=6))
def test_a_mediator_sharing_nothing_never_conflicts(people) -> None:  # type: ignore[no-untyped-def]
    parties = [PartyFacts(n, role, i) for n, i, role in people]
    me = MediatorFacts(1, "欧阳修远", "", "", "北京路1号")
    assert find_conflicts(me, parties, "南京路2号", [EarlierCase(9, "z", ())]) == ()
