"""The PostgreSQL password of a database connection, kept in the OS keyring only.

One entry per server login: service ``StationDesk``, user name
``user@host:port/database``. The password is never written to the settings, a
config file or the log. Three situations are told apart, because the officer is
told different things:

- no keyring backend at all (headless Linux): :class:`CredentialStoreError` with
  code ``no_keyring`` -- the app asks for the password every session;
- the keyring exists but is locked or could not be opened: code ``locked``;
- the keyring works but holds no password for this server: ``None`` (not an error).

Anything else the backend raises becomes code ``failed``. ``keyring`` is imported on
first use: it is slow to import and only PostgreSQL connections need it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.engine import URL

from stationdesk.data.database import resolve_url

SERVICE = "StationDesk"
DEFAULT_PG_PORT = 5432
T = TypeVar("T")


class CredentialStoreError(Exception):
    """The keyring cannot be used; ``code`` is no_keyring | locked | failed.

    ``detail`` is the backend's own words (for the log), never a password.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def _as_url(url: URL | str) -> URL:
    return url if isinstance(url, URL) else resolve_url(url)


def needs_keyring(url: URL | str) -> bool:
    """A server connection whose URL does not carry its own password."""
    parsed = _as_url(url)
    return parsed.get_backend_name() != "sqlite" and not parsed.password


def credential_key(url: URL | str) -> str:
    """The keyring user name for ``url``: ``user@host:port/database`` (no password)."""
    parsed = _as_url(url)
    if parsed.get_backend_name() == "sqlite":
        raise ValueError("an SQLite file has no password")
    host = (parsed.host or "localhost").lower()
    port = parsed.port or DEFAULT_PG_PORT
    return f"{parsed.username or ''}@{host}:{port}/{parsed.database or ''}"


def _unusable(backend: Any) -> str:
    """Why ``backend`` cannot keep a password ('' if it can)."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return f"no keyring backend ({type(backend).__module__}.{type(backend).__name__})"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return "no keyring backend to chain"
    return ""


def _keyring() -> Any:
    import keyring

    backend = keyring.get_keyring()
    why = _unusable(backend)
    if why:
        raise CredentialStoreError("no_keyring", why)
    return backend


def _guarded(action: Callable[[], T]) -> T:
    """Run a keyring call and turn whatever it raises into a CredentialStoreError."""
    from keyring import errors

    try:
        return action()
    except CredentialStoreError:
        raise
    except errors.NoKeyringError as exc:
        raise CredentialStoreError("no_keyring", _first_line(exc)) from None
    except (errors.KeyringLocked, errors.InitError) as exc:
        raise CredentialStoreError("locked", _first_line(exc)) from None
    except Exception as exc:  # D-Bus, Keychain, Credential Manager: all sorts of errors
        raise CredentialStoreError("failed", _first_line(exc)) from None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def check_keyring() -> None:
    """Raise CredentialStoreError('no_keyring') if no usable backend exists.

    Does not read any secret, so it never makes the keyring ask to be unlocked.
    """
    _guarded(_keyring)


def get_db_password(url: URL | str) -> str | None:
    """The saved password for ``url``'s server login, or None if none is saved."""
    key = credential_key(url)

    def read() -> str | None:
        value = _keyring().get_password(SERVICE, key)
        return None if value is None else str(value)

    return _guarded(read)


def set_db_password(url: URL | str, password: str) -> None:
    """Save the password for ``url``'s server login (replacing an older one).

    Read back afterwards: a backend that silently drops it is reported as ``failed``.
    """
    if not password:
        raise ValueError("an empty password is not stored")
    key = credential_key(url)

    def write() -> None:
        backend = _keyring()
        backend.set_password(SERVICE, key, password)
        if backend.get_password(SERVICE, key) != password:
            raise CredentialStoreError("failed", "the keyring did not keep the password")

    _guarded(write)


def delete_db_password(url: URL | str) -> None:
    """Forget the saved password; nothing saved is not an error."""
    from keyring.errors import PasswordDeleteError

    key = credential_key(url)

    def delete() -> None:
        with contextlib.suppress(PasswordDeleteError):  # nothing saved: fine
            _keyring().delete_password(SERVICE, key)

    _guarded(delete)


def password_for(url: URL | str) -> tuple[str | None, str]:
    """(saved password or None, why there is none: '' | not_found | no_keyring | ...).

    For start-up code that must go on without a keyring.
    """
    try:
        password = get_db_password(url)
    except CredentialStoreError as exc:
        return None, exc.code
    return password, "" if password is not None else "not_found"


def login_refused(exc: BaseException) -> bool:
    """Did the server refuse the login (wrong or missing password, unknown user)?"""
    from stationdesk.data.resilience import FaultCode, classify

    if classify(exc).code is FaultCode.LOGIN_REFUSED:
        return True
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(
        phrase in text
        for phrase in (
            "password authentication failed",
            "no password supplied",
            "authentication failed",
        )
    )
