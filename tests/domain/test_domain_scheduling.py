"""Patrol roster rules: what the roster view flags before a week goes out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stationdesk.domain import rotation
from stationdesk.domain.enums import ShiftKind, StaffKind
from stationdesk.domain.rotation import RotationLine, RotationTemplate, generate_shifts
from stationdesk.domain.scheduling import (
    SLOT,
    Interval,
    Person,
    RosterRules,
    RosterShift,
    RuleViolation,
    check_roster,
    claim_slots,
    coverage_gaps,
    crew_violations,
    day_part_of,
    double_bookings,
    find_overlap,
    holiday_name,
    is_working_day,
    leave_violations,
    overlaps,
    rest_violations,
    weekly_hours_violations,
)

# Week of Monday 4 March 2024: no public holidays.
MON = date(2024, 3, 4)
OFFICER, AUX, VOLUNTEER = 1, 2, 3
PEOPLE = [
    Person(OFFICER, StaffKind.POLICE),
    Person(AUX, StaffKind.AUXILIARY),
    Person(VOLUNTEER, StaffKind.VOLUNTEER),
]


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    return datetime(MON.year, MON.month, MON.day, 0, 0) + timedelta(
        days=day_offset, hours=hour, minutes=minute
    )


def shift(
    shift_id: int,
    start: datetime,
    end: datetime,
    members: tuple[int, ...] = (OFFICER, AUX),
    grids: tuple[int, ...] = (10,),
) -> RosterShift:
    return RosterShift(shift_id, start, end, frozenset(members), frozenset(grids))


def codes(violations: list[RuleViolation]) -> list[str]:
    return [v.code for v in violations]


# --- intervals -----------------------------------------------------------------------


def test_interval_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError):
        Interval(at(0, 9), at(0, 9))
    with pytest.raises(ValueError):
        shift(1, at(0, 10), at(0, 9))
    assert Interval(at(0, 9), at(0, 11)).duration == timedelta(hours=2)


def test_handover_at_the_same_minute_is_not_an_overlap() -> None:
    assert not overlaps(Interval(at(0, 8), at(0, 20)), Interval(at(0, 20), at(1, 8)))
    assert overlaps(Interval(at(0, 8), at(0, 20)), Interval(at(0, 19, 59), at(1, 8)))
    assert overlaps(Interval(at(0, 8), at(0, 20)), Interval(at(0, 10), at(0, 11)))


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.lists(st.integers(min_value=0, max_value=48), min_size=4, max_size=4),
    st.lists(st.integers(min_value=1, max_value=12), min_size=2, max_size=2),
)
def test_overlap_is_symmetric_and_matches_shared_hours(
    starts: list[int], lengths: list[int]
) -> None:
    a = Interval(at(0, starts[0]), at(0, starts[0] + lengths[0]))
    b = Interval(at(0, starts[1]), at(0, starts[1] + lengths[1]))
    hours_a = set(range(starts[0], starts[0] + lengths[0]))
    hours_b = set(range(starts[1], starts[1] + lengths[1]))
    assert overlaps(a, b) == overlaps(b, a) == bool(hours_a & hours_b)


def test_find_overlap_returns_the_earliest_clashing_booking() -> None:
    booked = [
        Interval(at(0, 14), at(0, 15)),
        Interval(at(0, 9), at(0, 10)),
        Interval(at(0, 10), at(0, 11)),
    ]
    assert find_overlap(Interval(at(0, 9, 30), at(0, 14, 30)), booked) == booked[1]
    assert find_overlap(Interval(at(0, 11), at(0, 14)), booked) is None  # fits the gap
    assert find_overlap(Interval(at(0, 9), at(0, 10)), []) is None


def test_find_overlap_accepts_shifts_and_returns_them() -> None:
    night = shift(7, at(0, 20), at(1, 8))
    assert find_overlap(Interval(at(1, 7), at(1, 9)), [night]) is night


# --- double bookings and leave (errors) ---------------------------------------------


def test_person_on_two_overlapping_shifts_is_double_booked_once() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER, AUX)),
        shift(2, at(0, 18), at(0, 22), members=(OFFICER, VOLUNTEER)),
    ]
    found = double_bookings(shifts)
    assert len(found) == 1
    v = found[0]
    assert (v.code, v.severity, v.person_id, v.shift_id, v.day) == (
        "double_booking",
        "error",
        OFFICER,
        2,
        MON,
    )
    assert v.params == {"other_shift_id": 1}


def test_back_to_back_shifts_are_not_double_booked() -> None:
    shifts = [shift(1, at(0, 8), at(0, 20)), shift(2, at(0, 20), at(1, 8))]
    assert double_bookings(shifts) == []


def test_three_overlapping_shifts_give_every_pair() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER,)),
        shift(2, at(0, 9), at(0, 12), members=(OFFICER,)),
        shift(3, at(0, 11), at(0, 13), members=(OFFICER,)),
        shift(4, at(0, 21), at(0, 23), members=(OFFICER,)),
    ]
    pairs = {(v.params["other_shift_id"], v.shift_id) for v in double_bookings(shifts)}
    assert pairs == {(1, 2), (1, 3), (2, 3)}


def test_night_shift_running_into_a_leave_day_is_an_error() -> None:
    people = [Person(OFFICER, StaffKind.POLICE, frozenset({MON + timedelta(days=1)}))]
    night = shift(1, at(0, 20), at(1, 8), members=(OFFICER, AUX))
    found = leave_violations([night], people)
    assert [(v.code, v.severity, v.person_id, v.day) for v in found] == [
        ("on_leave", "error", OFFICER, MON + timedelta(days=1))
    ]


def test_shift_ending_at_midnight_does_not_touch_the_next_day() -> None:
    people = [Person(OFFICER, StaffKind.POLICE, frozenset({MON + timedelta(days=1)}))]
    evening = shift(1, at(0, 16), at(1, 0), members=(OFFICER,))
    assert leave_violations([evening], people) == []


# --- rest and weekly hours (warnings) ------------------------------------------------


def test_eight_hours_rest_is_enough_and_less_is_flagged() -> None:
    day = shift(1, at(0, 8), at(0, 20), members=(OFFICER,))
    after_8h = shift(2, at(1, 4), at(1, 8), members=(OFFICER,))
    assert rest_violations([day, after_8h]) == []

    after_7h = shift(3, at(1, 3), at(1, 8), members=(OFFICER,))
    found = rest_violations([after_7h, day])  # order of input does not matter
    assert len(found) == 1
    v = found[0]
    assert (v.code, v.severity, v.shift_id, v.person_id) == ("short_rest", "warning", 3, OFFICER)
    assert v.params == {"previous_shift_id": 1, "rest_minutes": 420, "min_rest_minutes": 480}


def test_back_to_back_shifts_mean_no_rest() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER,)),
        shift(2, at(0, 20), at(1, 8), members=(OFFICER,)),
    ]
    found = rest_violations(shifts)
    assert [(v.shift_id, v.params["rest_minutes"]) for v in found] == [(2, 0)]


def test_overlaps_are_left_to_double_booking_and_rest_counts_from_the_latest_end() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER,)),
        shift(2, at(0, 9), at(0, 10), members=(OFFICER,)),  # inside shift 1
        shift(3, at(1, 2), at(1, 6), members=(OFFICER,)),  # 6 h after shift 1 ends
    ]
    found = rest_violations(shifts)
    assert [(v.shift_id, v.params["previous_shift_id"]) for v in found] == [(3, 1)]


def test_custom_minimum_rest() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER,)),
        shift(2, at(1, 6), at(1, 8), members=(OFFICER,)),
    ]
    assert rest_violations(shifts) == []
    assert len(rest_violations(shifts, min_rest=timedelta(hours=11))) == 1


def test_five_twelve_hour_shifts_exceed_48_hours_four_do_not() -> None:
    four = [shift(i, at(i, 8), at(i, 20), members=(OFFICER,)) for i in range(4)]
    assert weekly_hours_violations(four) == []
    five = [*four, shift(4, at(4, 8), at(4, 20), members=(OFFICER,))]
    found = weekly_hours_violations(five)
    assert len(found) == 1
    v = found[0]
    assert (v.code, v.severity, v.person_id, v.day) == ("weekly_hours", "warning", OFFICER, MON)
    assert v.params == {"hours": 60.0, "max_hours": 48.0, "iso_year": 2024, "iso_week": 10}


def test_sunday_night_shift_is_split_between_the_two_iso_weeks() -> None:
    # 4 × 12 h = 48 h Mon–Thu, then Sunday 20:00 → Monday 08:00: 4 h this week, 8 h next.
    shifts = [shift(i, at(i, 8), at(i, 20), members=(OFFICER,)) for i in range(4)]
    shifts.append(shift(9, at(6, 20), at(7, 8), members=(OFFICER,)))
    found = weekly_hours_violations(shifts)
    assert [(v.day, v.params["hours"]) for v in found] == [(MON, 52.0)]
    assert weekly_hours_violations(shifts, max_hours=52) == []


def test_overlapping_shifts_are_not_counted_twice_towards_weekly_hours() -> None:
    shifts = [shift(i, at(i, 8), at(i, 20), members=(OFFICER,)) for i in range(4)]
    shifts.append(shift(8, at(0, 9), at(0, 19), members=(OFFICER,)))  # inside Monday's
    assert weekly_hours_violations(shifts) == []


# --- crew ----------------------------------------------------------------------------


def test_crew_rules() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER, VOLUNTEER)),  # fine
        shift(2, at(0, 8), at(0, 20), members=(OFFICER,)),  # alone
        shift(3, at(0, 8), at(0, 20), members=(AUX, VOLUNTEER)),  # no officer
        shift(4, at(0, 8), at(0, 20), members=()),  # nobody at all
        shift(5, at(0, 8), at(0, 20), members=(99, AUX)),  # unknown person: not an officer
    ]
    found = {(v.shift_id, v.code) for v in crew_violations(shifts, PEOPLE)}
    assert found == {
        (2, "crew_too_small"),
        (3, "crew_no_police"),
        (4, "crew_too_small"),
        (4, "crew_no_police"),
        (5, "crew_no_police"),
    }
    small = next(v for v in crew_violations(shifts, PEOPLE) if v.shift_id == 2)
    assert small.params == {"crew": 1, "min_crew": 2}
    assert small.severity == "warning"


def test_crew_of_one_officer_is_fine_when_min_crew_is_one() -> None:
    assert crew_violations([shift(1, at(0, 8), at(0, 20), members=(OFFICER,))], PEOPLE, 1) == []


# --- coverage ------------------------------------------------------------------------


def gaps(shifts: list[RosterShift], grid_ids: list[int], days: list[date]) -> set[tuple]:
    return {(v.grid_id, v.day, v.params["part"]) for v in coverage_gaps(shifts, grid_ids, days)}


def test_day_and_night_shifts_cover_a_grid() -> None:
    shifts = [shift(1, at(0, 8), at(0, 20)), shift(2, at(0, 20), at(1, 8))]
    assert gaps(shifts, [10], [MON]) == set()


def test_grid_without_a_night_patrol_is_flagged() -> None:
    shifts = [shift(1, at(0, 8), at(0, 20), grids=(10, 11))]
    assert gaps(shifts, [10, 11, 12], [MON]) == {
        (10, MON, "night"),
        (11, MON, "night"),
        (12, MON, "day"),
        (12, MON, "night"),
    }
    v = coverage_gaps(shifts, [10], [MON])[0]
    assert v.severity == "warning"
    assert (v.params["from"], v.params["to"]) == ("2024-03-04 20:00", "2024-03-05 08:00")


def test_running_half_an_hour_over_does_not_cover_the_night() -> None:
    shifts = [shift(1, at(0, 8), at(0, 20, 30))]
    assert gaps(shifts, [10], [MON]) == {(10, MON, "night")}


def test_an_hour_in_each_part_covers_both() -> None:
    shifts = [shift(1, at(0, 19), at(0, 21))]
    assert gaps(shifts, [10], [MON]) == set()


def test_night_part_belongs_to_the_day_it_starts() -> None:
    # Tuesday 02:00–06:00 patrols Monday's night, not Tuesday's.
    shifts = [shift(1, at(1, 2), at(1, 6))]
    tue = MON + timedelta(days=1)
    assert gaps(shifts, [10], [MON, tue]) == {
        (10, MON, "day"),
        (10, tue, "day"),
        (10, tue, "night"),
    }


def test_unstaffed_shift_covers_nothing() -> None:
    shifts = [shift(1, at(0, 8), at(0, 20), members=()), shift(2, at(0, 20), at(1, 8))]
    assert gaps(shifts, [10], [MON]) == {(10, MON, "day")}


def test_custom_day_window_moves_the_parts() -> None:
    late = [shift(1, at(0, 21), at(0, 23, 30))]
    # Default 08–20: the late patrol is all night, so the day part is empty.
    assert gaps(late, [10], [MON]) == {(10, MON, "day")}
    # With a 10–22 day it spends an hour in each part and covers both.
    assert coverage_gaps(late, [10], [MON], day_window=(10, 22)) == []
    with pytest.raises(ValueError):
        coverage_gaps(late, [10], [MON], day_window=(20, 8))


# --- whole roster --------------------------------------------------------------------


def test_check_roster_lists_errors_first_then_by_day() -> None:
    people = [*PEOPLE[1:], Person(OFFICER, StaffKind.POLICE, frozenset({MON + timedelta(days=2)}))]
    shifts = [
        shift(1, at(0, 8), at(0, 20)),
        shift(2, at(0, 20), at(1, 8)),
        shift(3, at(1, 8), at(1, 20), members=(AUX,)),
        shift(4, at(1, 20), at(2, 8)),
        shift(5, at(1, 19), at(1, 23), members=(AUX, VOLUNTEER)),
    ]
    found = check_roster(shifts, people, [10], [MON, MON + timedelta(days=1)])
    severities = [v.severity for v in found]
    assert severities == sorted(severities, key=lambda s: s != "error")
    errors = [(v.code, v.shift_id, v.person_id, v.day) for v in found if v.severity == "error"]
    tue, wed = MON + timedelta(days=1), MON + timedelta(days=2)
    assert errors == [
        ("double_booking", 4, AUX, tue),  # shifts 5 and 4 overlap 20:00–23:00
        ("double_booking", 5, AUX, tue),  # shifts 3 and 5 overlap 19:00–20:00
        ("on_leave", 4, OFFICER, wed),  # Tuesday night runs into Wednesday's leave
    ]
    warnings = [(v.code, v.shift_id, v.person_id) for v in found if v.severity == "warning"]
    assert sorted(warnings, key=str) == sorted(
        [
            ("short_rest", 2, OFFICER),  # day then night straight after
            ("short_rest", 2, AUX),
            ("short_rest", 3, AUX),
            ("crew_no_police", 3, None),
            ("crew_too_small", 3, None),
            ("crew_no_police", 5, None),
        ],
        key=str,
    )
    # Within the warnings, Monday's come before Tuesday's.
    assert next(v.day for v in found if v.severity == "warning") == MON


def test_clean_roster_has_no_violations() -> None:
    shifts = [
        shift(1, at(0, 8), at(0, 20), members=(OFFICER, VOLUNTEER)),
        shift(2, at(0, 20), at(1, 8), members=(4, AUX)),
    ]
    people = [*PEOPLE, Person(4, StaffKind.POLICE)]
    assert check_roster(shifts, people, [10], [MON]) == []


# --- public holidays -----------------------------------------------------------------


def test_national_day_is_a_holiday_and_the_make_up_sunday_is_a_working_day() -> None:
    assert not is_working_day(date(2024, 10, 1))
    assert holiday_name(date(2024, 10, 1)) == "national_day"
    assert is_working_day(date(2024, 9, 29))  # a Sunday worked in lieu (调休上班)
    assert holiday_name(date(2024, 9, 29)) is None
    assert holiday_name(date(2025, 1, 29)) == "spring_festival"


def test_ordinary_weekend_and_weekday() -> None:
    assert is_working_day(date(2024, 3, 4))
    assert not is_working_day(date(2024, 3, 9))
    assert holiday_name(date(2024, 3, 9)) is None


def test_years_the_calendar_does_not_know_fall_back_to_weekdays() -> None:
    assert is_working_day(date(2099, 10, 1))  # a Thursday: holiday unknown
    assert not is_working_day(date(2099, 10, 3))  # a Saturday
    assert holiday_name(date(2099, 10, 1)) is None
    assert is_working_day(date(1999, 3, 1))


# --- across midnight (hypothesis) ------------------------------------------------------

minutes_in_two_days = st.integers(min_value=0, max_value=2 * 24 * 60)
lengths = st.integers(min_value=1, max_value=16 * 60)


@settings(max_examples=200, deadline=None, database=None)
@given(minutes_in_two_days, lengths, minutes_in_two_days, lengths)
def test_double_booking_is_exactly_a_shared_minute_also_over_midnight(
    s1: int, l1: int, s2: int, l2: int
) -> None:
    a = shift(1, at(0, 20, s1), at(0, 20, s1 + l1), members=(OFFICER,))
    b = shift(2, at(0, 20, s2), at(0, 20, s2 + l2), members=(OFFICER,))
    shared = set(range(s1, s1 + l1)) & set(range(s2, s2 + l2))
    assert bool(double_bookings([a, b])) == bool(shared)
    assert bool(double_bookings([b, a])) == bool(shared)


@settings(max_examples=200, deadline=None, database=None)
@given(minutes_in_two_days, lengths, st.integers(min_value=0, max_value=16 * 60))
def test_rest_over_midnight_is_the_gap_between_the_shifts(s1: int, l1: int, gap: int) -> None:
    first = shift(1, at(0, 18, s1), at(0, 18, s1 + l1), members=(OFFICER,))
    second = shift(2, at(0, 18, s1 + l1 + gap), at(0, 18, s1 + l1 + gap + 60), members=(OFFICER,))
    found = rest_violations([second, first], timedelta(hours=8))
    if gap < 8 * 60:
        assert [v.params["rest_minutes"] for v in found] == [gap]
        assert found[0].shift_id == 2
    else:
        assert found == []


@settings(max_examples=300, deadline=None, database=None)
@given(st.integers(min_value=0, max_value=3000), lengths, st.integers(0, 3000), lengths)
def test_slot_claims_never_refuse_shifts_that_do_not_overlap(
    s1: int, l1: int, s2: int, l2: int
) -> None:
    a = Interval(at(0, 0, s1), at(0, 0, s1 + l1))
    b = Interval(at(0, 0, s2), at(0, 0, s2 + l2))
    claims_a = set(claim_slots(a.start, a.end))
    claims_b = set(claim_slots(b.start, b.end))
    if claims_a & claims_b:
        assert overlaps(a, b)
    # Shifts on the half hour (the roster's grain) that overlap always share a claim.
    if s1 % 30 == s2 % 30 == l1 % 30 == l2 % 30 == 0 and overlaps(a, b):
        assert claims_a & claims_b
    for claim in claims_a:
        assert a.start <= claim and claim + SLOT <= a.end


def test_claims_of_a_night_shift_run_over_midnight() -> None:
    slots = claim_slots(at(0, 20), at(1, 8))
    assert len(slots) == 24
    assert slots[0] == at(0, 20) and slots[-1] == at(1, 7, 30)
    assert claim_slots(at(0, 8, 10), at(0, 9)) == [at(0, 8, 30)]
    assert claim_slots(at(0, 8, 10), at(0, 8, 50)) == []


def test_day_part_of_a_moment() -> None:
    assert day_part_of(at(1, 8)) == (at(1, 0).date(), "day")
    assert day_part_of(at(1, 19, 59)) == (at(1, 0).date(), "day")
    assert day_part_of(at(1, 20)) == (at(1, 0).date(), "night")
    assert day_part_of(at(1, 7, 59)) == (at(0, 0).date(), "night")


def test_roster_rules_defaults_and_limits() -> None:
    rules = RosterRules()
    assert rules.min_rest == timedelta(hours=8)
    assert rules.min_crew == 2
    assert rules.checkin_grace == timedelta(minutes=15)
    with pytest.raises(ValueError):
        RosterRules(min_crew=0)
    with pytest.raises(ValueError):
        RosterRules(min_rest=timedelta(hours=-1))
    with pytest.raises(ValueError):
        RosterRules(max_weekly_hours=200)


# --- rotation templates ----------------------------------------------------------------

TEAM_A, TEAM_B = frozenset({1, 2}), frozenset({3, 4})


def two_week_rotation(**line_changes: object) -> RotationTemplate:
    day = RotationLine("East", ShiftKind.DAY, datetime.min.time().replace(hour=8), 720,
                       frozenset({10}), (TEAM_A, TEAM_B))  # fmt: skip
    night = RotationLine("East", ShiftKind.NIGHT, datetime.min.time().replace(hour=20), 720,
                         frozenset({10}), (TEAM_B, TEAM_A))  # fmt: skip
    if line_changes:
        day = rotation.RotationLine(**{**day.__dict__, **line_changes})  # type: ignore[arg-type]
    return RotationTemplate(1, "East 2-week", 2, MON, (day, night))


def test_rotation_swaps_crews_every_week_and_repeats() -> None:
    shifts = generate_shifts(two_week_rotation(), MON, MON + timedelta(days=20))
    assert len(shifts) == 42
    day_crews = [s.member_ids for s in shifts if s.kind == ShiftKind.DAY]
    assert day_crews[0:7] == [TEAM_A] * 7
    assert day_crews[7:14] == [TEAM_B] * 7
    assert day_crews[14:21] == [TEAM_A] * 7
    night = next(s for s in shifts if s.kind == ShiftKind.NIGHT)
    assert (night.start, night.end) == (at(0, 20), at(1, 8))
    assert len({s.key for s in shifts}) == len(shifts)


def test_rotation_weeks_count_from_the_anchor_also_before_it() -> None:
    template = two_week_rotation()
    assert rotation.rotation_week(template, MON - timedelta(days=1)) == 1
    assert rotation.rotation_week(template, MON - timedelta(days=8)) == 0
    shifts = generate_shifts(template, MON - timedelta(days=7), MON - timedelta(days=7))
    assert [s.member_ids for s in shifts] == [TEAM_B, TEAM_A]


def test_generated_rotation_passes_the_rules() -> None:
    shifts = generate_shifts(two_week_rotation(), MON, MON + timedelta(days=6))
    people = [Person(p, StaffKind.POLICE if p % 2 else StaffKind.AUXILIARY) for p in range(1, 5)]
    roster = [s.as_roster_shift() for s in shifts]
    found = check_roster(roster, people, [10], [MON + timedelta(days=d) for d in range(7)],
                         max_weekly_hours=84)  # fmt: skip
    assert found == []


def test_working_days_line_skips_national_day_and_works_the_make_up_sunday() -> None:
    template = two_week_rotation(calendar="working_days")
    # 2024-09-29 (Sun) is a make-up working day, 1-7 October are the holiday.
    shifts = generate_shifts(template, date(2024, 9, 28), date(2024, 10, 13))
    day_shift_days = [s.start.date() for s in shifts if s.kind == ShiftKind.DAY]
    assert date(2024, 9, 29) in day_shift_days
    assert date(2024, 9, 28) not in day_shift_days  # an ordinary Saturday
    assert not any(date(2024, 10, 1) <= d <= date(2024, 10, 7) for d in day_shift_days)
    assert date(2024, 10, 12) in day_shift_days  # Saturday worked in lieu
    nights = [s for s in shifts if s.kind == ShiftKind.NIGHT]
    assert len(nights) == 16  # every day, holidays included


def test_days_off_line_runs_on_holidays_and_weekends_only() -> None:
    template = two_week_rotation(calendar="days_off")
    shifts = generate_shifts(template, date(2024, 9, 28), date(2024, 10, 13))
    days = {s.start.date() for s in shifts if s.kind == ShiftKind.DAY}
    assert date(2024, 10, 1) in days and date(2024, 9, 28) in days
    assert date(2024, 9, 29) not in days and date(2024, 10, 8) not in days


def test_weekday_line_and_template_problems() -> None:
    template = two_week_rotation(weekdays=frozenset({0, 2, 4}))
    days = [s.start.weekday() for s in generate_shifts(template, MON, MON + timedelta(days=6))
            if s.kind == ShiftKind.DAY]  # fmt: skip
    assert days == [0, 2, 4]
    odd = RotationLine(
        "", ShiftKind.CUSTOM, datetime.min.time().replace(minute=10), 45, frozenset(), (TEAM_A,)
    )
    bad = RotationTemplate(2, " ", 2, MON + timedelta(days=1), (odd,))
    assert rotation.template_problems(bad) == [
        "no_name", "anchor_not_monday", "line_1_no_route", "line_1_crews_not_per_week",
        "line_1_length", "line_1_start", "line_1_no_grids",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        generate_shifts(bad, MON, MON)
    with pytest.raises(ValueError):
        generate_shifts(two_week_rotation(), MON, MON - timedelta(days=1))
