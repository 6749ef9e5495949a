"""REST routers, one module per area, mirroring the real server's paths."""

from __future__ import annotations

from fastapi import APIRouter

from . import (
    anatomy,
    attributes,
    auth,
    entities,
    hierarchy,
    lookups,
    operations,
    project_extras,
    project_folders,
    projects,
    system,
    tasks,
    users,
)

ROUTERS: list[APIRouter] = [
    system.router,
    auth.router,
    users.router,
    projects.router,
    project_extras.router,
    project_folders.router,
    anatomy.router,
    attributes.router,
    hierarchy.router,
    entities.router,
    tasks.router,
    lookups.router,
    operations.router,
]

__all__ = ["ROUTERS"]
