"""Create and update bodies of project entities, built once.

One pure function per entity type and verb: the ``ServerAPI`` REST methods
POST/PATCH what it returns and the ``OperationsSession`` helpers queue it.
Each checks its input (``ValueError``/``TypeError`` naming the value, before
any request) and uses the server's camelCase keys. A create body leaves out
None values; an update body leaves out what was not given: None for most
parameters, ``NOT_SET`` for those where None clears the value.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from .._sentinels import NOT_SET
from ._entities import check_dict, check_entity_id, check_name, check_strings


# -- shared checks ------------------------------------------------------------
def check_version(version: Any) -> int:
    """A version number (an int, not a bool); TypeError otherwise."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise TypeError(f"version must be an int, got {version!r}")
    return version


def check_files(files: Any, required: bool = False
                ) -> Optional[list[dict[str, Any]]]:
    """A representation's list of file dicts (None allowed unless
    ``required``); TypeError otherwise."""
    if (files is not None or required) and not isinstance(files, list):
        raise TypeError(f"files must be a list of dicts, got {files!r}")
    return files


def _optional_id(value: Any, what: str) -> Optional[str]:
    """None, or a checked id."""
    return None if value is None else check_entity_id(value, what)


def _nullable_id(value: Any, what: str) -> Any:
    """NOT_SET or None (clear) as given, or a checked id."""
    if value is None or value is NOT_SET:
        return value
    return check_entity_id(value, what)


def _common(attrib: Any, data: Any, tags: Any, status: Optional[str],
            active: Optional[bool]) -> dict[str, Any]:
    """The keys every entity type has."""
    return {
        "attrib": check_dict(attrib, "attrib"),
        "data": check_dict(data, "data"),
        "tags": check_strings(tags, "tags"),
        "status": status,
        "active": active,
    }


