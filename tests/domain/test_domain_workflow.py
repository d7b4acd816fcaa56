"""Case status workflow: what the status menu offers and what saving refuses."""

from __future__ import annotations

import pickle
from collections import deque

import pytest

from stationdesk.domain.enums import CaseStatus as S
from stationdesk.domain.workflow import (
    ALLOWED_TRANSITIONS,
    TransitionError,
    can_transition,
    check_transition,
    is_reopen,
    next_statuses,
    reason_required,
)


def reachable_from(start: S) -> set[S]:
    seen = {start}
    queue = deque([start])
    while queue:
        for nxt in ALLOWED_TRANSITIONS[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def test_every_status_has_an_entry() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(S)


def test_every_status_is_reachable_from_new_and_every_case_can_be_closed() -> None:
    assert reachable_from(S.NEW) == set(S)
    for status in S:
        assert S.CLOSED in reachable_from(status), status


def test_a_status_never_transitions_to_itself() -> None:
    for status in S:
        assert not can_transition(status, status)


def test_the_table_cannot_be_changed_at_runtime() -> None:
    with pytest.raises(TypeError):
        ALLOWED_TRANSITIONS[S.NEW] = frozenset()  # type: ignore[index]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (S.NEW, S.ASSIGNED),
        (S.NEW, S.RESOLVED),  # settled on the spot
        (S.ASSIGNED, S.IN_MEDIATION),
        (S.IN_PROGRESS, S.IN_MEDIATION),
        (S.IN_MEDIATION, S.IN_PROGRESS),  # mediation failed, back to the officer
        (S.ESCALATED, S.RESOLVED),
        (S.REFERRED, S.CLOSED),
        (S.RESOLVED, S.CLOSED),
    ],
)
def test_allowed_moves(a: S, b: S) -> None:
    assert can_transition(a, b)
    assert check_transition(a, b, "note") == "note"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (S.NEW, S.IN_MEDIATION),  # mediation needs an owner first
        (S.NEW, S.CLOSED),  # nothing is closed without being resolved or referred
        (S.IN_PROGRESS, S.NEW),
        (S.IN_PROGRESS, S.ASSIGNED),
        (S.IN_PROGRESS, S.CLOSED),
        (S.ESCALATED, S.IN_MEDIATION),
        (S.REFERRED, S.IN_PROGRESS),  # the other agency owns it now
        (S.REFERRED, S.RESOLVED),
        (S.CLOSED, S.RESOLVED),
        (S.CLOSED, S.NEW),
    ],
)
def test_refused_moves_raise_not_allowed_even_with_a_reason(a: S, b: S) -> None:
    assert not can_transition(a, b)
    with pytest.raises(TransitionError) as excinfo:
        check_transition(a, b, "because")
    err = excinfo.value
    assert (err.from_status, err.to_status, err.code) == (a, b, "not_allowed")
    assert isinstance(err, ValueError)
    assert a.value in str(err) and b.value in str(err)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (S.NEW, S.ESCALATED),
        (S.IN_MEDIATION, S.REFERRED),
        (S.ASSIGNED, S.REFERRED),
        (S.RESOLVED, S.IN_PROGRESS),  # reopen
        (S.CLOSED, S.IN_PROGRESS),  # reopen
    ],
)
@pytest.mark.parametrize("missing", [None, "", "   \n"])
def test_escalation_referral_and_reopen_need_a_reason(a: S, b: S, missing: str | None) -> None:
    assert reason_required(a, b)
    with pytest.raises(TransitionError) as excinfo:
        check_transition(a, b, missing)
    assert excinfo.value.code == "reason_required"
    assert check_transition(a, b, "  双方矛盾升级，移交执法队  ") == "双方矛盾升级，移交执法队"


def test_ordinary_moves_need_no_reason() -> None:
    assert check_transition(S.NEW, S.ASSIGNED) is None
    assert check_transition(S.IN_PROGRESS, S.RESOLVED, "  ") is None
    assert check_transition(S.RESOLVED, S.CLOSED) is None
    assert not reason_required(S.REFERRED, S.CLOSED)


def test_is_reopen() -> None:
    assert is_reopen(S.RESOLVED, S.IN_PROGRESS)
    assert is_reopen(S.CLOSED, S.IN_PROGRESS)
    assert not is_reopen(S.RESOLVED, S.CLOSED)
    assert not is_reopen(S.REFERRED, S.CLOSED)
    assert not is_reopen(S.ESCALATED, S.IN_PROGRESS)


def test_next_statuses_offer_exactly_the_allowed_moves() -> None:
    for status in S:
        offered = next_statuses(status)
        assert set(offered) == ALLOWED_TRANSITIONS[status]
        assert len(offered) == len(set(offered))


def test_next_statuses_order_puts_the_usual_step_first_and_reopen_last() -> None:
    assert next_statuses(S.NEW)[0] == S.ASSIGNED
    assert next_statuses(S.RESOLVED) == (S.CLOSED, S.IN_PROGRESS)
    assert next_statuses(S.CLOSED) == (S.IN_PROGRESS,)
    assert next_statuses(S.REFERRED) == (S.CLOSED,)
    menu = next_statuses(S.IN_PROGRESS)
    assert menu.index(S.RESOLVED) < menu.index(S.ESCALATED) < menu.index(S.REFERRED)


def test_transition_error_pickles() -> None:
    err = pickle.loads(pickle.dumps(TransitionError(S.CLOSED, S.NEW, "not_allowed")))
    assert (err.from_status, err.to_status, err.code) == (S.CLOSED, S.NEW, "not_allowed")
