"""Field-level messages for `FieldError` codes, shown next to the field in a form.

The field itself is not named in the text: the message sits beside the input it is
about. Every code the domain validators raise has a message here; an unknown code
falls back to a generic one (and is logged once so it gets a message).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from stationdesk.domain.validation import FieldError
from stationdesk.ui.i18n import format_datetime

log = logging.getLogger(__name__)

# Called by this name with a literal context so that lupdate finds every string.
translate = QCoreApplication.translate
_warned: set[str] = set()


def _time_text(value: object) -> str:
    """ISO timestamps from the validators, shown the way officers read times."""
    if isinstance(value, datetime):
        return format_datetime(value)
    try:
        return format_datetime(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def field_error_text(err: FieldError) -> str:
    """The translated message for one invalid field."""
    p = err.params
    code = err.code
    if code == "required":
        return translate("FieldErrors", "Required.")
    if code == "too_long":
        return (
            translate("FieldErrors", "At most %1 characters (now %2).")
            .replace("%1", str(p.get("max_length", "?")))
            .replace("%2", str(p.get("length", "?")))
        )
    if code == "id_format":
        return translate(
            "FieldErrors", "A resident ID has 18 characters: 17 digits, then a digit or X."
        )
    if code == "id_checksum":
        return translate(
            "FieldErrors",
            "The check character does not match: a digit is probably mistyped. "
            "Compare the number with the ID card.",
        )
    if code == "id_birthdate":
        reason = p.get("reason")
        if reason == "future":
            return translate("FieldErrors", "The birth date in this ID is in the future.")
        if reason == "before_1900":
            return translate("FieldErrors", "The birth date in this ID is before 1900.")
        return translate("FieldErrors", "The birth date in this ID is not a real date.")
    if code == "phone_format":
        return translate(
            "FieldErrors",
            "Not a mainland mobile (11 digits) or landline number (area code and number).",
        )
    if code == "future_time":
        return translate("FieldErrors", "This time is in the future (latest allowed: %1).").replace(
            "%1", _time_text(p.get("limit", ""))
        )
    if code == "end_before_start":
        return translate("FieldErrors", "Must be later than the start (%1).").replace(
            "%1", _time_text(p.get("start", ""))
        )
    if code == "unknown_choice":
        return translate("FieldErrors", "Choose one of the entries in the list.")
    if code not in _warned:
        _warned.add(code)
        log.warning("no message for field error code %r (field %r)", code, err.field)
    return translate("FieldErrors", "This value is not valid.")
