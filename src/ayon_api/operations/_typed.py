"""Typed helpers of :class:`OperationsSession`: the same parameters and body
keys as the ``ServerAPI`` create/update/delete methods, but queued."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from .._sentinels import NOT_SET
from ..resources._entities import (
    check_dict,
    check_entity_id,
    check_name,
    check_strings,
)
from ..utils import create_entity_id
from ._operations import CreateOperation, DeleteOperation, UpdateOperation


def _optional_id(value: Optional[str], what: str) -> Optional[str]:
    return None if value is None else check_entity_id(value, what)


def _body(values: dict[str, Any], nullable: Optional[dict[str, Any]] = None
          ) -> dict[str, Any]:
    """Keys whose value is given: None is skipped in ``values``, NOT_SET in
    ``nullable`` (where None means "clear the value")."""
    body = {key: value for key, value in values.items() if value is not None}
    body.update({key: value for key, value in (nullable or {}).items()
                 if value is not NOT_SET})
    return body


def _common(attrib: Any, data: Any, tags: Any, status: Optional[str],
            active: Optional[bool]) -> dict[str, Any]:
    return {
        "attrib": check_dict(attrib, "attrib"),
        "data": check_dict(data, "data"),
        "tags": check_strings(tags, "tags"),
        "status": status,
        "active": active,
    }


class TypedOperations:
    """Mixin: one create/update/delete helper per entity type."""

    def create_entity(self, project_name: str, entity_type: str,
                      data: dict[str, Any], nested_id: Optional[str] = None
                      ) -> CreateOperation:
        raise NotImplementedError

    def update_entity(self, project_name: str, entity_type: str,
                      entity_id: str, update_data: dict[str, Any],
                      nested_id: Optional[str] = None) -> UpdateOperation:
        raise NotImplementedError

    def delete_entity(self, project_name: str, entity_type: str,
                      entity_id: str, nested_id: Optional[str] = None
                      ) -> DeleteOperation:
        raise NotImplementedError

    def _create(self, project_name: str, entity_type: str,
                entity_id: Optional[str], body: dict[str, Any]
                ) -> CreateOperation:
        body["id"] = (create_entity_id() if entity_id is None
                      else check_entity_id(entity_id, f"{entity_type} id"))
        return self.create_entity(project_name, entity_type, _body(body))

    # -- folders ------------------------------------------------------------------
    def create_folder(
        self,
        project_name: str,
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
        folder_id: Optional[str] = None,
    ) -> CreateOperation:
        """Queue the creation of a folder (``folder_id`` generated if None)."""
        return self._create(project_name, "folder", folder_id, {
            "name": check_name(name, "folder name"),
            "folderType": folder_type,
            "parentId": _optional_id(parent_id, "parent id"),
            "label": label,
            "thumbnailId": thumbnail_id,
            **_common(attrib, data, tags, status, active),
        })

    def update_folder(
        self,
        project_name: str,
        folder_id: str,
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
    ) -> UpdateOperation:
        """Queue changes of a folder (None clears ``parent_id``, ``label``,
        ``thumbnail_id``; other arguments left out are not changed)."""
        return self.update_entity(project_name, "folder", folder_id, _body(
            {"name": name, "folderType": folder_type,
             **_common(attrib, data, tags, status, active)},
            {"parentId": parent_id if parent_id in (None, NOT_SET)
             else check_entity_id(parent_id, "parent id"),
             "label": label, "thumbnailId": thumbnail_id}))

    def delete_folder(self, project_name: str, folder_id: str
                      ) -> DeleteOperation:
        return self.delete_entity(project_name, "folder", folder_id)

    # -- tasks --------------------------------------------------------------------
    def create_task(
        self,
        project_name: str,
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
        task_id: Optional[str] = None,
    ) -> CreateOperation:
        """Queue the creation of a task in a folder."""
        return self._create(project_name, "task", task_id, {
            "name": check_name(name, "task name"),
            "taskType": check_name(task_type, "task type"),
            "folderId": check_entity_id(folder_id, "folder id"),
            "label": label,
            "assignees": check_strings(assignees, "assignees"),
            "thumbnailId": thumbnail_id,
            **_common(attrib, data, tags, status, active),
        })

    def update_task(
        self,
        project_name: str,
        task_id: str,
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
    ) -> UpdateOperation:
        """Queue changes of a task."""
        return self.update_entity(project_name, "task", task_id, _body(
            {"name": name, "taskType": task_type,
             "folderId": _optional_id(folder_id, "folder id"),
             "assignees": check_strings(assignees, "assignees"),
             **_common(attrib, data, tags, status, active)},
            {"label": label, "thumbnailId": thumbnail_id}))

    def delete_task(self, project_name: str, task_id: str) -> DeleteOperation:
        return self.delete_entity(project_name, "task", task_id)

    # -- products -------------------------------------------------------------
    def create_product(
        self,
        project_name: str,
        name: str,
        product_type: str,
        folder_id: str,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        product_base_type: Optional[str] = None,
        product_id: Optional[str] = None,
    ) -> CreateOperation:
        """Queue the creation of a product in a folder."""
        return self._create(project_name, "product", product_id, {
            "name": check_name(name, "product name"),
            "productType": check_name(product_type, "product type"),
            "productBaseType": product_base_type,
            "folderId": check_entity_id(folder_id, "folder id"),
            **_common(attrib, data, tags, status, active),
        })

    def update_product(
        self,
        project_name: str,
        product_id: str,
        name: Optional[str] = None,
        folder_id: Optional[str] = None,
        product_type: Optional[str] = None,
        product_base_type: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
    ) -> UpdateOperation:
        """Queue changes of a product."""
        return self.update_entity(project_name, "product", product_id, _body(
            {"name": name, "folderId": _optional_id(folder_id, "folder id"),
             "productType": product_type,
             "productBaseType": product_base_type,
             **_common(attrib, data, tags, status, active)}))

    def delete_product(self, project_name: str, product_id: str
                       ) -> DeleteOperation:
        return self.delete_entity(project_name, "product", product_id)

    # -- versions -------------------------------------------------------------
    def create_version(
        self,
        project_name: str,
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
        version_id: Optional[str] = None,
    ) -> CreateOperation:
        """Queue the creation of a version of a product."""
        if isinstance(version, bool) or not isinstance(version, int):
            raise TypeError(f"version must be an int, got {version!r}")
        return self._create(project_name, "version", version_id, {
            "version": version,
            "productId": check_entity_id(product_id, "product id"),
            "taskId": _optional_id(task_id, "task id"),
            "author": author,
            "thumbnailId": thumbnail_id,
            **_common(attrib, data, tags, status, active),
        })

    def update_version(
        self,
        project_name: str,
        version_id: str,
        version: Optional[int] = None,
        product_id: Optional[str] = None,
        task_id: Optional[str] = NOT_SET,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = NOT_SET,
        author: Optional[str] = None,
    ) -> UpdateOperation:
        """Queue changes of a version (None clears ``task_id`` and
        ``thumbnail_id``)."""
        if version is not None and (isinstance(version, bool)
                                    or not isinstance(version, int)):
            raise TypeError(f"version must be an int, got {version!r}")
        return self.update_entity(project_name, "version", version_id, _body(
            {"version": version,
             "productId": _optional_id(product_id, "product id"),
             "author": author,
             **_common(attrib, data, tags, status, active)},
            {"taskId": task_id if task_id in (None, NOT_SET)
             else check_entity_id(task_id, "task id"),
             "thumbnailId": thumbnail_id}))

    def delete_version(self, project_name: str, version_id: str
                       ) -> DeleteOperation:
        return self.delete_entity(project_name, "version", version_id)

    # -- representations ------------------------------------------------------
    def create_representation(
        self,
        project_name: str,
        name: str,
        version_id: str,
        files: Optional[list[dict[str, Any]]] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        traits: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        representation_id: Optional[str] = None,
    ) -> CreateOperation:
        """Queue the creation of a representation of a version."""
        if files is not None and not isinstance(files, list):
            raise TypeError(f"files must be a list of dicts, got {files!r}")
        return self._create(project_name, "representation", representation_id, {
            "name": check_name(name, "representation name"),
            "versionId": check_entity_id(version_id, "version id"),
            "files": files,
            "traits": check_dict(traits, "traits"),
            **_common(attrib, data, tags, status, active),
        })

    def update_representation(
        self,
        project_name: str,
        representation_id: str,
        name: Optional[str] = None,
        version_id: Optional[str] = None,
        files: Optional[list[dict[str, Any]]] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        traits: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
    ) -> UpdateOperation:
        """Queue changes of a representation."""
        if files is not None and not isinstance(files, list):
            raise TypeError(f"files must be a list of dicts, got {files!r}")
        return self.update_entity(
            project_name, "representation", representation_id, _body(
                {"name": name,
                 "versionId": _optional_id(version_id, "version id"),
                 "files": files, "traits": check_dict(traits, "traits"),
                 **_common(attrib, data, tags, status, active)}))

    def delete_representation(self, project_name: str, representation_id: str
                              ) -> DeleteOperation:
        return self.delete_entity(project_name, "representation",
                                  representation_id)

    # -- workfiles ------------------------------------------------------------
    def create_workfile_entity(
        self,
        project_name: str,
        path: str,
        task_id: str,
        *,
        thumbnail_id: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        workfile_id: Optional[str] = None,
    ) -> CreateOperation:
        """Queue the registration of a workfile of a task."""
        return self._create(project_name, "workfile", workfile_id, {
            "path": check_name(path, "workfile path"),
            "taskId": check_entity_id(task_id, "task id"),
            "thumbnailId": thumbnail_id,
            **_common(attrib, data, tags, status, active),
        })

    def update_workfile_entity(
        self,
        project_name: str,
        workfile_id: str,
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
    ) -> UpdateOperation:
        """Queue changes of a workfile (None clears ``thumbnail_id``)."""
        return self.update_entity(project_name, "workfile", workfile_id, _body(
            {"path": path, "taskId": _optional_id(task_id, "task id"),
             "createdBy": created_by, "updatedBy": updated_by,
             **_common(attrib, data, tags, status, active)},
            {"thumbnailId": thumbnail_id}))

    def delete_workfile_entity(self, project_name: str, workfile_id: str
                               ) -> DeleteOperation:
        return self.delete_entity(project_name, "workfile", workfile_id)
