"""Checks on what an officer types: resident IDs, phone numbers, times, lengths.

Every check raises `FieldError` carrying a stable machine `code` and `params`;
the UI and the report catalogue turn the code into text in the user's language,
so nothing here is meant to be shown as-is.  `Validator` gathers the errors of a
whole form so the officer sees all of them at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sized
from datetime import date, datetime, timedelta
from typing import ParamSpec, TypeVar, overload

__all__ = [
    "FieldError",
    "ValidationErrors",
    "Validator",
    "mask_phone",
    "mask_resident_id",
    "normalise_input",
    "resident_id_birthdate",
    "resident_id_check_char",
    "validate_max_length",
    "validate_not_future",
    "validate_phone",
    "validate_required",
    "validate_resident_id",
    "validate_time_range",
]

T = TypeVar("T")
P = ParamSpec("P")

# English fallback text for logs and tracebacks; users see the translated text.
_DEFAULT_TEXT: dict[str, str] = {
    "required": "is required",
    "too_long": "is longer than {max_length} characters ({length})",
    "id_format": "must be 17 digits followed by a digit or X",
    "id_checksum": "has a wrong check character (a digit is probably mistyped)",
    "id_birthdate": "contains an impossible birth date ({reason})",
    "phone_format": "is not a mainland mobile or landline number",
    "future_time": "is in the future (later than {limit})",
    "end_before_start": "must be later than the start ({start})",
}


class FieldError(ValueError):
    """One invalid field: `field` names it, `code` says what is wrong, `params` fill the text."""

    def __init__(self, field: str, code: str, params: Mapping[str, object] | None = None) -> None:
        self.field = field
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        # Passing everything to args keeps the error picklable (it crosses worker threads
        # and processes in the UI) and gives a readable repr.
        super().__init__(field, code, self.params)

    def __str__(self) -> str:
        template = _DEFAULT_TEXT.get(self.code, self.code)
        try:
            text = template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            text = template
        return f"{self.field}: {text}"


class ValidationErrors(ValueError):
    """All the field errors of one form, in the order they were found."""

    def __init__(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__(self.errors)

    def __str__(self) -> str:
        return "; ".join(str(e) for e in self.errors)

    def by_field(self) -> dict[str, FieldError]:
        """The first error of each field: a form marks one problem per input."""
        first: dict[str, FieldError] = {}
        for error in self.errors:
            first.setdefault(error.field, error)
        return first


class Validator:
    """Runs checks, keeps going after a failure, and raises all failures together.

    >>> v = Validator()
    >>> phone = v.check(validate_phone, "138 0013 8000")
    >>> v.raise_if_any()
    """

    def __init__(self) -> None:
        self._errors: list[FieldError] = []

    def check(self, check: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """The check's result, or None (with the error recorded) if it failed."""
        try:
            return check(*args, **kwargs)
        except FieldError as error:
            self._errors.append(error)
            return None

    def add(self, error: FieldError) -> None:
        """Record an error found by a check that is not a plain function call."""
        self._errors.append(error)

    @property
    def errors(self) -> tuple[FieldError, ...]:
        return tuple(self._errors)

    @property
    def ok(self) -> bool:
        return not self._errors

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationErrors(self._errors)


# --- text clean-up -----------------------------------------------------------------

# Chinese input methods often produce full-width digits, letters and punctuation
# (１３８、－、＋、（）) and the ideographic space; map them to ASCII so a number typed
# in full-width mode is not rejected.  Only this block is mapped, not all of NFKC,
# so that e.g. superscripts or other scripts' digits never turn into valid IDs.
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise_input(value: str) -> str:
    """Full-width ASCII to half-width, surrounding whitespace removed."""
    return value.translate(_FULL_WIDTH).strip()


# --- required and length -----------------------------------------------------------


@overload
def validate_required(value: str | None, field: str) -> str: ...
@overload
def validate_required(value: T | None, field: str) -> T: ...
def validate_required(value: object, field: str) -> object:
    """Reject None, blank text and empty collections; text comes back stripped."""
    if value is None:
        raise FieldError(field, "required")
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            raise FieldError(field, "required")
        return stripped
    if isinstance(value, Sized) and len(value) == 0:
        raise FieldError(field, "required")
    return value


def validate_max_length(value: str, n: int, field: str) -> str:
    """Reject text longer than `n` characters (characters, not bytes: 一 counts as one)."""
    if len(value) > n:
        raise FieldError(field, "too_long", {"max_length": n, "length": len(value)})
    return value


# --- resident ID (GB 11643-1999) ----------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_RE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_DIGITS17_RE = re.compile(r"[0-9]{17}", re.ASCII)


