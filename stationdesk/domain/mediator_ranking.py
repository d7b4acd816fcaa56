"""Which mediator to suggest first for a case, and why.

Pure rules. Each candidate earns points for what matters to the duty officer, and every
point comes with a reason the booking dialog shows:

- skill: the mediator handles the case's kind of dispute (+50);
- language: speaks the language or dialect the parties need, when one is asked for (+20);
- availability: a free slot on the wanted day (+30), within two days of it (+20), later
  in the horizon (+10), none (0 -- listed, but nothing to book);
- workload: sessions already booked on the day of the first free slot against the
  mediator's daily capacity (+0 .. +10: an idle mediator gets 10, a nearly full one ~0).

A mediator with a conflict of interest is listed last and marked blocked, whatever the
points; among the rest, more points rank first, then the earlier free slot, then the name.
Free slots and the day's workload are worked out by the data layer (capacity is honoured
there: a full day offers no slot).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from stationdesk.domain.conflict_of_interest import Conflict
from stationdesk.domain.enums import CaseCategory, MediatorKind

__all__ = [
    "AVAILABILITY_POINTS",
    "LANGUAGE_POINTS",
    "SKILL_POINTS",
    "WORKLOAD_POINTS",
    "Candidate",
    "Ranked",
    "Reason",
    "ReasonCode",
    "align_up",
    "free_starts",
    "needed_skill",
    "rank_mediators",
    "split_languages",
]

SKILL_POINTS = 50
LANGUAGE_POINTS = 20
AVAILABILITY_POINTS = {"wanted_day": 30, "soon": 20, "later": 10, "none": 0}
SOON_DAYS = 2
WORKLOAD_POINTS = 10


class ReasonCode(StrEnum):
    SKILL_MATCH = "skill_match"
    NO_SKILL = "no_skill"
    LANGUAGE_MATCH = "language_match"
    NO_LANGUAGE = "no_language"
    FREE_ON_DAY = "free_on_day"
    FREE_SOON = "free_soon"
    FREE_LATER = "free_later"
    NO_FREE_SLOT = "no_free_slot"
    WORKLOAD = "workload"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Candidate:
    mediator_id: int
    name: str
    kind: MediatorKind
    skills: frozenset[CaseCategory]
    languages: tuple[str, ...]
    capacity_per_day: int
    first_free: datetime | None  # earliest slot that can be booked (mediator and a room free)
    sessions_that_day: int  # booked on the day of ``first_free``
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    points: int
    when: datetime | None = None  # the free slot the reason is about
    count: int = 0  # sessions booked that day (workload)
    of: int = 0  # capacity (workload)
    text: str = ""  # the language asked for


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: int
    reasons: tuple[Reason, ...]

    @property
    def blocked(self) -> bool:
        return bool(self.candidate.conflicts)

    @property
    def bookable(self) -> bool:
        return not self.blocked and self.candidate.first_free is not None


def needed_skill(category: CaseCategory) -> CaseCategory | None:
    """The mediator skill a case calls for: its dispute kind (other cases need none)."""
    return category if category.is_dispute else None


def split_languages(raw: str) -> tuple[str, ...]:
    """ "普通话, 粤语；英语" -> ("普通话", "粤语", "英语")."""
    parts = raw.replace("，", ",").replace("、", ",").replace("；", ",").replace(";", ",")
    return tuple(p.strip() for p in parts.split(",") if p.strip())


def _reasons(
    c: Candidate, skill: CaseCategory | None, wanted_day: date, language: str
) -> list[Reason]:
    out: list[Reason] = []
    if skill is not None:
        if skill in c.skills:
            out.append(Reason(ReasonCode.SKILL_MATCH, SKILL_POINTS))
        else:
            out.append(Reason(ReasonCode.NO_SKILL, 0))
    if language:
        if language.casefold() in (x.casefold() for x in c.languages):
            out.append(Reason(ReasonCode.LANGUAGE_MATCH, LANGUAGE_POINTS, text=language))
        else:
            out.append(Reason(ReasonCode.NO_LANGUAGE, 0, text=language))
    if c.first_free is None:
        out.append(Reason(ReasonCode.NO_FREE_SLOT, AVAILABILITY_POINTS["none"]))
    else:
        days = (c.first_free.date() - wanted_day).days
        if days <= 0:
            out.append(
                Reason(ReasonCode.FREE_ON_DAY, AVAILABILITY_POINTS["wanted_day"], c.first_free)
            )
        elif days <= SOON_DAYS:
            out.append(Reason(ReasonCode.FREE_SOON, AVAILABILITY_POINTS["soon"], c.first_free))
        else:
            out.append(Reason(ReasonCode.FREE_LATER, AVAILABILITY_POINTS["later"], c.first_free))
        capacity = max(c.capacity_per_day, 1)
        left = max(capacity - c.sessions_that_day, 0)
        points = (WORKLOAD_POINTS * left) // capacity
        out.append(
            Reason(
                ReasonCode.WORKLOAD, points, c.first_free, c.sessions_that_day, c.capacity_per_day
            )
        )
    if c.conflicts:
        out.append(Reason(ReasonCode.CONFLICT, 0))
    return out


def rank_mediators(
    candidates: Iterable[Candidate],
    category: CaseCategory,
    wanted_day: date,
    language: str = "",
) -> tuple[Ranked, ...]:
    """The candidates best first, each with its score and the reasons for it."""
    skill = needed_skill(category)
    ranked = []
    for c in candidates:
        reasons = _reasons(c, skill, wanted_day, language.strip())
        ranked.append(Ranked(c, sum(r.points for r in reasons), tuple(reasons)))
    return tuple(
        sorted(
            ranked,
            key=lambda r: (
                r.blocked,
                r.candidate.first_free is None,
                -r.score,
                r.candidate.first_free or datetime.max,
                r.candidate.name,
                r.candidate.mediator_id,
            ),
        )
    )


# --------------------------------------------------------------------- free slots


def align_up(moment: datetime, quantum: timedelta) -> datetime:
    """``moment`` rounded up to the booking grain (counted from midnight)."""
    midnight = datetime.combine(moment.date(), time())
    return midnight + quantum * -((midnight - moment) // quantum)


def free_starts(
    windows: Iterable[tuple[datetime, datetime]],
    busy: Iterable[tuple[datetime, datetime]],
    length: timedelta,
    quantum: timedelta,
    not_before: datetime,
) -> list[datetime]:
    """Starts (on the grain) of every ``length`` period inside a window, not before
    ``not_before`` and overlapping nothing in ``busy``; earliest first."""
    taken = sorted(busy)
    out: list[datetime] = []
    for w_start, w_end in sorted(windows):
        cursor = align_up(max(w_start, not_before), quantum)
        while cursor + length <= w_end:
            end = cursor + length
            clash = next((b for b in taken if b[0] < end and cursor < b[1]), None)
            if clash is None:
                out.append(cursor)
                cursor += quantum
            else:
                cursor = align_up(clash[1], quantum)
    return sorted(set(out))
