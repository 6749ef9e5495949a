"""Create bodies of new entities (``new_*_entity``) and ``prepare_changes``:
plain dicts with the server's camelCase keys, ready for
``OperationsSession.create_entity`` / ``update_entity``."""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Optional

from .._sentinels import REMOVED_VALUE
from ..resources._bodies import (
    check_files,
    check_version,
    folder_create_body,
    product_create_body,
    representation_create_body,
    task_create_body,
    version_create_body,
    workfile_create_body,
)
from ..resources._entities import check_name, check_or_create_id


def _entity(entity_id: Optional[str], body: dict[str, Any],
            **always: Any) -> dict[str, Any]:
    """A create body as an entity: ``id`` first, the ``always`` keys even
    when None, ``attrib`` and ``data`` copied (``{}`` when not given)."""
    return {"id": check_or_create_id(entity_id), **always, **body,
            "attrib": dict(body.get("attrib") or {}),
            "data": dict(body.get("data") or {})}


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
    return _entity(entity_id, folder_create_body(
        name, folder_type, parent_id, None, attribs, data, tags, status,
        active, thumbnail_id), folderType=folder_type, parentId=None)


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
    return _entity(task_id, task_create_body(
        name, task_type, folder_id, label, assignees, attrib, data, tags,
        status, active, thumbnail_id))


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
    return _entity(entity_id, product_create_body(
        name, product_type, folder_id, attribs, data, tags, status, None,
        product_base_type))


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
    return _entity(entity_id, version_create_body(
        version, product_id, task_id, author, attribs, data, tags, status,
        None, thumbnail_id))


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
    return new_version_entity(
        -abs(check_version(version)), product_id, task_id, thumbnail_id,
        author, status, tags, attribs, data, entity_id)


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
    """Body of a new representation of a version (``files`` copied)."""
    check_files(files, required=True)
    return _entity(entity_id, representation_create_body(
        name, version_id, list(files), attribs, data, traits, tags, status))


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
    return _entity(entity_id, workfile_create_body(
        filepath, task_id, None, attrib, data, tags, status))


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
