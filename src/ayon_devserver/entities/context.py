"""Where the entity service reads and writes.

``EntityContext`` asks the store for everything: right for a REST request,
which touches one entity. ``BatchContext`` serves a batch of operations (one
transaction): it loads what the batch refers to in a few queries up front,
answers the service's lookups from memory, keeps that memory in step with
the batch's own writes, and holds the writes back to run them together
(``executemany``). What it does not know it asks the store for, after
running the held-back writes, so the answers are always the database's.
Writes that reach beyond the entity itself (moving a subtree, cascading
deletes) run at once and make it forget what they may have changed.

It relies on what the service keeps true: a folder's path is its parent's
path and its name, and the unique keys (folder paths, task and product names
in a folder, version numbers in a product, representation names in a
version) are unique.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from ..store import Record, Store
from ..store.entities import PendingWrites, table

# entity type -> (parent column, key column): unique together
SIBLING_KEYS: dict[str, tuple[str, str]] = {
    "task": ("folder_id", "name"),
    "product": ("folder_id", "name"),
    "version": ("product_id", "version"),
    "representation": ("version_id", "name"),
}
# entity type -> ((column, entity type it refers to), ...)
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "folder": (("parent_id", "folder"),),
    "task": (("folder_id", "folder"),),
    "product": (("folder_id", "folder"),),
    "version": (("product_id", "product"), ("task_id", "task")),
    "representation": (("version_id", "version"),),
    "workfile": (("task_id", "task"),),
}
# the same, as keys of create/update bodies
BODY_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "folder": (("parentId", "folder"),),
    "task": (("folderId", "folder"),),
    "product": (("folderId", "folder"),),
    "version": (("productId", "product"), ("taskId", "task")),
    "representation": (("versionId", "version"),),
    "workfile": (("taskId", "task"),),
}
BODY_SIBLING_KEYS: dict[str, tuple[str, str]] = {
    "task": ("folderId", "name"),
    "product": ("folderId", "name"),
    "version": ("productId", "version"),
    "representation": ("versionId", "name"),
}
# what a folder holds ("has content"): entity type -> column naming the folder
CONTENT: dict[str, str] = {
    "folder": "parent_id",
    "task": "folder_id",
    "product": "folder_id",
}
_CONTENT_TABLES = {"folder": "folders", "task": "tasks", "product": "products"}
# what goes with an entity when it is deleted (besides itself)
_CASCADES = {"product": ("version", "representation"), "version": ("representation",)}

# JSON columns that an update reads from the entity (when the body has them)
UPDATE_READS = ("attrib", "data")
# (kind, entity type, entity id, body) of a batch operation
Operation = tuple[str, str, Optional[str], Optional[dict[str, Any]]]

_UNKNOWN: Any = object()
# what identifies an entity and places it: enough to refer to it, check
# that it exists, delete it
_PLACE: dict[str, tuple[str, ...]] = {
    "folder": ("id", "name", "parent_id", "path"),
    "task": ("id", "name", "folder_id"),
    "product": ("id", "name", "folder_id"),
    "version": ("id", "version", "product_id", "task_id"),
    "representation": ("id", "name", "version_id"),
    "workfile": ("id", "path", "task_id"),
}
# what an update reads from an entity besides its place and JSON columns
_COMPARED: dict[str, tuple[str, ...]] = {"folder": ("folder_type",)}
_COLUMNS = {t: table(t).columns for t in REFERENCES}
# columns whose change moves an entity in the indexes kept by BatchContext
_PLACED = {
    t: tuple(
        c
        for c in (
            *SIBLING_KEYS.get(t, ()),
            CONTENT.get(t),
            "path" if t == "folder" else None,
        )
        if c
    )
    for t in REFERENCES
}


class EntityContext:
    """Reads and writes straight through the store."""

    def __init__(self, store: Store, project_name: str) -> None:
        self.store = store
        self.project_name = project_name
        self._definitions: dict[str, dict[str, dict[str, Any]]] = {}

    def attribute_definitions(self, scope: str) -> dict[str, dict[str, Any]]:
        """``{name: data}`` of the attributes of an entity type."""
        found = self._definitions.get(scope)
        if found is None:
            found = self._definitions[scope] = {
                a["name"]: a["data"] for a in self.store.attributes.for_scope(scope)
            }
        return found

    # -- reads ---------------------------------------------------------------

    def get(self, entity_type: str, entity_id: str) -> Optional[Record]:
        """The entity (do not modify it), or None."""
        return self.store.entities.get(entity_type, self.project_name, entity_id)

    def find(self, entity_type: str, entity_id: str) -> Optional[Record]:
        """The entity, maybe with only what identifies and places it (id,
        name, parent, path; do not modify it); or None."""
        return self.get(entity_type, entity_id)

    def for_update(
        self, entity_type: str, entity_id: str, json: Iterable[str] = ()
    ) -> Optional[Record]:
        """The entity as an update needs it (do not modify it), maybe with
        only its place, type and the JSON columns named in ``json``; or
        None."""
        return self.get(entity_type, entity_id)

    def sibling_id(self, entity_type: str, parent_id: Any, key: Any) -> Optional[str]:
        """Id of the entity with this parent and name (version: number)."""
        parent_column, key_column = SIBLING_KEYS[entity_type]
        return self.store.entities.find_id(
            entity_type,
            self.project_name,
            **{parent_column: parent_id, key_column: key},
        )

    def folder_id_at(self, path: str) -> Optional[str]:
        record = self.store.hierarchy.folder_by_path(self.project_name, path)
        return None if record is None else record["id"]

    def has_versions_below(self, path: str) -> bool:
        """Whether the subtree of the folder at ``path`` holds a version."""
        return bool(self.store.hierarchy.paths_with_versions(self.project_name, [path]))

    def has_content(self, folder_id: str) -> bool:
        """Whether a folder has child folders, tasks or products."""
        return self.store.hierarchy.has_content(self.project_name, folder_id)

    def subtree_ids(self, folder: Record) -> list[str]:
        """Ids of a folder and of all its descendants."""
        return self.store.hierarchy.subtree_ids(self.project_name, folder["path"])

    # -- writes --------------------------------------------------------------

    def insert(self, entity_type: str, record: Record) -> None:
        """Insert a new entity (the context may keep ``record``)."""
        self.store.entities.insert(entity_type, record)

    def update(self, entity_type: str, current: Record, changes: Record) -> None:
        self.store.entities.update(
            entity_type, self.project_name, current["id"], changes
        )

    def move_subtree(self, folder: Record, new_path: str) -> None:
        """Re-root the paths of the descendants of ``folder`` (as it was)."""
        self.store.hierarchy.move_subtree(self.project_name, folder["path"], new_path)

    def delete(self, entity_type: str, current: Record, ids: list[str]) -> None:
        """Delete entities (``current`` and, for a folder, its subtree:
        ``ids``) and what goes with them."""
        self.store.hierarchy.delete_cascade(entity_type, self.project_name, ids)


class BatchContext(EntityContext):
    """Lookups from memory, writes held back: for one batch, inside its
    transaction. Call ``prefetch`` first, ``flush`` at the end."""

    def __init__(self, store: Store, project_name: str) -> None:
        super().__init__(store, project_name)
        self._writes = PendingWrites(store.db)
        # known entities (None: known not to exist): whole, or (loaded ahead)
        # their place (``_PLACE``), or what an update needs (``for_update``)
        self._records: dict[str, dict[str, Optional[Record]]] = {
            t: {} for t in REFERENCES
        }
        # known unique keys -> id (None: free)
        self._siblings: dict[str, dict[tuple[Any, Any], Optional[str]]] = {
            t: {} for t in SIBLING_KEYS
        }
        self._paths: dict[str, Optional[str]] = {}
        # (entity type, folder id) -> how many of them the folder holds
        self._content: dict[tuple[str, str], int] = {}

    def flush(self) -> None:
        """Run the held-back writes."""
        self._writes.flush()

    def discard(self) -> None:
        self._writes.discard()

    def _forget_all(self) -> None:
        for records in self._records.values():
            records.clear()
        for siblings in self._siblings.values():
            siblings.clear()
        self._paths.clear()
        self._content.clear()

    # -- loading ahead ------------------------------------------------------

    def prefetch(self, operations: Iterable[Operation]) -> None:
        """Load (a few queries) what the operations will look up: their
        entities and those they refer to, the unique keys they will check
        and the content of the folders they delete. Only a guess of what
        will be asked: anything else is looked up when asked."""
        wanted: dict[str, set[str]] = {t: set() for t in REFERENCES}
        updated: dict[str, set[str]] = {t: set() for t in REFERENCES}
        reads: dict[str, set[str]] = {t: set() for t in REFERENCES}
        changed: list[tuple[str, str]] = []  # updated or deleted (type, id)
        folders: list[Operation] = []  # folders created or updated
        keyed: list[Operation] = []  # other entities with keys, the same
        contents: list[str] = []  # folders deleted, renamed or moved
        for op in operations:
            kind, entity_type, entity_id, data = op
            if kind == "create":
                if entity_id:
                    wanted[entity_type].add(entity_id)
                if data and isinstance(data.get("id"), str):
                    wanted[entity_type].add(data["id"])
            elif entity_id:
                changed.append((entity_type, entity_id))
                if kind == "delete":
                    wanted[entity_type].add(entity_id)
                    if entity_type == "folder":
                        contents.append(entity_id)
                    continue
                updated[entity_type].add(entity_id)
                if data:
                    for column in UPDATE_READS:
                        if column in data:
                            reads[entity_type].add(column)
                    if entity_type == "folder" and (
                        "name" in data or "parentId" in data
                    ):
                        contents.append(entity_id)
            elif kind == "delete":
                continue
            if data:
                for key, ref_type in BODY_REFERENCES[entity_type]:
                    value = data.get(key)
                    if isinstance(value, str):
                        wanted[ref_type].add(value)
            if entity_type == "folder":
                folders.append(op)
            elif entity_type in SIBLING_KEYS:
                keyed.append(op)
        for entity_type, ids in updated.items():
            self._load(entity_type, ids, tuple(sorted(reads[entity_type])))
        for entity_type, ids in wanted.items():
            self._load(entity_type, ids)

        # what the updated and deleted entities refer to
        wanted = {t: set() for t in REFERENCES}
        for entity_type, entity_id in changed:
            record = self._records[entity_type].get(entity_id)
            if record is not None:
                for column, ref_type in REFERENCES[entity_type]:
                    value = record[column]
                    if value and value not in self._records[ref_type]:
                        wanted[ref_type].add(value)
        for entity_type, ids in wanted.items():
            self._load(entity_type, ids)

        self._prefetch_paths(folders)
        self._prefetch_siblings(keyed)
        if contents:
            for entity_type, table_name in _CONTENT_TABLES.items():
                counts = self.store.hierarchy.child_counts(
                    self.project_name, table_name, contents
                )
                for folder_id in contents:
                    self._content[entity_type, folder_id] = counts.get(folder_id, 0)

    def _load(
        self,
        entity_type: str,
        ids: Iterable[str],
        json: Optional[tuple[str, ...]] = None,
    ) -> None:
        """Load entities not known yet: their place, or (with ``json``) what
        an update needs."""
        records = self._records[entity_type]
        ids = [i for i in ids if i not in records]
        if not ids:
            return
        columns = _PLACE[entity_type]
        if json is not None:
            columns += _COMPARED.get(entity_type, ()) + json
        found = self.store.entities.get_many(
            entity_type, self.project_name, ids, columns
        )
        for entity_id in ids:
            records[entity_id] = found.get(entity_id)

    def _prefetch_paths(self, operations: list[Operation]) -> None:
        """The paths that new, renamed or moved folders will take."""
        folders = self._records["folder"]
        made: dict[str, str] = {}  # folder id -> path, as the batch goes
        candidates: set[str] = set()
        for kind, entity_type, entity_id, data in operations:
            if entity_type != "folder" or kind == "delete":
                continue
            data = data or {}
            if kind == "update":
                current = folders.get(entity_id) if entity_id else None
                if current is None or ("name" not in data and "parentId" not in data):
                    continue
                name = data.get("name") or current["name"]
                parent_id = (
                    data["parentId"] if "parentId" in data else current["parent_id"]
                )
            else:
                name = data.get("name")
                parent_id = data.get("parentId")
                entity_id = entity_id or data.get("id")
            if not isinstance(name, str):
                continue
            parent_path: Optional[str] = ""
            if parent_id:
                parent_path = made.get(parent_id)
                if parent_path is None:
                    parent = (
                        folders.get(parent_id) if isinstance(parent_id, str) else None
                    )
                    if parent is None:
                        continue
                    parent_path = parent["path"]
            path = f"{parent_path}/{name}"
            candidates.add(path)
            if isinstance(entity_id, str):
                made[entity_id] = path
        candidates -= self._paths.keys()
        if candidates:
            found = self.store.hierarchy.folder_ids_by_path(
                self.project_name, candidates
            )
            for path in candidates:
                self._paths[path] = found.get(path)

    def _prefetch_siblings(self, operations: list[Operation]) -> None:
        """The unique keys that new or changed entities will check."""
        wanted: dict[str, set[tuple[Any, Any]]] = {t: set() for t in SIBLING_KEYS}
        for kind, entity_type, entity_id, data in operations:
            if entity_type not in SIBLING_KEYS or kind == "delete":
                continue
            data = data or {}
            parent_key, key_key = BODY_SIBLING_KEYS[entity_type]
            parent, key = data.get(parent_key), data.get(key_key)
            if kind == "update":
                current = (
                    self._records[entity_type].get(entity_id) if entity_id else None
                )
                if current is None or (parent is None and key is None):
                    continue
                parent_column, key_column = SIBLING_KEYS[entity_type]
                parent = parent or current[parent_column]
                key = current[key_column] if key is None else key
            if not isinstance(parent, str):
                continue
            if entity_type == "version":
                if not isinstance(key, int) or isinstance(key, bool):
                    continue
            elif not isinstance(key, str):
                continue
            wanted[entity_type].add((parent, key))
        for entity_type, keys in wanted.items():
            siblings = self._siblings[entity_type]
            keys = {k for k in keys if k not in siblings}
            if not keys:
                continue
            parent_column, key_column = SIBLING_KEYS[entity_type]
            found = self.store.entities.find_ids(
                entity_type, self.project_name, parent_column, key_column, keys
            )
            for k in keys:
                siblings[k] = found.get(k)

    # -- reads ---------------------------------------------------------------

    def get(self, entity_type: str, entity_id: str) -> Optional[Record]:
        record = self._records[entity_type].get(entity_id, _UNKNOWN)
        if record is None:
            return None
        if record is not _UNKNOWN and all(c in record for c in _COLUMNS[entity_type]):
            return record
        return self._reload(entity_type, entity_id)

    def find(self, entity_type: str, entity_id: str) -> Optional[Record]:
        record = self._records[entity_type].get(entity_id, _UNKNOWN)
        if record is _UNKNOWN:
            return self._reload(entity_type, entity_id)
        return record

    def for_update(
        self, entity_type: str, entity_id: str, json: Iterable[str] = ()
    ) -> Optional[Record]:
        record = self._records[entity_type].get(entity_id, _UNKNOWN)
        if record is None:
            return None
        if record is not _UNKNOWN:
            for column in _COMPARED.get(entity_type, ()):
                if column not in record:
                    break
            else:
                for column in json:
                    if column not in record:
                        break
                else:
                    return record
        return self._reload(entity_type, entity_id)

    def _reload(self, entity_type: str, entity_id: str) -> Optional[Record]:
        """The whole entity from the database (after the held-back writes)."""
        self.flush()
        record = self._records[entity_type][entity_id] = super().get(
            entity_type, entity_id
        )
        return record

    def sibling_id(self, entity_type: str, parent_id: Any, key: Any) -> Optional[str]:
        siblings = self._siblings[entity_type]
        try:
            return siblings[parent_id, key]
        except KeyError:
            pass
        self.flush()
        found = super().sibling_id(entity_type, parent_id, key)
        siblings[parent_id, key] = found
        return found

    def folder_id_at(self, path: str) -> Optional[str]:
        try:
            return self._paths[path]
        except KeyError:
            pass
        self.flush()
        found = self._paths[path] = super().folder_id_at(path)
        return found

    def has_versions_below(self, path: str) -> bool:
        self.flush()
        return super().has_versions_below(path)

    def has_content(self, folder_id: str) -> bool:
        counts = [self._content.get((t, folder_id)) for t in CONTENT]
        if None in counts:
            self.flush()
            return super().has_content(folder_id)
        return any(counts)

    def subtree_ids(self, folder: Record) -> list[str]:
        if self._content.get(("folder", folder["id"])) == 0:
            return [folder["id"]]  # no child folders: no descendants
        self.flush()
        return super().subtree_ids(folder)

    # -- writes --------------------------------------------------------------

    def _index(self, entity_type: str, record: Record) -> None:
        """Note the unique keys and the place of a new (or changed) entity."""
        entity_id = record["id"]
        keys = SIBLING_KEYS.get(entity_type)
        if keys is not None:
            self._siblings[entity_type][record[keys[0]], record[keys[1]]] = entity_id
        elif entity_type == "folder":
            self._paths[record["path"]] = entity_id
        column = CONTENT.get(entity_type)
        if column is not None:
            place = (entity_type, record[column])
            count = self._content.get(place)
            if count is not None:
                self._content[place] = count + 1

    def _unindex(self, entity_type: str, record: Record) -> None:
        """Free the unique keys and the place of a deleted (or changed)
        entity."""
        keys = SIBLING_KEYS.get(entity_type)
        if keys is not None:
            self._siblings[entity_type][record[keys[0]], record[keys[1]]] = None
        elif entity_type == "folder":
            self._paths[record["path"]] = None
        column = CONTENT.get(entity_type)
        if column is not None:
            place = (entity_type, record[column])
            count = self._content.get(place)
            if count is not None:
                self._content[place] = count - 1

    def insert(self, entity_type: str, record: Record) -> None:
        self._writes.insert(entity_type, record)
        if "active" in record:  # as the database gives it back
            record["active"] = bool(record["active"])
        self._records[entity_type][record["id"]] = record
        self._index(entity_type, record)

    def update(self, entity_type: str, current: Record, changes: Record) -> None:
        self._writes.update(entity_type, self.project_name, current["id"], changes)
        stored = {**current, **changes}
        if "active" in changes:
            stored["active"] = bool(stored["active"])
        self._records[entity_type][current["id"]] = stored
        for column in _PLACED[entity_type]:
            if column in changes and changes[column] != current[column]:
                self._unindex(entity_type, current)
                self._index(entity_type, stored)
                break

    def move_subtree(self, folder: Record, new_path: str) -> None:
        if self._content.get(("folder", folder["id"])) == 0:
            return  # no child folders: no descendants
        self.flush()
        super().move_subtree(folder, new_path)
        self._records["folder"].clear()
        self._paths.clear()

    def delete(self, entity_type: str, current: Record, ids: list[str]) -> None:
        entity_id = current["id"]
        writes, project_name = self._writes, self.project_name
        if entity_type == "folder":
            if not (
                ids == [entity_id]
                and self._content.get(("task", entity_id)) == 0
                and self._content.get(("product", entity_id)) == 0
            ):
                self.flush()
                super().delete(entity_type, current, ids)
                self._forget_all()
                return
            writes.delete_where("folder", project_name, "id", entity_id)
        elif entity_type == "task":
            # its workfiles go, its versions stay without a task
            writes.delete_where("workfile", project_name, "task_id", entity_id)
            writes.set_column_where(
                "version", project_name, "task_id", None, "task_id", entity_id
            )
            writes.delete_where("task", project_name, "id", entity_id)
            self._records["workfile"].clear()
            self._records["version"].clear()
        elif entity_type in _CASCADES:
            self.flush()
            super().delete(entity_type, current, ids)
            for below in _CASCADES[entity_type]:
                self._records[below].clear()
                self._siblings[below].clear()
        else:
            writes.delete_where(entity_type, project_name, "id", entity_id)
        self._records[entity_type][entity_id] = None
        self._unindex(entity_type, current)
