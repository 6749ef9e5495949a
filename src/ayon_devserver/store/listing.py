"""Filtered, paged entity lists: the GraphQL connection arguments of the real
server (``ids``, ``folderIds``, ``latestOnly`` ...) turned into SQL.

``EntityQuery(entity_type, project, args)`` takes the arguments by their
GraphQL names; unknown or ``None`` arguments are ignored. Rows come back in
creation order (``seq``), the order and cursor of the real server.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Optional

from .db import Database, dumps
from .entities import table
from .filters import filter_condition
from .paging import Page, fetch_page, in_clause

Args = Mapping[str, Any]
Where = tuple[list[str], list[Any]]


def _all_of(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """JSON list ``column`` contains every one of ``values``."""
    return (
        "NOT EXISTS (SELECT 1 FROM json_each(?) AS w WHERE w.value NOT IN"
        f" (SELECT value FROM json_each({column})))",
        [dumps(list(values))],
    )


def _any_of(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """JSON list ``column`` contains at least one of ``values``."""
    return (
        f"EXISTS (SELECT 1 FROM json_each({column}) AS h WHERE h.value IN"
        " (SELECT value FROM json_each(?)))",
        [dumps(list(values))],
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _folder_subtree_ids(alias: str) -> str:
    """SQL: ids of the folders at or below the folders whose ids are in a
    JSON parameter (parameters: the JSON ids, the project name)."""
    return (
        f"SELECT {alias}.id FROM folders {alias} JOIN folders a"
        f" ON a.project_name = {alias}.project_name"
        " AND a.id IN (SELECT value FROM json_each(?))"
        f" AND ({alias}.path = a.path OR ({alias}.path > a.path || '/'"
        f" AND {alias}.path < a.path || '0'))"
        f" WHERE {alias}.project_name = ?"
    )


class _Builder:
    def __init__(self, entity_type: str, project_name: str) -> None:
        self.table = table(entity_type).name
        self.project_name = project_name
        self.where: list[str] = ["project_name = ?"]
        self.params: list[Any] = [project_name]

    def add(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.where.append(sql)
        self.params.extend(params)

    def within(self, column: str, values: Optional[Sequence[Any]]) -> None:
        if values is not None:
            self.add(*in_clause(column, list(values)))

    def folder_ids(self, column: str, ids: Sequence[str], with_children: bool) -> None:
        if not with_children:
            self.within(column, ids)
            return
        self.add(
            f"{column} IN ({_folder_subtree_ids('s')})",
            [dumps(list(ids)), self.project_name],
        )

    def search(self, columns: Sequence[str], text: Optional[str]) -> None:
        if text:
            pattern = _like(text)
            self.add(
                "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")",
                [pattern] * len(columns),
            )

    def no_links(self, has_links: Optional[str]) -> None:
        # Links are not stored yet: nothing has links.
        if has_links not in (None, "NONE"):
            self.add("0")


def _common(b: _Builder, args: Args, entity_type: str) -> None:
    b.within("id", args.get("ids"))
    b.within("status", args.get("statuses"))
    if args.get("tags") is not None:
        b.add(*_all_of(f"{b.table}.tags", args["tags"]))
    if args.get("tagsAny") is not None:
        b.add(*_any_of(f"{b.table}.tags", args["tagsAny"]))
    b.no_links(args.get("hasLinks"))
    for item in args.get("attributes") or ():
        b.add(
            f"CAST(json_extract({b.table}.attrib, ?) AS TEXT) IN"
            " (SELECT value FROM json_each(?))",
            [f'$."{item["name"]}"', dumps(list(item["values"]))],
        )
    if args.get("filter"):
        b.add(*filter_condition(entity_type, b.table, args["filter"]))


def _exists(sql: str, flag: Optional[bool]) -> Optional[str]:
    if flag is None:
        return None
    return f"{'' if flag else 'NOT '}EXISTS ({sql})"


def _folders(b: _Builder, args: Args) -> None:
    if args.get("ids") is not None and args.get("includeFolderChildren"):
        b.folder_ids("folders.id", args["ids"], True)
        args = {**args, "ids": None}
    _common(b, args, "folder")
    parent_ids = list(args.get("parentIds") or [])
    if args.get("parentId") is not None:
        parent_ids.append(args["parentId"])
    if args.get("parentIds") is not None or args.get("parentId") is not None:
        roots = "root" in parent_ids or "" in parent_ids
        sql, params = in_clause("parent_id", [p for p in parent_ids if p])
        b.add(f"({sql}{' OR parent_id IS NULL' if roots else ''})", params)
    names = list(args.get("names") or [])
    if args.get("name") is not None:
        names.append(args["name"])
    if args.get("names") is not None or args.get("name") is not None:
        b.within("name", names)
    if args.get("paths") is not None:
        b.within("path", ["/" + str(p).strip("/") for p in args["paths"]])
    if args.get("pathEx"):
        b.add("regexp(?, substr(folders.path, 2))", [args["pathEx"]])
    b.within("folder_type", args.get("folderTypes"))
    if args.get("assignees") is not None:
        sql, params = _all_of("t.assignees", args["assignees"])
        b.add(
            "EXISTS (SELECT 1 FROM tasks t WHERE t.project_name = folders.project_name"
            f" AND t.folder_id = folders.id AND {sql})",
            params,
        )
    for arg, sql in (
        (
            "hasChildren",
            "SELECT 1 FROM folders c WHERE c.project_name ="
            " folders.project_name AND c.parent_id = folders.id",
        ),
        (
            "hasTasks",
            "SELECT 1 FROM tasks t WHERE t.project_name ="
            " folders.project_name AND t.folder_id = folders.id",
        ),
        (
            "hasProducts",
            "SELECT 1 FROM products p WHERE p.project_name ="
            " folders.project_name AND p.folder_id = folders.id",
        ),
    ):
        condition = _exists(sql, args.get(arg))
        if condition:
            b.add(condition)
    b.search(("folders.name", "folders.label", "folders.path"), args.get("search"))


def _tasks(b: _Builder, args: Args) -> None:
    _common(b, args, "task")
    if args.get("folderIds") is not None:
        b.folder_ids(
            "tasks.folder_id",
            args["folderIds"],
            bool(args.get("includeFolderChildren")),
        )
    b.within("name", args.get("names"))
    b.within("task_type", args.get("taskTypes"))
    if args.get("assignees") is not None:
        b.add(*_all_of("tasks.assignees", args["assignees"]))
    if args.get("assigneesAny") is not None:
        b.add(*_any_of("tasks.assignees", args["assigneesAny"]))
    b.search(("tasks.name", "tasks.label", "tasks.task_type"), args.get("search"))


def _folder_path_sql(table_name: str) -> str:
    return (
        "(SELECT substr(f.path, 2) FROM folders f WHERE f.project_name ="
        f" {table_name}.project_name AND f.id = {table_name}.folder_id)"
    )


def _products(b: _Builder, args: Args) -> None:
    _common(b, args, "product")
    if args.get("folderIds") is not None:
        b.folder_ids(
            "products.folder_id",
            args["folderIds"],
            bool(args.get("includeFolderChildren")),
        )
    b.within("name", args.get("names"))
    if args.get("namesCi") is not None:
        b.within("lower(name)", [str(n).lower() for n in args["namesCi"]])
    if args.get("nameEx"):
        b.add("regexp(?, products.name)", [args["nameEx"]])
    if args.get("pathEx"):
        b.add(
            f"regexp(?, {_folder_path_sql('products')} || '/' || products.name)",
            [args["pathEx"]],
        )
    b.within("product_type", args.get("productTypes"))
    b.within("coalesce(product_base_type, product_type)", args.get("productBaseTypes"))
    b.search(("products.name", "products.product_type"), args.get("search"))


_LATEST = (
    "versions.version = (SELECT max(l.version) FROM versions l WHERE"
    " l.project_name = versions.project_name AND l.product_id = versions.product_id"
    " AND l.version >= 0)"
)
_HAS_HERO = (
    "EXISTS (SELECT 1 FROM versions h WHERE h.project_name = versions.project_name"
    " AND h.product_id = versions.product_id AND h.version < 0)"
)


def _versions(b: _Builder, args: Args) -> None:
    _common(b, args, "version")
    numbers = list(args.get("versions") or [])
    if args.get("version") is not None:
        numbers.append(args["version"])
    if args.get("versions") is not None or args.get("version") is not None:
        b.within("version", numbers)
    b.within("product_id", args.get("productIds"))
    b.within("task_id", args.get("taskIds"))
    b.within("author", args.get("authors"))
    if args.get("folderIds") is not None:
        folder_ids = _Builder("product", b.project_name)
        folder_ids.folder_ids(
            "products.folder_id",
            args["folderIds"],
            bool(args.get("includeFolderChildren")),
        )
        b.add(
            "product_id IN (SELECT id FROM products WHERE "
            + " AND ".join(f"({c})" for c in folder_ids.where)
            + ")",
            folder_ids.params,
        )
    if args.get("heroOnly"):
        b.add("versions.version < 0")
    if args.get("latestOnly"):
        b.add(_LATEST)
    if args.get("heroOrLatestOnly"):
        b.add(f"(versions.version < 0 OR ({_LATEST} AND NOT {_HAS_HERO}))")
    if args.get("hasReviewables"):
        b.add("0")  # reviewables are not stored yet
    b.search(("versions.author", "CAST(versions.version AS TEXT)"), args.get("search"))


def _representations(b: _Builder, args: Args) -> None:
    _common(b, args, "representation")
    b.within("version_id", args.get("versionIds"))
    b.within("name", args.get("names"))
    b.search(("representations.name",), args.get("search"))


def _workfiles(b: _Builder, args: Args) -> None:
    _common(b, args, "workfile")
    b.within("task_id", args.get("taskIds"))
    b.within("path", args.get("paths"))
    if args.get("pathEx"):
        b.add("regexp(?, workfiles.path)", [args["pathEx"]])
    b.search(("workfiles.path",), args.get("search"))


_FILTERS: dict[str, Callable[[_Builder, Args], None]] = {
    "folder": _folders,
    "task": _tasks,
    "product": _products,
    "version": _versions,
    "representation": _representations,
    "workfile": _workfiles,
}


class ListingStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def where(self, entity_type: str, project_name: str, args: Args) -> Where:
        builder = _Builder(entity_type, project_name)
        _FILTERS[entity_type](builder, args)
        return builder.where, builder.params

    def page(
        self,
        entity_type: str,
        project_name: str,
        args: Args,
        *,
        first: Optional[int] = None,
        after: Any = None,
        last: Optional[int] = None,
        before: Any = None,
    ) -> Page:
        where, params = self.where(entity_type, project_name, args)
        return fetch_page(
            self.db.read(),
            table(entity_type).name,
            "seq",
            where,
            params,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    def rows(
        self, entity_type: str, project_name: str, args: Args
    ) -> list[sqlite3.Row]:
        """Every matching row, creation order."""
        return self.page(entity_type, project_name, args).rows
