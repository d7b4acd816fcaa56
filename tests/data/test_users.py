"""Accounts: Argon2 hashes, password rules, lock-out after repeated failures."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from stationdesk.data import users
from stationdesk.data.database import Database
from stationdesk.data.schema import User
from stationdesk.data.uow import SYSTEM
from stationdesk.domain.enums import Role


def test_password_is_stored_as_argon2_hash_and_checked(db: Database) -> None:
    users.create_user(db, SYSTEM, "wang", "王警官", "a-long-secret-9", [Role.DUTY_OFFICER])
    with db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "wang"))
    assert stored and stored.startswith("$argon2") and "a-long-secret-9" not in stored
    actor = users.sign_in(db, "wang", "a-long-secret-9")
    assert actor.display_name == "王警官" and actor.roles == {Role.DUTY_OFFICER}
    with pytest.raises(users.SignInError) as info:
        users.sign_in(db, "wang", "wrong-password")
    assert info.value.code == "bad_credentials"


@pytest.mark.parametrize(
    ("password", "code"), [("short", "too_short"), ("xx-wang-password", "contains_username")]
)
def test_password_rules(db: Database, password: str, code: str) -> None:
    with pytest.raises(users.PasswordRuleError) as info:
        users.create_user(db, SYSTEM, "wang", "王", password, [Role.ADMIN])
    assert info.value.code == code
    assert users.count_users(db) == 0


def test_five_failures_in_fifteen_minutes_lock_until_an_admin_unlocks(db: Database) -> None:
    users.create_user(db, SYSTEM, "li", "李", "a-long-secret-9", [Role.DUTY_OFFICER])
    start = datetime(2026, 11, 28, 3, 0)
    for i in range(5):
        with pytest.raises(users.SignInError):
            users.sign_in(db, "li", "guess", at=start + timedelta(minutes=i))
    with pytest.raises(users.SignInError) as info:
        users.sign_in(db, "li", "a-long-secret-9", at=start + timedelta(minutes=6))
    assert info.value.code == "locked"
    users.unlock(db, SYSTEM, "li")
    assert users.sign_in(db, "li", "a-long-secret-9").username == "li"


def test_failures_spread_over_time_do_not_lock(db: Database) -> None:
    users.create_user(db, SYSTEM, "li", "李", "a-long-secret-9", [Role.DUTY_OFFICER])
    start = datetime(2026, 11, 28, 3, 0)
    for i in range(6):
        with pytest.raises(users.SignInError) as info:
            users.sign_in(db, "li", "guess", at=start + timedelta(minutes=20 * i))
        assert info.value.code == "bad_credentials"
    assert users.sign_in(db, "li", "a-long-secret-9").username == "li"
