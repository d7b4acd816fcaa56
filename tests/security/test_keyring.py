"""The database password in the OS keyring: found, not found, no keyring, locked keyring."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from stationdesk import cli
from stationdesk.data import credentials
from stationdesk.data.credentials import SERVICE, CredentialStoreError

URL = "postgresql://duty@DB.Station.lan:5433/station?sslmode=require"
KEY = "duty@db.station.lan:5433/station"


def test_one_entry_per_server_login() -> None:
    assert credentials.credential_key(URL) == KEY
    assert credentials.credential_key("postgresql://app@db/station") == "app@db:5432/station"
    assert credentials.needs_keyring(URL)
    assert not credentials.needs_keyring("postgresql://duty:inline@db/station")
    assert not credentials.needs_keyring("/var/lib/stationdesk/station.sqlite3")
    with pytest.raises(ValueError):
        credentials.credential_key("/var/lib/stationdesk/station.sqlite3")


def test_store_read_and_forget_with_a_working_keyring(memory_keyring: Any) -> None:
    assert credentials.get_db_password(URL) is None  # not found is not an error
    assert credentials.password_for(URL) == (None, "not_found")
    credentials.set_db_password(URL, "s3cret-Pass")
    assert memory_keyring.passwords == {(SERVICE, KEY): "s3cret-Pass"}
    assert credentials.get_db_password(URL.replace("require", "disable")) == "s3cret-Pass"
    assert credentials.password_for(URL) == ("s3cret-Pass", "")
    credentials.set_db_password(URL, "n3w-Pass")  # replaces
    assert credentials.get_db_password(URL) == "n3w-Pass"
    credentials.delete_db_password(URL)
    credentials.delete_db_password(URL)  # already gone: fine
    assert credentials.get_db_password(URL) is None
    with pytest.raises(ValueError):
        credentials.set_db_password(URL, "")


def test_no_keyring_backend_is_told_apart(no_keyring: Any) -> None:
    for call in (
        lambda: credentials.get_db_password(URL),
        lambda: credentials.set_db_password(URL, "pw-123456"),
        lambda: credentials.delete_db_password(URL),
        credentials.check_keyring,
    ):
        with pytest.raises(CredentialStoreError) as info:
            call()
        assert info.value.code == "no_keyring"
    assert credentials.password_for(URL) == (None, "no_keyring")


def _backend(get: Any = None, set_: Any = None) -> Any:
    from keyring.backend import KeyringBackend

    class Scripted(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return get() if callable(get) else get

        def set_password(self, service: str, username: str, password: str) -> None:
            if callable(set_):
                set_()

        def delete_password(self, service: str, username: str) -> None:
            pass

    return Scripted()


@pytest.fixture
def use_backend() -> Iterator[Any]:
    import keyring

    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def _raise(exc: Exception) -> Any:
    def fail() -> None:
        raise exc

    return fail


@pytest.mark.parametrize(
    ("error", "code"),
    [
        ("KeyringLocked", "locked"),
        ("InitError", "locked"),
        ("PasswordSetError", "failed"),
        ("NoKeyringError", "no_keyring"),
    ],
)
def test_keyring_errors_are_told_apart(use_backend: Any, error: str, code: str) -> None:
    from keyring import errors

    exc = getattr(errors, error)("Failed to unlock the collection!")
    use_backend(_backend(get=_raise(exc), set_=_raise(exc)))
    with pytest.raises(CredentialStoreError) as info:
        credentials.get_db_password(URL)
    assert info.value.code == code
    with pytest.raises(CredentialStoreError) as info:
        credentials.set_db_password(URL, "pw-123456")
    assert info.value.code == code
    assert credentials.password_for(URL) == (None, code)


def test_a_backend_error_that_is_not_keyrings_own_is_failed(use_backend: Any) -> None:
    use_backend(_backend(get=_raise(OSError("D-Bus went away"))))
    with pytest.raises(CredentialStoreError) as info:
        credentials.get_db_password(URL)
    assert info.value.code == "failed" and "D-Bus" in info.value.detail


def test_a_keyring_that_silently_drops_the_password_is_not_trusted(use_backend: Any) -> None:
    from keyring.backends import null

    use_backend(_backend(get=None))  # accepts set_password, keeps nothing
    with pytest.raises(CredentialStoreError) as info:
        credentials.set_db_password(URL, "pw-123456")
    assert info.value.code == "failed"
    use_backend(null.Keyring())
    with pytest.raises(CredentialStoreError) as info:
        credentials.set_db_password(URL, "pw-123456")
    assert info.value.code == "no_keyring"


# --- stationdesk db set-password ----------------------------------------------------------


def test_cli_set_password_stores_it(
    memory_keyring: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["Typed-Pass-1", "Typed-Pass-1"])
    monkeypatch.delenv("STATIONDESK_NEW_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert cli.main(["db", "set-password", URL]) == 0
    assert memory_keyring.passwords[(SERVICE, KEY)] == "Typed-Pass-1"
    out = capsys.readouterr().out
    assert KEY in out and "Typed-Pass-1" not in out


def test_cli_set_password_from_the_environment_and_forget(
    memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "Env-Pass-22")
    assert cli.main(["db", "set-password", URL]) == 0
    assert memory_keyring.passwords[(SERVICE, KEY)] == "Env-Pass-22"
    assert cli.main(["db", "forget-password", URL]) == 0
    assert memory_keyring.passwords == {}


def test_cli_set_password_refuses_differing_answers(
    memory_keyring: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["first-Pass-1", "second-Pass-2"])
    monkeypatch.delenv("STATIONDESK_NEW_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert cli.main(["db", "set-password", URL]) == 1
    assert "differ" in capsys.readouterr().err
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    ("backend", "words"),
    [("fail", "no system keyring"), ("locked", "locked")],
)
def test_cli_set_password_says_why_it_cannot(
    use_backend: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    backend: str,
    words: str,
) -> None:
    from keyring import errors
    from keyring.backends import fail

    if backend == "fail":
        use_backend(fail.Keyring())
    else:
        locked = errors.KeyringLocked("Failed to unlock the collection!")
        use_backend(_backend(get=_raise(locked), set_=_raise(locked)))
    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "Env-Pass-22")
    assert cli.main(["db", "set-password", URL]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "Env-Pass-22" not in err


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/tmp/station.sqlite3", "SQLite"),
        ("postgresql://duty:inline@db/station", "leave the password out"),
    ],
)
def test_cli_set_password_wants_a_server_url_without_password(
    memory_keyring: Any, capsys: pytest.CaptureFixture[str], url: str, words: str
) -> None:
    assert cli.main(["db", "set-password", url]) == 1
    assert words in capsys.readouterr().err
