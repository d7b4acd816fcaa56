"""Staff accounts: Argon2 password hashes, roles, sign-in with lock-out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from stationdesk.data import audit
from stationdesk.data.database import Database
from stationdesk.data.schema import User
from stationdesk.data.uow import SYSTEM, Actor, now, unit_of_work
from stationdesk.domain.enums import Permission, Role

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10


class SignInError(Exception):
    """Wrong name or password, or a locked account; ``code`` picks the message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # bad_credentials | locked | inactive


class PasswordRuleError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # too_short | contains_username


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    locked: bool
    active: bool
    version: int


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher  # imported on first use: keeps start-up fast

    return PasswordHasher()


def parse_roles(raw: str) -> frozenset[Role]:
    known = {r.value for r in Role}
    return frozenset(Role(v) for v in raw.split(",") if v in known)


def check_password_rules(username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRuleError("too_short")
    if username.lower() in password.lower():
        raise PasswordRuleError("contains_username")


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def count_users(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(User)).scalar_one())


def create_user(
    db: Database,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[Role],
    staff_id: int | None = None,
) -> int:
    """Add an account; the first account on an empty database may be made by SYSTEM."""
    check_password_rules(username, password)
    with unit_of_work(db, actor, Permission.MANAGE_USERS, "user.create") as uow:
        user = uow.add(
            User(
                username=username,
                display_name=display_name or username,
                password_hash=hash_password(password),
                roles=",".join(sorted(r.value for r in roles)),
                staff_id=staff_id,
            )
        )
        return user.id


def set_password(db: Database, actor: Actor, username: str, password: str) -> None:
    check_password_rules(username, password)
    with unit_of_work(db, actor, Permission.MANAGE_USERS, "user.passwd") as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise SignInError("bad_credentials")
        uow.update(User, user.id, user.version, password_hash=hash_password(password))


def unlock(db: Database, actor: Actor, username: str) -> None:
    with unit_of_work(db, actor, Permission.MANAGE_USERS, "user.unlock") as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise SignInError("bad_credentials")
        uow.update(
            User, user.id, user.version, locked=False, failed_attempts=0, first_failed_at=None
        )


def actor_of(user: User | UserInfo, workstation: str | None = None) -> Actor:
    roles = user.roles if isinstance(user, UserInfo) else parse_roles(user.roles)
    base = Actor(user.id, user.username, roles, user.display_name)
    if workstation:
        return Actor(base.user_id, base.username, base.roles, base.display_name, workstation)
    return base


def sign_in(db: Database, username: str, password: str, at: datetime | None = None) -> Actor:
    """Check the password; five failures within 15 minutes lock the account."""
    from argon2.exceptions import InvalidHashError, VerificationError

    at = at or now()
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
    if user is None:
        _hasher().hash(password)  # same cost either way: no user-name probing by timing
        raise SignInError("bad_credentials")
    if user.locked:
        audit.record(db, actor_of(user), "user.sign_in", "app_user", user.id, outcome="refused")
        raise SignInError("locked")
    if not user.active:
        raise SignInError("inactive")
    try:
        _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _record_failure(db, user.id, at)
        raise SignInError("bad_credentials") from None
    if user.failed_attempts:
        _reset_failures(db, user.id)
    audit.record(db, actor_of(user), "user.sign_in", "app_user", user.id)
    return actor_of(user)


def _record_failure(db: Database, user_id: int, at: datetime) -> None:
    # Failures are recorded by the system itself, not by the (unknown) person typing.
    with unit_of_work(db, SYSTEM, Permission.MANAGE_USERS, "user.sign_in_failed") as uow:
        user = uow.get(User, user_id)
        fresh = user.first_failed_at is None or at - user.first_failed_at > FAILURE_WINDOW
        attempts = 1 if fresh else user.failed_attempts + 1
        uow.update(
            User,
            user_id,
            user.version,
            failed_attempts=attempts,
            first_failed_at=at if fresh else user.first_failed_at,
            locked=attempts >= MAX_FAILURES,
        )


def _reset_failures(db: Database, user_id: int) -> None:
    with unit_of_work(db, SYSTEM, Permission.MANAGE_USERS, "user.sign_in_reset") as uow:
        user = uow.get(User, user_id)
        uow.update(User, user_id, user.version, failed_attempts=0, first_failed_at=None)


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as s:
        return [
            UserInfo(
                u.id,
                u.username,
                u.display_name,
                parse_roles(u.roles),
                u.locked,
                u.active,
                u.version,
            )
            for u in s.scalars(select(User).order_by(User.username))
        ]


def find_user(db: Database, username: str) -> UserInfo | None:
    return next((u for u in list_users(db) if u.username == username), None)