def _given(values: dict[str, Any],
           nullable: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """The keys whose value is given: None is left out of ``values``,
    NOT_SET out of ``nullable`` (where None means "clear the value")."""
    body = {key: value for key, value in values.items() if value is not None}
    body.update({key: value for key, value in (nullable or {}).items()
                 if value is not NOT_SET})
    return body


# -- folders --------------------------------------------------------------------
def folder_create_body(
    name: str,
    folder_type: Optional[str] = None,
    parent_id: Optional[str] = None,
    label: Optional[str] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = None,
) -> dict[str, Any]:
    return _given({
        "name": check_name(name, "folder name"),
        "folderType": folder_type,
        "parentId": _optional_id(parent_id, "parent id"),
        "label": label,
        **_common(attrib, data, tags, status, active),
        "thumbnailId": thumbnail_id,
    })


def folder_update_body(
    name: Optional[str] = None,
    folder_type: Optional[str] = None,
    parent_id: Optional[str] = NOT_SET,
    label: Optional[str] = NOT_SET,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = NOT_SET,
) -> dict[str, Any]:
    """None clears ``parent_id``, ``label`` and ``thumbnail_id``."""
    return _given(
        {"name": name, "folderType": folder_type,
         **_common(attrib, data, tags, status, active)},
        {"parentId": _nullable_id(parent_id, "parent id"), "label": label,
         "thumbnailId": thumbnail_id})


# -- tasks ----------------------------------------------------------------------
def task_create_body(
    name: str,
    task_type: str,
    folder_id: str,
    label: Optional[str] = None,
    assignees: Optional[Iterable[str]] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = None,
) -> dict[str, Any]:
    return _given({
        "name": check_name(name, "task name"),
        "taskType": check_name(task_type, "task type"),
        "folderId": check_entity_id(folder_id, "folder id"),
        "label": label,
        "assignees": check_strings(assignees, "assignees"),
        **_common(attrib, data, tags, status, active),
        "thumbnailId": thumbnail_id,
    })


def task_update_body(
    name: Optional[str] = None,
    task_type: Optional[str] = None,
    folder_id: Optional[str] = None,
    label: Optional[str] = NOT_SET,
    assignees: Optional[Iterable[str]] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = NOT_SET,
) -> dict[str, Any]:
    """None clears ``label`` and ``thumbnail_id``."""
    return _given(
        {"name": name, "taskType": task_type,
         "folderId": _optional_id(folder_id, "folder id"),
         "assignees": check_strings(assignees, "assignees"),
         **_common(attrib, data, tags, status, active)},
        {"label": label, "thumbnailId": thumbnail_id})


# -- products -------------------------------------------------------------------
def product_create_body(
    name: str,
    product_type: str,
    folder_id: str,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    product_base_type: Optional[str] = None,
) -> dict[str, Any]:
    return _given({
        "name": check_name(name, "product name"),
        "productType": check_name(product_type, "product type"),
        "productBaseType": product_base_type,
        "folderId": check_entity_id(folder_id, "folder id"),
        **_common(attrib, data, tags, status, active),
    })


def product_update_body(
    name: Optional[str] = None,
    folder_id: Optional[str] = None,
    product_type: Optional[str] = None,
    product_base_type: Optional[str] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
) -> dict[str, Any]:
    return _given({
        "name": name,
        "folderId": _optional_id(folder_id, "folder id"),
        "productType": product_type,
        "productBaseType": product_base_type,
        **_common(attrib, data, tags, status, active),
    })


# -- versions -------------------------------------------------------------------
def version_create_body(
    version: int,
    product_id: str,
    task_id: Optional[str] = None,
    author: Optional[str] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = None,
) -> dict[str, Any]:
    return _given({
        "version": check_version(version),
        "productId": check_entity_id(product_id, "product id"),
        "taskId": _optional_id(task_id, "task id"),
        "author": author,
        **_common(attrib, data, tags, status, active),
        "thumbnailId": thumbnail_id,
    })


def version_update_body(
    version: Optional[int] = None,
    product_id: Optional[str] = None,
    task_id: Optional[str] = NOT_SET,
    author: Optional[str] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = NOT_SET,
) -> dict[str, Any]:
    """None clears ``task_id`` and ``thumbnail_id``."""
    return _given(
        {"version": None if version is None else check_version(version),
         "productId": _optional_id(product_id, "product id"),
         "author": author,
         **_common(attrib, data, tags, status, active)},
        {"taskId": _nullable_id(task_id, "task id"),
         "thumbnailId": thumbnail_id})


# -- representations ------------------------------------------------------------
def representation_create_body(
    name: str,
    version_id: str,
    files: Optional[list[dict[str, Any]]] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    traits: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
) -> dict[str, Any]:
    files = check_files(files)
    return _given({
        "name": check_name(name, "representation name"),
        "versionId": check_entity_id(version_id, "version id"),
        "files": files,
        "traits": check_dict(traits, "traits"),
        **_common(attrib, data, tags, status, active),
    })


def representation_update_body(
    name: Optional[str] = None,
    version_id: Optional[str] = None,
    files: Optional[list[dict[str, Any]]] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    traits: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
) -> dict[str, Any]:
    files = check_files(files)
    return _given({
        "name": name,
        "versionId": _optional_id(version_id, "version id"),
        "files": files,
        "traits": check_dict(traits, "traits"),
        **_common(attrib, data, tags, status, active),
    })


# -- workfiles ------------------------------------------------------------------
def workfile_create_body(
    path: str,
    task_id: str,
    thumbnail_id: Optional[str] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
) -> dict[str, Any]:
    return _given({
        "path": check_name(path, "workfile path"),
        "taskId": check_entity_id(task_id, "task id"),
        "thumbnailId": thumbnail_id,
        **_common(attrib, data, tags, status, active),
    })


def workfile_update_body(
    path: Optional[str] = None,
    task_id: Optional[str] = None,
    attrib: Optional[dict[str, Any]] = None,
    data: Optional[dict[str, Any]] = None,
    tags: Optional[Iterable[str]] = None,
    status: Optional[str] = None,
    active: Optional[bool] = None,
    thumbnail_id: Optional[str] = NOT_SET,
    created_by: Optional[str] = None,
    updated_by: Optional[str] = None,
) -> dict[str, Any]:
    """None clears ``thumbnail_id``."""
    return _given(
        {"path": path, "taskId": _optional_id(task_id, "task id"),
         **_common(attrib, data, tags, status, active),
         "createdBy": created_by, "updatedBy": updated_by},
        {"thumbnailId": thumbnail_id})
