"""Entity classes of the hub, one module per entity type."""
from __future__ import annotations

from .base import BaseEntity
from .folder import FolderEntity
from .product import ProductEntity
from .project import ProjectEntity
from .task import TaskEntity
from .version import VersionEntity

__all__ = [
    "BaseEntity",
    "FolderEntity",
    "ProductEntity",
    "ProjectEntity",
    "TaskEntity",
    "VersionEntity",
]
