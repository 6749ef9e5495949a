"""``/api/projectFolders``: folders grouping projects (list, create, patch,
order, assign projects, delete)."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from ..auth import CurrentUser, require_manager
from ..entities import new_id
from ..errors import Conflict, NotFound
from ..store import Store

router = APIRouter(prefix="/api/projectFolders", tags=["Project folders"])

FolderId = Field(None, pattern=r"^[0-9a-f]{32}$")


class ProjectFolderData(BaseModel):
    model_config = ConfigDict(extra="allow")

    color: Optional[str] = None
    icon: Optional[str] = None


class ProjectFolderPostModel(BaseModel):
    id: Optional[str] = FolderId
    label: str = Field(min_length=1, max_length=255)
    parentId: Optional[str] = FolderId
    data: Optional[ProjectFolderData] = None


class ProjectFolderPatchModel(BaseModel):
    label: Optional[str] = Field(None, min_length=1, max_length=255)
    parentId: Optional[str] = FolderId
    data: Optional[ProjectFolderData] = None


class ProjectFolderOrderModel(BaseModel):
    order: list[str]


class AssignProjectRequest(BaseModel):
    folderId: Optional[str] = FolderId
    projectNames: list[str]


def _store(request: Request) -> Store:
    return request.app.state.store


def _check_parent(store: Store, parent_id: Optional[str], folder_id: str) -> None:
    if parent_id is None:
        return
    if parent_id == folder_id:
        raise Conflict("A project folder cannot be its own parent")
    if not store.project_folders.exists(parent_id):
        raise NotFound(f"Project folder {parent_id} not found")


@router.get("")
def get_project_folders(user: CurrentUser, request: Request) -> dict[str, Any]:
    return {"folders": _store(request).project_folders.list()}


@router.post("")
def create_project_folder(
    body: ProjectFolderPostModel, user: CurrentUser, request: Request
) -> dict[str, str]:
    require_manager(user)
    store = _store(request)
    folder_id = body.id or new_id()
    with store.transaction():
        if store.project_folders.exists(folder_id):
            raise Conflict(f"Project folder {folder_id} already exists")
        _check_parent(store, body.parentId, folder_id)
        data = body.data.model_dump(exclude_none=True) if body.data else {}
        store.project_folders.create(folder_id, body.label, body.parentId, data)
    return {"id": folder_id}


@router.patch("/{folder_id}", status_code=204)
def update_project_folder(
    folder_id: str, body: ProjectFolderPatchModel, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    store = _store(request)
    changes = body.model_dump(exclude_unset=True)
    if "data" in changes:
        changes["data"] = body.data.model_dump(exclude_none=True) if body.data else {}
    with store.transaction():
        _check_parent(store, changes.get("parentId"), folder_id)
        store.project_folders.update(folder_id, changes)
    return Response(status_code=204)


@router.post("/order", status_code=204)
def set_project_folders_order(
    body: ProjectFolderOrderModel, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    _store(request).project_folders.set_order(body.order)
    return Response(status_code=204)


@router.post("/assign", status_code=204)
def assign_projects_to_folder(
    body: AssignProjectRequest, user: CurrentUser, request: Request
) -> Response:
    """Put projects into a folder (no ``folderId``: out of any folder)."""
    require_manager(user)
    store = _store(request)
    with store.transaction():
        if body.folderId is not None and not store.project_folders.exists(
            body.folderId
        ):
            raise NotFound(f"Project folder {body.folderId} not found")
        for name in body.projectNames:
            project = store.projects.require(name)
            data = dict(project.data)
            if body.folderId is None:
                data.pop("projectFolder", None)
            else:
                data["projectFolder"] = body.folderId
            project.data = data
            store.projects.save(project)
    return Response(status_code=204)


@router.delete("/{folder_id}", status_code=204)
def delete_project_folder(
    folder_id: str, user: CurrentUser, request: Request
) -> Response:
    require_manager(user)
    store = _store(request)
    with store.transaction():
        store.project_folders.delete(folder_id)
        for project in store.projects.find():
            if project.data.get("projectFolder") == folder_id:
                project.data = {
                    k: v for k, v in project.data.items() if k != "projectFolder"
                }
                store.projects.save(project)
    return Response(status_code=204)
