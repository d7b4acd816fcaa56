"""Application setup and start-up: database check, first run, sign-in, main window.

Heavy modules (pyqtgraph, reportlab, keyring, Alembic) are imported on first use,
so the first window appears quickly; the database is checked on the background
worker while a small progress dialog keeps the UI responsive.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, QObject, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from stationdesk import APP_ID, APP_NAME, __version__
from stationdesk.data.database import (
    Database,
    DatabaseError,
    DatabaseReadOnlyError,
    NetworkShareError,
)
from stationdesk.ui import i18n
from stationdesk.ui.worker import DbWorker

log = logging.getLogger(__name__)
T = TypeVar("T")

ORGANIZATION = "StationDesk"
SETTINGS_DB_URL = "database/url"
PASSWORD_ENV = "STATIONDESK_PASSWORD"
BASE_POINT_SIZE = 11.0
# First match wins; each has the Simplified Chinese glyphs officers read all day.
CJK_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
)


# --- application-wide setup (shared with the screenshot command) ------------------


def app_settings() -> QSettings:
    """Per-user settings; ``STATIONDESK_CONFIG_DIR`` moves them (tests, portable use)."""
    override = os.environ.get("STATIONDESK_CONFIG_DIR")
    if override:
        return QSettings(str(Path(override) / "stationdesk.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME
    )


def choose_ui_font(app: QGuiApplication) -> str | None:
    """Use a font with Chinese glyphs for the whole UI (also offscreen); 11 pt at least."""
    available = {f.lower(): f for f in QFontDatabase.families()}
    family = next((available[f.lower()] for f in CJK_FONT_FAMILIES if f.lower() in available), None)
    if family is None:
        family = next(
            (
                real
                for low, real in available.items()
                for want in CJK_FONT_FAMILIES
                if low.startswith(want.lower())
            ),
            None,
        )
    font = QFont(app.font())
    if family is not None:
        font.setFamilies([family])
    else:
        log.warning("no font with Chinese glyphs found (install fonts-noto-cjk)")
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    return family


def app_icon() -> QIcon:
    icons = i18n.resources_dir() / "icons"
    icon = QIcon()
    for png in sorted(icons.glob(f"hicolor/*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    svg = icons / f"{APP_ID}.svg"
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def _palette() -> QPalette:
    """Calm and high-contrast: dark text on soft grey, one clear blue for selection."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#e9edf1",
        QPalette.ColorRole.WindowText: "#111820",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f3f5f8",
        QPalette.ColorRole.Text: "#111820",
        QPalette.ColorRole.Button: "#dde3e9",
        QPalette.ColorRole.ButtonText: "#111820",
        QPalette.ColorRole.Highlight: "#1d5fa8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#fff8dc",
        QPalette.ColorRole.ToolTipText: "#111820",
        QPalette.ColorRole.PlaceholderText: "#5f6b78",
        QPalette.ColorRole.Link: "#1d5fa8",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a8591"))
    return p


