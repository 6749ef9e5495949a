"""Create, update and delete project entities: the ONE implementation used by
the REST endpoints and by batch operations.

Validation follows the real server: names and ids by pattern (400
``invalid_data``); a type, status or parent that does not exist is a
foreign-key violation (409); duplicates are unique violations (409, the
detail names the duplicate); missing targets of update/delete are 404.
Callers run each request (or batch) inside ``store.transaction()``. Reads
and writes go through an ``EntityContext``: straight to the store for a REST
request, a ``BatchContext`` (lookups from memory, writes held back) for a
batch of operations.
"""

from __future__ import annotations

import posixpath
import re
import uuid
from typing import Any, Optional

from ..errors import Conflict, Forbidden, InvalidData, NotFound
from ..store import ProjectRecord, Record, Store, UserRecord
from ..store.db import utcnow
from ..util import merge_patch
from . import folders as folder_rules
from .attrib import clean_attrib, merge_attrib
from .conflicts import duplicate, not_present
from .context import UPDATE_READS, EntityContext
from .models import ID_REGEX, validate_patch, validate_post

# body key -> column, per entity type (common keys are handled apart)
FIELDS: dict[str, dict[str, str]] = {
    "folder": {
        "name": "name",
        "label": "label",
        "folderType": "folder_type",
        "parentId": "parent_id",
        "thumbnailId": "thumbnail_id",
    },
    "task": {
        "name": "name",
        "label": "label",
        "taskType": "task_type",
        "folderId": "folder_id",
        "assignees": "assignees",
        "thumbnailId": "thumbnail_id",
    },
    "product": {
        "name": "name",
        "folderId": "folder_id",
        "productType": "product_type",
        "productBaseType": "product_base_type",
    },
    "version": {
        "version": "version",
        "productId": "product_id",
        "taskId": "task_id",
        "author": "author",
        "thumbnailId": "thumbnail_id",
    },
    "representation": {
        "name": "name",
        "versionId": "version_id",
        "files": "files",
        "traits": "traits",
    },
    "workfile": {"path": "path", "taskId": "task_id", "thumbnailId": "thumbnail_id"},
}
NULLABLE = frozenset(
    {"label", "parent_id", "thumbnail_id", "task_id", "traits", "product_base_type"}
)
_ID_RE = re.compile(ID_REGEX)


def new_id() -> str:
    return uuid.uuid1().hex


def _found(record: Optional[Record], entity_id: str) -> Record:
    if record is None:
        raise NotFound(f"Entity {entity_id} not found")
    return record


def _merged(record: Record, current: Optional[Record]) -> Record:
    """The entity as it will be (read it only: may be ``record`` itself)."""
    return record if current is None else {**current, **record}


