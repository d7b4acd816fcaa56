"""Words for the booking dialog: why a mediator is ranked where it is, and conflicts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stationdesk.data.mediation_booking import SlotTakenError
from stationdesk.domain.conflict_of_interest import Conflict, ConflictKind
from stationdesk.domain.mediator_ranking import Reason, ReasonCode
from stationdesk.ui.i18n import format_day, format_day_time, format_time

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
# Declared relations are stored as these codes (free text is shown as typed).
RELATIONS = {
    "spouse": QT_TRANSLATE_NOOP("BookingReasons", "spouse"),
    "relative": QT_TRANSLATE_NOOP("BookingReasons", "relative"),
    "neighbour": QT_TRANSLATE_NOOP("BookingReasons", "neighbour"),
    "employer": QT_TRANSLATE_NOOP("BookingReasons", "employer"),
    "employee": QT_TRANSLATE_NOOP("BookingReasons", "employee"),
    "colleague": QT_TRANSLATE_NOOP("BookingReasons", "colleague"),
    "friend": QT_TRANSLATE_NOOP("BookingReasons", "friend"),
}


def relation_text(code: str) -> str:
    return _t(RELATIONS[code]) if code in RELATIONS else code


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def when_text(moment: object) -> str:
    from datetime import datetime

    assert isinstance(moment, datetime)
    day = _t(WEEKDAYS[moment.weekday()])
    return f"{format_day(moment)} {day} {format_time(moment)}"


def reason_text(r: Reason) -> str:
    """One line: what counted and how many points it gave."""
    code = r.code
    if code == ReasonCode.SKILL_MATCH:
        text = QCoreApplication.translate("BookingReasons", "handles this kind of dispute")
    elif code == ReasonCode.NO_SKILL:
        text = QCoreApplication.translate(
            "BookingReasons", "does not usually handle this kind of dispute"
        )
    elif code == ReasonCode.LANGUAGE_MATCH:
        text = QCoreApplication.translate("BookingReasons", "speaks %1").replace("%1", r.text)
    elif code == ReasonCode.NO_LANGUAGE:
        text = QCoreApplication.translate("BookingReasons", "does not speak %1").replace(
            "%1", r.text
        )
    elif code == ReasonCode.FREE_ON_DAY:
        text = QCoreApplication.translate(
            "BookingReasons", "free on the day asked for, from %1"
        ).replace("%1", when_text(r.when))
    elif code == ReasonCode.FREE_SOON:
        text = QCoreApplication.translate(
            "BookingReasons", "next free %1 (within two days)"
        ).replace("%1", when_text(r.when))
    elif code == ReasonCode.FREE_LATER:
        text = QCoreApplication.translate("BookingReasons", "next free only %1").replace(
            "%1", when_text(r.when)
        )
    elif code == ReasonCode.NO_FREE_SLOT:
        text = QCoreApplication.translate(
            "BookingReasons", "no free slot with a free room in the next two weeks"
        )
    elif code == ReasonCode.WORKLOAD:
        text = (
            QCoreApplication.translate("BookingReasons", "%1 of %2 sessions booked that day")
            .replace("%1", str(r.count))
            .replace("%2", str(r.of))
        )
    else:
        text = QCoreApplication.translate(
            "BookingReasons", "conflict of interest: cannot be booked"
        )
    return f"{text} (+{r.points})" if r.points else text


def conflict_text(c: Conflict) -> str:
    """Why this mediator must not mediate, naming the party and the rule."""
    if c.kind == ConflictKind.IS_PARTY:
        how = (
            QCoreApplication.translate("BookingReasons", "same resident ID")
            if c.matched_on == "resident_id"
            else QCoreApplication.translate("BookingReasons", "same name and phone")
        )
        return (
            QCoreApplication.translate("BookingReasons", "The mediator is a party: %1 (%2).")
            .replace("%1", c.party)
            .replace("%2", how)
        )
    if c.kind == ConflictKind.RELATED_TO_PARTY:
        how = (
            QCoreApplication.translate("BookingReasons", "by resident ID")
            if c.matched_on == "resident_id"
            else QCoreApplication.translate("BookingReasons", "by name only")
        )
        return (
            QCoreApplication.translate(
                "BookingReasons", "Declared relation (%1) to the party %2, matched %3."
            )
            .replace("%1", relation_text(c.relation))
            .replace("%2", c.party)
            .replace("%3", how)
        )
    if c.kind == ConflictKind.SHARES_ADDRESS:
        if c.relation:
            return (
                QCoreApplication.translate(
                    "BookingReasons",
                    "%1 (declared relation: %2) lives at the address of the dispute.",
                )
                .replace("%1", c.party)
                .replace("%2", relation_text(c.relation))
            )
        return QCoreApplication.translate(
            "BookingReasons", "The mediator lives at the address of the dispute."
        )
    return (
        QCoreApplication.translate(
            "BookingReasons", "Mediated the earlier case %1 of %2 without the other side."
        )
        .replace("%1", c.case_no)
        .replace("%2", c.party)
    )


def taken_text(e: SlotTakenError) -> str:
    """The race loser's message: who or what is taken, by which session."""
    if e.resource == "room":
        text = QCoreApplication.translate(
            "BookingReasons", "The room %1 was booked meanwhile for case %2 (session %3, %4–%5)."
        )
    else:
        text = QCoreApplication.translate(
            "BookingReasons",
            "The mediator %1 was booked meanwhile for case %2 (session %3, %4–%5).",
        )
    start = format_day_time(e.starts_at) if e.starts_at else "?"
    end = format_time(e.ends_at) if e.ends_at else "?"
    return (
        text.replace("%1", e.name)
        .replace("%2", e.case_no or "?")
        .replace("%3", str(e.session_id or "?"))
        .replace("%4", start)
        .replace("%5", end)
        + " "
        + QCoreApplication.translate("BookingReasons", "Nothing was booked; choose another slot.")
    )
