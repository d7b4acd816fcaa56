"""Validation of what officers type: IDs, phones, times, required fields."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stationdesk.domain.validation import (
    FieldError,
    ValidationErrors,
    Validator,
    mask_phone,
    mask_resident_id,
    resident_id_check_char,
    validate_max_length,
    validate_not_future,
    validate_phone,
    validate_required,
    validate_resident_id,
    validate_time_range,
)

TODAY = date(2025, 6, 1)
FAST = settings(max_examples=100, deadline=None, database=None)

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def make_id(region: str, birth: date, sequence: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{sequence}"
    return first17 + resident_id_check_char(first17)


def code_of(excinfo: pytest.ExceptionInfo[FieldError]) -> str:
    return excinfo.value.code


# --- resident ID ---------------------------------------------------------------------


def test_published_examples_have_the_published_check_characters() -> None:
    # Both examples are printed in GB 11643-1999.
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"


@FAST
@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_char_satisfies_the_iso_7064_mod_11_2_definition(first17: str) -> None:
    # Independent of the weight and character tables in the code: position i (from the
    # left, 18 in all) weighs 2**(17 - i) mod 11, the check char counts 1, X means 10,
    # and the weighted sum of a valid ID is 1 mod 11.
    check = resident_id_check_char(first17)
    value = 10 if check == "X" else int(check)
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17)) + value
    assert total % 11 == 1


def test_valid_id_is_normalised_lowercase_x_and_spaces() -> None:
    assert validate_resident_id("  11010519491231002x\n", today=TODAY) == "11010519491231002X"
    assert validate_resident_id("110105 19491231 002X", today=TODAY) == "11010519491231002X"


def test_full_width_digits_from_a_chinese_input_method_are_accepted() -> None:
    assert validate_resident_id("１１０１０５１９４９１２３１００２Ｘ", today=TODAY) == (
        "11010519491231002X"
    )


def test_wrong_check_character_is_rejected_as_checksum_error() -> None:
    with pytest.raises(FieldError) as excinfo:
        validate_resident_id("110105194912310021", today=TODAY)
    assert code_of(excinfo) == "id_checksum"
    assert excinfo.value.field == "resident_id"


def test_field_name_is_carried_in_the_error() -> None:
    with pytest.raises(FieldError) as excinfo:
        validate_resident_id("123", field="party_id", today=TODAY)
    assert excinfo.value.field == "party_id"
    assert "party_id" in str(excinfo.value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "11010519491231002",  # check character missing
        "11010519491231002X1",  # one too many
        "110105491231002",  # old 15-digit ID: no longer valid
        "1101051949123100XX",  # X only allowed last
        "11010519491231002Y",
        "A1010519491231002X",
        "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # Arabic-Indic digits must not pass as digits
    ],
)
def test_malformed_ids_are_format_errors(value: str) -> None:
    with pytest.raises(FieldError) as excinfo:
        validate_resident_id(value, today=TODAY)
    assert code_of(excinfo) == "id_format"


@pytest.mark.parametrize(
    ("birth", "reason"),
    [
        ("19490230", "invalid"),  # 30 February
        ("19491301", "invalid"),
        ("18991231", "before_1900"),
        ("20250602", "future"),  # the day after TODAY
    ],
)
def test_impossible_birth_dates_are_rejected(birth: str, reason: str) -> None:
    first17 = f"110105{birth}002"
    value = first17 + resident_id_check_char(first17)  # right checksum, wrong date
    with pytest.raises(FieldError) as excinfo:
        validate_resident_id(value, today=TODAY)
    assert code_of(excinfo) == "id_birthdate"
    assert excinfo.value.params["reason"] == reason


def test_a_baby_born_today_can_be_registered() -> None:
    value = make_id("110105", TODAY, "001")
    assert validate_resident_id(value, today=TODAY) == value


def test_check_char_helper_refuses_anything_but_17_digits() -> None:
    with pytest.raises(ValueError):
        resident_id_check_char("1101051949123100")
    with pytest.raises(ValueError):
        resident_id_check_char("1101051949123100X")


@FAST
@given(
    region=st.text(alphabet="0123456789", min_size=6, max_size=6),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    sequence=st.text(alphabet="0123456789", min_size=3, max_size=3),
)
def test_any_id_with_computed_check_char_and_real_date_validates(
    region: str, birth: date, sequence: str
) -> None:
    value = make_id(region, birth, sequence)
    assert validate_resident_id(value, today=TODAY) == value
    assert validate_resident_id(value.lower(), today=TODAY) == value


@FAST
@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    wrong=st.sampled_from("0123456789X"),
)
def test_any_other_check_char_fails(birth: date, wrong: str) -> None:
    value = make_id("320102", birth, "123")
    if wrong == value[-1]:
        return
    with pytest.raises(FieldError) as excinfo:
        validate_resident_id(value[:-1] + wrong, today=TODAY)
    assert code_of(excinfo) == "id_checksum"


@FAST
@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    # Region and sequence positions: a typo there keeps the birth date valid,
    # so only the checksum can catch it.
    position=st.sampled_from([0, 1, 2, 3, 4, 5, 14, 15, 16]),
    delta=st.integers(min_value=1, max_value=9),
)
def test_every_single_digit_typo_is_caught(birth: date, position: int, delta: int) -> None:
    value = make_id("440305", birth, "047")
    typo_digit = str((int(value[position]) + delta) % 10)
    typo = value[:position] + typo_digit + value[position + 1 :]
    with pytest.raises(FieldError) as excinfo:
        validate_resident_id(typo, today=TODAY)
    assert code_of(excinfo) == "id_checksum"


@FAST
@given(st.text(max_size=40))
def test_random_text_only_ever_raises_field_error(text: str) -> None:
    mask_resident_id(text)  # never raises
    try:
        stored = validate_resident_id(text, today=TODAY)
    except FieldError:
        return
    assert len(stored) == 18
    assert validate_resident_id(stored, today=TODAY) == stored


def test_mask_resident_id_hides_birth_date_and_region() -> None:
    assert mask_resident_id("11010519491231002X") == "110***********002X"
    assert "1949" not in mask_resident_id("11010519491231002X")
    assert mask_resident_id("12345") == "*****"
    assert mask_resident_id("") == ""


# --- phone numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("(+86)13800138000", "13800138000"),
        ("0086 19912345678", "19912345678"),
        ("8613800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),  # 010 is a 3-digit area code
        ("021 5123 4567", "021-51234567"),
        ("(0755)88888888", "0755-88888888"),
        ("07558888888", "0755-8888888"),  # 4-digit area code, 7-digit local number
        ("0512-6234567", "0512-6234567"),
        ("010-62345678转123", "010-62345678-123"),
        ("010-62345678-123", "010-62345678-123"),
        ("0755 88888888 ext. 8", "0755-88888888-8"),
        ("０７５５－８８８８８８８８", "0755-88888888"),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert validate_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "110",  # service numbers are not a person's contact
        "12345",
        "95588",
        "400-123-4567",
        "12800138000",  # no mobile range starts 12
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "0101234567",  # 010 + local number starting with 1
        "0100-6234567",  # no 4-digit area code starts 01
        "755-88888888",  # area code without trunk 0
        "0755-888888",  # local number too short
        "0755-888888888",  # too long
        "13800138000转12",  # mobiles have no extension
        "call me",
    ],
)
def test_invalid_phone_numbers_are_rejected(typed: str) -> None:
    with pytest.raises(FieldError) as excinfo:
        validate_phone(typed, field="contact_phone")
    assert excinfo.value.code == "phone_format"
    assert excinfo.value.field == "contact_phone"


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@FAST
@given(
    number=mobiles,
    prefix=st.sampled_from(["", "+86", "+86 ", "86", "0086-"]),
    separators=st.lists(st.sampled_from(["", " ", "-"]), min_size=11, max_size=11),
)
def test_any_formatting_of_a_mobile_normalises_to_its_11_digits(
    number: str, prefix: str, separators: list[str]
) -> None:
    typed = prefix + "".join(d + s for d, s in zip(number, separators, strict=True))
    assert validate_phone(typed) == number
    assert mask_phone(typed) == number[:3] + "****" + number[-4:]


landlines = st.builds(
    lambda area, first, rest: (area, first + rest),
    st.one_of(
        st.just("010"),
        st.builds(lambda d: f"02{d}", st.sampled_from("0123456789")),
        st.builds(
            lambda a, b: f"0{a}{b}",
            st.sampled_from("3456789"),
            st.text(alphabet="0123456789", min_size=2, max_size=2),
        ),
    ),
    st.sampled_from("23456789"),
    st.text(alphabet="0123456789", min_size=6, max_size=7),
)


@FAST
@given(
    landline=landlines,
    style=st.sampled_from(["{a}-{n}", "{a}{n}", "({a}) {n}", "{a} {n}"]),
    extension=st.one_of(st.just(""), st.text(alphabet="0123456789", min_size=1, max_size=4)),
)
def test_landline_normalisation_round_trips(
    landline: tuple[str, str], style: str, extension: str
) -> None:
    area, local = landline
    typed = style.format(a=area, n=local) + (f"转{extension}" if extension else "")
    stored = validate_phone(typed)
    assert stored == f"{area}-{local}" + (f"-{extension}" if extension else "")
    assert validate_phone(stored) == stored
    assert mask_phone(stored).startswith(f"{area}-")
    assert mask_phone(stored).endswith(local[-2:])
    assert local[:-2] not in mask_phone(stored)


@FAST
@given(st.text(max_size=30))
def test_random_text_as_phone_only_raises_field_error_and_normalising_is_stable(
    text: str,
) -> None:
    try:
        stored = validate_phone(text)
    except FieldError:
        return
    finally:
        mask_phone(text)  # never raises
    assert validate_phone(stored) == stored


def test_mask_phone() -> None:
    assert mask_phone("+86 138 0013 8000") == "138****8000"
    assert mask_phone("0755-88886634") == "0755-******34"
    assert mask_phone("010-62345678转123") == "010-******78"
    assert mask_phone("12345") == "*****"
    assert mask_phone("not a number 42") == "*************42"


# --- times, required, length ---------------------------------------------------------

T0 = datetime(2025, 5, 20, 9, 30)


def test_time_range_requires_end_after_start() -> None:
    validate_time_range(T0, T0 + timedelta(minutes=1))
    for end in (T0, T0 - timedelta(hours=1)):
        with pytest.raises(FieldError) as excinfo:
            validate_time_range(T0, end, field="session_end")
        assert excinfo.value.code == "end_before_start"
        assert excinfo.value.field == "session_end"


def test_not_future_allows_a_little_clock_drift_but_not_more() -> None:
    assert validate_not_future(T0 + timedelta(minutes=5), now=T0) == T0 + timedelta(minutes=5)
    assert validate_not_future(T0 - timedelta(days=3), now=T0) == T0 - timedelta(days=3)
    with pytest.raises(FieldError) as excinfo:
        validate_not_future(T0 + timedelta(minutes=5, seconds=1), now=T0)
    assert excinfo.value.code == "future_time"
    assert excinfo.value.field == "reported_at"
    with pytest.raises(FieldError):
        validate_not_future(T0 + timedelta(seconds=1), now=T0, tolerance=timedelta(0))


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000", [], ()])
def test_required_rejects_empty_values(empty: object) -> None:
    with pytest.raises(FieldError) as excinfo:
        validate_required(empty, "summary")
    assert (excinfo.value.field, excinfo.value.code) == ("summary", "required")


def test_required_returns_stripped_text_and_keeps_other_values() -> None:
    assert validate_required("  邻里纠纷 ", "summary") == "邻里纠纷"
    assert validate_required(0, "count") == 0
    assert validate_required([1], "ids") == [1]


def test_max_length_counts_chinese_characters_not_bytes() -> None:
    assert validate_max_length("邻里纠纷", 4, "summary") == "邻里纠纷"
    with pytest.raises(FieldError) as excinfo:
        validate_max_length("邻里纠纷调解", 4, "summary")
    assert excinfo.value.code == "too_long"
    assert excinfo.value.params == {"max_length": 4, "length": 6}
    assert "4" in str(excinfo.value)


# --- collecting errors of a form -----------------------------------------------------


def test_validator_collects_every_error_of_a_form_in_order() -> None:
    v = Validator()
    phone = v.check(validate_phone, "138 0013 8000")
    rid = v.check(validate_resident_id, "11010519491231002", field="party_id")
    summary = v.check(validate_required, "  ", "summary")
    v.check(validate_not_future, T0 + timedelta(days=1), T0)
    assert phone == "13800138000"
    assert rid is None and summary is None
    assert not v.ok
    with pytest.raises(ValidationErrors) as excinfo:
        v.raise_if_any()
    errors = excinfo.value.errors
    assert [(e.field, e.code) for e in errors] == [
        ("party_id", "id_format"),
        ("summary", "required"),
        ("reported_at", "future_time"),
    ]
    assert set(excinfo.value.by_field()) == {"party_id", "summary", "reported_at"}
    assert "summary: is required" in str(excinfo.value)


def test_validator_with_no_errors_does_not_raise() -> None:
    v = Validator()
    assert v.check(validate_max_length, "ok", 10, "name") == "ok"
    v.raise_if_any()
    assert v.ok and v.errors == ()


def test_by_field_keeps_the_first_error_of_each_field() -> None:
    v = Validator()
    v.add(FieldError("phone", "required"))
    v.add(FieldError("phone", "phone_format"))
    with pytest.raises(ValidationErrors) as excinfo:
        v.raise_if_any()
    assert excinfo.value.by_field()["phone"].code == "required"


def test_errors_survive_pickling_to_and_from_worker_processes() -> None:
    error = FieldError("summary", "too_long", {"max_length": 4, "length": 6})
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.field, copy.code, copy.params) == ("summary", "too_long", error.params)
    group = pickle.loads(pickle.dumps(ValidationErrors([error])))
    assert group.errors[0].code == "too_long"
