"""Database settings: the embedded SQLite file or a PostgreSQL server, and the language.

The URL is saved in the per-user settings *without* the password. The password is used
for this session, and kept in the OS keyring (``data.credentials``) only when the officer
ticks "Remember in the system keyring" -- never in a settings or config file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from stationdesk.data.database import Database, default_sqlite_path, resolve_url
from stationdesk.ui import i18n, theme
from stationdesk.ui.app import SETTINGS_DB_URL, app_settings, first_line
from stationdesk.ui.worker import DbWorker

log = logging.getLogger(__name__)

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# URL query options the form edits; every other option in a loaded URL is kept as it is.
EDITED_OPTIONS = ("sslmode", "sslrootcert")
DEFAULT_PG_PORT = 5432
LANGUAGE_CHOICES = (("zh_CN", "中文"), ("en", "English"))


class SettingsDialog(QDialog):
    """Choose the database (saved without password) and the interface language."""

    def __init__(
        self, worker: DbWorker, current_url: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._testing = False
        self._storing = False  # saving the password in the keyring (on the worker)
        self.setWindowTitle(self.tr("Database settings"))

        self.sqlite_radio = QRadioButton(self.tr("Embedded database on this computer (SQLite)"))
        self.server_radio = QRadioButton(
            self.tr("Database server shared by workstations (PostgreSQL)")
        )
        kind = QButtonGroup(self)
        kind.addButton(self.sqlite_radio)
        kind.addButton(self.server_radio)

        # SQLite
        self.sqlite_box = QGroupBox()  # the radio button above names it
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(str(default_sqlite_path()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.check_file_button = QPushButton(self.tr("Check file"))
        self.check_file_button.setToolTip(
            self.tr("Read the whole database file and report any damage (integrity check)")
        )
        self.check_file_button.clicked.connect(self.check_file)
        path_row.addWidget(self.check_file_button)
        sqlite_form = QFormLayout(self.sqlite_box)
        sqlite_form.addRow(self.tr("Database file"), path_row)
        sqlite_note = QLabel(
            self.tr("Keep the file on a local disk, never on a network share. Leave empty for "
                    "the default file.")
        )  # fmt: skip
        sqlite_note.setObjectName("dialogNote")
        sqlite_note.setWordWrap(True)
        sqlite_form.addRow(sqlite_note)

        # PostgreSQL
        self.server_box = QGroupBox()
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PG_PORT)
        self.dbname_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.sslmode_combo = QComboBox()
        self.sslmode_combo.addItems(SSL_MODES)
        self.sslmode_combo.setCurrentText("prefer")
        self.sslrootcert_edit = QLineEdit()
        self.sslrootcert_edit.setPlaceholderText(self.tr("empty: the default root.crt"))
        self.sslrootcert_edit.setToolTip(
            self.tr("The station's CA certificate (ca.crt) that signed the server's certificate; "
                    "checked with SSL mode verify-ca or verify-full.")
        )  # fmt: skip
        ca_browse = QPushButton(self.tr("Browse…"))
        ca_browse.clicked.connect(self.browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.sslrootcert_edit, 1)
        ca_row.addWidget(ca_browse)
        # Options of a loaded URL that the form does not show (connect_timeout, ...).
        self._other_options: dict[str, str | tuple[str, ...]] = {}
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        server_form = QFormLayout(self.server_box)
        server_form.addRow(self.tr("Host"), self.host_edit)
        server_form.addRow(self.tr("Port"), self.port_spin)
        server_form.addRow(self.tr("Database name"), self.dbname_edit)
        server_form.addRow(self.tr("User"), self.user_edit)
        server_form.addRow(self.tr("SSL mode"), self.sslmode_combo)
        server_form.addRow(self.tr("CA certificate"), ca_row)
        server_form.addRow(self.tr("Password"), self.password_edit)
        self.remember_check = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember_check.setToolTip(
            self.tr("Kept by the operating system's keyring, never in a StationDesk file.")
        )
        server_form.addRow("", self.remember_check)
        password_note = QLabel(
            self.tr("The password is never written to the settings file: it is kept only in "
                    "the system keyring. Without a keyring it is used for this session only.")
        )  # fmt: skip
        password_note.setObjectName("dialogNote")
        password_note.setWordWrap(True)
        server_form.addRow(password_note)

        # Test
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        # Language
        language_box = QGroupBox(self.tr("Language"))
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_CHOICES:
            self.language_combo.addItem(name, code)
        language_note = QLabel(self.tr("A new language applies when StationDesk starts again."))
        language_note.setObjectName("dialogNote")
        language_note.setWordWrap(True)
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("Interface language"), self.language_combo)
        language_form.addRow(language_note)
        # The look applies at once (stationdesk.ui.theme); View → Dark theme does the same.
        self.theme_combo = QComboBox()
        self.theme_combo.addItem(self.tr("Light"), theme.LIGHT)
        self.theme_combo.addItem(self.tr("Dark (night shift)"), theme.DARK)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(theme.current_theme()), 0))
        language_form.addRow(self.tr("Look"), self.theme_combo)

        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(self.sqlite_radio)
        layout.addWidget(self.sqlite_box)
        layout.addWidget(self.server_radio)
        layout.addWidget(self.server_box)
        layout.addLayout(test_row)
        layout.addWidget(language_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.sqlite_radio.toggled.connect(self._kind_changed)
        self._load(current_url)
        # Fixed once: test results and messages must not resize the shown dialog.
        self.test_result.setMinimumHeight(2 * self.test_result.fontMetrics().lineSpacing())
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing())
        hint = self.sizeHint()
        self.setMinimumSize(max(hint.width(), 560), hint.height())

    # ------------------------------------------------------------------ state

    def _load(self, current_url: str | None) -> None:
        settings = app_settings()
        raw = current_url or str(settings.value(SETTINGS_DB_URL, "", str) or "")
        url = resolve_url(raw) if raw else None
        if url is None or url.get_backend_name() == "sqlite":
            self.sqlite_radio.setChecked(True)
            path = url.database if url is not None else ""
            if path and Path(path) != default_sqlite_path():
                self.path_edit.setText(path)
        else:
            self.server_radio.setChecked(True)
            self.host_edit.setText(url.host or "")
            self.port_spin.setValue(url.port or DEFAULT_PG_PORT)
            self.dbname_edit.setText(url.database or "")
            self.user_edit.setText(url.username or "")
            mode = url.query.get("sslmode", "prefer")
            if isinstance(mode, str) and self.sslmode_combo.findText(mode) < 0:
                self.sslmode_combo.addItem(mode)  # a mode this list does not name: kept
            self.sslmode_combo.setCurrentText(mode if isinstance(mode, str) else "prefer")
            ca = url.query.get("sslrootcert", "")
            self.sslrootcert_edit.setText(ca if isinstance(ca, str) else "")
            self._other_options = {k: v for k, v in url.query.items() if k not in EDITED_OPTIONS}
        language = i18n.choose_language(None, settings)
        index = self.language_combo.findData(language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self._kind_changed()

    def _kind_changed(self) -> None:
        sqlite = self.sqlite_radio.isChecked()
        self.sqlite_box.setEnabled(sqlite)
        self.server_box.setEnabled(not sqlite)
        self.test_result.clear()

    def browse(self) -> None:
        start = self.path_edit.text() or str(default_sqlite_path())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            start,
            self.tr("SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path_edit.setText(path)

    def browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate"),
            self.sslrootcert_edit.text() or str(Path.home()),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if path:
            self.sslrootcert_edit.setText(path)

    # ------------------------------------------------------------------ values

    def validation_error(self) -> str:
        """'' when the form is complete, else a message naming the field."""
        if self.sqlite_radio.isChecked():
            text = self.path_edit.text().strip()
            if text and Path(text).expanduser().is_dir():
                return self.tr("Database file: this is a folder; choose a file name.")
            return ""
        for edit, message in (
            (self.host_edit, self.tr("Host: enter the server's name or address.")),
            (self.dbname_edit, self.tr("Database name: enter the database's name.")),
            (self.user_edit, self.tr("User: enter the database user.")),
        ):
            if not edit.text().strip():
                return message
        if any(ch.isspace() for ch in self.host_edit.text().strip()):
            return self.tr("Host: no spaces allowed.")
        ca = self.sslrootcert_edit.text().strip()
        if ca and not Path(ca).expanduser().is_file():
            return self.tr("CA certificate: no such file on this computer.")
        return ""

    def url(self) -> URL:
        """The chosen database, without password."""
        if self.sqlite_radio.isChecked():
            text = self.path_edit.text().strip()
            path = Path(text).expanduser().resolve() if text else default_sqlite_path()
            return URL.create("sqlite", database=str(path))
        return URL.create(
            "postgresql+psycopg",
            username=self.user_edit.text().strip(),
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            database=self.dbname_edit.text().strip(),
            query=self._query(),
        )

    def _query(self) -> dict[str, str | tuple[str, ...]]:
        """sslmode and sslrootcert from the form, every other loaded option unchanged."""
        query = dict(self._other_options)
        query["sslmode"] = self.sslmode_combo.currentText()
        ca = self.sslrootcert_edit.text().strip()
        if ca:
            query["sslrootcert"] = str(Path(ca).expanduser().resolve())
        return query

    def url_text(self) -> str:
        """What is saved: a plain file path for SQLite, a URL without password otherwise."""
        url = self.url()
        if url.get_backend_name() == "sqlite":
            return str(url.database)
        return url.render_as_string(hide_password=True)

    def password(self) -> str | None:
        if self.sqlite_radio.isChecked():
            return None
        return self.password_edit.text() or None

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    # ------------------------------------------------------------------ test, save

    def test_connection(self) -> None:
        error = self.validation_error()
        self.show_error(error)
        if error or self._testing:
            return
        url, password = self.url(), self.password()
        remember = self.remember() and password is not None
        if url.get_backend_name() == "sqlite" and not Path(str(url.database)).exists():
            self._show_result(True, self.tr("The file does not exist yet; it will be created."))
            return
        self._testing = True
        self.test_button.setEnabled(False)
        self.test_result.setProperty("state", "")
        self.test_result.setText(self.tr("Connecting…"))
        self.worker.submit(
            lambda: _ping_and_remember(url, password, remember),
            self._tested,
            self._test_failed,
            what="test connection",
        )

    def check_file(self) -> None:
        """On demand: SQLite's full integrity check of the chosen file, on the worker."""
        error = self.validation_error()
        self.show_error(error)
        if error or self._testing or not self.sqlite_radio.isChecked():
            return
        url = self.url()
        if not Path(str(url.database)).exists():
            self._show_result(False, self.tr("There is no such file yet."))
            return
        self._testing = True
        self.check_file_button.setEnabled(False)
        self.test_result.setProperty("state", "")
        self.test_result.setText(self.tr("Checking the database file…"))
        self.worker.submit(
            lambda: _check_file(url), self._file_checked, self._test_failed, what="check file"
        )

    def _file_checked(self, complaint: object) -> None:
        self.check_file_button.setEnabled(True)
        if complaint == "ok":
            self._show_result(True, self.tr("The database file is intact."))
        else:
            self._show_result(
                False,
                self.tr(
                    "The database file is damaged: {details}. Do not keep working on it: "
                    "restore the latest backup or call the administrator."
                ).format(details=str(complaint).splitlines()[0][:200]),
            )

    def _tested(self, kept: object) -> None:
        text = self.tr("Connection works.")
        if kept == "saved":
            text += " " + self.tr("The password is saved in the system keyring.")
        elif kept:
            text += " " + self._not_kept_text(str(kept))
        self._show_result(True, text)

    def remember(self) -> bool:
        """Keep the typed password in the OS keyring (a server, a password, ticked)."""
        return (
            not self.sqlite_radio.isChecked()
            and self.remember_check.isChecked()
            and bool(self.password_edit.text())
        )

    def _not_kept_text(self, code: str) -> str:
        from stationdesk.ui.db_password import keyring_message

        return (
            self.tr("The password cannot be remembered; it is used for this session only.")
            + " "
            + keyring_message(code)
        )

    def _test_failed(self, exc: Exception) -> None:
        log.info("connection test failed: %s", exc)
        self.check_file_button.setEnabled(True)
        self._show_result(False, self.tr("Cannot connect: {error}").format(error=first_line(exc)))

    def _show_result(self, ok: bool, text: str) -> None:
        self._testing = False
        self.test_button.setEnabled(True)
        self.test_result.setText(text)
        self.test_result.setProperty("state", "ok" if ok else "error")
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    def accept(self) -> None:
        error = self.validation_error()
        self.show_error(error)
        if error:
            return
        if self._testing or self._storing:
            return
        if self.remember():
            # The keyring may ask to be unlocked: not on the UI thread.
            url, password = self.url(), self.password_edit.text()
            self._storing = True
            self.buttons.setEnabled(False)
            self.worker.submit(
                lambda: _remember(url, password),
                self._stored,
                self._store_failed,
                what="save the database password in the keyring",
            )
            return
        self._save()

    def _stored(self, problem: object) -> None:
        self._storing = False
        self.buttons.setEnabled(True)
        if problem:
            # Said before the dialog closes; unticked, Save uses it for this session only.
            self.remember_check.setChecked(False)
            self.show_error(self._not_kept_text(str(problem)))
            return
        self._save()

    def _store_failed(self, exc: Exception) -> None:
        log.warning("saving the database password failed: %s", exc, exc_info=exc)
        self._stored("failed")

    def _save(self) -> None:
        settings = app_settings()
        settings.setValue(SETTINGS_DB_URL, self.url_text())
        settings.setValue(i18n.SETTINGS_KEY, self.language())
        chosen_theme = str(self.theme_combo.currentData())
        theme.save_theme(settings, chosen_theme)
        theme.apply_theme(chosen_theme)
        settings.sync()
        super().accept()

    def reject(self) -> None:
        # A job is running: its answer must find the dialog alive.
        if not self._testing and not self._storing:
            super().reject()


