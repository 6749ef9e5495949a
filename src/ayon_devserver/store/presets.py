"""Anatomy presets: named anatomies (``/api/anatomy/presets``), one of them
optionally primary."""

from __future__ import annotations

from typing import Any, Optional

from ..errors import Conflict, NotFound
from .db import Database, dumps, loads, utcnow


class PresetStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[dict[str, Any]]:
        """``[{name, primary, version}]`` ordered by name."""
        rows = self.db.read().execute(
            "SELECT name, is_primary, version FROM anatomy_presets ORDER BY name"
        )
        return [
            {
                "name": r["name"],
                "primary": bool(r["is_primary"]),
                "version": r["version"],
            }
            for r in rows
        ]

    def get(self, name: str) -> Optional[dict[str, Any]]:
        row = (
            self.db.read()
            .execute("SELECT data FROM anatomy_presets WHERE name = ?", (name,))
            .fetchone()
        )
        return None if row is None else loads(row[0])

    def primary_name(self) -> Optional[str]:
        row = (
            self.db.read()
            .execute("SELECT name FROM anatomy_presets WHERE is_primary = 1")
            .fetchone()
        )
        return None if row is None else row[0]

    def put(self, name: str, data: dict[str, Any], version: str) -> None:
        now = utcnow()
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO anatomy_presets (name, version, data, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE"
                " SET version = excluded.version, data = excluded.data,"
                " updated_at = excluded.updated_at",
                (name, version, dumps(data), now, now),
            )

    def delete(self, name: str) -> None:
        with self.db.transaction() as conn:
            cursor = conn.execute("DELETE FROM anatomy_presets WHERE name = ?", (name,))
            if cursor.rowcount == 0:
                raise NotFound(f"Anatomy preset {name} not found")

    def rename(self, name: str, new_name: str) -> None:
        with self.db.transaction() as conn:
            if self.get(name) is None:
                raise NotFound(f"Anatomy preset {name} not found")
            if self.get(new_name) is not None:
                raise Conflict(f"Anatomy preset {new_name} already exists")
            conn.execute(
                "UPDATE anatomy_presets SET name = ?, updated_at = ? WHERE name = ?",
                (new_name, utcnow(), name),
            )

    def set_primary(self, name: Optional[str]) -> None:
        """Make ``name`` the primary preset (``None``: no primary)."""
        with self.db.transaction() as conn:
            if name is not None and self.get(name) is None:
                raise NotFound(f"Anatomy preset {name} not found")
            conn.execute("UPDATE anatomy_presets SET is_primary = 0")
            if name is not None:
                conn.execute(
                    "UPDATE anatomy_presets SET is_primary = 1 WHERE name = ?", (name,)
                )
