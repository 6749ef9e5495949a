"""Resolvers of the project hierarchy: ``ProjectNode.folders/tasks/products/
versions/representations/workfiles`` connections (one SQL query per page),
the singular ``folder(id)`` ..., and the relations between entity nodes
(batched per request, see ``loaders``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Callable, Optional

from graphql import GraphQLError, GraphQLResolveInfo

from ..anatomy_defaults import DEFAULT_ANATOMY
from ..entities.payloads import version_name
from ..store import ProjectRecord
from . import nodes
from .context import GraphQLContext
from .loaders import ProjectData, page_of
from .nodes import Node, node_for, related
from .paging import connection, paging_args

PAGING = ("first", "after", "last", "before")
DEFAULT_PAGE_SIZE = 100
REGEX_ARGS = ("pathEx", "nameEx")
Resolver = Callable[..., Any]


def project_data(info: GraphQLResolveInfo, project: ProjectRecord) -> ProjectData:
    context: GraphQLContext = info.context
    key = f"project-data:{project.name}"
    pd = context.cache.get(key)
    if pd is None:
        pd = context.cache[key] = ProjectData(context.store, project)
    return pd


def _split(args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(listing filters, paging keyword arguments) of connection arguments."""
    filters = {k: v for k, v in args.items() if k not in PAGING}
    for name in REGEX_ARGS:
        if filters.get(name):
            try:
                re.compile(filters[name])
            except re.error as exc:
                raise GraphQLError(
                    f"Invalid regular expression in {name}: {exc}"
                ) from None
    paging = paging_args(args)
    if paging["first"] is None and paging["last"] is None:
        paging["first"] = DEFAULT_PAGE_SIZE  # as the real server
    return filters, paging


def _seq(node: Node) -> Any:
    return node["_row"]["seq"]


def _connection(entity_type: str) -> Resolver:
    def resolve(project: ProjectRecord, info: GraphQLResolveInfo, **args: Any) -> Any:
        pd = project_data(info, project)
        filters, paging = _split(args)
        page = pd.store.listing.page(entity_type, pd.name, filters, **paging)
        return connection([node_for(pd, entity_type, r) for r in page.rows], page, _seq)

    return resolve


def _single(entity_type: str) -> Resolver:
    def resolve(project: ProjectRecord, info: GraphQLResolveInfo, id: str) -> Any:
        pd = project_data(info, project)
        return node_for(pd, entity_type, pd.batch(entity_type).get(id))

    return resolve


def _children(child_type: str, parent_arg: str) -> Resolver:
    """A connection of a node's children (e.g. ``FolderNode.tasks``)."""

    def resolve(node: Node, info: GraphQLResolveInfo, **args: Any) -> Any:
        pd: ProjectData = node["_pd"]
        filters, paging = _split(args)
        filters.pop(parent_arg, None)
        rows = pd.children(child_type, parent_arg, node["_type"], node["id"], filters)
        page = page_of(rows, **paging)
        return connection([node_for(pd, child_type, r) for r in page.rows], page, _seq)

    return resolve


def _parent(entity_type: str, key: str) -> Resolver:
    return lambda node, info: related(node, entity_type, node[key])


def _count(kind: str, as_flag: bool = False) -> Resolver:
    def resolve(node: Node, info: GraphQLResolveInfo) -> Any:
        count = node["_pd"].count(kind, node["id"])
        return count > 0 if as_flag else count

    return resolve


def _versions_of_product(node: Node, args: Mapping[str, Any]) -> list[Any]:
    """Versions (filtered by ``args``) of a version's or product's product,
    batched over the products of all versions built in the request."""
    pd: ProjectData = node["_pd"]
    if node["_type"] == "product":
        return pd.children("version", "productIds", "product", node["id"], args)
    product_ids = {
        pd.nodes[("version", vid)]["productId"] for vid in pd.built.get("version", [])
    }
    return pd.children(
        "version", "productIds", "product", node["productId"], args, product_ids
    )


def resolve_latest_version(node: Node, info: GraphQLResolveInfo) -> Optional[Node]:
    rows = _versions_of_product(node, {"latestOnly": True})
    return node_for(node["_pd"], "version", rows[0]) if rows else None


