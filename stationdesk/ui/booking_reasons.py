"""Words for the booking dialog: why a mediator is ranked where it is, and conflicts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stationdesk.data.mediation_booking import SlotTakenError
from stationdesk.domain.conflict_of_interest import Conflict, ConflictKind
from stationdesk.domain.mediator_ranking import Reason, ReasonCode

CONTEXT = "BookingReasons"
WEEKDAYS = (
    QT_TRANSLATE_NOOP("BookingReasons", "Mon"),
    QT_TRANSLATE_NOOP("BookingReasons", "Tue"),
    QT_TRANSLATE_NOOP("BookingReasons", "Wed"),
    QT_TRANSLATE_NOOP("BookingReasons", "Thu"),
    QT_TRANSLATE_NOOP("BookingReasons", "Fri"),
    QT_TRANSLATE_NOOP("BookingReasons", "Sat"),
    QT_TRANSLATE_NOOP("BookingReasons", "Sun"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def when_text(moment: object) -> str:
    from datetime import datetime

    assert isinstance(moment, datetime)
    day = _t(WEEKDAYS[moment.weekday()])
    return f"{moment:%m-%d} {day} {moment:%H:%M}"


def reason_text(r: Reason) -> str:
    """One line: what counted and how many points it gave."""
    code = r.code
    if code == ReasonCode.SKILL_MATCH:
        text = _t("handles this kind of dispute")
    elif code == ReasonCode.NO_SKILL:
        text = _t("does not usually handle this kind of dispute")
    elif code == ReasonCode.LANGUAGE_MATCH:
        text = _t("speaks %1").replace("%1", r.text)
    elif code == ReasonCode.NO_LANGUAGE:
        text = _t("does not speak %1").replace("%1", r.text)
    elif code == ReasonCode.FREE_ON_DAY:
        text = _t("free on the day asked for, from %1").replace("%1", when_text(r.when))
    elif code == ReasonCode.FREE_SOON:
        text = _t("next free %1 (within two days)").replace("%1", when_text(r.when))
    elif code == ReasonCode.FREE_LATER:
        text = _t("next free only %1").replace("%1", when_text(r.when))
    elif code == ReasonCode.NO_FREE_SLOT:
        text = _t("no free slot with a free room in the next two weeks")
    elif code == ReasonCode.WORKLOAD:
        text = (
            _t("%1 of %2 sessions booked that day")
            .replace("%1", str(r.count))
            .replace("%2", str(r.of))
        )
    else:
        text = _t("conflict of interest: cannot be booked")
    return f"{text} (+{r.points})" if r.points else text


def conflict_text(c: Conflict) -> str:
    """Why this mediator must not mediate, naming the party and the rule."""
    if c.kind == ConflictKind.IS_PARTY:
        how = _t("same resident ID") if c.matched_on == "resident_id" else _t("same name and phone")
        return _t("The mediator is a party: %1 (%2).").replace("%1", c.party).replace("%2", how)
    if c.kind == ConflictKind.RELATED_TO_PARTY:
        how = _t("by resident ID") if c.matched_on == "resident_id" else _t("by name only")
        return (
            _t("Declared relation (%1) to the party %2, matched %3.")
            .replace("%1", c.relation)
            .replace("%2", c.party)
            .replace("%3", how)
        )
    if c.kind == ConflictKind.SHARES_ADDRESS:
        if c.relation:
            return (
                _t("%1 (declared relation: %2) lives at the address of the dispute.")
                .replace("%1", c.party)
                .replace("%2", c.relation)
            )
        return _t("The mediator lives at the address of the dispute.")
    return (
        _t("Mediated the earlier case %1 of %2 without the other side.")
        .replace("%1", c.case_no)
        .replace("%2", c.party)
    )


def taken_text(e: SlotTakenError) -> str:
    """The race loser's message: who or what is taken, by which session."""
    if e.resource == "room":
        text = _t("The room %1 was booked meanwhile for case %2 (session %3, %4–%5).")
    else:
        text = _t("The mediator %1 was booked meanwhile for case %2 (session %3, %4–%5).")
    start = f"{e.starts_at:%m-%d %H:%M}" if e.starts_at else "?"
    end = f"{e.ends_at:%H:%M}" if e.ends_at else "?"
    return (
        text.replace("%1", e.name)
        .replace("%2", e.case_no or "?")
        .replace("%3", str(e.session_id or "?"))
        .replace("%4", start)
        .replace("%5", end)
        + " "
        + _t("Nothing was booked; choose another slot.")
    )
