"""Per-request batching for entity nodes (dataloader style, synchronous).

Resolvers run one row at a time, so lookups are batched by *what the
request has built so far*: the first time a row's parent (or children, or
counts) is needed, it is fetched for every node of that type built in the
request, in one query. A page of 300 representations asking for their
versions costs one query for the versions, one for their products...
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any, Callable, Optional

from ..entities.attrib import Inheritance
from ..store import ProjectRecord, Store
from ..store.paging import Page

Rows = dict[str, list[sqlite3.Row]]


class Batch:
    """Values by key, fetched together: keys registered with ``want`` are
    loaded with the first ``get`` that misses."""

    def __init__(self, fetch: Callable[[list[Any]], Mapping[Any, Any]]) -> None:
        self._fetch = fetch
        self._pending: set[Any] = set()
        self._loaded: dict[Any, Any] = {}

    def want(self, key: Any) -> None:
        if key is not None and key not in self._loaded:
            self._pending.add(key)

    def get(self, key: Any) -> Any:
        if key is None:
            return None
        if key not in self._loaded:
            self._pending.add(key)
            keys = list(self._pending)
            self._pending.clear()
            found = self._fetch(keys)
            for k in keys:
                self._loaded[k] = found.get(k)
        return self._loaded[key]


def page_of(
    rows: list[sqlite3.Row],
    first: Optional[int] = None,
    after: Any = None,
    last: Optional[int] = None,
    before: Any = None,
) -> Page:
    """Keyset paging (by ``seq``) of rows already in memory, with the
    semantics of ``store.paging.fetch_page``."""
    if after is not None:
        rows = [r for r in rows if r["seq"] > after]
    if before is not None:
        rows = [r for r in rows if r["seq"] < before]
    if last is not None and first is None:
        newest_first = rows[::-1]
        return Page(
            newest_first[:last],
            has_next=before is not None,
            has_previous=len(newest_first) > last,
        )
    page = Page(rows, has_previous=after is not None)
    if first is not None and len(rows) > first:
        page.rows, page.has_next = rows[:first], True
    if first is not None and last is not None and len(page.rows) > last:
        page.rows, page.has_previous = page.rows[len(page.rows) - last :], True
    return page


class ProjectData:
    """Batches and caches of one project within one GraphQL request."""

    def __init__(self, store: Store, project: ProjectRecord) -> None:
        self.store = store
        self.project = project
        self.name = project.name
        self.nodes: dict[tuple[str, str], dict[str, Any]] = {}
        self.built: dict[str, list[str]] = {}
        self.rows: dict[str, Batch] = {}
        self._children: dict[tuple[str, str, str], dict[str, list[sqlite3.Row]]] = {}
        self._counts: dict[str, dict[str, int]] = {}
        self._raw_attrib: dict[str, str] = {}
        self._attrib_paths: set[str] = set()
        self._with_versions: Optional[set[str]] = None
        self.inheritance = Inheritance(
            project.attrib, store.attributes.for_scope("folder"), self._own_by_path
        )

    # -- rows by id ----------------------------------------------------------

    def batch(self, entity_type: str) -> Batch:
        batch = self.rows.get(entity_type)
        if batch is None:
            batch = self.rows[entity_type] = Batch(
                lambda ids: self._fetch_rows(entity_type, ids)
            )
        return batch

    def _fetch_rows(self, entity_type: str, ids: list[str]) -> dict[str, sqlite3.Row]:
        rows = self.store.entities.rows_by(entity_type, self.name, "id", ids)
        if entity_type == "folder":  # their attribs may be needed together
            for row in rows:
                self.folder_attrib_source(row["path"], row["attrib"])
        return {r["id"]: r for r in rows}

    def built_node(
        self, entity_type: str, entity_id: str, node: dict[str, Any]
    ) -> None:
        self.nodes[(entity_type, entity_id)] = node
        self.built.setdefault(entity_type, []).append(entity_id)

    # -- children of built nodes --------------------------------------------

    def children(
        self,
        child_type: str,
        parent_arg: str,
        parent_type: str,
        parent_id: str,
        args: Mapping[str, Any],
        candidates: Optional[Iterable[str]] = None,
    ) -> list[sqlite3.Row]:
        """Rows of ``child_type`` whose parent (``parent_arg``: the listing
        argument, e.g. ``folderIds``) is ``parent_id``, filtered by ``args``;
        fetched at once for all built ``parent_type`` nodes (or for the
        ``candidates`` parent ids)."""
        key = (child_type, parent_arg, json.dumps(args, sort_keys=True, default=str))
        loaded = self._children.setdefault(key, {})
        if parent_id not in loaded:
            if candidates is None:
                candidates = self.built.get(parent_type, [])
            ids = [i for i in candidates if i not in loaded]
            if parent_id not in ids:
                ids.append(parent_id)
            column = {
                "folderIds": "folder_id",
                "productIds": "product_id",
                "versionIds": "version_id",
                "taskIds": "task_id",
                "parentIds": "parent_id",
            }[parent_arg]
            for i in ids:
                loaded[i] = []
            rows = self.store.listing.rows(
                child_type, self.name, {**args, parent_arg: ids}
            )
            for row in rows:
                loaded.setdefault(row[column], []).append(row)
        return loaded[parent_id]

    def count(self, kind: str, folder_id: str) -> int:
        """Child folders / tasks / products of a built folder."""
        counts = self._counts.setdefault(kind, {})
        if folder_id not in counts:
            ids = [i for i in self.built.get("folder", []) if i not in counts]
            if folder_id not in ids:
                ids.append(folder_id)
            found = self.store.hierarchy.child_counts(self.name, kind, ids)
            for i in ids:
                counts[i] = found.get(i, 0)
        return counts[folder_id]

    def has_versions(self, path: str) -> bool:
        if self._with_versions is None:
            self._with_versions = self.store.hierarchy.folder_paths_with_versions(
                self.name
            )
        return path in self._with_versions

    # -- attributes ----------------------------------------------------------

    def folder_attrib_source(self, path: str, raw_attrib: str) -> None:
        """A built folder's own attribs, so ancestors need no query."""
        if not self.inheritance.knows(path):
            self._raw_attrib.setdefault(path, raw_attrib)
            self._attrib_paths.add(path)

    def _own_by_path(self, paths: Iterable[str]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        missing = []
        for path in paths:
            raw = self._raw_attrib.get(path)
            if raw is None:
                missing.append(path)
            else:
                result[path] = {} if raw == "{}" else json.loads(raw)
        if missing:
            result.update(self.store.hierarchy.own_attrib_by_path(self.name, missing))
        return result

    def prime_attribs(self) -> None:
        if self._attrib_paths:
            paths, self._attrib_paths = self._attrib_paths, set()
            self.inheritance.prime(paths)
