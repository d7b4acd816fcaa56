"""Probe process: the case list's first page and its sort and filter changes.

``list_probe.py DB ROUNDS`` shows the product's case list (``CasesView`` in a 1400x900
window, or ``CaseListModel`` in a plain ``QTableView`` while the view does not exist)
offscreen over DB. Every timing runs from the call on the model to the moment the new
first page is in the model and painted: the page query runs on the product's database
worker, the rows are formatted by the model (and the view reacts to the new page), and
then the table's viewport is painted once, synchronously.
The count the model asks for next (the "N cases" line) is timed separately.

* first page: ``model.reload()`` with the default sort, ROUNDS x 5 times;
* sort and filter changes: each change below, applied from the default list,
  ROUNDS times over.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import common


def main() -> None:
    target, rounds = sys.argv[1], int(sys.argv[2])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    _app = QApplication(sys.argv[:1])  # kept alive for the whole probe
    shielded = common.shield_none_refcount()
    import gui_probe_qt
    from sqlalchemy import select

    from stationdesk.data.cases import CaseFilter
    from stationdesk.data.database import Database
    from stationdesk.data.schema import Grid
    from stationdesk.data.uow import Actor, now
    from stationdesk.domain.enums import CaseCategory, CaseStatus, Priority, Role
    from stationdesk.ui.case_model import CaseListModel, Column
    from stationdesk.ui.context import AppContext
    from stationdesk.ui.worker import DbWorker

    db = Database(target)
    worker = DbWorker()
    actor = Actor(None, common.DEMO_USER, frozenset({Role.DUTY_OFFICER}), "benchmark")
    ctx = AppContext(db=db, worker=worker, actor=actor)
    try:
        from stationdesk.ui.views.cases import CasesView

        view: Any = CasesView(ctx)
        model, table, source = view.model, view.table, "CasesView"
    except ImportError:
        model = CaseListModel(ctx)
        table = QTableView()
        table.verticalHeader().setDefaultSectionSize(28)
        table.setModel(model)
        view, source = table, "CaseListModel in a QTableView (no CasesView yet)"
    view.resize(1400, 900)
    view.show()
    wait = gui_probe_qt.wait_until
    wait(lambda: worker.pending == 0 and not model.is_fetching, 120)

    counts: list[float] = []
    state: dict[str, float] = {}
    model.total_changed.connect(lambda _n: state.__setitem__("counted", time.perf_counter()))

    def timed(action: Callable[[], None]) -> float:
        """ms from the action to the new first page painted; the count is kept aside."""
        wait(lambda: worker.pending == 0 and not model.is_fetching, 120)
        painted: list[float] = []

        def slot() -> None:
            # After the view's own reactions to the page: paint it now, then stop.
            if not painted:
                table.viewport().repaint()
                painted.append(time.perf_counter())

        model.page_loaded.connect(slot)
        state.pop("counted", None)
        start = time.perf_counter()
        action()
        wait(lambda: bool(painted), 120)
        end = painted[0]
        model.page_loaded.disconnect(slot)
        wait(lambda: worker.pending == 0, 120)
        if "counted" in state:
            counts.append((state["counted"] - start) * 1000.0)
        return (end - start) * 1000.0

    first_page = [timed(model.reload) for _ in range(rounds * 5)]

    with db.engine.connect() as conn:
        grid_id = conn.execute(select(Grid.id).order_by(Grid.id)).scalars().first()
    week_ago = now() - timedelta(days=7)
    default = CaseFilter()
    changes: list[tuple[str, Callable[[], None]]] = []
    for column in (Column.CASE_NO, Column.REPORTED, Column.CATEGORY, Column.PRIORITY,
                   Column.STATUS, Column.GRID, Column.DUE):  # fmt: skip
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            if column == Column.REPORTED and order == Qt.SortOrder.DescendingOrder:
                continue  # the default sort: no change
            changes.append(
                (
                    f"sort {column.name.lower()} {order.name[:-5].lower()}",
                    lambda c=column, o=order: model.sort(int(c), o),
                )
            )
    filters: list[tuple[str, CaseFilter, bool]] = [
        ("open only", CaseFilter(open_only=True), False),
        ("overdue", CaseFilter(overdue_only=True), False),
        ("unassigned", CaseFilter(open_only=True, unassigned_only=True), False),
        ("status in mediation", CaseFilter(statuses=frozenset({CaseStatus.IN_MEDIATION})), False),
        ("category fraud", CaseFilter(categories=frozenset({CaseCategory.FRAUD})), False),
        ("priority urgent", CaseFilter(priorities=frozenset({Priority.URGENT})), False),
        ("one grid, open", CaseFilter(open_only=True, grid_ids=frozenset({grid_id or 1})), False),
        ("text 纠纷", CaseFilter(text="纠纷"), False),
        ("text 漏水 (rarer)", CaseFilter(text="漏水"), False),
        ("last 7 days", CaseFilter(reported_since=week_ago), False),
        ("repeat reports", default, True),
        ("open neighbour disputes",
         CaseFilter(open_only=True, categories=frozenset({CaseCategory.DISPUTE_NEIGHBOUR})),
         False),
    ]  # fmt: skip
    for name, case_filter, repeat in filters:
        changes.append((f"filter {name}", lambda f=case_filter, r=repeat: model.set_filter(f, r)))

    def back_to_default() -> None:
        model.set_filter(default, False)
        model.sort(int(Column.REPORTED), Qt.SortOrder.DescendingOrder)
        wait(lambda: worker.pending == 0 and not model.is_fetching, 120)

    samples: dict[str, list[float]] = {name: [] for name, _ in changes}
    for _ in range(rounds):
        for name, action in changes:
            back_to_default()
            samples[name].append(timed(action))
    # The list must really have changed: the last filter leaves a filtered model.
    assert model.rowCount() > 0 or not model.canFetchMore(QModelIndex())
    common.emit_result(
        {
            "source": source,
            "first_page_ms": first_page,
            "changes_ms": samples,
            "count_ms": counts,
            "none_refcount_shield": shielded,
        }
    )
    os._exit(0)  # skip teardown (worker thread, PySide6 finalisation)


if __name__ == "__main__":
    main()