def resolve_is_latest(node: Node, info: GraphQLResolveInfo) -> bool:
    rows = _versions_of_product(node, {"latestOnly": True})
    return bool(rows) and rows[0]["id"] == node["id"]


def resolve_hero_version_id(node: Node, info: GraphQLResolveInfo) -> Optional[str]:
    rows = _versions_of_product(node, {"heroOnly": True})
    return rows[0]["id"] if rows else None


def resolve_version_list(node: Node, info: GraphQLResolveInfo) -> list[dict[str, Any]]:
    return [
        {"id": r["id"], "version": r["version"], "name": version_name(r["version"])}
        for r in _versions_of_product(node, {})
    ]


def resolve_product_types(project: ProjectRecord, info: GraphQLResolveInfo) -> Any:
    """Product types used in the project (icon/color from its base types)."""
    pd = project_data(info, project)
    config = project.config.get("productBaseTypes") or {}
    default = {
        **DEFAULT_ANATOMY["product_base_types"]["default"],
        **(config.get("default") or {}),
    }
    known = {d.get("name"): d for d in config.get("definitions") or []}
    result = []
    for name, base in pd.store.entities.used_product_types(project.name):
        definition = known.get(base) or known.get(name) or {}
        result.append(
            {
                "name": name,
                "icon": definition.get("icon") or default["icon"],
                "color": definition.get("color") or default["color"],
            }
        )
    return result


def resolve_used_tags(project: ProjectRecord, info: GraphQLResolveInfo) -> list[str]:
    store = project_data(info, project).store
    tags: set[str] = set()
    for entity_type in nodes.BUILDERS:
        tags.update(store.entities.used_values(entity_type, project.name, "tags"))
    return sorted(tags)


_BASE: dict[str, Resolver] = {
    "links": lambda node, info, **args: nodes.EMPTY_LINKS,
    "parents": nodes.resolve_parents,
    "attrib": nodes.resolve_attrib,
}
_INHERITING: dict[str, Resolver] = {
    **_BASE,
    "allAttrib": nodes.resolve_all_attrib,
    "ownAttrib": nodes.resolve_own_attrib,
}

RESOLVERS: dict[str, dict[str, Any]] = {
    "ProjectNode": {
        **{
            f"{t}s": _connection(t)
            for t in (
                "folder",
                "task",
                "product",
                "version",
                "representation",
                "workfile",
            )
        },
        **{
            t: _single(t)
            for t in (
                "folder",
                "task",
                "product",
                "version",
                "representation",
                "workfile",
            )
        },
        "productTypes": resolve_product_types,
        "usedTags": resolve_used_tags,
    },
    "FolderNode": {
        **_INHERITING,
        "parent": _parent("folder", "parentId"),
        "tasks": _children("task", "folderIds"),
        "products": _children("product", "folderIds"),
        "childCount": _count("folders"),
        "taskCount": _count("tasks"),
        "productCount": _count("products"),
        "hasChildren": _count("folders", as_flag=True),
        "hasTasks": _count("tasks", as_flag=True),
        "hasProducts": _count("products", as_flag=True),
        "hasVersions": lambda node, info: node["_pd"].has_versions(node["path"]),
    },
    "TaskNode": {
        **_INHERITING,
        "folder": _parent("folder", "folderId"),
        "path": nodes.resolve_path,
        "versions": _children("version", "taskIds"),
        "workfiles": _children("workfile", "taskIds"),
    },
    "ProductNode": {
        **_BASE,
        "folder": _parent("folder", "folderId"),
        "path": nodes.resolve_path,
        "versions": _children("version", "productIds"),
        "latestVersion": resolve_latest_version,
        "versionList": resolve_version_list,
    },
    "VersionNode": {
        **_BASE,
        "product": _parent("product", "productId"),
        "task": _parent("task", "taskId"),
        "path": nodes.resolve_path,
        "representations": _children("representation", "versionIds"),
        "isLatest": resolve_is_latest,
        "heroVersionId": resolve_hero_version_id,
    },
    "RepresentationNode": {
        **_BASE,
        "version": _parent("version", "versionId"),
        "path": nodes.resolve_path,
        "files": nodes.resolve_files,
        "fileCount": lambda node, info: len(nodes.resolve_files(node, info)),
        "context": nodes.resolve_context,
    },
    "WorkfileNode": {
        **_BASE,
        "task": _parent("task", "taskId"),
    },
}
