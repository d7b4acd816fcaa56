"""Conflict of interest: may this mediator mediate between these parties?

Pure rules, checked automatically before every booking. A conflict blocks the booking
unless an authorised officer overrides it with a written justification (the data layer
audits that). The rules, each named so the officer sees *why*:

- ``IS_PARTY``: the mediator is one of the parties -- same resident ID, or (where an ID
  is missing on either side) same name and same phone number.
- ``RELATED_TO_PARTY``: the mediator declared a relation (spouse, relative, neighbour,
  employer ...) to a party -- by resident ID, or by name when the declaration carries no ID.
- ``SHARES_ADDRESS``: the mediator, or a person the mediator declared a relation to,
  lives at the address of the dispute (the parties' premises: parties carry no address
  of their own).
- ``MEDIATED_ONE_SIDE``: the mediator mediated an earlier case of a party of this case
  in which the party on the other side took no part -- the mediator already knows one
  side only. An earlier case with both sides (the same quarrel again) is no conflict:
  continuity with the same mediator is what both sides want then.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from stationdesk.domain.enums import PartyRole

__all__ = [
    "Conflict",
    "ConflictKind",
    "DeclaredRelation",
    "EarlierCase",
    "MediatorFacts",
    "PartyFacts",
    "Side",
    "find_conflicts",
    "same_address",
    "same_person",
    "side_of",
]


class ConflictKind(StrEnum):
    IS_PARTY = "is_party"
    RELATED_TO_PARTY = "related_to_party"
    SHARES_ADDRESS = "shares_address"
    MEDIATED_ONE_SIDE = "mediated_one_side"


class Side(StrEnum):
    """Which side of the dispute a party stands on; witnesses stand on neither."""

    COMPLAINING = "complaining"
    ANSWERING = "answering"


_SIDES = {
    PartyRole.COMPLAINANT: Side.COMPLAINING,
    PartyRole.VICTIM: Side.COMPLAINING,
    PartyRole.RESPONDENT: Side.ANSWERING,
    PartyRole.SUSPECT: Side.ANSWERING,
}


def side_of(role: PartyRole) -> Side | None:
    return _SIDES.get(role)


@dataclass(frozen=True)
class PartyFacts:
    name: str
    role: PartyRole = PartyRole.OTHER
    resident_id: str = ""
    phone: str = ""


@dataclass(frozen=True)
class DeclaredRelation:
    name: str
    relation: str  # spouse | relative | neighbour | employer | ...
    resident_id: str = ""
    address: str = ""


@dataclass(frozen=True)
class MediatorFacts:
    id: int
    name: str
    resident_id: str = ""
    phone: str = ""
    address: str = ""
    relations: tuple[DeclaredRelation, ...] = ()


@dataclass(frozen=True)
class EarlierCase:
    """A case the mediator mediated before (a session that was not cancelled)."""

    case_id: int
    case_no: str
    parties: tuple[PartyFacts, ...]


@dataclass(frozen=True)
class Conflict:
    """One reason this mediator must not mediate this case.

    ``matched_on`` says how the person was recognised ("resident_id", "name_phone",
    "name", "address"); ``relation`` is the declared relation; ``case_no`` the earlier case.
    """

    kind: ConflictKind
    mediator_id: int
    party: str = ""
    matched_on: str = ""
    relation: str = ""
    case_no: str = ""
    details: tuple[str, ...] = field(default=(), compare=False)


# ------------------------------------------------------------------------ matching


def _id(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().upper()


def _phone(value: str) -> str:
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", value))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix) :]
    return digits


def _name(value: str) -> str:
    return re.sub(r"[\s·•.]", "", unicodedata.normalize("NFKC", value)).casefold()


def same_address(a: str, b: str) -> bool:
    """Same address ignoring spaces, punctuation and full-width digits; blanks never match."""

    def norm(value: str) -> str:
        return re.sub(r"[\s,，.。·\-－#]", "", unicodedata.normalize("NFKC", value)).casefold()

    na, nb = norm(a), norm(b)
    return bool(na) and na == nb


def same_person(a_name: str, a_id: str, a_phone: str, b_name: str, b_id: str, b_phone: str) -> str:
    """How two people were recognised as the same ("resident_id" | "name_phone"), or "".

    Where both carry a resident ID it decides alone (two IDs that differ are two people,
    whatever their names); otherwise the same name *and* the same phone number.
    """
    ia, ib = _id(a_id), _id(b_id)
    if ia and ib:
        return "resident_id" if ia == ib else ""
    pa, pb = _phone(a_phone), _phone(b_phone)
    if pa and pa == pb and _name(a_name) and _name(a_name) == _name(b_name):
        return "name_phone"
    return ""


def _relation_match(rel: DeclaredRelation, party: PartyFacts) -> str:
    rid, pid = _id(rel.resident_id), _id(party.resident_id)
    if rid:
        return "resident_id" if rid == pid else ""
    # A declaration without an ID: the name is all there is to go on.
    return "name" if _name(rel.name) and _name(rel.name) == _name(party.name) else ""


# -------------------------------------------------------------------------- rules


def find_conflicts(
    mediator: MediatorFacts,
    parties: Sequence[PartyFacts],
    case_address: str = "",
    earlier_cases: Iterable[EarlierCase] = (),
) -> tuple[Conflict, ...]:
    """Every conflict of interest of ``mediator`` with this case, in rule order."""
    found: list[Conflict] = []
    m = mediator
    for p in parties:
        how = same_person(m.name, m.resident_id, m.phone, p.name, p.resident_id, p.phone)
        if how:
            found.append(Conflict(ConflictKind.IS_PARTY, m.id, p.name, how))
    for rel in m.relations:
        for p in parties:
            how = _relation_match(rel, p)
            if how:
                found.append(
                    Conflict(ConflictKind.RELATED_TO_PARTY, m.id, p.name, how, rel.relation)
                )
    if same_address(m.address, case_address):
        found.append(Conflict(ConflictKind.SHARES_ADDRESS, m.id, m.name, "address"))
    for rel in m.relations:
        if same_address(rel.address, case_address):
            found.append(
                Conflict(ConflictKind.SHARES_ADDRESS, m.id, rel.name, "address", rel.relation)
            )
    found.extend(_one_sided(m.id, parties, earlier_cases))
    return tuple(found)


def _one_sided(
    mediator_id: int, parties: Sequence[PartyFacts], earlier_cases: Iterable[EarlierCase]
) -> list[Conflict]:
    sides_here = {side_of(p.role) for p in parties} - {None}
    if len(sides_here) < 2:
        return []  # no other side to be at a disadvantage
    out: list[Conflict] = []
    for earlier in earlier_cases:
        met: dict[Side, list[str]] = {}
        for p in parties:
            side = side_of(p.role)
            if side is None:
                continue
            if any(
                same_person(p.name, p.resident_id, p.phone, q.name, q.resident_id, q.phone)
                for q in earlier.parties
            ):
                met.setdefault(side, []).append(p.name)
        if len(met) == 1:
            (names,) = met.values()
            out.append(
                Conflict(
                    ConflictKind.MEDIATED_ONE_SIDE,
                    mediator_id,
                    names[0],
                    "party",
                    case_no=earlier.case_no,
                    details=tuple(names),
                )
            )
    return out
