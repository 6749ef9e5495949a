"""``/api/projects``: list, deploy (POST), create (PUT), get, patch, delete."""

from __future__ import annotations

import copy
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field

from .. import anatomy
from ..auth import CurrentUser, require_manager, require_project_access
from ..errors import Conflict
from ..store import ProjectRecord, Store, UserRecord
from ..util import PROJECT_NAME_PATTERN, deep_merge_patch, merge_patch
from .anatomy import resolve_preset, validated_anatomy

router = APIRouter(prefix="/api/projects", tags=["Projects"])

ProjectName = Annotated[str, Path(pattern=r"^[a-zA-Z0-9_]*$")]
NameField = Field(pattern=PROJECT_NAME_PATTERN, max_length=64)
CodeField = Field(pattern=PROJECT_NAME_PATTERN, max_length=64)


class DeployProjectRequestModel(BaseModel):
    name: str = NameField
    code: str = CodeField
    label: Optional[str] = None
    color: Optional[str] = None
    anatomy: Optional[dict[str, Any]] = None
    anatomyPreset: Optional[str] = None
    library: bool = False
    skeleton: bool = False
    assignUsers: bool = True


class ProjectPostModel(BaseModel):
    code: str = CodeField
    label: Optional[str] = None
    library: bool = False
    active: bool = True
    attrib: Optional[dict[str, Any]] = None
    data: Optional[dict[str, Any]] = None
    config: Optional[dict[str, Any]] = None
    folderTypes: Optional[list[dict[str, Any]]] = None
    taskTypes: Optional[list[dict[str, Any]]] = None
    linkTypes: Optional[list[dict[str, Any]]] = None
    statuses: Optional[list[dict[str, Any]]] = None
    tags: Optional[list[dict[str, Any]]] = None


class ProjectPatchModel(BaseModel):
    code: Optional[str] = Field(None, pattern=PROJECT_NAME_PATTERN, max_length=64)
    label: Optional[str] = None
    library: Optional[bool] = None
    active: Optional[bool] = None
    attrib: Optional[dict[str, Any]] = None
    data: Optional[dict[str, Any]] = None
    config: Optional[dict[str, Any]] = None
    folderTypes: Optional[list[dict[str, Any]]] = None
    taskTypes: Optional[list[dict[str, Any]]] = None
    linkTypes: Optional[list[dict[str, Any]]] = None
    statuses: Optional[list[dict[str, Any]]] = None
    tags: Optional[list[dict[str, Any]]] = None


# REST key -> ProjectRecord field, for the anatomy lists
LIST_FIELDS = {
    "folderTypes": "folder_types",
    "taskTypes": "task_types",
    "linkTypes": "link_types",
    "statuses": "statuses",
    "tags": "tags",
}


def _store(request: Request) -> Store:
    return request.app.state.store


def _project_attrib(store: Store, attrib: Optional[dict[str, Any]]) -> dict[str, Any]:
    """Keep only attributes defined for projects (unknown keys are ignored)."""
    if not attrib:
        return {}
    known = {a["name"] for a in store.attributes.for_scope("project")}
    return {k: v for k, v in attrib.items() if k in known}


def project_payload(project: ProjectRecord) -> dict[str, Any]:
    """A project as ``GET /api/projects/{name}`` returns it (``ProjectModel``)."""
    payload: dict[str, Any] = {
        "name": project.name,
        "code": project.code,
        "library": project.library,
        "active": project.active,
        "attrib": dict(project.attrib),
        "ownAttrib": list(project.attrib),
        "data": copy.deepcopy(project.data),
        "config": copy.deepcopy(project.config),
        "createdAt": project.created_at,
        "updatedAt": project.updated_at,
    }
    for key, attr in LIST_FIELDS.items():
        payload[key] = copy.deepcopy(getattr(project, attr))
    if project.label is not None:
        payload["label"] = project.label
    return payload


def list_item_payload(project: ProjectRecord) -> dict[str, Any]:
    """One ``ListProjectsItemModel``."""
    return {
        "name": project.name,
        "code": project.code,
        "label": project.label,
        "color": project.color,
        "active": project.active,
        "library": project.library,
        "pinned": False,
        "projectFolder": project.data.get("projectFolder"),
        "skeleton": False,
        "createdAt": project.created_at,
        "updatedAt": project.updated_at,
    }


