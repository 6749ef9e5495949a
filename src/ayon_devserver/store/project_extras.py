"""Project folders (``/api/projectFolders``, a tree that groups projects in
the UI) and per-user root overrides (``/api/projects/{p}/roots``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from ..errors import NotFound
from .db import Database, dumps, loads


class ProjectFolderStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[dict[str, Any]]:
        rows = self.db.read().execute(
            "SELECT id, label, parent_id, position, data FROM project_folders"
            " ORDER BY position, label"
        )
        return [
            {
                "id": r["id"],
                "label": r["label"],
                "parentId": r["parent_id"],
                "position": r["position"],
                "data": loads(r["data"]),
            }
            for r in rows
        ]

    def exists(self, folder_id: str) -> bool:
        row = (
            self.db.read()
            .execute("SELECT 1 FROM project_folders WHERE id = ?", (folder_id,))
            .fetchone()
        )
        return row is not None

    def create(
        self,
        folder_id: str,
        label: str,
        parent_id: Optional[str],
        data: dict[str, Any],
    ) -> None:
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM project_folders"
            ).fetchone()
            conn.execute(
                "INSERT INTO project_folders (id, label, parent_id, position, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (folder_id, label, parent_id, row[0], dumps(data)),
            )

    def update(self, folder_id: str, changes: dict[str, Any]) -> None:
        columns = {"label": "label", "parentId": "parent_id", "data": "data"}
        values = {
            columns[k]: (dumps(v) if k == "data" else v)
            for k, v in changes.items()
            if k in columns
        }
        with self.db.transaction() as conn:
            if not self.exists(folder_id):
                raise NotFound(f"Project folder {folder_id} not found")
            if values:
                assignments = ", ".join(f"{c} = ?" for c in values)
                conn.execute(
                    f"UPDATE project_folders SET {assignments} WHERE id = ?",
                    [*values.values(), folder_id],
                )

    def set_order(self, folder_ids: Sequence[str]) -> None:
        with self.db.transaction() as conn:
            for position, folder_id in enumerate(folder_ids):
                conn.execute(
                    "UPDATE project_folders SET position = ? WHERE id = ?",
                    (position, folder_id),
                )

    def delete(self, folder_id: str) -> None:
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM project_folders WHERE id = ?", (folder_id,)
            )
            if cursor.rowcount == 0:
                raise NotFound(f"Project folder {folder_id} not found")


class RootsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def overrides(self, project_name: str, user_name: str) -> dict[str, dict[str, str]]:
        """``{site_id: {root name: path}}`` of one user."""
        rows = self.db.read().execute(
            "SELECT site_id, data FROM custom_roots WHERE project_name = ?"
            " AND user_name = ? ORDER BY site_id",
            (project_name, user_name),
        )
        return {r[0]: loads(r[1]) for r in rows}

    def set(
        self, project_name: str, user_name: str, site_id: str, roots: dict[str, str]
    ) -> None:
        """Store a site's overrides (none: remove them)."""
        with self.db.transaction() as conn:
            if roots:
                conn.execute(
                    "INSERT INTO custom_roots (project_name, site_id, user_name, data)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (project_name, site_id,"
                    " user_name) DO UPDATE SET data = excluded.data",
                    (project_name, site_id, user_name, dumps(roots)),
                )
            else:
                conn.execute(
                    "DELETE FROM custom_roots WHERE project_name = ? AND site_id = ?"
                    " AND user_name = ?",
                    (project_name, site_id, user_name),
                )
