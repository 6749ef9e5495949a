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


def _loads_json(text: Optional[str]) -> Any:
    """``loads`` with the usual empty values short-cut."""
    if text is None:
        return None
    if text == "{}":
        return {}
    if text == "[]":
        return []
    return loads(text)


def decode_all(cursor: sqlite3.Cursor) -> list[Record]:
    """Every row of a cursor as a record (as ``decode`` makes them, faster
    for many rows)."""
    columns = [d[0] for d in cursor.description]
    json_at = [i for i, c in enumerate(columns) if c in JSON_COLUMNS]
    bool_at = [i for i, c in enumerate(columns) if c in BOOL_COLUMNS]
    records = []
    for row in cursor:
        values = list(row)
        for i in json_at:
            values[i] = _loads_json(values[i])
        for i in bool_at:
            values[i] = bool(values[i])
        records.append(dict(zip(columns, values)))
    return records


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
        self,
        entity_type: str,
        project_name: str,
        ids: Iterable[str],
        columns: Optional[Sequence[str]] = None,
    ) -> dict[str, Record]:
        """``{id: record}`` of the existing ones among ``ids`` (only the
        given ``columns`` and ``id``, when given)."""
        t = table(entity_type)
        selected = "*"
        if columns is not None:
            if set(columns) - set(t.columns):
                raise ValueError(
                    f"unknown columns {sorted(set(columns) - set(t.columns))}"
                )
            selected = ", ".join(dict.fromkeys(["id", *columns]))
        sql, params = in_clause("id", list(ids))
        cursor = self.db.read().cursor()
        cursor.row_factory = None
        cursor.execute(
            f"SELECT {selected} FROM {t.name} WHERE project_name = ? AND {sql}",
            [project_name, *params],
        )
        return {record["id"]: record for record in decode_all(cursor)}

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

    def find_ids(
        self,
        entity_type: str,
        project_name: str,
        parent_column: str,
        key_column: str,
        keys: Iterable[tuple[Any, Any]],
    ) -> dict[tuple[Any, Any], str]:
        """``{(parent, key): id}`` of the entities whose ``parent_column``
        and ``key_column`` equal one of ``keys`` (``find_id`` for many; the
        missing ones are left out)."""
        t = table(entity_type)
        if {parent_column, key_column} - set(t.columns):
            raise ValueError("unknown column")
        rows = self.db.read().execute(
            f"SELECT t.id, t.{parent_column}, t.{key_column} FROM json_each(?) AS k"
            f" CROSS JOIN {t.name} AS t WHERE t.project_name = ?"
            f" AND t.{parent_column} = json_extract(k.value, '$[0]')"
            f" AND t.{key_column} = json_extract(k.value, '$[1]')",
            (dumps([list(key) for key in keys]), project_name),
        )
        return {(r[1], r[2]): r[0] for r in rows}

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


_EMPTY_JSON = {dict: "{}", list: "[]"}


