"""Per-project extras: rename, roots and site roots, stats, used tags,
product types, entity URIs."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Body, Header, Path, Request, Response
from pydantic import BaseModel, Field

from ..auth import CurrentUser, require_manager
from ..entities import ENTITY_TYPES, Renderer, version_name
from ..roots import site_roots
from ..store import Store
from ..util import PROJECT_NAME_PATTERN
from .entities import ProjectName, project_context

router = APIRouter(prefix="/api/projects/{project_name}", tags=["Projects"])

Platform = Literal["windows", "linux", "darwin"]


class RenameProjectRequestModel(BaseModel):
    name: str = Field(pattern=PROJECT_NAME_PATTERN, min_length=1, max_length=64)
    code: Optional[str] = Field(None, pattern=PROJECT_NAME_PATTERN, min_length=1)


class GetUrisRequest(BaseModel):
    entityType: Literal[
        "folder", "product", "version", "representation", "task", "workfile"
    ]
    ids: list[str] = Field(default_factory=list)


@router.post("/rename", status_code=204)
def rename_project(
    project_name: ProjectName,
    body: RenameProjectRequestModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    require_manager(user)
    store: Store = request.app.state.store
    with store.transaction():
        store.projects.rename(project_name, body.name, body.code)
        store.users.rename_project_access(project_name, body.name)
    return Response(status_code=204)


@router.get("/roots")
def get_project_roots_overrides(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> dict[str, dict[str, str]]:
    """The user's root overrides: ``{site_id: {root name: path}}``."""
    store, _project = project_context(request, user, project_name)
    return store.roots.overrides(project_name, user.name)


@router.put("/roots/{site_id}", status_code=204)
def set_project_roots_overrides(
    project_name: ProjectName,
    site_id: Annotated[str, Path(min_length=1)],
    body: Annotated[dict[str, str], Body()],
    user: CurrentUser,
    request: Request,
) -> Response:
    store, project = project_context(request, user, project_name)
    roots = project.config.get("roots") or {}
    values = {name: path for name, path in body.items() if name in roots and path}
    store.roots.set(project_name, user.name, site_id, values)
    return Response(status_code=204)


@router.get("/siteRoots")
def get_project_site_roots(
    project_name: ProjectName,
    user: CurrentUser,
    request: Request,
    platform: Optional[Platform] = None,
    site_id: Optional[str] = None,
    x_ayon_site_id: Annotated[Optional[str], Header()] = None,
) -> dict[str, str]:
    """Root paths for a platform, with the site's overrides applied."""
    store, project = project_context(request, user, project_name)
    return site_roots(store, project, user.name, site_id or x_ayon_site_id, platform)


@router.get("/stats")
def get_project_stats(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> dict[str, Any]:
    store, _project = project_context(request, user, project_name)
    counts = {
        f"{entity_type}s": store.entities.count(entity_type, project_name)
        for entity_type in ENTITY_TYPES
    }
    return {"counts": counts}


@router.get("/tags")
def get_project_tags(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> dict[str, list[str]]:
    """Tags used by the project's entities, per entity type."""
    store, _project = project_context(request, user, project_name)
    return {
        f"{entity_type}s": store.entities.used_values(entity_type, project_name, "tags")
        for entity_type in ENTITY_TYPES
    }


@router.get("/productTypes")
def get_product_types(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> dict[str, Any]:
    """Product types used in the project, with icon and color from the
    project's product base types."""
    store, project = project_context(request, user, project_name)
    config = project.config.get("productBaseTypes") or {}
    default = {
        "color": "#cccccc",
        "icon": "deployed_code",
        **(config.get("default") or {}),
    }
    known = {d["name"]: d for d in config.get("definitions") or [] if d.get("name")}
    product_types = []
    for name, base in store.entities.used_product_types(project_name):
        definition = known.get(base) or known.get(name) or {}
        product_types.append(
            {
                "name": name,
                "baseType": base,
                "color": definition.get("color") or default["color"],
                "icon": definition.get("icon") or default["icon"],
            }
        )
    return {"default": default, "productTypes": product_types}


@router.post("/uris")
def get_project_entity_uris(
    project_name: ProjectName, body: GetUrisRequest, user: CurrentUser, request: Request
) -> dict[str, Any]:
    """``ayon+entity://`` URIs of entities (unknown ids are left out)."""
    store, project = project_context(request, user, project_name)
    renderer = Renderer(store, project)
    records = store.entities.get_many(body.entityType, project_name, body.ids)
    uris = []
    for entity_id in body.ids:
        record = records.get(entity_id)
        if record is not None:
            uris.append(
                {"id": entity_id, "uri": entity_uri(renderer, body.entityType, record)}
            )
    return {"uris": uris}


def entity_uri(renderer: Renderer, entity_type: str, record: dict[str, Any]) -> str:
    project_name = renderer.project.name
    query: list[str] = []
    if entity_type in ("task", "workfile"):
        task = (
            record
            if entity_type == "task"
            else renderer.parent("task", record["task_id"])
        )
        folder = renderer.parent("folder", task["folder_id"])
        query.append(f"task={task['name']}")
        if entity_type == "workfile":
            query.append(f"workfile={record['path'].rsplit('/', 1)[-1]}")
    elif entity_type == "folder":
        folder = record
    else:
        representation = record if entity_type == "representation" else None
        version = record if entity_type == "version" else None
        if representation is not None:
            version = renderer.parent("version", representation["version_id"])
        product = record if entity_type == "product" else None
        if version is not None:
            product = renderer.parent("product", version["product_id"])
        assert product is not None
        folder = renderer.parent("folder", product["folder_id"])
        query.append(f"product={product['name']}")
        if version is not None:
            query.append(f"version={version_name(version['version'])}")
        if representation is not None:
            query.append(f"representation={representation['name']}")
    uri = f"ayon+entity://{project_name}/{folder['path'].strip('/')}"
    return uri + ("?" + "&".join(query) if query else "")
