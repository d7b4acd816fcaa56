"""What every view is given: the database, the worker, who is signed in, the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from stationdesk.data.database import Database
from stationdesk.data.uow import Actor, now
from stationdesk.ui.worker import DbWorker


@dataclass
class AppContext:
    db: Database
    worker: DbWorker
    actor: Actor
    clock: Callable[[], datetime] = field(default=now)
    # False while the database is unreachable: views block edits and say why.
    online: bool = True