class PendingWrites:
    """Entity writes held back to run together (batch operations).

    Statements are kept in order per table and run by ``flush()``: a run of
    alike statements becomes one ``executemany``, or one statement when they
    delete (or set a column of) the rows matching one value each. Entity
    tables have no triggers and no constraints between one another, so
    writes to different tables commute; the caller flushes before any read
    or direct write that the pending ones could affect, and inside the
    transaction that the writes belong to.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        # table -> [(sql, [params, ...], sql for many values or None), ...];
        # with the latter, a statement's last parameter is its value
        self._runs: dict[str, list[tuple[str, list[Sequence[Any]], Optional[str]]]] = {}
        # (kind, table, *record keys) -> (sql, columns, where JSON, flags)
        self._shapes: dict[
            tuple[str, ...],
            tuple[str, tuple[str, ...], tuple[int, ...], tuple[int, ...]],
        ] = {}

    def __bool__(self) -> bool:
        return bool(self._runs)

    def _add(
        self,
        table_name: str,
        sql: str,
        params: Sequence[Any],
        many_sql: Optional[str] = None,
    ) -> None:
        runs = self._runs.get(table_name)
        if runs is None:
            self._runs[table_name] = [(sql, [params], many_sql)]
        elif runs[-1][0] == sql:
            runs[-1][1].append(params)
        else:
            runs.append((sql, [params], many_sql))

    def _shape(
        self, kind: str, t: Table, keys: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
        columns = t.columns
        if kind == "insert":
            keys = tuple(c for c in columns if c in keys)
            marks = ", ".join("?" for _ in keys)
            sql = f"INSERT INTO {t.name} ({', '.join(keys)}) VALUES ({marks})"
        else:
            unknown = set(keys) - set(columns)
            if unknown:
                raise ValueError(f"unknown columns {sorted(unknown)}")
            assignments = ", ".join(f"{c} = ?" for c in keys)
            sql = f"UPDATE {t.name} SET {assignments} WHERE project_name = ? AND id = ?"
        return (
            sql,
            keys,
            tuple(i for i, c in enumerate(keys) if c in JSON_COLUMNS),
            tuple(i for i, c in enumerate(keys) if c in BOOL_COLUMNS),
        )

    def _values(
        self, kind: str, t: Table, record: Mapping[str, Any]
    ) -> tuple[str, list[Any]]:
        """The statement and the encoded values of a record (or changes)."""
        key = (kind, t.name, *record)
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = self._shape(kind, t, key[2:])
        sql, columns, json_at, bool_at = shape
        values = [record[c] for c in columns]
        for i in json_at:
            value = values[i]
            if value is not None:
                # an empty dict or list as dumps makes it, without the call
                empty = None if value else _EMPTY_JSON.get(type(value))
                values[i] = dumps(value) if empty is None else empty
        for i in bool_at:
            values[i] = int(bool(values[i]))
        return sql, values

    def insert(self, entity_type: str, record: Mapping[str, Any]) -> None:
        """``EntityStore.insert``, held back."""
        t = table(entity_type)
        sql, values = self._values("insert", t, record)
        self._add(t.name, sql, values)

    def update(
        self,
        entity_type: str,
        project_name: str,
        entity_id: str,
        changes: Mapping[str, Any],
    ) -> None:
        """``EntityStore.update``, held back."""
        t = table(entity_type)
        if not changes:
            self._shape("update", t, ())  # (checks the columns)
            return
        sql, values = self._values("update", t, changes)
        values.append(project_name)
        values.append(entity_id)
        self._add(t.name, sql, values)

    def set_column_where(
        self,
        entity_type: str,
        project_name: str,
        column: str,
        value: Any,
        where_column: str,
        where_value: Any,
    ) -> None:
        """``UPDATE ... SET column = value WHERE where_column = where_value``,
        held back."""
        t = table(entity_type)
        if {column, where_column} - set(t.columns):
            raise ValueError("unknown column")
        head = f"UPDATE {t.name} SET {column} = ? WHERE project_name = ? AND"
        self._add(
            t.name,
            f"{head} {where_column} = ?",
            (encode(column, value), project_name, where_value),
            f"{head} {where_column} IN (SELECT value FROM json_each(?))",
        )

    def delete_where(
        self, entity_type: str, project_name: str, column: str, value: Any
    ) -> None:
        """Delete the entities whose ``column`` equals ``value``, held back."""
        t = table(entity_type)
        if column not in t.columns:
            raise ValueError(f"unknown column {column!r}")
        head = f"DELETE FROM {t.name} WHERE project_name = ? AND"
        self._add(
            t.name,
            f"{head} {column} = ?",
            (project_name, value),
            f"{head} {column} IN (SELECT value FROM json_each(?))",
        )

    def flush(self) -> None:
        """Run the pending writes (in the caller's transaction)."""
        if not self._runs:
            return
        runs, self._runs = self._runs, {}
        with self.db.transaction() as conn:
            for table_runs in runs.values():
                for sql, params, many_sql in table_runs:
                    if len(params) == 1:
                        conn.execute(sql, params[0])
                    elif many_sql is None:
                        conn.executemany(sql, params)
                    else:
                        # one statement per set of the other parameters
                        by_rest: dict[tuple[Any, ...], list[Any]] = {}
                        for values in params:
                            by_rest.setdefault(tuple(values[:-1]), []).append(
                                values[-1]
                            )
                        for rest, keys in by_rest.items():
                            conn.execute(many_sql, [*rest, dumps(keys)])

    def discard(self) -> None:
        self._runs = {}
