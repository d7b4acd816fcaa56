"""Command-room alerts and their acknowledgements.

Defined on the one ``Base`` so Alembic and ``create_all`` see them; imported at the end of
stationdesk.data.schema.
"""

from __future__ import annotations

from stationdesk.data.schema import Base  # noqa: F401
