"""Keyset paging: one SQL query per page of a connection.

Rows are ordered by one unique column (``key``); a cursor is the key value of
a row. ``first``/``after`` page forwards, ``last``/``before`` backwards, as
the real server's GraphQL does (a backwards page comes newest first).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from .db import dumps


@dataclass
class Page:
    rows: list[sqlite3.Row] = field(default_factory=list)
    has_next: bool = False
    has_previous: bool = False


def fetch_page(
    conn: sqlite3.Connection,
    table: str,
    key: str,
    where: Sequence[str] = (),
    params: Sequence[Any] = (),
    *,
    first: Optional[int] = None,
    after: Any = None,
    last: Optional[int] = None,
    before: Any = None,
) -> Page:
    """Select a page of ``table`` rows matching all ``where`` conditions.

    ``table``, ``key`` and ``where`` are trusted SQL written by the store
    modules; every value goes through ``params``.
    """
    conditions = list(where)
    values = list(params)
    if after is not None:
        conditions.append(f"{key} > ?")
        values.append(after)
    if before is not None:
        conditions.append(f"{key} < ?")
        values.append(before)
    sql = f"SELECT * FROM {table}"
    if conditions:
        sql += " WHERE " + " AND ".join(f"({c})" for c in conditions)

    backwards = last is not None and first is None
    sql += f" ORDER BY {key} {'DESC' if backwards else 'ASC'}"
    limit = last if backwards else first
    if limit is not None:
        sql += " LIMIT ?"
        values.append(max(limit, 0) + 1)

    rows = conn.execute(sql, values).fetchall()
    more = limit is not None and len(rows) > limit
    if more:
        rows = rows[:limit]
    if backwards:
        # As on the real server, a 'last' page lists its newest row first
        # (clients page on with ``before: endCursor``, the oldest row).
        return Page(rows, has_next=before is not None, has_previous=more)

    page = Page(rows, has_next=more, has_previous=after is not None)
    if first is not None and last is not None and len(page.rows) > last:
        page.rows = page.rows[-last:] if last > 0 else []
        page.has_previous = True
    return page


def in_clause(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """``column IN (...values)`` as SQL and its single (JSON) parameter.

    One parameter whatever the number of values, so no SQLite variable limit.
    """
    return f"{column} IN (SELECT value FROM json_each(?))", [dumps(list(values))]