def resident_id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID."""
    if not _DIGITS17_RE.fullmatch(first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def resident_id_birthdate(value: str) -> date | None:
    """The birth date encoded in an 18-character ID, or None if it is not a real date."""
    try:
        return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return None


def validate_resident_id(
    value: str, field: str = "resident_id", *, today: date | None = None
) -> str:
    """Check an 18-character resident ID and return it normalised (upper-case X).

    Spaces anywhere are dropped because IDs are often copied grouped as 6-8-4.
    The region code (first six digits) is deliberately not checked against a list:
    residence permits (81/82/83…) and the new foreigners' permanent-residence cards
    (9…) use the same format and checksum, and the checksum already catches the
    usual single-digit typo.  `today` is for tests; it defaults to the clock.
    """
    text = re.sub(r"\s+", "", normalise_input(value)).upper()
    if not _ID_RE.fullmatch(text):
        raise FieldError(field, "id_format", {"length": len(text)})
    birth = resident_id_birthdate(text)
    if birth is None:
        raise FieldError(field, "id_birthdate", {"reason": "invalid", "birthdate": text[6:14]})
    if birth.year < 1900:
        raise FieldError(field, "id_birthdate", {"reason": "before_1900", "birthdate": text[6:14]})
    if birth > (today or date.today()):
        raise FieldError(field, "id_birthdate", {"reason": "future", "birthdate": text[6:14]})
    # The expected check character is not put in params on purpose: suggesting it
    # would tempt someone to "fix" the last character when the typo is elsewhere.
    if resident_id_check_char(text[:17]) != text[17]:
        raise FieldError(field, "id_checksum")
    return text


def mask_resident_id(value: str) -> str:
    """Show an ID as 110***********002X; anything not ID-shaped is masked entirely."""
    text = value.strip()
    if len(text) >= 15:  # also covers the old 15-digit IDs still found in imported data
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    return "*" * len(text)


# --- phone numbers ------------------------------------------------------------------

_MOBILE_RE = re.compile(r"(?:\+86|0086|86)?(1[3-9][0-9]{9})", re.ASCII)
# Area codes: 010 and 020–029 have three digits, all others (03xx–09xx) four; local
# numbers are 7–8 digits and never start with 0 (trunk prefix) or 1 (service numbers).
# Spelling that out makes a number typed without a hyphen unambiguous.
_LANDLINE_RE = re.compile(
    r"\(?(010|02[0-9]|0[3-9][0-9]{2})\)?-?([2-9][0-9]{6,7})"
    r"(?:(?:-|转|#|ext\.?|x)([0-9]{1,6}))?",
    re.ASCII | re.IGNORECASE,
)


def _parse_phone(value: str) -> tuple[str, str, str, str] | None:
    """(kind, area, local, extension) with kind "mobile" or "landline", or None."""
    text = re.sub(r"\s+", "", normalise_input(value))
    compact = re.sub(r"[-()]", "", text)
    if match := _MOBILE_RE.fullmatch(compact):
        return "mobile", "", match.group(1), ""
    if match := _LANDLINE_RE.fullmatch(text):
        return "landline", match.group(1), match.group(2), match.group(3) or ""
    return None


def validate_phone(value: str, field: str = "phone") -> str:
    """Check a mainland mobile or landline number and return it normalised.

    Mobiles come back as 11 digits (a +86/0086/86 prefix, spaces and hyphens are
    dropped); landlines as "0755-12345678", with "-123" appended for an extension
    (typed as "-123", "转123" or "ext 123").  Short service numbers (110, 12345,
    95588) and 400/800 numbers are rejected: the field is for a person's contact.
    """
    parsed = _parse_phone(value)
    if parsed is None:
        raise FieldError(field, "phone_format")
    kind, area, local, extension = parsed
    if kind == "mobile":
        return local
    return f"{area}-{local}" + (f"-{extension}" if extension else "")


def mask_phone(value: str) -> str:
    """138****1234 for a mobile, 0755-******34 for a landline (extension dropped)."""
    parsed = _parse_phone(value)
    if parsed is None:
        # Unparsed legacy data: reveal at most the last two characters.
        text = value.strip()
        return "*" * len(text) if len(text) < 7 else "*" * (len(text) - 2) + text[-2:]
    kind, area, local, _extension = parsed
    if kind == "mobile":
        return local[:3] + "****" + local[-4:]
    return f"{area}-" + "*" * (len(local) - 2) + local[-2:]


# --- times --------------------------------------------------------------------------


def validate_time_range(start: datetime, end: datetime, field: str = "end") -> None:
    """The end must be strictly after the start: a zero-length booking books nothing."""
    if end <= start:
        raise FieldError(field, "end_before_start", {"start": start.isoformat(sep=" ")})


def validate_not_future(
    at: datetime,
    now: datetime,
    field: str = "reported_at",
    tolerance: timedelta = timedelta(minutes=5),
) -> datetime:
    """Reject a time later than `now` + `tolerance`.

    The tolerance exists because workstation clocks on the station's network drift
    apart by a minute or two; without it a report timed "now" on one machine could
    be refused as future by another.
    """
    limit = now + tolerance
    if at > limit:
        raise FieldError(field, "future_time", {"limit": limit.isoformat(sep=" ")})
    return at