def prepare_app(app: QApplication, lang: str | None) -> str:
    """Names, icon, style, font and language; returns the language installed."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    app.setStyle("Fusion")
    app.setPalette(_palette())
    choose_ui_font(app)
    chosen = i18n.install_language(app, lang, app_settings())
    qss = i18n.resources_dir() / "style.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    return chosen


def _setup_logging() -> None:
    """Log to a rotating file in the data folder and warnings to stderr."""
    from logging.handlers import RotatingFileHandler

    from stationdesk.data.database import data_dir

    root = logging.getLogger()
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(fmt)
    root.addHandler(stderr)
    try:
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        file = RotatingFileHandler(
            folder / "stationdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        file.setFormatter(fmt)
        root.addHandler(file)
    except OSError as exc:
        log.warning("cannot write the log file: %s", exc)

    def excepthook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        log.critical("unexpected error", exc_info=(kind, exc, tb))

    sys.excepthook = excepthook


def initial_database_url(db_arg: str | None) -> str:
    """``--db``, else ``STATIONDESK_DB``, else the saved choice, else the embedded file."""
    from stationdesk.data.database import default_sqlite_path

    saved = str(app_settings().value(SETTINGS_DB_URL, "", str) or "")
    return db_arg or os.environ.get("STATIONDESK_DB") or saved or str(default_sqlite_path())


# --- checking the database (runs on the worker) ------------------------------------


@dataclass(frozen=True)
class DatabaseStatus:
    integrity: str  # "ok" or SQLite's complaint
    schema: str  # ok | missing | outdated
    user_count: int


def inspect_database(db: Database, check_file: bool = True) -> DatabaseStatus:
    """Reachable? Healthy? Which schema? Any users? Raises SchemaTooNewError.

    ``check_file``: run SQLite's ``quick_check`` first -- only after an unclean
    shutdown (:meth:`Database.open_session`), as it reads the whole file (0.5 s at
    100k cases, ~20 s at 1M from a cold disk).
    """
    from sqlalchemy.exc import DBAPIError

    from stationdesk.data import migrate, users
    from stationdesk.data.database import sqlite_corruption

    if check_file:
        integrity = db.integrity_check()
        if integrity != "ok":
            return DatabaseStatus(integrity, "", 0)
        db.integrity_confirmed()
    try:
        db.ping()
    except DBAPIError as exc:
        # A file that is not a database at all is "damaged", not "unreachable".
        complaint = sqlite_corruption(exc)
        if complaint is None:
            raise
        return DatabaseStatus(complaint, "", 0)
    try:
        migrate.check_schema(db)
    except migrate.SchemaOutdatedError:
        missing = migrate.current_revision(db) is None
        return DatabaseStatus("ok", "missing" if missing else "outdated", 0)
    return DatabaseStatus("ok", "ok", users.count_users(db))


def upgrade_and_inspect(db: Database) -> DatabaseStatus:
    from stationdesk.data import migrate

    migrate.upgrade(db)
    return inspect_database(db, check_file=False)  # checked before, if it was needed


_window_modules_imported = False
# What the main window imports as it is built (besides its first view).
WINDOW_MODULES = (
    "stationdesk.ui.main_window",
    "stationdesk.ui.theme",
    "stationdesk.ui.idle_lock",
    "stationdesk.ui.alerts_panel",
    "stationdesk.ui.wallboard",
    "stationdesk.data.audit_queries",
)


def import_window_modules() -> None:
    """Import the main window and the view it opens on, once, ahead of the sign-in.

    Called on the UI thread right after the password check went to the worker: Argon2
    releases the GIL, so these imports (~0.2 s) overlap the check instead of following
    it. A module that fails here fails again, with its message, when the window builds.
    """
    import importlib

    global _window_modules_imported
    if _window_modules_imported:
        return
    _window_modules_imported = True
    try:
        for name in WINDOW_MODULES:
            importlib.import_module(name)
        from stationdesk.ui import main_window

        saved = app_settings().value(main_window.SETTINGS_VIEW, "", str)
        main_window.import_view(saved if saved in main_window.VIEW_NAMES else "overview")
    except Exception as exc:  # reported where the window is built
        log.info("importing the window ahead of the sign-in failed: %s", exc)


def is_embedded_default(db: Database) -> bool:
    from stationdesk.data.database import default_sqlite_path

    path = db.sqlite_path
    return path is not None and path.resolve() == default_sqlite_path().resolve()


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


# --- first run and sign-in -----------------------------------------------------------


class _AccountDialog(QDialog):
    """Shared layout: a heading, a form, an error line, buttons; work on the worker."""

    def __init__(self, db: Database, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker
        self.busy = False
        self.setWindowTitle(APP_NAME)
        self.outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.outer.addWidget(self.heading)
        self.where = QLabel(db.describe())
        self.where.setObjectName("dialogNote")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outer.addWidget(self.where)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        # Room for a two-line message from the start: the dialog never has to grow.
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing() + 8)
        self.outer.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.outer.addWidget(self.buttons)

    def line_edit(self, label: str, *, password: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(50 if not password else 200)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def finish_layout(self) -> None:
        """Fix the minimum size once built, so later messages never resize the window."""
        hint = self.sizeHint()
        self.setMinimumSize(max(hint.width(), 480), hint.height())

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for child in self.findChildren(QLineEdit):
            child.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:  # a job is running; its answer must find the dialog alive
            super().reject()


class FirstRunDialog(_AccountDialog):
    """An empty database: create the administrator account."""

    def __init__(self, db: Database, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(db, worker, parent)
        self.heading.setText(
            self.tr(
                "This database has no user accounts yet. Create the administrator account; "
                "the administrator then adds the station's staff."
            )
        )
        self.username_edit = self.line_edit(self.tr("User name"))
        self.display_name_edit = self.line_edit(self.tr("Display name"))
        self.password_edit = self.line_edit(self.tr("Password"), password=True)
        self.repeat_edit = self.line_edit(self.tr("Password again"), password=True)
        self.create_button = self.buttons.addButton(
            self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.finish_layout()

    def username(self) -> str:
        return self.username_edit.text().strip()

    def validation_error(self) -> str:
        from stationdesk.data import users

        name = self.username()
        if not name:
            return self.tr("User name: enter a name.")
        if any(ch.isspace() for ch in name):
            return self.tr("User name: no spaces, please.")
        password = self.password_edit.text()
        try:
            users.check_password_rules(name, password)
        except users.PasswordRuleError as exc:
            return password_rule_message(exc.code)
        if password != self.repeat_edit.text():
            return self.tr("Password again: the two passwords differ.")
        return ""

    def submit(self) -> None:
        from stationdesk.data import users
        from stationdesk.data.uow import SYSTEM
        from stationdesk.domain.enums import Role

        error = self.validation_error()
        self.show_error(error)
        if error:
            return
        name, display, password = (
            self.username(),
            self.display_name_edit.text().strip(),
            self.password_edit.text(),
        )
        self.set_busy(True)
        self.worker.submit(
            lambda: users.create_user(self.db, SYSTEM, name, display, password, [Role.ADMIN]),
            self._created,
            self._failed,
            what="create the administrator",
        )

    def _created(self, _user_id: int) -> None:
        self.set_busy(False)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.set_busy(False)
        log.warning("creating the administrator failed: %s", exc, exc_info=exc)
        self.show_error(
            self.tr("The account was not created: {error}").format(error=first_line(exc))
        )


def password_rule_message(code: str) -> str:
    from stationdesk.data.users import MIN_PASSWORD_LENGTH

    if code == "too_short":
        return QCoreApplication.translate(
            "FirstRunDialog", "Password: at least {n} characters, please."
        ).format(n=MIN_PASSWORD_LENGTH)
    if code == "contains_username":
        return QCoreApplication.translate(
            "FirstRunDialog", "Password: must not contain the user name."
        )
    return QCoreApplication.translate("FirstRunDialog", "Password: not accepted.")


class SignInDialog(_AccountDialog):
    """User name and password; the answer comes back from the worker."""

    DATABASE_SETTINGS = 2

    def __init__(
        self, db: Database, worker: DbWorker, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(db, worker, parent)
        self.actor: Any = None
        self.setWindowTitle(self.tr("Sign in — StationDesk"))
        self.heading.setText(self.tr("Sign in to StationDesk"))
        self.username_edit = self.line_edit(self.tr("User name"))
        self.password_edit = self.line_edit(self.tr("Password"), password=True)
        self.username_edit.setText(username)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.settings_button = self.buttons.addButton(
            self.tr("Database settings…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.finish_layout()
        self.settings_button.clicked.connect(lambda: self.done(self.DATABASE_SETTINGS))
        (self.password_edit if username else self.username_edit).setFocus()

    @staticmethod
    def message_for(code: str) -> str:
        messages = {
            "bad_credentials": QT_TRANSLATE_NOOP("SignInDialog", "Wrong user name or password."),
            "locked": QT_TRANSLATE_NOOP(
                "SignInDialog",
                "This account is locked after too many wrong passwords. An administrator "
                "can unlock it.",
            ),
            "inactive": QT_TRANSLATE_NOOP(
                "SignInDialog", "This account is switched off. Ask an administrator."
            ),
        }
        return QCoreApplication.translate(
            "SignInDialog", str(messages.get(code, messages["bad_credentials"]))
        )

    def submit(self) -> None:
        from stationdesk.data import users

        name, password = self.username_edit.text().strip(), self.password_edit.text()
        if not name or not password:
            self.show_error(self.tr("Enter your user name and password."))
            return
        self.show_error("")
        self.set_busy(True)
        self.worker.submit(
            lambda: users.sign_in(self.db, name, password),
            self._signed_in,
            self._failed,
            what="sign in",
        )
        import_window_modules()  # while the worker checks the password

    def _signed_in(self, actor: Any) -> None:
        self.set_busy(False)
        self.actor = actor
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from stationdesk.data.users import SignInError

        self.set_busy(False)
        if isinstance(exc, SignInError):
            self.show_error(self.message_for(exc.code))
        else:
            log.warning("sign-in failed: %s", exc, exc_info=exc)
            self.show_error(
                self.tr("Cannot reach the database: {error}").format(error=first_line(exc))
            )
        self.password_edit.clear()
        self.password_edit.setFocus()


# --- start-up ------------------------------------------------------------------------


class Startup(QObject):
    """Open and check the database, sign in, run the main window; loops on sign-out."""

    RETRY, SETTINGS, QUIT = range(3)

    def __init__(
        self, app: QApplication, worker: DbWorker, db_arg: str | None, user: str | None
    ) -> None:
        super().__init__()
        self.app = app
        self.worker = worker
        self.url = initial_database_url(db_arg)
        self.password: str | None = None
        # Why the keyring had no password (credentials.password_for), and whether to keep
        # the one the officer types in it once the server accepts it.
        self.keyring_reason = ""
        self.remember_password = False
        self.user = user
        self.env_password = os.environ.get(PASSWORD_ENV) if user else None
        # Benchmarks start with --user and the password in the environment: nothing
        # may wait for a click then, problems end the program with a message.
        self.interactive = not (user and self.env_password)
        self.user_count = 0

    def run(self) -> int:
        while True:
            opened = self.open_database()
            if opened is None:
                return 1
            db, status = opened
            self.keep_remembered_password(db)
            try:
                reason = self.run_session(db, status.user_count)
            finally:
                db.dispose()
            if reason != "reconnect":
                return 0 if reason == "quit" else 1
            self.interactive = True  # a database chosen in the dialog: a person is here

    # -- background calls with a progress dialog

    def call(
        self, fn: Callable[[], T], label: str, meanwhile: Callable[[], None] | None = None
    ) -> T:
        """Run ``fn`` on the worker; the UI stays live; re-raise its exception here.

        ``meanwhile`` runs on the UI thread while the worker is busy with ``fn``.
        """
        loop = QEventLoop()
        box: dict[str, Any] = {}

        def done(result: Any) -> None:
            box["result"] = result
            loop.quit()

        def failed(exc: Exception) -> None:
            box["error"] = exc
            loop.quit()

        progress = QProgressDialog(label, "", 0, 0)
        progress.setCancelButton(None)
        progress.setWindowTitle(APP_NAME)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(400)
        self.worker.submit(fn, done, failed, what=label)
        if meanwhile is not None:
            meanwhile()
        if "result" not in box and "error" not in box:
            loop.exec()
        progress.close()
        progress.deleteLater()
        if "error" in box:
            raise box["error"]
        result: T = box["result"]
        return result

    # -- database

    def open_database(self) -> tuple[Database, DatabaseStatus] | None:
        from stationdesk.data import migrate

        while True:
            db: Database | None = None
            try:
                self.password_from_keyring()
                db = Database(self.url, password=self.password)
                unclean = db.open_session()  # released by db.dispose(): a clean close
                label = (
                    self.tr(
                        "StationDesk was not closed properly last time: checking the database file…"
                    )
                    if unclean
                    else self.tr("Opening the database…")
                )
                status = self.call(partial(inspect_database, db, unclean), label)
                if status.integrity != "ok":
                    choice = self.problem(
                        self.tr(
                            "The database file {file} is damaged. Do not keep working on "
                            "it: restore the latest backup or call the administrator."
                        ).format(file=db.sqlite_path),
                        status.integrity,
                        retry=False,
                    )
                elif status.schema != "ok":
                    upgraded = self.bring_schema_up_to_date(db, status)
                    if upgraded is None:
                        choice = self.QUIT
                    else:
                        return db, upgraded
                else:
                    return db, status
            except (migrate.SchemaTooNewError, NetworkShareError, DatabaseError) as exc:
                choice = self.problem(self.database_error_text(exc), str(exc))
            except _SchemaNotUpgraded as exc:
                choice = self.problem(str(exc), "")
            except Exception as exc:
                if db is not None and self.password_wanted(db, exc):
                    db.dispose()
                    continue
                log.warning("cannot open %s: %s", self.url, exc, exc_info=exc)
                choice = self.problem(
                    self.tr(
                        "Cannot connect to the database {db}. Check the network and the "
                        "server, or choose another database."
                    ).format(db=db.describe() if db else self.url),
                    first_line(exc),
                )
            if db is not None:
                db.dispose()
            if choice == self.QUIT:
                return None
            if choice == self.SETTINGS:
                self.edit_settings(None)

    # -- the server password: keyring, else ask (and say why)

    def password_from_keyring(self) -> None:
        """A server URL without a password: take the one kept in the OS keyring, if any."""
        from stationdesk.data import credentials

        if self.password is not None or not credentials.needs_keyring(self.url):
            return
        url = self.url
        self.password, self.keyring_reason = self.call(
            lambda: credentials.password_for(url),
            self.tr("Reading the database password from the system keyring…"),
        )
        if self.keyring_reason not in ("", "not_found"):
            log.info("no database password from the system keyring: %s", self.keyring_reason)

    def password_wanted(self, db: Database, exc: Exception) -> bool:
        """The server refused the login: ask for the password; True to try again with it."""
        from stationdesk.data import credentials
        from stationdesk.ui.db_password import DatabasePasswordDialog

        if not self.interactive or db.is_sqlite:
            return False
        if not credentials.login_refused(exc):
            return False
        reason = "refused" if self.password else (self.keyring_reason or "not_found")
        dialog = DatabasePasswordDialog(
            db.describe(),
            credentials.credential_key(db.url),
            reason,
            can_remember=self.keyring_reason != "no_keyring",
        )
        if dialog.exec() != DatabasePasswordDialog.DialogCode.Accepted:
            return False
        self.password = dialog.password()
        self.remember_password = dialog.remember()
        return True

    def keep_remembered_password(self, db: Database) -> None:
        """The server accepted a typed password the officer asked to remember: keep it."""
        from stationdesk.data import credentials
        from stationdesk.ui.db_password import keyring_message

        password = self.password
        if not self.remember_password or not password:
            return
        self.remember_password = False
        url = db.url
        try:
            self.call(
                lambda: credentials.set_db_password(url, password),
                self.tr("Saving the password in the system keyring…"),
            )
        except credentials.CredentialStoreError as exc:
            log.info("the database password was not kept: %s", exc.code)
            QMessageBox.information(
                None,
                APP_NAME,
                self.tr(
                    "The password could not be saved in the system keyring; it is used "
                    "for this session only."
                )
                + "\n\n"
                + keyring_message(exc.code),
            )

    def bring_schema_up_to_date(
        self, db: Database, status: DatabaseStatus
    ) -> DatabaseStatus | None:
        label = self.tr("Preparing the database…")
        if is_embedded_default(db):
            return self.call(lambda: upgrade_and_inspect(db), label)
        if db.is_sqlite and self.interactive:
            question = (
                self.tr("The file {file} has no StationDesk data yet. Create the database in it?")
                if status.schema == "missing"
                else self.tr(
                    "The database in {file} was made by an older StationDesk. Upgrade "
                    "it now? A backup copy of the file is made first."
                )
            ).format(file=db.sqlite_path)
            answer = QMessageBox.question(None, APP_NAME, question)
            if answer == QMessageBox.StandardButton.Yes:
                return self.call(lambda: upgrade_and_inspect(db), label)
            return None
        raise _SchemaNotUpgraded(
            self.tr(
                "The database {db} has no StationDesk schema yet or an older one. The "
                "administrator upgrades it with `stationdesk init` (all workstations "
                "closed)."
            ).format(db=db.describe())
        )

    def database_error_text(self, exc: Exception) -> str:
        from stationdesk.data import migrate

        if isinstance(exc, migrate.SchemaTooNewError):
            return self.tr(
                "This database was upgraded by a newer StationDesk. Update this "
                "workstation before using it."
            )
        if isinstance(exc, NetworkShareError):
            return self.tr(
                "The database file is on a network share, where SQLite can lose "
                "data. Keep the file on a local disk, or use a PostgreSQL server "
                "for several workstations."
            )
        if isinstance(exc, DatabaseReadOnlyError):
            return self.tr(
                "The database file cannot be written: the file or its folder is read-only. "
                "Ask the administrator to make them writable, or choose another file."
            )
        return self.tr("The database cannot be used.")

    def problem(self, text: str, details: str, *, retry: bool = True) -> int:
        """Tell the officer what is wrong; they retry, change the database, or quit."""
        if not self.interactive:
            log.warning("%s %s", text, details)
            print(f"stationdesk: {text} {details}".strip(), file=sys.stderr)
            return self.QUIT
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text)
        if details:
            box.setDetailedText(details)
        retry_button = box.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        retry_button.setVisible(retry)
        settings = box.addButton(self.tr("Database settings…"), QMessageBox.ButtonRole.ActionRole)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry_button if retry else settings)
        box.exec()
        clicked = box.clickedButton()
        if clicked is settings:
            return self.SETTINGS
        if clicked is quit_button or clicked is None:
            return self.QUIT
        return self.RETRY

    def edit_settings(self, parent: QWidget | None) -> bool:
        """The database settings dialog; True if a different database was chosen."""
        from stationdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.worker, self.url, parent)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return False
        self.url = dialog.url_text()
        self.password = dialog.password()
        return True

    # -- sign-in and the main window

    def sign_in(self, db: Database) -> Any:
        """The signed-in Actor, or "settings", "cancelled" or "failed"."""
        from stationdesk.data import users

        if not self.interactive:
            if self.user_count == 0:
                self.problem(self.tr("The database has no user accounts yet."), "")
                return "failed"
            try:
                return self.call(
                    lambda: users.sign_in(db, self.user or "", self.env_password or ""),
                    self.tr("Signing in…"),
                    meanwhile=import_window_modules,
                )
            except users.SignInError as exc:
                self.problem(SignInDialog.message_for(exc.code), self.user or "")
                return "failed"
        if self.user_count == 0:
            first = FirstRunDialog(db, self.worker)
            if first.exec() != FirstRunDialog.DialogCode.Accepted:
                return "cancelled"
            self.user_count = 1
            self.user = first.username()
        dialog = SignInDialog(db, self.worker, self.user or "")
        result = dialog.exec()
        if result == SignInDialog.DATABASE_SETTINGS:
            return "settings"
        if result != SignInDialog.DialogCode.Accepted or dialog.actor is None:
            return "cancelled"
        return dialog.actor

    def run_session(self, db: Database, user_count: int) -> str:
        """quit | reconnect | failed: sign in and run the main window until it closes."""
        from stationdesk.ui.context import AppContext
        from stationdesk.ui.main_window import MainWindow

        self.user_count = user_count
        while True:
            actor = self.sign_in(db)
            if actor == "settings":
                if self.edit_settings(None):
                    return "reconnect"
                continue
            if actor == "cancelled":
                return "quit"
            if actor == "failed":
                return "failed"
            window = MainWindow(
                AppContext(db=db, worker=self.worker, actor=actor), database_url=self.url
            )
            window.closed.connect(self.app.quit)
            window.show()
            self.app.exec()
            reason = window.exit_reason
            # Results still queued for this window's views arrive while it exists.
            self.worker.wait_idle(10)
            QCoreApplication.processEvents()
            window.deleteLater()
            if reason == "reconnect" and window.new_database is not None:
                self.url, self.password = window.new_database
                return "reconnect"
            if reason != "sign_out":
                return "quit"
            # Locked: the same officer most likely comes back; the name is filled in.
            self.user = actor.username
            self.interactive = True


class _SchemaNotUpgraded(Exception):
    pass


def run_gui(db_arg: str | None, lang: str | None = None, user: str | None = None) -> int:
    """Start the GUI; returns the process exit status."""
    _setup_logging()
    if sys.platform == "win32":
        # Without it Windows groups the window under python.exe with Python's icon.
        import contextlib
        import ctypes

        with contextlib.suppress(AttributeError, OSError):
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)  # type: ignore[attr-defined]
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    prepare_app(app, lang)
    worker = DbWorker()
    try:
        return Startup(app, worker, db_arg, user).run()
    finally:
        worker.shutdown()
