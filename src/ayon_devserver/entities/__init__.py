"""Project entities (folders, tasks, products, versions, representations,
workfiles): validation and the create/update/delete logic shared by the REST
endpoints and batch operations, and their REST payloads. SQL stays in
``store``."""

from __future__ import annotations

from .operations import (
    BackgroundOperations,
    OperationsRequestModel,
    OperationsRunner,
    gc_paused,
)
from .payloads import Renderer, version_name
from .service import EntityService, new_id

ENTITY_TYPES = ("folder", "task", "product", "version", "representation", "workfile")

__all__ = [
    "ENTITY_TYPES",
    "BackgroundOperations",
    "EntityService",
    "OperationsRequestModel",
    "OperationsRunner",
    "Renderer",
    "gc_paused",
    "new_id",
    "version_name",
]