def visible_project_names(user: UserRecord) -> Optional[list[str]]:
    """``None`` when the user sees every project."""
    if user.has_manager_rights:
        return None
    return list(user.access_groups)


@router.get("")
def list_projects(
    user: CurrentUser,
    request: Request,
    page: Annotated[int, Query(ge=1)] = 1,
    length: Optional[int] = None,
    library: Optional[bool] = None,
    active: Optional[bool] = None,
    skeleton: bool = False,
    order: Optional[Literal["name", "createdAt", "updatedAt"]] = None,
    desc: bool = False,
    name: Optional[str] = None,
) -> dict[str, Any]:
    projects = _store(request).projects.find(
        names=visible_project_names(user),
        active=active,
        library=library,
        order=order or "name",
        desc=desc,
    )
    if name is not None:
        projects = [p for p in projects if p.name == name]
    total = len(projects)
    if length is not None:
        projects = projects[(page - 1) * length : page * length]
    return {
        "detail": f"Showing {len(projects)} of {total} projects",
        "count": total,
        "projects": [list_item_payload(p) for p in projects],
    }


def _create(store: Store, project: ProjectRecord, assign_users: bool) -> None:
    with store.transaction():
        if store.projects.get(project.name) is not None:
            raise Conflict(f"Project {project.name} already exists")
        store.projects.create(project)
        if assign_users:
            store.users.grant_default_access(project.name)


@router.post("", status_code=201)
def deploy_project(
    body: DeployProjectRequestModel, user: CurrentUser, request: Request
) -> None:
    """Create a project from an anatomy (the default preset when omitted)."""
    require_manager(user)
    store = _store(request)
    source = body.anatomy
    if source is None:
        source = resolve_preset(store, body.anatomyPreset)
    fields = anatomy.project_fields(validated_anatomy(source))
    fields["attrib"] = _project_attrib(store, fields["attrib"])
    project = ProjectRecord(
        name=body.name,
        code=body.code,
        label=body.label,
        color=body.color,
        library=body.library,
        **fields,
    )
    _create(store, project, body.assignUsers)


@router.put("/{project_name}", status_code=201)
def create_project(
    project_name: ProjectName,
    body: ProjectPostModel,
    user: CurrentUser,
    request: Request,
) -> None:
    """Create a project from project fields; omitted lists use the defaults."""
    require_manager(user)
    store = _store(request)
    defaults = anatomy.project_fields()
    given = body.model_dump(exclude_none=True)
    project = ProjectRecord(
        name=project_name,
        code=body.code,
        label=body.label,
        library=body.library,
        active=body.active,
        attrib=_project_attrib(store, given.get("attrib", defaults["attrib"])),
        data=given.get("data", {}),
        config=given.get("config", defaults["config"]),
        **{attr: given.get(key, defaults[attr]) for key, attr in LIST_FIELDS.items()},
    )
    _create(store, project, assign_users=True)


@router.get("/{project_name}")
def get_project(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> dict[str, Any]:
    project = _store(request).projects.require(project_name)
    require_project_access(user, project_name)
    return project_payload(project)


@router.patch("/{project_name}", status_code=204)
def update_project(
    project_name: ProjectName,
    body: ProjectPatchModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    require_manager(user)
    store = _store(request)
    patch = body.model_dump(exclude_unset=True)
    with store.transaction():
        project = store.projects.require(project_name)
        for key in ("code", "label", "library", "active"):
            if patch.get(key) is not None or (key == "label" and key in patch):
                setattr(project, key, patch[key])
        if "attrib" in patch:
            project.attrib = merge_patch(
                project.attrib, _project_attrib(store, patch["attrib"])
            )
        if "data" in patch:
            project.data = deep_merge_patch(project.data, patch["data"] or {})
        if "config" in patch:
            project.config = deep_merge_patch(project.config, patch["config"] or {})
        for key, attr in LIST_FIELDS.items():
            if patch.get(key) is not None:
                setattr(project, attr, patch[key])
        store.projects.save(project)
    return Response(status_code=204)


@router.delete("/{project_name}", status_code=204)
def delete_project(
    project_name: ProjectName, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    store = _store(request)
    with store.transaction():
        store.projects.delete(project_name)
        store.users.revoke_project_access(project_name)
    return Response(status_code=204)