def same_database(a: str, b: str) -> bool:
    """Do two saved database choices point at the same database (ignoring passwords)?"""
    return resolve_url(a).set(password=None) == resolve_url(b).set(password=None)


def _ping(url: URL, password: str | None) -> None:
    """Runs on the worker: connect once, then let go of the engine."""
    db = Database(url, password=password)
    try:
        db.ping()
    finally:
        db.dispose()


def _check_file(url: URL) -> str:
    """Runs on the worker: PRAGMA integrity_check of a SQLite file ("ok" or the complaint)."""
    db = Database(url)
    try:
        return db.integrity_check(full=True)
    finally:
        db.dispose()


def _remember(url: URL, password: str) -> str:
    """Runs on the worker: keep the password in the keyring; '' or why not."""
    from stationdesk.data import credentials

    try:
        credentials.set_db_password(url, password)
    except credentials.CredentialStoreError as exc:
        log.info("database password not kept in the keyring: %s", exc)
        return exc.code
    return ""


def _ping_and_remember(url: URL, password: str | None, remember: bool) -> str:
    """Runs on the worker: test the connection (with the kept password if none was typed).

    Returns "saved", a keyring problem code, or "" when nothing was to be kept.
    """
    from stationdesk.data import credentials

    if password is None and credentials.needs_keyring(url):
        password, _why = credentials.password_for(url)
    _ping(url, password)
    if not remember or not password:
        return ""
    return _remember(url, password) or "saved"
