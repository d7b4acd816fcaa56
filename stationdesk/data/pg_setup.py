"""PostgreSQL: the role the workstations log in with, which cannot rewrite the audit trail.

The administrator creates and upgrades the schema as the owner (``stationdesk init``
with the owner's URL) and gives the workstations a separate login made by
:func:`create_app_role`. That role may read and write the station's tables but only
read and append to ``audit_entry``: UPDATE, DELETE and TRUNCATE of audit rows fail with
"permission denied", whatever a workstation (or someone with its password) sends. It
cannot change the schema, and it only reads ``alembic_version``.

The SQL it runs, for an administrator who prefers psql (``app`` is the role)::

    CREATE ROLE app LOGIN PASSWORD '...';
    GRANT CONNECT ON DATABASE station TO app;
    GRANT USAGE ON SCHEMA public TO app;
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app;
    REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM app;
    REVOKE UPDATE, DELETE ON audit_entry FROM app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO app;

Run it again after a migration that adds tables (it is idempotent); the default
privileges cover tables the same owner creates later.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from typing import Any

from sqlalchemy.engine import URL

from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
SCRAM_ITERATIONS = 4096
# Tables the workstations only read: the schema version belongs to the administrator.
READ_ONLY_TABLES = ("alembic_version",)
# Tables the workstations may read and append to, never change.
APPEND_ONLY_TABLES = (AuditEntry.__tablename__,)


class RoleSetupError(ValueError):
    pass


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677).

    Sending the verifier instead of the password keeps the password itself out of the
    server's statement log.
    """
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def create_app_role(admin_url: URL | str, role: str, password: str) -> None:
    """Create (or update) the workstations' login role on the database in ``admin_url``.

    ``admin_url`` connects as the owner of the schema (or a superuser). Idempotent: an
    existing role gets the new password and the grants again.
    """
    if not _ROLE_NAME.match(role):
        raise RoleSetupError(
            f"role name {role!r}: lower-case letters, digits and _ only, not starting with a digit"
        )
    if not password:
        raise RoleSetupError("the role needs a password")
    db = Database(admin_url)
    if db.is_sqlite:
        raise RoleSetupError("database roles exist on PostgreSQL only")
    from psycopg import sql

    # PostgreSQL applies SASLprep to non-ASCII passwords; only the server gets that right.
    secret = scram_verifier(password) if password.isascii() else password
    try:
        raw: Any = db.engine.raw_connection()
        try:
            conn = raw.driver_connection
            conn.autocommit = True
            ident = sql.Identifier(role)
            with conn.transaction():
                exists = conn.execute(
                    "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)
                ).fetchone()
                verb = "ALTER" if exists else "CREATE"
                conn.execute(
                    sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(secret))
                )
                dbname = conn.execute("SELECT current_database()").fetchone()[0]
                tables = {
                    str(r[0])
                    for r in conn.execute(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    ).fetchall()
                }
                for statement in _grants(ident, sql.Identifier(dbname), tables):
                    conn.execute(statement)
        finally:
            raw.close()
    finally:
        db.dispose()


def _grants(role: Any, dbname: Any, tables: set[str]) -> list[Any]:
    from psycopg import sql

    statements = [
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(dbname, role),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role),
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(role),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(
            role
        ),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(role),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}"
        ).format(role),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {}"
        ).format(role),
    ]
    for table in READ_ONLY_TABLES:
        if table in tables:
            statements.append(
                sql.SQL("REVOKE INSERT, UPDATE, DELETE ON {} FROM {}").format(
                    sql.Identifier(table), role
                )
            )
    for table in APPEND_ONLY_TABLES:
        if table in tables:
            statements.append(
                sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
                    sql.Identifier(table), role
                )
            )
    return statements
