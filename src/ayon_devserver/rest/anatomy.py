"""``/api/anatomy``: anatomy presets (list, get, put, delete, rename,
primary), the anatomy schema, and a project's anatomy
(``/api/projects/{p}/anatomy``)."""

from __future__ import annotations

import copy
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Body, Path, Request, Response
from pydantic import BaseModel, ValidationError

from .. import anatomy
from ..anatomy_defaults import DEFAULT_ANATOMY
from ..anatomy_models import anatomy_schema, normalize_anatomy
from ..auth import CurrentUser, require_manager, require_project_access
from ..errors import BadRequest, NotFound
from ..store import Store

router = APIRouter(tags=["Anatomy"])

ANATOMY_VERSION = "1.0.0"
PRIMARY = "__primary__"
# names of the built-in preset ("_" before server 1.0.8)
BUILTIN_PRESET_NAMES = ("__builtin__", "_")
ProjectName = Annotated[str, Path(pattern=r"^[a-zA-Z0-9_]*$")]


class RenamePresetModel(BaseModel):
    name: str


def _store(request: Request) -> Store:
    return request.app.state.store


def resolve_preset(store: Store, name: Optional[str]) -> dict[str, Any]:
    """The anatomy of a preset by name (``None``/``__primary__``: the primary
    preset, else the built-in one)."""
    if name in BUILTIN_PRESET_NAMES:
        return copy.deepcopy(DEFAULT_ANATOMY)
    if name in (None, "", PRIMARY):
        primary = store.presets.primary_name()
        if primary is None:
            return copy.deepcopy(DEFAULT_ANATOMY)
        name = primary
    preset = store.presets.get(str(name))
    if preset is None:
        raise NotFound(f"Anatomy preset {name} not found")
    return preset


def validated_anatomy(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise BadRequest("Invalid anatomy: expected an object")
    try:
        return normalize_anatomy(data)
    except ValidationError as exc:
        raise BadRequest(f"Invalid anatomy: {exc}") from None


@router.get("/api/anatomy/presets")
def get_anatomy_presets(user: CurrentUser, request: Request) -> dict[str, Any]:
    return {"presets": _store(request).presets.list(), "version": ANATOMY_VERSION}


@router.get("/api/anatomy/schema")
def get_anatomy_schema(user: CurrentUser) -> dict[str, Any]:
    return anatomy_schema()


@router.get("/api/anatomy/presets/{preset_name}")
def get_anatomy_preset(
    preset_name: str, user: CurrentUser, request: Request
) -> dict[str, Any]:
    return resolve_preset(_store(request), preset_name)


@router.put("/api/anatomy/presets/{preset_name}", status_code=204)
def update_anatomy_preset(
    preset_name: str,
    body: Annotated[dict[str, Any], Body()],
    user: CurrentUser,
    request: Request,
) -> Response:
    """Create or replace a preset."""
    require_manager(user)
    if preset_name in (PRIMARY, *BUILTIN_PRESET_NAMES) or not preset_name.strip():
        raise BadRequest(f"Cannot save a preset named {preset_name!r}")
    _store(request).presets.put(preset_name, validated_anatomy(body), ANATOMY_VERSION)
    return Response(status_code=204)


@router.delete("/api/anatomy/presets/{preset_name}", status_code=204)
def delete_anatomy_preset(
    preset_name: str, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    _store(request).presets.delete(preset_name)
    return Response(status_code=204)


@router.post("/api/anatomy/presets/{preset_name}/rename", status_code=204)
def rename_anatomy_preset(
    preset_name: str, body: RenamePresetModel, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    if body.name in (PRIMARY, *BUILTIN_PRESET_NAMES) or not body.name.strip():
        raise BadRequest(f"Cannot rename a preset to {body.name!r}")
    _store(request).presets.rename(preset_name, body.name)
    return Response(status_code=204)


@router.post("/api/anatomy/presets/{preset_name}/primary", status_code=204)
def set_primary_preset(
    preset_name: str, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    store = _store(request)
    store.presets.set_primary(
        None if preset_name in BUILTIN_PRESET_NAMES else preset_name
    )
    return Response(status_code=204)


@router.delete("/api/anatomy/presets/{preset_name}/primary", status_code=204)
def unset_primary_preset(
    preset_name: str, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    store = _store(request)
    if store.presets.primary_name() == preset_name:
        store.presets.set_primary(None)
    return Response(status_code=204)


@router.get("/api/projects/{project_name}/anatomy")
def get_project_anatomy(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> dict[str, Any]:
    store = _store(request)
    project = store.projects.require(project_name)
    require_project_access(user, project_name)
    names = [a["name"] for a in store.attributes.for_scope("project")]
    return anatomy.project_anatomy(project, names)


@router.post("/api/projects/{project_name}/anatomy", status_code=204)
def set_project_anatomy(
    project_name: ProjectName,
    body: Annotated[dict[str, Any], Body()],
    user: CurrentUser,
    request: Request,
) -> Response:
    """Replace the project's anatomy (types, statuses, tags, link types,
    attribute values, roots, templates)."""
    require_manager(user)
    store = _store(request)
    fields = anatomy.project_fields(validated_anatomy(body))
    known = {a["name"] for a in store.attributes.for_scope("project")}
    with store.transaction():
        project = store.projects.require(project_name)
        project.attrib = {k: v for k, v in fields["attrib"].items() if k in known}
        project.config = {**project.config, **fields["config"]}
        for attr in ("folder_types", "task_types", "statuses", "tags", "link_types"):
            setattr(project, attr, fields[attr])
        store.projects.save(project)
    return Response(status_code=204)