class EntityService:
    def __init__(
        self,
        store: Store,
        project: ProjectRecord,
        user: UserRecord,
        context: Optional[EntityContext] = None,
    ) -> None:
        self.store = store
        self.project = project
        self.user = user
        self.ctx = context or EntityContext(store, project.name)
        # names of the project's statuses and types, default statuses
        self._names: dict[str, frozenset[str]] = {}
        self._default_status: dict[str, str] = {}
        self._prepare = {
            entity_type: getattr(self, f"_prepare_{entity_type}")
            for entity_type in FIELDS
        }

    # -- lookups -------------------------------------------------------------

    def get(self, entity_type: str, entity_id: str) -> Optional[Record]:
        return self.ctx.get(entity_type, entity_id)

    def require(self, entity_type: str, entity_id: str) -> Record:
        return _found(self.ctx.get(entity_type, entity_id), entity_id)

    def parent(self, entity_type: str, column: str, entity_id: str) -> Record:
        """A referenced entity (maybe only what identifies and places it:
        id, name, parent, path); 409 when missing (foreign key)."""
        record = self.ctx.find(entity_type, entity_id)
        if record is None:
            raise not_present(column, entity_id, f"{entity_type}s")
        return record

    def default_status(self, entity_type: str) -> str:
        found = self._default_status.get(entity_type)
        if found is not None:
            return found
        statuses = self.project.statuses
        for status in statuses:
            scope = status.get("scope")
            if scope is None or entity_type in scope:
                found = str(status["name"])
                break
        else:
            if not statuses:
                raise Conflict("No default status available")
            found = str(statuses[0]["name"])
        self._default_status[entity_type] = found
        return found

    def _known(self, kind: str) -> frozenset[str]:
        names = self._names.get(kind)
        if names is None:
            items = {
                "status": self.project.statuses,
                "folder_type": self.project.folder_types,
                "task_type": self.project.task_types,
            }[kind]
            names = self._names[kind] = frozenset(i["name"] for i in items)
        return names

    def check_status(self, status: str) -> str:
        if status not in self._known("status"):
            raise not_present("status", status, "statuses")
        return status

    def check_type(self, kind: str, value: str) -> str:
        if value not in self._known(kind):
            raise not_present(kind, value, f"{kind}s")
        return value

    # -- create --------------------------------------------------------------

    def create(
        self, entity_type: str, data: Any, entity_id: Optional[str] = None
    ) -> str:
        values = validate_post(entity_type, data)
        eid = entity_id or values.get("id") or new_id()
        if not _ID_RE.match(str(eid)):
            raise InvalidData(f"Invalid data provided: id {eid!r} is not a 32-hex id")
        if self.ctx.find(entity_type, eid) is not None:
            raise duplicate(
                f"{entity_type.capitalize()} with id '{eid}' already exists."
            )
        now = utcnow()
        record: Record = {
            "project_name": self.project.name,
            "id": eid,
            "attrib": self._attrib(entity_type, values.get("attrib")),
            "data": values.get("data") or {},
            "active": values.get("active", True),
            "status": self.check_status(values["status"])
            if values.get("status")
            else self.default_status(entity_type),
            "tags": values.get("tags") or [],
            "created_at": now,
            "updated_at": now,
            "created_by": values.get("createdBy") or self.user.name,
            "updated_by": values.get("updatedBy")
            or values.get("createdBy")
            or self.user.name,
        }
        for key, column in FIELDS[entity_type].items():
            record[column] = values.get(key)
        self._prepare[entity_type](record, None)
        self.ctx.insert(entity_type, record)
        return eid

    def _attrib(
        self,
        entity_type: str,
        values: Optional[dict[str, Any]],
        keep_none: bool = False,
    ) -> dict[str, Any]:
        if not values:
            return {}
        definitions = self.ctx.attribute_definitions(entity_type)
        cleaned = clean_attrib(definitions, values, keep_none=keep_none)
        return cleaned if keep_none else dict(sorted(cleaned.items()))

    # -- per type checks (new record, or changes with the current record) ---

    def _prepare_folder(self, record: Record, current: Optional[Record]) -> None:
        folder_rules.prepare(self, record, current)

    def _prepare_task(self, record: Record, current: Optional[Record]) -> None:
        merged = _merged(record, current)
        if "task_type" in record:
            self.check_type("task_type", record["task_type"])
        if "assignees" in record and record["assignees"] is None:
            record["assignees"] = []
        if not merged.get("folder_id"):
            raise InvalidData("Invalid data provided: folderId is required")
        folder = self.parent("folder", "folder_id", merged["folder_id"])
        if current is None or {"name", "folder_id"} & set(record):
            other = self.ctx.sibling_id("task", folder["id"], merged["name"])
            if other is not None and other != merged["id"]:
                raise duplicate(
                    f"Task with name '{merged['name']}' already exists in folder "
                    f"{folder['path']}."
                )

    def _prepare_product(self, record: Record, current: Optional[Record]) -> None:
        merged = _merged(record, current)
        folder = self.parent("folder", "folder_id", merged["folder_id"])
        if current is None and not record.get("product_base_type"):
            record["product_base_type"] = record["product_type"]
        if current is None or {"name", "folder_id"} & set(record):
            other = self.ctx.sibling_id("product", folder["id"], merged["name"])
            if other is not None and other != merged["id"]:
                raise duplicate(
                    f"Product with name '{merged['name']}' already exists in folder "
                    f"{folder['path']}."
                )

    def _prepare_version(self, record: Record, current: Optional[Record]) -> None:
        merged = _merged(record, current)
        product = self.parent("product", "product_id", merged["product_id"])
        if merged.get("task_id"):
            self.parent("task", "task_id", merged["task_id"])
        if current is None and not record.get("author"):
            record["author"] = self.user.name
        if current is None or {"version", "product_id"} & set(record):
            other = self.ctx.sibling_id("version", product["id"], merged["version"])
            if other is not None and other != merged["id"]:
                raise duplicate(
                    f"Version with version number {merged['version']} already "
                    f"exists in product '{product['name']}'."
                )

    def _prepare_representation(
        self, record: Record, current: Optional[Record]
    ) -> None:
        merged = _merged(record, current)
        version = self.parent("version", "version_id", merged["version_id"])
        if "files" in record:
            record["files"] = [
                {
                    "hash": None,
                    "hashType": "md5",
                    "size": 0,
                    **f,
                    "name": f.get("name") or posixpath.basename(f["path"]),
                }
                for f in record["files"] or []
            ]
        if current is None or {"name", "version_id"} & set(record):
            other = self.ctx.sibling_id("representation", version["id"], merged["name"])
            if other is not None and other != merged["id"]:
                raise duplicate(
                    f"Representation with name '{merged['name']}' already exists "
                    f"in version {version['version']}."
                )

    def _prepare_workfile(self, record: Record, current: Optional[Record]) -> None:
        merged = _merged(record, current)
        self.parent("task", "task_id", merged["task_id"])

    # -- update --------------------------------------------------------------

    def update(self, entity_type: str, entity_id: str, data: Any) -> None:
        reads = [c for c in UPDATE_READS if c in data] if isinstance(data, dict) else ()
        current = _found(self.ctx.for_update(entity_type, entity_id, reads), entity_id)
        patch = validate_patch(entity_type, data)
        changes: Record = {}
        if "attrib" in patch:
            given = self._attrib(entity_type, patch["attrib"] or {}, keep_none=True)
            changes["attrib"] = merge_attrib(current["attrib"], given)
        if "data" in patch:
            changes["data"] = merge_patch(current["data"], patch["data"] or {})
        for key, column in (("active", "active"), ("tags", "tags")):
            if patch.get(key) is not None:
                changes[column] = patch[key]
        if patch.get("status"):
            changes["status"] = self.check_status(patch["status"])
        for key, column in FIELDS[entity_type].items():
            if key in patch and (patch[key] is not None or column in NULLABLE):
                changes[column] = patch[key]
        self._prepare[entity_type](changes, current)
        changes["updated_at"] = utcnow()
        changes["updated_by"] = patch.get("updatedBy") or self.user.name
        if patch.get("createdBy"):
            changes["created_by"] = patch["createdBy"]
        self.ctx.update(entity_type, current, changes)
        if (
            entity_type == "folder"
            and changes.get("path", current["path"]) != current["path"]
        ):
            self.ctx.move_subtree(current, changes["path"])

    # -- delete --------------------------------------------------------------

    def delete(self, entity_type: str, entity_id: str, force: bool = False) -> None:
        current = _found(self.ctx.find(entity_type, entity_id), entity_id)
        if force and not self.user.has_manager_rights:
            raise Forbidden("Only managers can force delete")
        ids = [entity_id]
        if entity_type == "folder":
            if not force and self.ctx.has_content(entity_id):
                raise Conflict("Unable to delete a folder with products or tasks.")
            ids = self.ctx.subtree_ids(current)
        self.ctx.delete(entity_type, current, ids)
