"""Typed helpers of :class:`OperationsSession`: the same parameters as the
``ServerAPI`` create/update/delete methods and the same bodies (built by
``resources/_bodies.py``), but queued."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from .._sentinels import NOT_SET
from ..resources._bodies import (
    folder_create_body,
    folder_update_body,
    product_create_body,
    product_update_body,
    representation_create_body,
    representation_update_body,
    task_create_body,
    task_update_body,
    version_create_body,
    version_update_body,
    workfile_create_body,
    workfile_update_body,
)
from ..resources._entities import check_or_create_id
from ._operations import CreateOperation, DeleteOperation, UpdateOperation


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
        """Queue a create body (from ``_bodies``) with its entity id."""
        body = {"id": check_or_create_id(entity_id, f"{entity_type} id"),
                **body}
        return self.create_entity(project_name, entity_type, body)

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
        return self._create(
            project_name, "folder", folder_id, folder_create_body(
                name, folder_type, parent_id, label, attrib, data, tags,
                status, active, thumbnail_id))

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
        return self.update_entity(
            project_name, "folder", folder_id, folder_update_body(
                name, folder_type, parent_id, label, attrib, data, tags,
                status, active, thumbnail_id))

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
        return self._create(
            project_name, "task", task_id, task_create_body(
                name, task_type, folder_id, label, assignees, attrib, data,
                tags, status, active, thumbnail_id))

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
        return self.update_entity(
            project_name, "task", task_id, task_update_body(
                name, task_type, folder_id, label, assignees, attrib, data,
                tags, status, active, thumbnail_id))

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
        return self._create(
            project_name, "product", product_id, product_create_body(
                name, product_type, folder_id, attrib, data, tags, status,
                active, product_base_type))

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
        return self.update_entity(
            project_name, "product", product_id, product_update_body(
                name, folder_id, product_type, product_base_type, attrib,
                data, tags, status, active))

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
        return self._create(
            project_name, "version", version_id, version_create_body(
                version, product_id, task_id, author, attrib, data, tags,
                status, active, thumbnail_id))

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
        return self.update_entity(
            project_name, "version", version_id, version_update_body(
                version, product_id, task_id, author, attrib, data, tags,
                status, active, thumbnail_id))

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
        return self._create(
            project_name, "representation", representation_id,
            representation_create_body(
                name, version_id, files, attrib, data, traits, tags, status,
                active))

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
        return self.update_entity(
            project_name, "representation", representation_id,
            representation_update_body(
                name, version_id, files, attrib, data, traits, tags, status,
                active))

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
        return self._create(
            project_name, "workfile", workfile_id, workfile_create_body(
                path, task_id, thumbnail_id, attrib, data, tags, status,
                active))

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
        return self.update_entity(
            project_name, "workfile", workfile_id, workfile_update_body(
                path, task_id, attrib, data, tags, status, active,
                thumbnail_id, created_by, updated_by))

    def delete_workfile_entity(self, project_name: str, workfile_id: str
                               ) -> DeleteOperation:
        return self.delete_entity(project_name, "workfile", workfile_id)
