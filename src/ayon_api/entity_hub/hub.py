"""``EntityHub``: an editable, change-tracking model of one project's
hierarchy, committed to the server in one batch."""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Optional

from ..exceptions import FailedOperations
from ._values import UNKNOWN_VALUE
from .changes import CommitPlan, plan_commit
from .entities import (
    FolderEntity,
    ProductEntity,
    ProjectEntity,
    TaskEntity,
    VersionEntity,
)
from .fetching import FetchMixin

if TYPE_CHECKING:
    from ..server_api import ServerAPI

__all__ = ["EntityHub"]

_HEX_ID = re.compile(r"[0-9a-f]{32}")


class EntityHub(FetchMixin):
    """Create, change, move and delete entities of one project, then send
    all changes with :meth:`commit_changes`.

    Entities are fetched on demand (or all at once with
    :meth:`fetch_hierarchy_entities`) and cached; new ones are added with
    the ``add_new_*`` methods. The project itself must exist on the server.
    ``connection`` defaults to the global connection.
    """

    def __init__(self, project_name: str,
                 connection: Optional[ServerAPI] = None) -> None:
        if connection is None:
            from .._global import get_server_api_connection

            connection = get_server_api_connection()
        self._connection = connection
        self._project_name = project_name
        self._project_entity = UNKNOWN_VALUE
        self._path_reset_queue = None
        self._attributes_by_type: dict[str, dict[str, Any]] = {}
        self._init_index()

    def __repr__(self) -> str:
        return f"<EntityHub {self._project_name!r}>"

    def is_product_base_type_supported(self) -> bool:
        return bool(self._connection.is_product_base_type_supported())

    def get_attributes_for_type(self, entity_type: str) -> dict[str, Any]:
        """``{name: schema}`` of the attributes of an entity type (asked
        from the server once per hub)."""
        attributes = self._attributes_by_type.get(entity_type)
        if attributes is None:
            attributes = dict(
                self._connection.get_attributes_for_type(entity_type))
            self._attributes_by_type[entity_type] = attributes
        return attributes

    # -- new entities --
    def add_new_folder(
        self,
        name: str,
        folder_type: str,
        parent_id: Any = UNKNOWN_VALUE,
        label: Optional[str] = None,
        path: Optional[str] = None,
        status: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        thumbnail_id: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_id: Optional[str] = None,
        created: Optional[bool] = True,
    ) -> FolderEntity:
        """Add a folder (under the project when ``parent_id`` is not given);
        it is created on the server by the commit."""
        folder = FolderEntity(
            name=name, folder_type=folder_type, parent_id=parent_id,
            label=label, path=path, status=status, tags=tags,
            attribs=attribs, data=data, thumbnail_id=thumbnail_id,
            active=active, entity_id=entity_id, created=created,
            entity_hub=self)
        self.add_entity(folder)
        return folder

    def add_new_task(
        self,
        name: str,
        task_type: str,
        folder_id: Any = UNKNOWN_VALUE,
        label: Optional[str] = None,
        status: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        assignees: Optional[Iterable[str]] = None,
        thumbnail_id: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_id: Optional[str] = None,
        created: Optional[bool] = True,
        parent_id: Any = UNKNOWN_VALUE,
    ) -> TaskEntity:
        """Add a task of ``folder_id`` (``parent_id`` is its deprecated
        name); it is created on the server by the commit."""
        if parent_id is not UNKNOWN_VALUE:
            warnings.warn(
                "Used deprecated argument 'parent_id'. Use 'folder_id' instead.",
                DeprecationWarning, stacklevel=2)
            folder_id = parent_id
        task = TaskEntity(
            name=name, task_type=task_type, folder_id=folder_id, label=label,
            status=status, tags=tags, attribs=attribs, data=data,
            assignees=assignees, thumbnail_id=thumbnail_id, active=active,
            entity_id=entity_id, created=created,
            entity_hub=self)
        self.add_entity(task)
        return task

    def add_new_product(
        self,
        name: str,
        product_type: str,
        product_base_type: Optional[str] = None,
        folder_id: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_id: Optional[str] = None,
        created: Optional[bool] = True,
    ) -> ProductEntity:
        """Add a product of ``folder_id``; created by the commit."""
        product = ProductEntity(
            name=name, product_type=product_type,
            product_base_type=product_base_type, folder_id=folder_id,
            tags=tags, attribs=attribs, data=data, active=active,
            entity_id=entity_id, created=created,
            entity_hub=self)
        self.add_entity(product)
        return product

    def add_new_version(
        self,
        version: int,
        product_id: Any = UNKNOWN_VALUE,
        task_id: Any = UNKNOWN_VALUE,
        status: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        thumbnail_id: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_id: Optional[str] = None,
        created: Optional[bool] = True,
    ) -> VersionEntity:
        """Add a version of ``product_id``; created by the commit."""
        version_entity = VersionEntity(
            version=version, product_id=product_id, task_id=task_id,
            status=status, tags=tags, attribs=attribs, data=data,
            thumbnail_id=thumbnail_id, active=active, entity_id=entity_id,
            created=created, entity_hub=self)
        self.add_entity(version_entity)
        return version_entity

    # -- commit --
    def lock(self) -> None:
        """Take the current state of every entity as the server's."""
        for entity in list(self._entities_by_id.values()):
            entity.lock()

    def commit_changes(self) -> None:
        """Send every pending change to the server.

        The project changes go first (``update_project``), then one batch of
        operations that either applies completely or not at all: updates of
        existing entities (new parents they need are created first), the
        remaining creates parents first, then deletes children first. When
        folder or task types were removed, the final type lists are sent
        last. Afterwards the hub matches the server (deleted entities are
        gone, new ones are no longer ``created``).

        Raises:
            FailedOperations: The batch failed; the hub is unchanged and
                keeps its pending changes (the message names the failing
                operation). Project changes sent before the batch are sent
                again by the next commit, which is harmless.
            ValueError: A new entity is incomplete (nothing was sent).
            HTTPRequestError: The server refused a request.
        """
        plan = plan_commit(self)
        if plan.project_changes:
            self._connection.update_project(
                self._project_name, **plan.project_changes)
        if plan.operations:
            self._send_operations(plan)
        self._finish_commit(plan)
        if plan.post_project_changes:
            self._connection.update_project(
                self._project_name, **plan.post_project_changes)
        if isinstance(self._project_entity, ProjectEntity):
            self._project_entity.lock()

    def _send_operations(self, plan: CommitPlan) -> None:
        try:
            result = self._connection.send_background_batch_operations(
                self._project_name, plan.operations, can_fail=False,
                wait=True)
        except FailedOperations as exc:
            failed = getattr(exc, "failed", None)
            failures = (_describe_failed(plan, failed) if failed
                        else _failed_in_text(plan, str(exc)))
            task = getattr(exc, "task", None)
            unfinished = isinstance(task, dict) and (
                task.get("status") != "completed")
            error = FailedOperations(
                self._failure_message(plan, failures, unfinished))
            for name in ("results", "failed", "task"):
                if hasattr(exc, name):
                    setattr(error, name, getattr(exc, name))
            raise error from exc
        failed = _failed_results(result)
        if failed:
            error = FailedOperations(
                self._failure_message(plan, _describe_failed(plan, failed)))
            setattr(error, "failed", failed)  # noqa: B010
            raise error

    def _failure_message(self, plan: CommitPlan, failures: list[str],
                         unfinished: bool = False) -> str:
        what = "; ".join(failures) if failures else (
            f"{len(plan.operations)} operations")
        outcome = ("the batch did not finish in time (it may still be "
                   "applied on the server)" if unfinished
                   else "no operation was applied")
        return (
            f"Commit of project '{self._project_name}' failed, {outcome} "
            f"and the hub keeps its pending changes: {what}")

    def _finish_commit(self, plan: CommitPlan) -> None:
        """Make the hub match the server after the operations succeeded."""
        for entity_id in plan.removed_ids:
            entity = self._entities_by_id.pop(entity_id, None)
            if entity is not None:
                self._index_remove(entity, entity.parent_id)
        for entity_id in plan.removed_ids:
            self._entities_by_parent_id.pop(entity_id, None)
        if not self._entities_by_parent_id.get(None, True):
            del self._entities_by_parent_id[None]
        for entity in list(self._entities_by_id.values()):
            if isinstance(entity, ProjectEntity):
                continue
            if entity.created:
                entity._apply_server_defaults(
                    self._default_status(entity.entity_type))
            entity.lock()

    def _default_status(self, entity_type: str) -> Optional[str]:
        """The status the server gives a new entity: the first one of the
        project that applies to its type (None if the project is not
        loaded)."""
        project = self._project_entity
        if not isinstance(project, ProjectEntity):
            return None
        for status in project.statuses:
            if status.is_available_for_entity_type(entity_type):
                return status.name
        return None


