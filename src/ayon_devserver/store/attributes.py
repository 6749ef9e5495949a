"""Attribute definitions (``/api/attributes``): name, position, scope, data.

``data`` is kept in compact form (unset keys omitted). The list is read on
almost every request (defaults, GraphQL schema), so it is cached in memory;
``revision`` changes whenever the definitions change.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from typing import Any, Optional

from ..builtin_attributes import BUILTIN_ATTRIBUTES
from ..errors import BadRequest, NotFound
from .db import Database, dumps, loads

Attribute = dict[str, Any]  # {"name", "position", "scope", "data", "builtin"}


class AttributeStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._cache: Optional[list[Attribute]] = None
        self.revision = 0
        self._seed_builtins()

    def _seed_builtins(self) -> None:
        with self.db.transaction() as conn:
            present = {r[0] for r in conn.execute("SELECT name FROM attributes")}
            row = conn.execute("SELECT max(position) FROM attributes").fetchone()
            next_position = -1 if row[0] is None else int(row[0])
            for index, item in enumerate(BUILTIN_ATTRIBUTES):
                if item["name"] in present:
                    continue
                position = index if not present else next_position + 1
                next_position = max(next_position, position)
                conn.execute(
                    "INSERT INTO attributes (name, position, scope, data, builtin)"
                    " VALUES (?, ?, ?, ?, 1)",
                    (item["name"], position, dumps(item["scope"]), dumps(item["data"])),
                )
        self._changed()

    def _changed(self) -> None:
        with self._lock:
            self._cache = None
            self.revision += 1

    def all(self) -> list[Attribute]:
        """All definitions ordered by position (a shared cached list: do not
        modify the returned objects)."""
        with self._lock:
            cached = self._cache
        if cached is not None:
            return cached
        rows = self.db.read().execute(
            "SELECT name, position, scope, data, builtin FROM attributes"
            " ORDER BY position, name"
        )
        result = [
            {
                "name": r["name"],
                "position": r["position"],
                "scope": loads(r["scope"], []),
                "data": loads(r["data"], {}),
                "builtin": bool(r["builtin"]),
            }
            for r in rows
        ]
        with self._lock:
            self._cache = result
        return result

    def get(self, name: str) -> Attribute:
        for item in self.all():
            if item["name"] == name:
                return item
        raise NotFound(f"Attribute {name} not found")

    def for_scope(self, scope: str) -> list[Attribute]:
        return [a for a in self.all() if scope in a["scope"]]

    def defaults(self, scope: str) -> dict[str, Any]:
        """``{name: default}`` of every attribute in ``scope``."""
        return {a["name"]: a["data"].get("default") for a in self.for_scope(scope)}

    def put(
        self, name: str, position: int, scope: Iterable[str], data: dict[str, Any]
    ) -> None:
        """Create or replace one definition (a built-in stays built-in)."""
        with self.db.transaction() as conn:
            self._put(conn, name, position, list(scope), data)
        self._changed()

    def _put(
        self,
        conn: sqlite3.Connection,
        name: str,
        position: int,
        scope: list[str],
        data: dict[str, Any],
    ) -> None:
        row = conn.execute(
            "SELECT builtin, data FROM attributes WHERE name = ?", (name,)
        ).fetchone()
        if row is not None and row["builtin"]:
            old_type = loads(row["data"], {}).get("type", "string")
            if data.get("type", "string") != old_type:
                raise BadRequest(f"Cannot change the type of built-in attribute {name}")
        conn.execute(
            "INSERT INTO attributes (name, position, scope, data) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET position = excluded.position,"
            " scope = excluded.scope, data = excluded.data",
            (name, position, dumps(scope), dumps(data)),
        )

    def set_all(self, items: Iterable[Attribute], delete_missing: bool) -> None:
        """Create or replace many definitions; with ``delete_missing`` also
        remove the custom ones not listed (built-ins are never removed)."""
        items = list(items)
        with self.db.transaction() as conn:
            for item in items:
                self._put(
                    conn, item["name"], item["position"], item["scope"], item["data"]
                )
            if delete_missing:
                keep = [item["name"] for item in items]
                conn.execute(
                    "DELETE FROM attributes WHERE builtin = 0 AND name NOT IN"
                    " (SELECT value FROM json_each(?))",
                    (dumps(keep),),
                )
        self._changed()

    def delete(self, name: str) -> None:
        item = self.get(name)
        if item["builtin"]:
            raise BadRequest(f"Cannot delete built-in attribute {name}")
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM attributes WHERE name = ?", (name,))
        self._changed()
