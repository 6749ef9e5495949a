"""Turning the hub's pending changes into what the commit sends: the
project update and one ordered batch of operations. Nothing here changes
the hub or talks to the server."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from ..utils import create_entity_id
from .entities import BaseEntity, FolderEntity, ProjectEntity, VersionEntity

if TYPE_CHECKING:
    from .hub import EntityHub

__all__ = ["CommitPlan", "describe_entity", "plan_commit"]

# Deletes go children first: versions, products, tasks, then deep folders.
_DELETE_RANK = {"version": 0, "product": 1, "task": 2, "folder": 3}
_TYPES_KEYS = (("folderTypes", "get_orig_folder_types"),
               ("taskTypes", "get_orig_task_types"))


@dataclass
class CommitPlan:
    """What one ``commit_changes`` sends, in order."""

    #: ``update_project`` body sent before the operations.
    project_changes: dict[str, Any] = field(default_factory=dict)
    #: Final folder/task types, sent after the operations when some types
    #: were removed (entities may still use them until then).
    post_project_changes: dict[str, Any] = field(default_factory=dict)
    #: The batch: updates (with the creates they need), creates, deletes.
    operations: list[dict[str, Any]] = field(default_factory=list)
    #: Operation id -> "create folder 'sh010' (<id>)", for error messages.
    descriptions: dict[str, str] = field(default_factory=dict)
    #: Entities leaving the hub once the commit succeeded.
    removed_ids: list[str] = field(default_factory=list)


def describe_entity(entity: BaseEntity) -> str:
    if isinstance(entity, VersionEntity):
        title = f"v{entity.get_version()}"
    else:
        title = str(entity._fields.get("name"))
    return f"{entity.entity_type} '{title}' ({entity.id})"


def _project_changes(project: Optional[ProjectEntity], plan: CommitPlan
                     ) -> None:
    """Fill the project parts of ``plan``: removed folder/task types stay on
    the project until the operations moved entities off them."""
    if project is None:
        return
    changes = project.changes
    for key, orig_getter in _TYPES_KEYS:
        if key not in changes:
            continue
        orig_types = getattr(project, orig_getter)()
        new_names = {item.get("name") for item in changes[key]}
        dropped = [item for item in orig_types
                   if item.get("name") not in new_names]
        if dropped:
            plan.post_project_changes[key] = copy.deepcopy(changes[key])
            changes[key] = list(changes[key]) + dropped
    plan.project_changes = changes


class _Planner:
    def __init__(self, hub: EntityHub) -> None:
        self.hub = hub
        self.plan = CommitPlan()
        self.emitted: set[str] = set()
        self.doomed: set[str] = set()

    def add_operation(self, kind: str, entity: BaseEntity,
                      data: Optional[dict[str, Any]] = None) -> None:
        operation: dict[str, Any] = {
            "id": create_entity_id(),
            "type": kind,
            "entityType": entity.entity_type,
            "entityId": entity.id,
        }
        if data is not None:
            operation["data"] = data
        self.plan.operations.append(operation)
        self.plan.descriptions[operation["id"]] = (
            f"{kind} {describe_entity(entity)}")

    def dependencies(self, entity: BaseEntity) -> list[Any]:
        ids = [entity.parent_id]
        if isinstance(entity, VersionEntity):
            ids.append(entity.get_task_id())
        return ids

    def ensure_created(self, entity: BaseEntity) -> None:
        """Emit the create of a new entity after those it depends on."""
        if (entity.id in self.emitted or not entity.created
                or entity.id in self.doomed):
            return
        self.emitted.add(entity.id)
        for dependency_id in self.dependencies(entity):
            dependency = self.hub.get_entity_by_id(dependency_id)
            if dependency is not None and dependency is not entity:
                self.ensure_created(dependency)
        self.add_operation("create", entity, entity.to_create_body_data())

    def find_doomed(self, entities: list[BaseEntity]) -> list[BaseEntity]:
        """Removed entities and every cached entity below them."""
        doomed: list[BaseEntity] = []
        for entity in entities:
            if entity.removed and entity.id not in self.doomed:
                self.doomed.add(entity.id)
                doomed.append(entity)
                for child in self.hub._iter_descendants(entity.id):
                    if child.id not in self.doomed:
                        self.doomed.add(child.id)
                        doomed.append(child)
        return doomed

    def folder_depth(self, entity: BaseEntity) -> int:
        path = getattr(entity, "_orig_path", None)
        if isinstance(path, str) and path.strip("/"):
            return path.strip("/").count("/") + 1
        depth, seen = 1, {entity.id}
        parent = self.hub.get_entity_by_id(entity.orig_parent_id)
        while isinstance(parent, FolderEntity) and parent.id not in seen:
            seen.add(parent.id)
            depth += 1
            parent = self.hub.get_entity_by_id(parent.orig_parent_id)
        return depth

    def delete_order(self, entity: BaseEntity) -> tuple[int, int]:
        depth = self.folder_depth(entity) if entity.entity_type == "folder" \
            else 0
        return _DELETE_RANK.get(entity.entity_type, -1), -depth

    def run(self) -> CommitPlan:
        hub = self.hub
        project = hub._project_entity
        _project_changes(
            project if isinstance(project, ProjectEntity) else None, self.plan)
        entities = [entity for entity in hub._entities_by_id.values()
                    if not isinstance(entity, ProjectEntity)]
        doomed = self.find_doomed(entities)
        for entity in entities:
            if entity.created or entity.id in self.doomed:
                continue
            changes = entity.changes
            if not changes:
                continue
            for dependency_id in self.dependencies(entity):
                dependency = hub.get_entity_by_id(dependency_id)
                if dependency is not None:
                    self.ensure_created(dependency)
            self.add_operation("update", entity, changes)
        for entity in entities:
            self.ensure_created(entity)
        to_delete = [entity for entity in doomed if not entity.created]
        for entity in sorted(to_delete, key=self.delete_order):
            self.add_operation("delete", entity)
        self.plan.removed_ids = [entity.id for entity in doomed]
        return self.plan


def plan_commit(hub: EntityHub) -> CommitPlan:
    """The project update and the operations that bring the server to the
    hub's state (raises ValueError when a new entity is incomplete)."""
    return _Planner(hub).run()
