"""Resolvers: ``users``, ``user``, ``me`` and ``UserNode``."""

from __future__ import annotations

from typing import Any, Optional

from graphql import GraphQLError, GraphQLResolveInfo

from ..store import UserRecord
from ..util import json_string
from .context import GraphQLContext
from .paging import connection, paging_args


def _ctx(info: GraphQLResolveInfo) -> GraphQLContext:
    context: GraphQLContext = info.context
    return context


def resolve_users(
    _: Any,
    info: GraphQLResolveInfo,
    name: Optional[str] = None,
    names: Optional[list[str]] = None,
    emails: Optional[list[str]] = None,
    projectName: Optional[str] = None,
    projects: Optional[list[str]] = None,
    isSupport: Optional[bool] = None,
    **args: Any,
) -> dict[str, Any]:
    """Users ordered by name. Managers see everyone; other users must ask
    for the users of a project they have access to (``projectName``)."""
    ctx = _ctx(info)
    project_names = list(projects or [])
    if projectName is not None:
        project_names.append(projectName)
    if not ctx.user.has_manager_rights:
        if not project_names:
            raise GraphQLError(
                "Only managers can list all users; filter by projectName"
            )
        for project_name in project_names:
            if not ctx.user.can_access_project(project_name):
                raise GraphQLError(f"You do not have access to project {project_name}")
    if name is not None:
        names = [n for n in names if n == name] if names is not None else [name]
    if isSupport:  # there are no support users on a devserver
        names = []
    users, page = ctx.store.users.page(
        names=names,
        emails=emails,
        project_names=project_names or None,
        **paging_args(args),
    )
    return connection(users, page, key=lambda u: u.name)


def resolve_user(_: Any, info: GraphQLResolveInfo, name: str) -> UserRecord:
    user = _ctx(info).store.users.get(name)
    if user is None:
        raise GraphQLError(f"User {name} not found")
    return user


def resolve_me(_: Any, info: GraphQLResolveInfo) -> UserRecord:
    return _ctx(info).user


RESOLVERS: dict[str, dict[str, Any]] = {
    "Query": {
        "users": resolve_users,
        "user": resolve_user,
        "me": resolve_me,
    },
    "UserNode": {
        "createdAt": lambda u, info: u.created_at,
        "updatedAt": lambda u, info: u.updated_at,
        "accessGroups": lambda u, info: json_string(u.access_groups),
        "defaultAccessGroups": lambda u, info: u.default_access_groups,
        "isAdmin": lambda u, info: u.is_admin,
        "isManager": lambda u, info: u.is_manager,
        "isService": lambda u, info: u.is_service,
        "isGuest": lambda u, info: u.is_guest,
        "isDeveloper": lambda u, info: u.is_developer,
        "isStagingAllowed": lambda u, info: u.is_admin or u.is_developer,
        "inviteSentAt": lambda u, info: None,
        "inviteAcceptedAt": lambda u, info: None,
        "hasPassword": lambda u, info: u.has_password,
        "disablePasswordLogin": lambda u, info: False,
        "userPool": lambda u, info: u.data.get("userPool"),
        "apiKeyPreview": lambda u, info: u.api_key_preview,
        "deleted": lambda u, info: False,
        "attrib": lambda u, info: u.attrib,
        "allAttrib": lambda u, info: json_string(u.attrib),
    },
}
