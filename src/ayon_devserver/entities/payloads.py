"""Entities as the REST endpoints return them (``FolderModel``,
``VersionModel`` ...): camelCase keys, ``None`` values left out, folders and
tasks with their effective ``attrib`` and the list of own ones."""

from __future__ import annotations

from typing import Any, Optional

from ..errors import NotFound
from ..store import ProjectRecord, Record, Store
from .attrib import Inheritance


def version_name(version: int) -> str:
    """``v001``, or ``HERO`` for a hero version (negative number)."""
    return "HERO" if version < 0 else f"v{version:03d}"


def inheritance(store: Store, project: ProjectRecord) -> Inheritance:
    return Inheritance(
        project.attrib,
        store.attributes.for_scope("folder"),
        lambda paths: store.hierarchy.own_attrib_by_path(project.name, paths),
    )


def _common(record: Record) -> dict[str, Any]:
    return {
        "id": record["id"],
        "attrib": dict(record["attrib"]),
        "ownAttrib": list(record["attrib"]),
        "data": record["data"],
        "active": record["active"],
        "status": record["status"],
        "tags": record["tags"],
        "createdAt": record["created_at"],
        "updatedAt": record["updated_at"],
        "createdBy": record.get("created_by"),
        "updatedBy": record.get("updated_by"),
    }


def _without_none(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if v is not None}


class Renderer:
    """Renders records of one project, caching the parents it looks up."""

    def __init__(self, store: Store, project: ProjectRecord) -> None:
        self.store = store
        self.project = project
        self.inheritance = inheritance(store, project)
        self._cache: dict[tuple[str, str], Record] = {}

    def parent(self, entity_type: str, entity_id: str) -> Record:
        key = (entity_type, entity_id)
        record = self._cache.get(key)
        if record is None:
            record = self.store.entities.get(entity_type, self.project.name, entity_id)
            if record is None:
                raise NotFound(f"Entity {entity_id} not found")
            self._cache[key] = record
        return record

    def path_of(self, entity_type: str, record: Record) -> Optional[str]:
        """The entity's path in the hierarchy ("/sq010/sh010/renderMain/v001")."""
        if entity_type == "folder":
            return str(record["path"])
        if entity_type in ("task", "product"):
            folder = self.parent("folder", record["folder_id"])
            return f"{folder['path']}/{record['name']}"
        if entity_type == "version":
            product = self.parent("product", record["product_id"])
            return (
                f"{self.path_of('product', product)}/{version_name(record['version'])}"
            )
        if entity_type == "representation":
            version = self.parent("version", record["version_id"])
            return f"{self.path_of('version', version)}/{record['name']}"
        return None

    def render(self, entity_type: str, record: Record) -> dict[str, Any]:
        payload = _common(record)
        payload.update({key: record[column] for key, column in _COLUMNS[entity_type]})
        if entity_type in _PATH_OF_PARENTS:
            payload["path"] = self.path_of(entity_type, record)
        if entity_type == "folder":
            self.inheritance.remember(record["path"], record["attrib"])
            payload["attrib"] = self.inheritance.folder(
                record["path"], record["attrib"]
            )
            payload["hasVersions"] = bool(
                self.store.hierarchy.paths_with_versions(
                    self.project.name, [record["path"]]
                )
            )
        elif entity_type == "task":
            folder = self.parent("folder", record["folder_id"])
            self.inheritance.remember(folder["path"], folder["attrib"])
            payload["attrib"] = self.inheritance.task(folder["path"], record["attrib"])
        return _without_none(payload)


# REST keys of each entity type and the record columns they come from; the
# ``path`` of tasks, products, versions and representations is computed.
_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "folder": (
        ("name", "name"),
        ("label", "label"),
        ("folderType", "folder_type"),
        ("parentId", "parent_id"),
        ("thumbnailId", "thumbnail_id"),
        ("path", "path"),
    ),
    "task": (
        ("name", "name"),
        ("label", "label"),
        ("taskType", "task_type"),
        ("folderId", "folder_id"),
        ("assignees", "assignees"),
        ("thumbnailId", "thumbnail_id"),
    ),
    "product": (
        ("name", "name"),
        ("folderId", "folder_id"),
        ("productType", "product_type"),
        ("productBaseType", "product_base_type"),
    ),
    "version": (
        ("version", "version"),
        ("productId", "product_id"),
        ("taskId", "task_id"),
        ("author", "author"),
        ("thumbnailId", "thumbnail_id"),
    ),
    "representation": (
        ("name", "name"),
        ("versionId", "version_id"),
        ("files", "files"),
        ("traits", "traits"),
    ),
    "workfile": (
        ("path", "path"),
        ("taskId", "task_id"),
        ("thumbnailId", "thumbnail_id"),
    ),
}
_PATH_OF_PARENTS = frozenset({"task", "product", "version", "representation"})