def _failed_results(result: Any) -> list[dict[str, Any]]:
    """Failed operation results in what the batch call returned."""
    if isinstance(result, dict) and isinstance(result.get("result"), dict):
        result = result["result"]
    operations = result.get("operations") if isinstance(result, dict) else result
    if not isinstance(operations, list):
        return []
    return [item for item in operations
            if isinstance(item, dict) and item.get("success") is False]


def _describe_failed(plan: CommitPlan, failed: list[Any]) -> list[str]:
    """"update folder 'sh010' (<id>): <detail>" for each failed result."""
    lines = []
    for item in failed:
        item = item if isinstance(item, dict) else {}
        op_id = str(item.get("id"))
        what = plan.descriptions.get(op_id, f"operation {op_id}")
        lines.append(f"{what}: {item.get('detail') or 'failed'}")
    return lines


def _failed_in_text(plan: CommitPlan, text: str) -> list[str]:
    """Describe the operations whose id an error message mentions."""
    mentioned = set(_HEX_ID.findall(text))
    found = [
        description for op_id, description in plan.descriptions.items()
        if op_id in mentioned
    ] or [
        plan.descriptions[operation["id"]] for operation in plan.operations
        if operation["entityId"] in mentioned
    ]
    return [f"{', '.join(found)} ({text})"] if found else [text]
