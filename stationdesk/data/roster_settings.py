"""The station's roster rules: minimum rest, weekly hours, crew size, check-in grace.

Stored as JSON in ``station_setting`` like the case deadlines (see station_settings).
Reading never fails: a missing or unreadable value is the default. Writing needs
``Permission.MANAGE_STATION`` and is audited.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationdesk.data.database import Database
from stationdesk.data.schema import Setting
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain.enums import Permission
from stationdesk.domain.scheduling import RosterRules

log = logging.getLogger(__name__)

ROSTER_RULES_KEY = "patrols.roster_rules"


def encode_rules(rules: RosterRules) -> str:
    return json.dumps(
        {
            "min_rest_minutes": int(rules.min_rest.total_seconds() // 60),
            "max_weekly_hours": rules.max_weekly_hours,
            "min_crew": rules.min_crew,
            "checkin_grace_minutes": int(rules.checkin_grace.total_seconds() // 60),
        },
        sort_keys=True,
    )


def decode_rules(text: str) -> RosterRules:
    """The rules in ``text``; ValueError when it is not a valid set of rules."""
    raw = json.loads(text)
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    default = RosterRules()
    return RosterRules(
        min_rest=timedelta(
            minutes=int(raw.get("min_rest_minutes", default.min_rest.total_seconds() // 60))
        ),
        max_weekly_hours=float(raw.get("max_weekly_hours", default.max_weekly_hours)),
        min_crew=int(raw.get("min_crew", default.min_crew)),
        checkin_grace=timedelta(
            minutes=int(
                raw.get("checkin_grace_minutes", default.checkin_grace.total_seconds() // 60)
            )
        ),
    )


def rules_in(session: Session) -> RosterRules:
    """The roster rules, read inside the caller's transaction."""
    text = session.scalar(select(Setting.value).where(Setting.key == ROSTER_RULES_KEY))
    if text is None:
        return RosterRules()
    try:
        return decode_rules(text)
    except (ValueError, TypeError) as exc:
        log.warning("the stored roster rules are unreadable (%s); using the defaults", exc)
        return RosterRules()


def roster_rules(db: Database) -> RosterRules:
    with db.read() as session:
        return rules_in(session)


def set_roster_rules(db: Database, actor: Actor, rules: RosterRules) -> None:
    """Store the station's roster rules (audited; needs the manage-station permission)."""
    value = encode_rules(rules)
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "settings.roster") as uow:
        setting = uow.session.get(Setting, ROSTER_RULES_KEY)
        if setting is None:
            uow.add(Setting(key=ROSTER_RULES_KEY, value=value))
            return
        old = setting.value
        if old != value:
            setting.value = value
            uow.session.flush()
            uow.touch(
                setting,
                {"key": ROSTER_RULES_KEY, "value": old},
                {"key": ROSTER_RULES_KEY, "value": value},
            )
