"""Resolvers: ``project``, ``projects``, ``productTypes`` and ``ProjectNode``."""

from __future__ import annotations

from typing import Any, Optional

from graphql import GraphQLError, GraphQLResolveInfo

from ..anatomy_defaults import DEFAULT_ANATOMY
from ..store import ProjectRecord
from ..util import json_string
from .context import GraphQLContext
from .paging import connection, paging_args

_DEFAULT_PRODUCT_BASE_TYPE = DEFAULT_ANATOMY["product_base_types"]["default"]


def _ctx(info: GraphQLResolveInfo) -> GraphQLContext:
    context: GraphQLContext = info.context
    return context


def resolve_project(
    _: Any,
    info: GraphQLResolveInfo,
    name: Optional[str] = None,
    code: Optional[str] = None,
) -> ProjectRecord:
    ctx = _ctx(info)
    if name is None and code is None:
        raise GraphQLError("Either 'name' or 'code' is required")
    if name is not None:
        project = ctx.store.projects.get(name)
    else:
        projects, _page = ctx.store.projects.page(code=code, first=1)
        project = projects[0] if projects else None
    if project is None or not ctx.user.can_access_project(project.name):
        raise GraphQLError(f"Project {name or code} not found")
    return project


def resolve_projects(
    _: Any,
    info: GraphQLResolveInfo,
    name: Optional[str] = None,
    code: Optional[str] = None,
    includeSkeleton: bool = False,
    **args: Any,
) -> dict[str, Any]:
    ctx = _ctx(info)
    names: Optional[list[str]] = None
    if not ctx.user.has_manager_rights:
        names = list(ctx.user.access_groups)
    if name is not None:
        names = [name] if names is None or name in names else []
    projects, page = ctx.store.projects.page(
        names=names, code=code, **paging_args(args)
    )
    return connection(projects, page, key=lambda p: p.name)


def resolve_product_types(_: Any, info: GraphQLResolveInfo) -> list[dict[str, Any]]:
    """Known product types: the default product base types."""
    return [
        {"name": d["name"], "icon": d.get("icon"), "color": d.get("color")}
        for d in DEFAULT_ANATOMY["product_base_types"]["definitions"]
    ]


# -- ProjectNode fields --------------------------------------------------------


def _attrib(project: ProjectRecord, info: GraphQLResolveInfo) -> dict[str, Any]:
    values = _ctx(info).store.attributes.defaults("project")
    values.update(project.attrib)
    return values


def _bundle(project: ProjectRecord, info: GraphQLResolveInfo) -> dict[str, Any]:
    bundle = project.data.get("bundle") or {}
    return {"production": bundle.get("production"), "staging": bundle.get("staging")}


def _link_types(
    project: ProjectRecord, info: GraphQLResolveInfo, activeOnly: bool = False
) -> list[dict[str, Any]]:
    result = []
    for item in project.link_types:
        data = item.get("data") or {}
        result.append(
            {
                "name": item["name"],
                "linkType": item["linkType"],
                "inputType": item["inputType"],
                "outputType": item["outputType"],
                "color": data.get("color"),
                "style": data.get("style") or "solid",
            }
        )
    return result


def _product_base_types(
    project: ProjectRecord, info: GraphQLResolveInfo
) -> list[dict[str, Any]]:
    config = project.config.get("productBaseTypes") or {}
    default = {**_DEFAULT_PRODUCT_BASE_TYPE, **(config.get("default") or {})}
    return [
        {
            "name": d["name"],
            "icon": d.get("icon") or default["icon"],
            "color": d.get("color") or default["color"],
        }
        for d in config.get("definitions") or []
    ]


def _list_field(attr: str) -> Any:
    def resolve(
        project: ProjectRecord, info: GraphQLResolveInfo, activeOnly: bool = False
    ) -> list[dict[str, Any]]:
        return list(getattr(project, attr))

    return resolve


RESOLVERS: dict[str, dict[str, Any]] = {
    "Query": {
        "project": resolve_project,
        "projects": resolve_projects,
        "productTypes": resolve_product_types,
    },
    "ProjectNode": {
        "projectName": lambda p, info: p.name,
        "projectFolder": lambda p, info: None,
        "skeleton": lambda p, info: False,
        "data": lambda p, info: json_string(p.data),
        "config": lambda p, info: json_string(p.config),
        "createdAt": lambda p, info: p.created_at,
        "updatedAt": lambda p, info: p.updated_at,
        "bundle": _bundle,
        "attrib": _attrib,
        "allAttrib": lambda p, info: json_string(p.attrib),
        "folderTypes": _list_field("folder_types"),
        "taskTypes": _list_field("task_types"),
        "linkTypes": _link_types,
        "statuses": _list_field("statuses"),
        "tags": _list_field("tags"),
        "productBaseTypes": _product_base_types,
    },
}
