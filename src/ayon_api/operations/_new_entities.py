"""Create bodies of new entities (``new_*_entity``) and ``prepare_changes``:
plain dicts with the server's camelCase keys, ready for
``OperationsSession.create_entity`` / ``update_entity``."""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Optional

from .._sentinels import REMOVED_VALUE
from ..resources._entities import check_entity_id, check_name
from ..utils import create_entity_id


def _new_id(entity_id: Optional[str]) -> str:
    return create_entity_id() if entity_id is None else check_entity_id(
        entity_id)


def _entity(entity_id: Optional[str], required: dict[str, Any],
            attribs: Optional[dict[str, Any]], data: Optional[dict[str, Any]],
            optional: dict[str, Any]) -> dict[str, Any]:
    """``id``, the required keys, ``attrib`` and ``data`` (copied, ``{}``
    when None), then the optional keys that are not None."""
    entity = {"id": _new_id(entity_id), **required,
              "attrib": dict(attribs or {}), "data": dict(data or {})}
    for key, value in optional.items():
        if value is not None:
            entity[key] = list(value) if key in ("tags", "assignees") else value
    return entity


def new_folder_entity(
    name: str,
    folder_type: str,
    parent_id: Optional[str] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    thumbnail_id: Optional[str] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new folder (``parent_id`` None: at the project root)."""
    return _entity(entity_id, {
        "name": check_name(name, "folder name"),
        "folderType": folder_type,
        "parentId": None if parent_id is None
        else check_entity_id(parent_id, "parent id"),
    }, attribs, data, {"thumbnailId": thumbnail_id, "status": status,
                       "active": active, "tags": tags})


def new_task_entity(
    name: str,
    task_type: str,
    folder_id: str,
    *,
    label: Optional[str] = None,
    assignees: Optional[Iterable[str]] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = None,
    task_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new task of a folder."""
    return _entity(task_id, {
        "name": check_name(name, "task name"),
        "taskType": task_type,
        "folderId": check_entity_id(folder_id, "folder id"),
    }, attrib, data, {"label": label, "assignees": assignees,
                      "thumbnailId": thumbnail_id, "status": status,
                      "active": active, "tags": tags})


def new_product_entity(
    name: str,
    product_type: str,
    folder_id: str,
    status: Optional[str] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    product_base_type: Optional[str] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new product of a folder."""
    return _entity(entity_id, {
        "name": check_name(name, "product name"),
        "productType": product_type,
        "folderId": check_entity_id(folder_id, "folder id"),
    }, attribs, data, {"productBaseType": product_base_type,
                       "status": status, "tags": tags})


def new_version_entity(
    version: int,
    product_id: str,
    task_id: Optional[str] = None,
    thumbnail_id: Optional[str] = None,
    author: Optional[str] = None,
    status: Optional[str] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new version of a product."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise TypeError(f"version must be an int, got {version!r}")
    return _entity(entity_id, {
        "version": version,
        "productId": check_entity_id(product_id, "product id"),
    }, attribs, data, {
        "taskId": None if task_id is None
        else check_entity_id(task_id, "task id"),
        "thumbnailId": thumbnail_id, "author": author, "status": status,
        "tags": tags})


def new_hero_version_entity(
    version: int,
    product_id: str,
    task_id: Optional[str] = None,
    thumbnail_id: Optional[str] = None,
    author: Optional[str] = None,
    status: Optional[str] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new hero version (stored as the negative version number)."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise TypeError(f"version must be an int, got {version!r}")
    return new_version_entity(
        -abs(version), product_id, task_id, thumbnail_id, author, status,
        tags, attribs, data, entity_id)


def new_representation_entity(
    name: str,
    version_id: str,
    files: list[dict[str, Any]],
    status: Optional[str] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    traits: Optional[dict[str, Any]] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new representation of a version."""
    if not isinstance(files, list):
        raise TypeError(f"files must be a list of dicts, got {files!r}")
    return _entity(entity_id, {
        "name": check_name(name, "representation name"),
        "versionId": check_entity_id(version_id, "version id"),
        "files": list(files),
    }, attribs, data, {"traits": traits, "status": status, "tags": tags})


def new_workfile_entity(
    filepath: str,
    task_id: str,
    status: Optional[str] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    description: Optional[str] = None,
    data: Optional[dict[str, Any]] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Body of a new workfile of a task; ``attrib.extension`` comes from
    the path, ``attrib.description`` from ``description`` when given."""
    check_name(filepath, "workfile path")
    attrib = dict(attribs or {})
    basename = filepath.replace("\\", "/").rsplit("/", 1)[-1]
    attrib["extension"] = os.path.splitext(basename)[1]
    if description is not None:
        attrib["description"] = description
    return _entity(entity_id, {
        "path": filepath,
        "taskId": check_entity_id(task_id, "task id"),
    }, attrib, data, {"status": status, "tags": tags})


def new_workfile_info(
    filepath: str,
    task_id: str,
    status: Optional[str] = None,
    tags: Optional[Iterable[str]] = None,
    attribs: Optional[dict[str, Any]] = None,
    description: Optional[str] = None,
    data: Optional[dict[str, Any]] = None,
    entity_id: Optional[str] = None,
) -> dict[str, Any]:
    """Legacy name of :func:`new_workfile_entity`."""
    return new_workfile_entity(filepath, task_id, status, tags, attribs,
                               description, data, entity_id)


def _diff(old: dict[str, Any], new: dict[str, Any], skip: str = ""
          ) -> dict[str, Any]:
    changes = {key: value for key, value in new.items()
               if key != skip and (key not in old or old[key] != value)}
    changes.update({key: REMOVED_VALUE for key in old
                    if key != skip and key not in new})
    return changes


def prepare_changes(old_entity: dict[str, Any], new_entity: dict[str, Any],
                    entity_type: str) -> dict[str, Any]:
    """What changed from ``old_entity`` to ``new_entity``, as update data:
    new or different values, ``REMOVED_VALUE`` for keys that are gone;
    ``attrib`` is compared key by key. ``entity_type`` is accepted for
    compatibility."""
    changes = _diff(old_entity, new_entity, skip="attrib")
    attrib_changes = _diff(old_entity.get("attrib") or {},
                           new_entity.get("attrib") or {})
    if attrib_changes:
        changes["attrib"] = attrib_changes
    return changes
