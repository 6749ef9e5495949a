"""Project entities (folders, tasks, products, versions, representations,
workfiles): one table each, generic row access.

Records are plain dicts keyed by column name, JSON columns decoded. The
entity service (``ayon_devserver.entities``) decides what to write; this
module only reads and writes rows. Every method joins the caller's
transaction when there is one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from .db import Database, dumps, loads
from .paging import in_clause

Record = dict[str, Any]

COMMON_COLUMNS = (
    "project_name",
    "id",
    "attrib",
    "data",
    "active",
    "status",
    "tags",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
)
JSON_COLUMNS = frozenset({"attrib", "data", "tags", "assignees", "files", "traits"})
BOOL_COLUMNS = frozenset({"active"})


@dataclass(frozen=True)
class Table:
    entity_type: str
    name: str
    own_columns: tuple[str, ...]
    parent_column: Optional[str]  # the column linking to the parent entity

    @property
    def columns(self) -> tuple[str, ...]:
        return COMMON_COLUMNS + self.own_columns


TABLES: dict[str, Table] = {
    t.entity_type: t
    for t in (
        Table(
            "folder",
            "folders",
            ("name", "label", "folder_type", "parent_id", "path", "thumbnail_id"),
            "parent_id",
        ),
        Table(
            "task",
            "tasks",
            ("name", "label", "task_type", "folder_id", "assignees", "thumbnail_id"),
            "folder_id",
        ),
        Table(
            "product",
            "products",
            ("name", "folder_id", "product_type", "product_base_type"),
            "folder_id",
        ),
        Table(
            "version",
            "versions",
            ("version", "product_id", "task_id", "author", "thumbnail_id"),
            "product_id",
        ),
        Table(
            "representation",
            "representations",
            ("name", "version_id", "files", "traits"),
            "version_id",
        ),
        Table("workfile", "workfiles", ("path", "task_id", "thumbnail_id"), "task_id"),
    )
}
ENTITY_TYPES = tuple(TABLES)


def table(entity_type: str) -> Table:
    try:
        return TABLES[entity_type]
    except KeyError:
        raise ValueError(f"unknown entity type {entity_type!r}") from None


def decode(row: sqlite3.Row) -> Record:
    """A row as a record: JSON columns parsed, flags as booleans."""
    record: Record = {}
    for key in row.keys():
        value = row[key]
        if key in JSON_COLUMNS:
            value = loads(value)
        elif key in BOOL_COLUMNS:
            value = bool(value)
        record[key] = value
    return record


def encode(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS:
        return None if value is None else dumps(value)
    if column in BOOL_COLUMNS:
        return int(bool(value))
    return value


class EntityStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reads ---------------------------------------------------------------

    def get(
        self, entity_type: str, project_name: str, entity_id: str
    ) -> Optional[Record]:
        row = (
            self.db.read()
            .execute(
                f"SELECT * FROM {table(entity_type).name}"
                " WHERE project_name = ? AND id = ?",
                (project_name, entity_id),
            )
            .fetchone()
        )
        return None if row is None else decode(row)

    def get_many(
        self, entity_type: str, project_name: str, ids: Iterable[str]
    ) -> dict[str, Record]:
        """``{id: record}`` of the existing ones among ``ids``."""
        sql, params = in_clause("id", list(ids))
        rows = self.db.read().execute(
            f"SELECT * FROM {table(entity_type).name} WHERE project_name = ? AND {sql}",
            [project_name, *params],
        )
        return {row["id"]: decode(row) for row in rows}

    def rows_by(
        self,
        entity_type: str,
        project_name: str,
        column: str,
        values: Iterable[Any],
        columns: str = "*",
    ) -> list[sqlite3.Row]:
        """Raw rows whose ``column`` is one of ``values`` (creation order)."""
        if column not in table(entity_type).columns:
            raise ValueError(f"unknown column {column!r}")
        sql, params = in_clause(column, list(values))
        return (
            self.db.read()
            .execute(
                f"SELECT {columns} FROM {table(entity_type).name}"
                f" WHERE project_name = ? AND {sql} ORDER BY seq",
                [project_name, *params],
            )
            .fetchall()
        )

    def find_id(
        self, entity_type: str, project_name: str, **equal: Any
    ) -> Optional[str]:
        """Id of an entity whose columns equal the given values."""
        t = table(entity_type)
        conditions = ["project_name = ?"]
        params: list[Any] = [project_name]
        for column, value in equal.items():
            if column not in t.columns:
                raise ValueError(f"unknown column {column!r}")
            if value is None:
                conditions.append(f"{column} IS NULL")
            else:
                conditions.append(f"{column} = ?")
                params.append(value)
        row = (
            self.db.read()
            .execute(
                f"SELECT id FROM {t.name} WHERE {' AND '.join(conditions)} LIMIT 1",
                params,
            )
            .fetchone()
        )
        return None if row is None else row[0]

    def count(self, entity_type: str, project_name: str) -> int:
        row = (
            self.db.read()
            .execute(
                f"SELECT count(*) FROM {table(entity_type).name}"
                " WHERE project_name = ?",
                (project_name,),
            )
            .fetchone()
        )
        return int(row[0])

    def used_values(
        self, entity_type: str, project_name: str, column: str
    ) -> list[Any]:
        """Distinct values of a column (JSON list columns: of their items)."""
        t = table(entity_type)
        if column not in t.columns:
            raise ValueError(f"unknown column {column!r}")
        if column in JSON_COLUMNS:
            sql = (
                f"SELECT DISTINCT j.value FROM {t.name}, json_each({t.name}.{column})"
                " AS j WHERE project_name = ? ORDER BY 1"
            )
        else:
            sql = (
                f"SELECT DISTINCT {column} FROM {t.name} WHERE project_name = ?"
                f" AND {column} IS NOT NULL ORDER BY 1"
            )
        return [r[0] for r in self.db.read().execute(sql, (project_name,))]

    def used_product_types(self, project_name: str) -> list[tuple[str, str]]:
        """Distinct ``(product type, product base type)`` pairs in use."""
        rows = self.db.read().execute(
            "SELECT DISTINCT product_type, coalesce(product_base_type, product_type)"
            " FROM products WHERE project_name = ? ORDER BY 1, 2",
            (project_name,),
        )
        return [(r[0], r[1]) for r in rows]

    # -- writes --------------------------------------------------------------

    def insert(self, entity_type: str, record: Mapping[str, Any]) -> None:
        self.insert_many(entity_type, [record])

    def insert_many(
        self, entity_type: str, records: Iterable[Mapping[str, Any]]
    ) -> int:
        """Insert records (all with the same keys); returns how many."""
        t = table(entity_type)
        count = 0
        with self.db.transaction() as conn:
            columns: Optional[Sequence[str]] = None
            batch: list[list[Any]] = []
            json_at: list[int] = []
            bool_at: list[int] = []
            for record in records:
                if columns is None:
                    columns = [c for c in t.columns if c in record]
                    json_at = [i for i, c in enumerate(columns) if c in JSON_COLUMNS]
                    bool_at = [i for i, c in enumerate(columns) if c in BOOL_COLUMNS]
                values = [record.get(c) for c in columns]
                for i in json_at:
                    if values[i] is not None:
                        values[i] = dumps(values[i])
                for i in bool_at:
                    values[i] = int(bool(values[i]))
                batch.append(values)
                count += 1
            if columns is None:
                return 0
            marks = ", ".join("?" for _ in columns)
            conn.executemany(
                f"INSERT INTO {t.name} ({', '.join(columns)}) VALUES ({marks})",
                batch,
            )
        return count

    def update(
        self,
        entity_type: str,
        project_name: str,
        entity_id: str,
        changes: Mapping[str, Any],
    ) -> None:
        t = table(entity_type)
        unknown = set(changes) - set(t.columns)
        if unknown:
            raise ValueError(f"unknown columns {sorted(unknown)}")
        if not changes:
            return
        assignments = ", ".join(f"{c} = ?" for c in changes)
        with self.db.transaction() as conn:
            conn.execute(
                f"UPDATE {t.name} SET {assignments} WHERE project_name = ? AND id = ?",
                [*(encode(c, v) for c, v in changes.items()), project_name, entity_id],
            )

    def set_column_where(
        self,
        entity_type: str,
        project_name: str,
        column: str,
        value: Any,
        where_column: str,
        where_values: Iterable[Any],
    ) -> None:
        """``UPDATE ... SET column = value WHERE where_column IN values``."""
        t = table(entity_type)
        if {column, where_column} - set(t.columns):
            raise ValueError("unknown column")
        sql, params = in_clause(where_column, list(where_values))
        with self.db.transaction() as conn:
            conn.execute(
                f"UPDATE {t.name} SET {column} = ? WHERE project_name = ? AND {sql}",
                [encode(column, value), project_name, *params],
            )

    def delete_where(
        self,
        entity_type: str,
        project_name: str,
        column: str,
        values: Iterable[Any],
    ) -> list[str]:
        """Delete the entities whose ``column`` is one of ``values``;
        returns the deleted ids."""
        t = table(entity_type)
        if column not in t.columns:
            raise ValueError(f"unknown column {column!r}")
        sql, params = in_clause(column, list(values))
        where = f"project_name = ? AND {sql}"
        with self.db.transaction() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {t.name} WHERE {where}", [project_name, *params]
                )
            ]
            if ids:  # (no DELETE ... RETURNING: SQLite < 3.35 lacks it)
                conn.execute(
                    f"DELETE FROM {t.name} WHERE {where}", [project_name, *params]
                )
        return ids
