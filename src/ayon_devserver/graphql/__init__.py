"""GraphQL: the schema in ``schema.graphql`` and its resolvers.

One resolver module per area (``projects``, ``users``, later ``folders``,
``tasks`` ...); each exports ``RESOLVERS``. To serve a new area: add its types
to the SDL (copied from the real schema), write the module, list it here.
"""

from __future__ import annotations

from typing import Any

from . import entities, projects, users
from .router import GraphQLService, router

RESOLVER_MODULES = [projects, users, entities]


def all_resolvers() -> dict[str, dict[str, Any]]:
    """Resolver maps of every module merged (a field bound twice is a bug)."""
    merged: dict[str, dict[str, Any]] = {}
    for module in RESOLVER_MODULES:
        for type_name, fields in module.RESOLVERS.items():
            target = merged.setdefault(type_name, {})
            for field_name, resolve in fields.items():
                if field_name in target:
                    raise RuntimeError(f"{type_name}.{field_name} bound twice")
                target[field_name] = resolve
    return merged


def create_service() -> GraphQLService:
    return GraphQLService(all_resolvers())


__all__ = ["GraphQLService", "all_resolvers", "create_service", "router"]
