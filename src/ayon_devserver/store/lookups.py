"""Search queries of the real server's lookup endpoints: representation ids
by their ``data.context`` (``repreContextFilter``), folder ids by text and
query filters (``folders/search``), and a project's name in any letter case
(URI resolution)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Optional

from ..errors import BadRequest
from .db import Database, dumps
from .filters import filter_condition
from .paging import in_clause

Filter = Mapping[str, Any]


def _json_path(keys: Sequence[str]) -> str:
    """``$."context"."folder"."name"`` for ``["context", "folder", "name"]``."""
    for key in keys:
        if not key or '"' in key or "\\" in key:
            raise BadRequest(f"Invalid key: {'.'.join(keys)!r}")
    return "$" + "".join(f'."{k}"' for k in keys)


def _json_text(column: str) -> str:
    """SQL: the value at a JSON path (2 parameters: the path twice) as the
    text PostgreSQL's ``->>`` gives (``true``/``false``, numbers, JSON of
    objects and lists; NULL when missing or null)."""
    return (
        f"CASE json_type({column}, ?) WHEN 'true' THEN 'true' WHEN 'false'"
        f" THEN 'false' ELSE CAST(json_extract({column}, ?) AS TEXT) END"
    )


def _like(text: str, prefix_only: bool = False) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix_only else f"%{escaped}%"


def _any_like(columns: Sequence[str], pattern: str) -> tuple[str, list[Any]]:
    """SQL: one of ``columns`` is LIKE ``pattern`` (case-insensitive)."""
    sql = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)
    return f"({sql})", [pattern] * len(columns)


class LookupStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def project_name(self, name: str) -> Optional[str]:
        """The name of the project called ``name`` in any letter case."""
        row = (
            self.db.read()
            .execute("SELECT name FROM projects WHERE lower(name) = lower(?)", (name,))
            .fetchone()
        )
        return None if row is None else str(row[0])

    def representation_ids_by_context(
        self,
        project_name: str,
        context: Sequence[tuple[str, Sequence[str]]],
        names: Sequence[str] = (),
        version_ids: Sequence[str] = (),
        limit: Optional[int] = None,
    ) -> list[str]:
        """Ids (creation order) of the representations whose ``data.context``
        value at each dotted key matches one of its regular expressions
        (``re.search``), optionally among ``names`` and ``version_ids``."""
        where = ["project_name = ?"]
        params: list[Any] = [project_name]
        for column, values in (("name", names), ("version_id", version_ids)):
            if values:
                sql, values_param = in_clause(column, list(values))
                where.append(sql)
                params += values_param
        for key, patterns in context:
            path = _json_path(["context", *key.split(".")])
            where.append(
                "EXISTS (SELECT 1 FROM json_each(?) AS p WHERE"
                f" regexp(p.value, {_json_text('data')}))"
            )
            params += [dumps(list(patterns)), path, path]
        sql = f"SELECT id FROM representations WHERE {' AND '.join(where)} ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [r[0] for r in self.db.read().execute(sql, params)]

    def search_folder_ids(
        self,
        project_name: str,
        *,
        folder_filter: Optional[Filter] = None,
        folder_terms: Sequence[str] = (),
        task_filter: Optional[Filter] = None,
        task_terms: Sequence[str] = (),
        terms: Sequence[str] = (),
    ) -> list[str]:
        """Ids (creation order) of the folders that match every given part:

        - ``folder_filter``: a query filter on the folder;
        - ``folder_terms``: each in the folder's name, label or path;
        - ``task_filter``/``task_terms``: the folder has a task matching the
          filter whose name, label or type starts with each term (or whose
          folder path holds it), as the real server's task search;
        - ``terms``: each in the folder's name, label or path, or in the name
          or label of one of its tasks.

        Text matching ignores ASCII letter case.
        """
        where = ["f.project_name = ?"]
        params: list[Any] = [project_name]

        def add(sql: str, values: Sequence[Any]) -> None:
            where.append(sql)
            params.extend(values)

        folder_columns = ("f.name", "f.label", "f.path")
        if folder_filter is not None:
            add(*filter_condition("folder", "f", dict(folder_filter)))
        for term in folder_terms:
            add(*_any_like(folder_columns, _like(term)))
        in_folder = "t.project_name = f.project_name AND t.folder_id = f.id"
        if task_filter is not None or task_terms:
            task_where = [in_folder]
            task_params: list[Any] = []
            if task_filter is not None:
                sql, values = filter_condition("task", "t", dict(task_filter))
                task_where.append(sql)
                task_params += values
            for term in task_terms:
                prefix_sql, prefix = _any_like(
                    ("t.name", "t.label", "t.task_type"), _like(term, True)
                )
                path_sql, path = _any_like(("f.path",), _like(term))
                task_where.append(f"({prefix_sql} OR {path_sql})")
                task_params += prefix + path
            add(
                f"EXISTS (SELECT 1 FROM tasks t WHERE {' AND '.join(task_where)})",
                task_params,
            )
        for term in terms:
            folder_sql, folder_params = _any_like(folder_columns, _like(term))
            task_sql, task_params = _any_like(("t.name", "t.label"), _like(term))
            add(
                f"({folder_sql} OR EXISTS (SELECT 1 FROM tasks t WHERE {in_folder}"
                f" AND {task_sql}))",
                folder_params + task_params,
            )
        rows = self.db.read().execute(
            f"SELECT f.id FROM folders f WHERE {' AND '.join(where)} ORDER BY f.seq",
            params,
        )
        return [r[0] for r in rows]
