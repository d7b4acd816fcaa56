"""Station-wide settings every workstation shares: deadlines and the repeat window,
and the storage other station settings (the mediation ones) use.

Stored as JSON text in ``station_setting`` (key, value). Reading never fails: a
missing setting is the default, and an unreadable one is logged and read as the
default, so a bad value cannot stop the station from taking reports. Writing goes
through the unit of work (``Permission.MANAGE_STATION``), so each change is audited.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationdesk.data.database import Database
from stationdesk.data.schema import Setting
from stationdesk.data.uow import Actor, UnitOfWork, unit_of_work
from stationdesk.domain.deadlines import DEFAULT_POLICY, REPEAT_WINDOW_DAYS, DeadlinePolicy
from stationdesk.domain.enums import CaseCategory, Permission, Priority

log = logging.getLogger(__name__)

DEADLINE_POLICY_KEY = "cases.deadline_policy"
REPEAT_WINDOW_KEY = "cases.repeat_window_days"
MAX_REPEAT_WINDOW_DAYS = 3650

E = TypeVar("E", Priority, CaseCategory)


# ------------------------------------------------------------------- encoding


def _minutes(table: Mapping[E, timedelta]) -> dict[str, int]:
    return {k.value: int(v.total_seconds() // 60) for k, v in table.items()}


def _durations(raw: Any, kind: type[E]) -> dict[E, timedelta]:
    if not isinstance(raw, dict):
        raise ValueError(f"expected an object of minutes, got {type(raw).__name__}")
    out: dict[E, timedelta] = {}
    for key, minutes in raw.items():
        if not isinstance(minutes, int) or isinstance(minutes, bool):
            raise ValueError(f"{key}: minutes must be a whole number")
        out[kind(key)] = timedelta(minutes=minutes)
    return out


def encode_policy(policy: DeadlinePolicy) -> str:
    """The JSON stored for a policy: minutes per priority and per category."""
    return json.dumps(
        {
            "first_response": _minutes(policy.first_response),
            "resolution": _minutes(policy.resolution),
            "category_resolution": _minutes(policy.category_resolution),
        },
        sort_keys=True,
    )


def decode_policy(text: str) -> DeadlinePolicy:
    """The policy in ``text``; ValueError when it is not one."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    return DeadlinePolicy(
        first_response=_durations(raw.get("first_response"), Priority),
        resolution=_durations(raw.get("resolution"), Priority),
        category_resolution=_durations(raw.get("category_resolution", {}), CaseCategory),
    )


# -------------------------------------------------------------------- reading


def _stored(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def policy_in(session: Session) -> DeadlinePolicy:
    """The deadline policy, read inside the caller's transaction (intake uses this)."""
    text = _stored(session, DEADLINE_POLICY_KEY)
    if text is None:
        return DEFAULT_POLICY
    try:
        return decode_policy(text)
    except (ValueError, TypeError) as exc:
        log.warning("the stored deadline policy is unreadable (%s); using the default", exc)
        return DEFAULT_POLICY


def deadline_policy(db: Database) -> DeadlinePolicy:
    """The station's deadlines (the default ones until an administrator sets them)."""
    with db.read() as session:
        return policy_in(session)


def repeat_window_days(db: Database) -> int:
    """How far back intake looks for earlier reports at an address or with a party."""
    with db.read() as session:
        text = _stored(session, REPEAT_WINDOW_KEY)
    if text is None:
        return REPEAT_WINDOW_DAYS
    try:
        days = json.loads(text)
        _check_window(days)
    except (ValueError, TypeError) as exc:
        log.warning("the stored repeat window is unreadable (%s); using the default", exc)
        return REPEAT_WINDOW_DAYS
    return int(days)


# -------------------------------------------------------------------- writing


def _check_window(days: object) -> None:
    if not isinstance(days, int) or isinstance(days, bool):
        raise ValueError("the repeat window must be a whole number of days")
    if not 1 <= days <= MAX_REPEAT_WINDOW_DAYS:
        raise ValueError(f"the repeat window must be 1 to {MAX_REPEAT_WINDOW_DAYS} days")


class SettingsChangedError(Exception):
    """Another workstation saved these settings since they were read; ``current`` is
    what is stored now (the dialog shows it and lets the administrator decide)."""

    def __init__(self, what: str, current: object) -> None:
        super().__init__(f"the {what} settings were changed on another workstation")
        self.what = what
        self.current = current


def store_settings(uow: UnitOfWork, values: Mapping[str, str]) -> None:
    """Store settings inside the caller's unit of work (one audit entry per changed one).

    The caller opened the unit of work with ``Permission.MANAGE_STATION``.
    """
    for key, value in values.items():
        setting = uow.session.get(Setting, key)
        if setting is None:
            uow.add(Setting(key=key, value=value))
            continue
        old = setting.value
        if old == value:
            continue
        setting.value = value
        uow.session.flush()
        uow.touch(setting, {"key": key, "value": old}, {"key": key, "value": value})


def put_settings(db: Database, actor: Actor, action: str, values: Mapping[str, str]) -> None:
    """Store settings (JSON text by key) in one audited transaction named ``action``."""
    with unit_of_work(db, actor, Permission.MANAGE_STATION, action) as uow:
        store_settings(uow, values)


def set_deadline_policy(db: Database, actor: Actor, policy: DeadlinePolicy) -> None:
    """Store the station's deadlines; cases recorded from now on use them.

    Cases already recorded keep the deadlines they were given.
    """
    put_settings(db, actor, "settings.deadlines", {DEADLINE_POLICY_KEY: encode_policy(policy)})


def set_repeat_window_days(db: Database, actor: Actor, days: int) -> None:
    """Store the repeat window (ValueError outside 1 to 3650 days)."""
    _check_window(days)
    put_settings(db, actor, "settings.repeat_window", {REPEAT_WINDOW_KEY: json.dumps(days)})


def set_case_settings(db: Database, actor: Actor, policy: DeadlinePolicy, days: int) -> None:
    """Deadlines and repeat window together, in one transaction (the settings dialog)."""
    _check_window(days)
    put_settings(
        db,
        actor,
        "settings.cases",
        {DEADLINE_POLICY_KEY: encode_policy(policy), REPEAT_WINDOW_KEY: json.dumps(days)},
    )
