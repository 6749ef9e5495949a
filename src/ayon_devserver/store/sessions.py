"""Login sessions. Only the SHA-256 of a session token is stored, so the
database never holds a usable token."""

from __future__ import annotations

from typing import Any, Optional

from .db import Database, dumps, utcnow


class SessionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self, token_hash: str, user_name: str, data: Optional[dict[str, Any]] = None
    ) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO sessions (token_hash, user_name, created_at, data)"
                " VALUES (?, ?, ?, ?)",
                (token_hash, user_name, utcnow(), dumps(data or {})),
            )

    def user_name(self, token_hash: str) -> Optional[str]:
        """Name of the session's user, ``None`` for an unknown token."""
        row = (
            self.db.read()
            .execute(
                "SELECT user_name FROM sessions WHERE token_hash = ?", (token_hash,)
            )
            .fetchone()
        )
        return None if row is None else row[0]

    def delete(self, token_hash: str) -> bool:
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM sessions WHERE token_hash = ?", (token_hash,)
            )
            return cursor.rowcount > 0

    def delete_for_user(self, user_name: str) -> int:
        """End every session of a user (password change, deactivation)."""
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM sessions WHERE user_name = ?", (user_name,)
            )
            return cursor.rowcount
