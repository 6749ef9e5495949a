"""``EntityHub``: edit a project's hierarchy in memory and commit it.

The hub fetches the project, folders, tasks, products and versions as
entity objects that record their changes; new entities are added with
``add_new_*``. ``commit_changes()`` sends everything at once.

Modules: ``hub`` (the hub and its commit), ``fetching`` (server reads),
``hierarchy`` (the index of cached entities, moves and deletes),
``changes`` (turning pending changes into operations), ``entities`` (one
module per entity type), ``attributes``, ``data`` and ``statuses`` (the
tracked values of an entity).
"""
from __future__ import annotations

from ._values import PROJECT_PARENT_ID, UNKNOWN_VALUE
from .attributes import Attributes, AttributeValue
from .data import Assignees, EntityData
from .entities import (
    BaseEntity,
    FolderEntity,
    ProductEntity,
    ProjectEntity,
    TaskEntity,
    VersionEntity,
)
from .hub import EntityHub
from .statuses import ProjectStatus

__all__ = [
    "PROJECT_PARENT_ID",
    "UNKNOWN_VALUE",
    "Assignees",
    "AttributeValue",
    "Attributes",
    "BaseEntity",
    "EntityData",
    "EntityHub",
    "FolderEntity",
    "ProductEntity",
    "ProjectEntity",
    "ProjectStatus",
    "TaskEntity",
    "VersionEntity",
]
