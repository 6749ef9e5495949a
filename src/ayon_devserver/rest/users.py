"""``/api/users``: current user, user CRUD, password/API key, rename,
access groups."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, Field

from ..auth import (
    CurrentUser,
    api_key_data,
    hash_password,
    require_user_manager,
)
from ..errors import BadRequest, Forbidden
from ..store import Store, UserRecord
from ..util import NAME_PATTERN, merge_patch

router = APIRouter(prefix="/api/users", tags=["Users"])

UserName = Annotated[str, Path(pattern=NAME_PATTERN)]

# Kept by the server; never taken from a request's ``data``.
SECRET_DATA_KEYS = frozenset({"password", "apiKey", "apiKeyPreview"})
# Only user managers may set these.
ROLE_DATA_KEYS = frozenset(
    {
        "isAdmin",
        "isManager",
        "isService",
        "isGuest",
        "isDeveloper",
        "accessGroups",
        "defaultAccessGroups",
        "userPool",
    }
)


def ui_exposure_level(user: UserRecord) -> int:
    if user.is_admin or user.is_service:
        return 900
    if user.is_manager:
        return 500
    if user.is_guest:
        return 10
    return 100


def user_payload(
    user: UserRecord, viewer: UserRecord, *, exposure: bool = False
) -> dict[str, Any]:
    """A user as the REST API returns it (``UserModel``). Password and API key
    hashes are shown to user managers only, as on the real server."""
    data = dict(user.data)
    if not viewer.can_manage_users:
        data.pop("password", None)
        data.pop("apiKey", None)
    payload: dict[str, Any] = {
        "name": user.name,
        "active": user.active,
        "attrib": dict(user.attrib),
        "data": data,
        "ownAttrib": list(user.attrib),
        "createdAt": user.created_at,
        "updatedAt": user.updated_at,
    }
    if exposure:
        payload["uiExposureLevel"] = ui_exposure_level(user)
    return payload


def _store(request: Request) -> Store:
    return request.app.state.store


def _user_attrib(store: Store, attrib: Optional[dict[str, Any]]) -> dict[str, Any]:
    """Keep only attributes defined for users (like the real server's model)."""
    if not attrib:
        return {}
    known = {a["name"] for a in store.attributes.for_scope("user")}
    return {k: v for k, v in attrib.items() if k in known}


class NewUserModel(BaseModel):
    active: bool = True
    attrib: Optional[dict[str, Any]] = None
    data: Optional[dict[str, Any]] = None
    password: Optional[str] = None
    apiKey: Optional[str] = None


class UserPatchModel(BaseModel):
    active: Optional[bool] = None
    attrib: Optional[dict[str, Any]] = None
    data: Optional[dict[str, Any]] = None


class ChangePasswordRequestModel(BaseModel):
    password: Optional[str] = None
    apiKey: Optional[str] = Field(None, pattern=r"^[0-9a-f]{32}$")


class ChangeUserNameRequestModel(BaseModel):
    newName: str = Field(pattern=NAME_PATTERN)


class RenameUserRequestModel(BaseModel):
    name: str = Field(pattern=NAME_PATTERN)


class AccessGroupsOnProject(BaseModel):
    project: str
    accessGroups: list[str]


class AssignAccessGroupsRequestModel(BaseModel):
    accessGroups: list[AccessGroupsOnProject] = []


@router.get("/me")
def get_current_user(user: CurrentUser) -> dict[str, Any]:
    return user_payload(user, user, exposure=True)


@router.get("/{user_name}")
def get_user(user_name: UserName, user: CurrentUser, request: Request) -> Any:
    target = _store(request).users.require(user_name)
    return user_payload(target, user)


@router.put("/{user_name}", status_code=204)
def create_user(
    user_name: UserName, body: NewUserModel, user: CurrentUser, request: Request
) -> Response:
    require_user_manager(user)
    store = _store(request)
    data = {k: v for k, v in (body.data or {}).items() if k not in SECRET_DATA_KEYS}
    if body.password:
        data["password"] = hash_password(body.password)
    if body.apiKey:
        data.update(api_key_data(body.apiKey))
    data["createdBy"] = user.name
    store.users.create(
        user_name,
        active=body.active,
        attrib=_user_attrib(store, body.attrib),
        data=data,
    )
    return Response(status_code=204)


@router.patch("/{user_name}", status_code=204)
def patch_user(
    user_name: UserName, body: UserPatchModel, user: CurrentUser, request: Request
) -> Response:
    store = _store(request)
    is_self = user.name == user_name
    if not (is_self or user.can_manage_users):
        raise Forbidden("Only administrators can modify other users")
    patch = body.model_dump(exclude_unset=True)
    data_patch = {
        k: v for k, v in (patch.get("data") or {}).items() if k not in SECRET_DATA_KEYS
    }
    if not user.can_manage_users:
        if "active" in patch or ROLE_DATA_KEYS.intersection(data_patch):
            raise Forbidden("Only administrators can change roles or active state")
    with store.transaction():
        target = store.users.require(user_name)
        attrib = target.attrib
        if "attrib" in patch:
            attrib = merge_patch(attrib, _user_attrib(store, patch["attrib"]))
        active = patch.get("active")
        store.users.update(
            user_name,
            active=active,
            attrib=attrib,
            data=merge_patch(target.data, data_patch),
        )
        if active is False:
            store.sessions.delete_for_user(user_name)
    return Response(status_code=204)


@router.delete("/{user_name}", status_code=204)
def delete_user(user_name: UserName, user: CurrentUser, request: Request) -> Response:
    require_user_manager(user)
    if user_name == user.name:
        raise BadRequest("You cannot delete yourself")
    _store(request).users.delete(user_name)
    return Response(status_code=204)


@router.patch("/{user_name}/password", status_code=204)
def change_password(
    user_name: UserName,
    body: ChangePasswordRequestModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    if user.name != user_name and not user.can_manage_users:
        raise Forbidden("Only administrators can change other users' passwords")
    if not body.password and not body.apiKey:
        raise BadRequest("Provide a password or an apiKey")
    store = _store(request)
    with store.transaction():
        target = store.users.require(user_name)
        data = dict(target.data)
        if body.password:
            data["password"] = hash_password(body.password)
        if body.apiKey:
            data.update(api_key_data(body.apiKey))
        store.users.update(user_name, data=data)
        if body.password:
            store.sessions.delete_for_user(user_name)
            info = getattr(request.state, "auth", None)
            if info is not None and info.session_hash and user.name == user_name:
                store.sessions.create(info.session_hash, user_name)
    return Response(status_code=204)


def _rename(request: Request, user: CurrentUser, old: str, new: str) -> Response:
    require_user_manager(user)
    _store(request).users.rename(old, new)
    return Response(status_code=204)


@router.patch("/{user_name}/rename", status_code=204)
def change_user_name(
    user_name: UserName,
    body: ChangeUserNameRequestModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    return _rename(request, user, user_name, body.newName)


@router.post("/{user_name}/rename", status_code=204)
def rename_user(
    user_name: UserName,
    body: RenameUserRequestModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    return _rename(request, user, user_name, body.name)


@router.patch("/{user_name}/accessGroups", status_code=204)
def assign_access_groups(
    user_name: UserName,
    body: AssignAccessGroupsRequestModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    require_user_manager(user)
    store = _store(request)
    with store.transaction():
        target = store.users.require(user_name)
        access = target.access_groups
        for item in body.accessGroups:
            store.projects.require(item.project)
            if item.accessGroups:
                access[item.project] = list(item.accessGroups)
            else:
                access.pop(item.project, None)
        store.users.update(user_name, data={**target.data, "accessGroups": access})
    return Response(status_code=204)
