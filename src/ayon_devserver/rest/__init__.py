"""REST routers, one module per area, mirroring the real server's paths."""

from __future__ import annotations

from fastapi import APIRouter

from . import anatomy, attributes, auth, projects, system, users

ROUTERS: list[APIRouter] = [
    system.router,
    auth.router,
    users.router,
    projects.router,
    anatomy.router,
    attributes.router,
]

__all__ = ["ROUTERS"]
