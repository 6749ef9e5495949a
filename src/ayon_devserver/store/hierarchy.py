"""Folder tree queries: paths, subtrees, ancestors, counts, cascades.

A folder's ``path`` ("/ep01/sq010/sh010") is materialized and indexed; the
descendants of a folder are the rows whose path lies in the half-open range
``[path + "/", path + "0")`` ("0" is the character after "/"), so subtree
operations use the path index instead of recursion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Optional

from .db import Database, dumps, loads
from .entities import EntityStore, Record, decode
from .paging import in_clause


def subtree_condition(column: str = "path") -> str:
    """SQL matching ``column`` equal to a path or below it (3 parameters:
    the path, the path again, ``path + "/"``... see ``subtree_params``)."""
    return f"({column} = ? OR ({column} > ? AND {column} < ?))"


def subtree_params(path: str) -> list[str]:
    return [path, path + "/", path + "0"]


class HierarchyStore:
    def __init__(self, db: Database, entities: EntityStore) -> None:
        self.db = db
        self.entities = entities

    # -- folders by path -----------------------------------------------------

    def folder_by_path(self, project_name: str, path: str) -> Optional[Record]:
        row = (
            self.db.read()
            .execute(
                "SELECT * FROM folders WHERE project_name = ? AND path = ?",
                (project_name, path),
            )
            .fetchone()
        )
        return None if row is None else decode(row)

    def folder_ids_by_path(
        self, project_name: str, paths: Iterable[str]
    ) -> dict[str, str]:
        """``{path: id}`` of the folders at ``paths`` (missing ones are left
        out)."""
        rows = self.db.read().execute(
            "SELECT f.path, f.id FROM json_each(?) AS k CROSS JOIN folders AS f"
            " WHERE f.project_name = ? AND f.path = k.value",
            (dumps(list(paths)), project_name),
        )
        return {r[0]: r[1] for r in rows}

    def own_attrib_by_path(
        self, project_name: str, paths: Iterable[str]
    ) -> dict[str, dict[str, Any]]:
        """``{path: own attrib}`` of the folders at ``paths`` (missing ones
        are left out)."""
        sql, params = in_clause("path", list(paths))
        rows = self.db.read().execute(
            f"SELECT path, attrib FROM folders WHERE project_name = ? AND {sql}",
            [project_name, *params],
        )
        return {r[0]: loads(r[1]) for r in rows}

    def subtree_ids(self, project_name: str, path: str) -> list[str]:
        """Ids of the folder at ``path`` and of all its descendants."""
        rows = self.db.read().execute(
            f"SELECT id FROM folders WHERE project_name = ? AND {subtree_condition()}",
            [project_name, *subtree_params(path)],
        )
        return [r[0] for r in rows]

    def move_subtree(self, project_name: str, old_path: str, new_path: str) -> None:
        """Re-root the paths of the descendants of ``old_path``."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE folders SET path = ? || substr(path, ?)"
                " WHERE project_name = ? AND path > ? AND path < ?",
                (
                    new_path,
                    len(old_path) + 1,
                    project_name,
                    old_path + "/",
                    old_path + "0",
                ),
            )

    # -- content checks ------------------------------------------------------

    def has_content(self, project_name: str, folder_id: str) -> bool:
        """Whether a folder has child folders, tasks or products."""
        row = (
            self.db.read()
            .execute(
                "SELECT EXISTS (SELECT 1 FROM folders WHERE project_name = ?1"
                " AND parent_id = ?2) OR EXISTS (SELECT 1 FROM tasks WHERE"
                " project_name = ?1 AND folder_id = ?2) OR EXISTS (SELECT 1 FROM"
                " products WHERE project_name = ?1 AND folder_id = ?2)",
                (project_name, folder_id),
            )
            .fetchone()
        )
        return bool(row[0])

    def paths_with_versions(self, project_name: str, paths: Sequence[str]) -> set[str]:
        """Those of ``paths`` whose subtree holds at least one version."""
        result = set()
        conn = self.db.read()
        for path in paths:
            row = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM folders f JOIN products p ON"
                " p.project_name = f.project_name AND p.folder_id = f.id JOIN"
                " versions v ON v.project_name = p.project_name AND v.product_id"
                f" = p.id WHERE f.project_name = ? AND {subtree_condition('f.path')})",
                [project_name, *subtree_params(path)],
            ).fetchone()
            if row[0]:
                result.add(path)
        return result

    def folder_paths_with_versions(self, project_name: str) -> set[str]:
        """Paths of the folders that hold versions (through their products)
        and of all their ancestors."""
        rows = self.db.read().execute(
            "SELECT DISTINCT f.path FROM folders f JOIN products p ON p.project_name"
            " = f.project_name AND p.folder_id = f.id WHERE f.project_name = ? AND"
            " EXISTS (SELECT 1 FROM versions v WHERE v.project_name = p.project_name"
            " AND v.product_id = p.id)",
            (project_name,),
        )
        result: set[str] = set()
        for (path,) in rows:
            while path and path not in result:
                result.add(path)
                path = path.rsplit("/", 1)[0]
        return result

    def child_counts(
        self, project_name: str, kind: str, folder_ids: Sequence[str]
    ) -> dict[str, int]:
        """``{folder id: count}`` of child folders / tasks / products."""
        table, column = {
            "folders": ("folders", "parent_id"),
            "tasks": ("tasks", "folder_id"),
            "products": ("products", "folder_id"),
        }[kind]
        sql, params = in_clause(column, list(folder_ids))
        rows = self.db.read().execute(
            f"SELECT {column}, count(*) FROM {table} WHERE project_name = ?"
            f" AND {sql} GROUP BY {column}",
            [project_name, *params],
        )
        return {r[0]: int(r[1]) for r in rows}

    # -- whole tree ----------------------------------------------------------

    def tree_rows(self, project_name: str) -> list[dict[str, Any]]:
        """Every folder (creation order) with the names of its tasks."""
        rows = self.db.read().execute(
            "SELECT f.*, (SELECT json_group_array(t.name) FROM tasks t WHERE"
            " t.project_name = f.project_name AND t.folder_id = f.id) AS task_names"
            " FROM folders f WHERE f.project_name = ? ORDER BY f.seq",
            (project_name,),
        )
        result = []
        for row in rows:
            record = decode(row)
            record["task_names"] = loads(record["task_names"]) or []
            result.append(record)
        return result

    # -- cascading deletes ---------------------------------------------------

    def delete_cascade(
        self, entity_type: str, project_name: str, ids: Sequence[str]
    ) -> None:
        """Delete entities and everything below them (a folder's subtree must
        be listed in ``ids``): tasks take their workfiles (versions keep
        existing without a task), products their versions, versions their
        representations."""
        if not ids:
            return
        store = self.entities
        with self.db.transaction():
            if entity_type == "folder":
                task_ids = [
                    r[0]
                    for r in store.rows_by("task", project_name, "folder_id", ids, "id")
                ]
                self.delete_cascade("task", project_name, task_ids)
                product_ids = [
                    r[0]
                    for r in store.rows_by(
                        "product", project_name, "folder_id", ids, "id"
                    )
                ]
                self.delete_cascade("product", project_name, product_ids)
            elif entity_type == "task":
                store.delete_where("workfile", project_name, "task_id", ids)
                store.set_column_where(
                    "version", project_name, "task_id", None, "task_id", ids
                )
            elif entity_type == "product":
                version_ids = [
                    r[0]
                    for r in store.rows_by(
                        "version", project_name, "product_id", ids, "id"
                    )
                ]
                self.delete_cascade("version", project_name, version_ids)
            elif entity_type == "version":
                store.delete_where("representation", project_name, "version_id", ids)
            store.delete_where(entity_type, project_name, "id", ids)
