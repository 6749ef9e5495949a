"""Users: name, active, attrib, data (roles, access groups, password hash,
API key hash), timestamps. Shapes follow the real server's user entity."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import Conflict, NotFound
from .db import Database, dumps, loads, utcnow
from .paging import Page, fetch_page, in_clause


@dataclass
class UserRecord:
    name: str
    active: bool = True
    attrib: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> UserRecord:
        return cls(
            name=row["name"],
            active=bool(row["active"]),
            attrib=loads(row["attrib"], {}),
            data=loads(row["data"], {}),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    @property
    def is_admin(self) -> bool:
        return bool(self.data.get("isAdmin"))

    @property
    def is_service(self) -> bool:
        return bool(self.data.get("isService"))

    @property
    def is_manager(self) -> bool:
        return bool(self.data.get("isManager"))

    @property
    def is_guest(self) -> bool:
        return bool(self.data.get("isGuest"))

    @property
    def is_developer(self) -> bool:
        return bool(self.data.get("isDeveloper"))

    @property
    def can_manage_users(self) -> bool:
        """Admins and service users (which act as admins) manage users."""
        return self.is_admin or self.is_service

    @property
    def has_manager_rights(self) -> bool:
        """Admins, service users and managers see and manage every project."""
        return self.is_admin or self.is_service or self.is_manager

    @property
    def has_password(self) -> bool:
        return bool(self.data.get("password"))

    @property
    def api_key_preview(self) -> Optional[str]:
        return self.data.get("apiKeyPreview")

    @property
    def access_groups(self) -> dict[str, list[str]]:
        return dict(self.data.get("accessGroups") or {})

    @property
    def default_access_groups(self) -> list[str]:
        return list(self.data.get("defaultAccessGroups") or [])

    def can_access_project(self, project_name: str) -> bool:
        return self.has_manager_rights or project_name in self.access_groups


class UserStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, name: str) -> Optional[UserRecord]:
        row = (
            self.db.read()
            .execute("SELECT * FROM users WHERE name = ?", (name,))
            .fetchone()
        )
        return None if row is None else UserRecord.from_row(row)

    def require(self, name: str) -> UserRecord:
        user = self.get(name)
        if user is None:
            raise NotFound(f"User {name} not found")
        return user

    def by_api_key_hash(self, key_hash: str) -> Optional[UserRecord]:
        row = (
            self.db.read()
            .execute(
                "SELECT * FROM users WHERE json_extract(data, '$.apiKey') = ?",
                (key_hash,),
            )
            .fetchone()
        )
        return None if row is None else UserRecord.from_row(row)

    def create(
        self,
        name: str,
        *,
        active: bool = True,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
    ) -> UserRecord:
        now = utcnow()
        user = UserRecord(name, active, dict(attrib or {}), dict(data or {}), now, now)
        with self.db.transaction() as conn:
            try:
                conn.execute(
                    "INSERT INTO users (name, active, attrib, data, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (name, int(active), dumps(user.attrib), dumps(user.data), now, now),
                )
            except sqlite3.IntegrityError:
                raise Conflict("User already exists") from None
        return user

    def update(
        self,
        name: str,
        *,
        active: Optional[bool] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
    ) -> UserRecord:
        """Replace the given fields (callers merge patches first)."""
        with self.db.transaction():
            user = self.require(name)
            if active is not None:
                user.active = active
            if attrib is not None:
                user.attrib = dict(attrib)
            if data is not None:
                user.data = dict(data)
            user.updated_at = utcnow()
            self.db.connection().execute(
                "UPDATE users SET active = ?, attrib = ?, data = ?, updated_at = ?"
                " WHERE name = ?",
                (
                    int(user.active),
                    dumps(user.attrib),
                    dumps(user.data),
                    user.updated_at,
                    name,
                ),
            )
        return user

    def rename(self, name: str, new_name: str) -> None:
        """Rename a user; sessions follow (ON UPDATE CASCADE)."""
        with self.db.transaction() as conn:
            self.require(name)
            if self.get(new_name) is not None:
                raise Conflict(f"User {new_name} already exists")
            conn.execute(
                "UPDATE users SET name = ?, updated_at = ? WHERE name = ?",
                (new_name, utcnow(), name),
            )

    def delete(self, name: str) -> None:
        with self.db.transaction() as conn:
            if conn.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount == 0:
                raise NotFound(f"User {name} not found")

    def all(self) -> list[UserRecord]:
        rows = self.db.read().execute("SELECT * FROM users ORDER BY name")
        return [UserRecord.from_row(r) for r in rows]

    def page(
        self,
        *,
        names: Optional[Sequence[str]] = None,
        emails: Optional[Sequence[str]] = None,
        project_names: Optional[Sequence[str]] = None,
        first: Optional[int] = None,
        after: Optional[str] = None,
        last: Optional[int] = None,
        before: Optional[str] = None,
    ) -> tuple[list[UserRecord], Page]:
        """A page of users ordered by name, filtered like the GraphQL
        ``users`` query (``project_names``: users with access to any)."""
        where: list[str] = []
        params: list[Any] = []
        if names is not None:
            sql, values = in_clause("name", names)
            where.append(sql)
            params += values
        if emails is not None:
            sql, values = in_clause(
                "lower(json_extract(attrib, '$.email'))", [e.lower() for e in emails]
            )
            where.append(sql)
            params += values
        if project_names is not None:
            where.append(
                "json_extract(data, '$.isAdmin') OR json_extract(data, '$.isManager')"
                " OR json_extract(data, '$.isService') OR EXISTS (SELECT 1 FROM"
                " json_each(?) AS p WHERE json_type(users.data, '$.accessGroups.'"
                " || json_quote(p.value)) IS NOT NULL)"
            )
            params.append(dumps(list(project_names)))
        page = fetch_page(
            self.db.read(),
            "users",
            "name",
            where,
            params,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        return [UserRecord.from_row(r) for r in page.rows], page

    def grant_default_access(self, project_name: str) -> None:
        """Give users their default access groups on a new project."""
        with self.db.transaction():
            for user in self.all():
                groups = user.default_access_groups
                if not groups or user.has_manager_rights:
                    continue
                access = user.access_groups
                access[project_name] = groups
                self.update(user.name, data={**user.data, "accessGroups": access})

    def rename_project_access(self, project_name: str, new_name: str) -> None:
        """Follow a project rename in everyone's access groups."""
        with self.db.transaction():
            for user in self.all():
                access = user.access_groups
                if project_name in access:
                    access[new_name] = access.pop(project_name)
                    self.update(user.name, data={**user.data, "accessGroups": access})

    def revoke_project_access(self, project_name: str) -> None:
        """Forget a deleted project in everyone's access groups."""
        with self.db.transaction():
            for user in self.all():
                access = user.access_groups
                if project_name in access:
                    del access[project_name]
                    self.update(user.name, data={**user.data, "accessGroups": access})
