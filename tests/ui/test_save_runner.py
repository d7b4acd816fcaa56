"""SaveRunner on the embedded database: what the officer is told, and what is saved.

The lost-connection answers (unknown, then saved / not saved after the reconnect) are
proved against a real PostgreSQL server in tests/ui/test_offline_forms.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from stationdesk.data import cases, resilience
from stationdesk.data.schema import CaseNote
from stationdesk.data.uow import ConflictError
from stationdesk.domain.enums import CaseStatus
from stationdesk.ui.context import AppContext
from stationdesk.ui.save_runner import SaveRunner, fault_text, outcome_text


def notes_with(ctx: AppContext, text: str) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).where(CaseNote.text == text)) or 0)


def some_case(ctx: AppContext) -> cases.CaseDetail:
    with ctx.db.read() as s:
        from stationdesk.data.schema import Case

        case_id = s.scalar(select(Case.id).where(Case.status == CaseStatus.IN_PROGRESS).limit(1))
    assert case_id is not None
    return cases.get_case(ctx.db, case_id)


def test_the_officer_reads_resiliences_own_messages() -> None:
    # English is the source text: exactly resilience's, so the two cannot drift apart.
    for code, text in resilience.MESSAGES.items():
        assert fault_text(code) == text
    for outcome, text in resilience.OUTCOME_MESSAGES.items():
        assert outcome_text(outcome) == text


def test_a_save_runs_once_and_says_saved(qtbot, ctx: AppContext, settle) -> None:  # type: ignore[no-untyped-def]
    runner = SaveRunner(ctx)
    case = some_case(ctx)
    got: list[Any] = []
    with qtbot.waitSignal(runner.notice, timeout=10_000) as notice:
        assert runner.run(
            lambda: cases.add_note(ctx.db, ctx.actor, case.id, "走访：已调解"), got.append
        )
        assert runner.busy and not runner.can_save()
    settle()
    assert notice.args == ["saved", "Saved."]
    assert got and got[0].text == "走访：已调解"
    assert not runner.busy and notes_with(ctx, "走访：已调解") == 1


def test_offline_nothing_is_queued_and_the_text_is_kept(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    runner = SaveRunner(ctx)
    ctx.online = False
    told: list[str] = []
    queued = runner.run(lambda: pytest.fail("must not run"), lambda _v: None, told.append)
    assert not queued and ctx.worker.pending == 0
    assert told and "Offline: not saved" in told[0] and "your text is kept" in told[0]


def test_the_officers_faults_come_back_unchanged_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, settle
) -> None:
    runner = SaveRunner(ctx)
    case = some_case(ctx)
    errors: list[Exception] = []
    stale = case.version - 1  # another workstation saved since
    runner.run(
        lambda: cases.change_status(ctx.db, ctx.actor, case.id, stale, CaseStatus.RESOLVED),
        lambda _v: pytest.fail("a stale save must not succeed"),
        lambda text: pytest.fail(f"not a database fault: {text}"),
        errors.append,
    )
    settle()
    assert len(errors) == 1 and isinstance(errors[0], ConflictError)
    assert cases.get_case(ctx.db, case.id).status == CaseStatus.IN_PROGRESS
    assert not runner.busy
