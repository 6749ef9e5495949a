"""Projects: name, code, flags, attrib/data/config and the anatomy lists
(folder types, task types, statuses, tags, link types) as JSON columns."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import Conflict, NotFound
from .db import Database, dumps, loads, utcnow
from .paging import Page, fetch_page, in_clause

# dataclass field -> (column, is JSON)
_COLUMNS = {
    "name": ("name", False),
    "code": ("code", False),
    "label": ("label", False),
    "color": ("color", False),
    "library": ("library", False),
    "active": ("active", False),
    "attrib": ("attrib", True),
    "data": ("data", True),
    "config": ("config", True),
    "folder_types": ("folder_types", True),
    "task_types": ("task_types", True),
    "statuses": ("statuses", True),
    "tags": ("tags", True),
    "link_types": ("link_types", True),
    "created_at": ("created_at", False),
    "updated_at": ("updated_at", False),
}


@dataclass
class ProjectRecord:
    name: str
    code: str
    label: Optional[str] = None
    color: Optional[str] = None
    library: bool = False
    active: bool = True
    attrib: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    folder_types: list[dict[str, Any]] = field(default_factory=list)
    task_types: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)
    link_types: list[dict[str, Any]] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> ProjectRecord:
        values: dict[str, Any] = {}
        for attr, (column, is_json) in _COLUMNS.items():
            value = row[column]
            values[attr] = loads(value) if is_json else value
        values["library"] = bool(values["library"])
        values["active"] = bool(values["active"])
        return cls(**values)

    def column_values(self) -> dict[str, Any]:
        values = {}
        for attr, (column, is_json) in _COLUMNS.items():
            value = getattr(self, attr)
            if attr in ("library", "active"):
                value = int(value)
            values[column] = dumps(value) if is_json else value
        return values


class ProjectStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, name: str) -> Optional[ProjectRecord]:
        row = (
            self.db.read()
            .execute("SELECT * FROM projects WHERE name = ?", (name,))
            .fetchone()
        )
        return None if row is None else ProjectRecord.from_row(row)

    def require(self, name: str) -> ProjectRecord:
        project = self.get(name)
        if project is None:
            raise NotFound(f"Project {name} not found")
        return project

    def create(self, project: ProjectRecord) -> ProjectRecord:
        now = utcnow()
        project.created_at = project.updated_at = now
        values = project.column_values()
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self.db.transaction() as conn:
            try:
                conn.execute(
                    f"INSERT INTO projects ({columns}) VALUES ({marks})",
                    list(values.values()),
                )
            except sqlite3.IntegrityError:
                raise Conflict(f"Project {project.name} already exists") from None
        return project

    def save(self, project: ProjectRecord) -> ProjectRecord:
        """Write back a (modified) project, bumping ``updated_at``."""
        project.updated_at = utcnow()
        values = project.column_values()
        del values["name"], values["created_at"]
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self.db.transaction() as conn:
            cursor = conn.execute(
                f"UPDATE projects SET {assignments} WHERE name = ?",
                [*values.values(), project.name],
            )
            if cursor.rowcount == 0:
                raise NotFound(f"Project {project.name} not found")
        return project

    def rename(self, name: str, new_name: str, code: Optional[str] = None) -> None:
        """Rename a project; its entities follow (ON UPDATE CASCADE)."""
        with self.db.transaction() as conn:
            self.require(name)
            other = conn.execute(
                "SELECT name FROM projects WHERE lower(name) = lower(?) AND name != ?",
                (new_name, name),
            ).fetchone()
            if other is not None:
                raise Conflict(f"Project {new_name} already exists")
            conn.execute(
                "UPDATE projects SET name = ?, code = coalesce(?, code),"
                " updated_at = ? WHERE name = ?",
                (new_name, code, utcnow(), name),
            )

    def delete(self, name: str) -> None:
        with self.db.transaction() as conn:
            cursor = conn.execute("DELETE FROM projects WHERE name = ?", (name,))
            if cursor.rowcount == 0:
                raise NotFound(f"Project {name} not found")

    def _filters(
        self,
        names: Optional[Sequence[str]],
        active: Optional[bool],
        library: Optional[bool],
        code: Optional[str] = None,
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if names is not None:
            sql, values = in_clause("name", names)
            where.append(sql)
            params += values
        if active is not None:
            where.append("active = ?")
            params.append(int(active))
        if library is not None:
            where.append("library = ?")
            params.append(int(library))
        if code is not None:
            where.append("code = ?")
            params.append(code)
        return where, params

    def find(
        self,
        *,
        names: Optional[Sequence[str]] = None,
        active: Optional[bool] = None,
        library: Optional[bool] = None,
        order: str = "name",
        desc: bool = False,
    ) -> list[ProjectRecord]:
        order_column = {
            "name": "name",
            "createdAt": "created_at",
            "updatedAt": "updated_at",
        }[order]
        where, params = self._filters(names, active, library)
        sql = "SELECT * FROM projects"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order_column} {'DESC' if desc else 'ASC'}, name"
        rows = self.db.read().execute(sql, params)
        return [ProjectRecord.from_row(r) for r in rows]

    def page(
        self,
        *,
        names: Optional[Sequence[str]] = None,
        code: Optional[str] = None,
        first: Optional[int] = None,
        after: Optional[str] = None,
        last: Optional[int] = None,
        before: Optional[str] = None,
    ) -> tuple[list[ProjectRecord], Page]:
        where, params = self._filters(names, None, None, code)
        page = fetch_page(
            self.db.read(),
            "projects",
            "name",
            where,
            params,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        return [ProjectRecord.from_row(r) for r in page.rows], page
