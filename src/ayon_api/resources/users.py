"""Users: read through REST and GraphQL, create, update and delete."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Optional
from urllib.parse import quote

from ..constants import DEFAULT_GRAPHQL_PAGE_SIZE, DEFAULT_USER_FIELDS
from ..graphql.paging import connection_query, iter_connection_nodes
from .attributes import AttributesAPI


def _user_path(user_name: str) -> str:
    if not isinstance(user_name, str) or not user_name.strip():
        raise ValueError(f"Invalid user name {user_name!r}")
    return f"users/{quote(user_name, safe='')}"


def _string_list(value: Any, what: str) -> Optional[list[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        raise TypeError(f"{what} must be an iterable of strings, got {value!r}")
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} must contain strings, got {item!r}")
    return items


def _user_fields(fields: Optional[Iterable[str]]) -> set[str]:
    if not fields:
        return set(DEFAULT_USER_FIELDS) | {"allAttrib"}
    result = set()
    for name in _string_list(fields, "fields") or []:
        if name == "attrib" or name.startswith("attrib."):
            name = "allAttrib"
        result.add(name)
    return result


class UsersAPI(AttributesAPI):
    """``/api/users`` and the GraphQL ``users`` connection."""

    def get_user(self, username: Optional[str] = None, own_attributes: bool = False
                 ) -> Optional[dict[str, Any]]:
        """A user by name (the connection's own user when None).

        Returns None when the user does not exist; raises UnauthorizedError
        when the connection is not logged in.
        """
        path = "users/me" if username is None else _user_path(username)
        response = self.get(path)
        if response.status_code == 404 and username is not None:
            return None
        response.raise_for_status()
        user = response.data
        self._prepare_user(user, own_attributes)
        return user

    def _prepare_user(self, user: dict[str, Any], own_attributes: bool) -> None:
        self._fill_attrib_defaults(user, "user")
        if own_attributes:
            own = set(user.get("ownAttrib") or [])
            user["ownAttrib"] = {
                name: (value if name in own else None)
                for name, value in user["attrib"].items()
            }

    def get_users(
        self,
        project_name: Optional[str] = None,
        usernames: Optional[Iterable[str]] = None,
        emails: Optional[Iterable[str]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Users (GraphQL), optionally only those of a project, of the given
        names or e-mails. A generator: pages are fetched while iterating."""
        names = _string_list(usernames, "usernames")
        mails = _string_list(emails, "emails")
        if project_name is not None and not isinstance(project_name, str):
            raise TypeError(f"project_name must be a string, got {project_name!r}")
        selected = _user_fields(fields)
        return self._iter_users(project_name, names, mails, selected,
                                own_attributes)

    def _iter_users(
        self,
        project_name: Optional[str],
        names: Optional[list[str]],
        mails: Optional[list[str]],
        selected: set[str],
        own_attributes: bool,
    ) -> Iterator[dict[str, Any]]:
        if names == [] or mails == []:
            return
        variables: dict[str, Any] = {}
        declarations, arguments = [], []
        for var, gql_type, arg, value in (
            ("userNames", "[String!]", "names", names),
            ("emails", "[String!]", "emails", mails),
            ("projectName", "String", "projectName", project_name),
        ):
            if value is not None:
                variables[var] = value
                declarations.append(f"${var}: {gql_type}")
                arguments.append(f"{arg}: ${var}")
        query = connection_query("Users", declarations,
                                 [("users", arguments)], selected)
        for user in iter_connection_nodes(
            self._graphql_data, query, variables, ("users",),
            DEFAULT_GRAPHQL_PAGE_SIZE,
        ):
            yield self._parse_graphql_user(user, own_attributes)

    def _parse_graphql_user(self, user: dict[str, Any], own_attributes: bool
                            ) -> dict[str, Any]:
        groups = user.get("accessGroups")
        if isinstance(groups, str):
            user["accessGroups"] = json.loads(groups)
        if "allAttrib" in user:
            raw = user.pop("allAttrib")
            attrib = json.loads(raw) if isinstance(raw, str) else raw or {}
            # Users inherit nothing: every attribute they carry is their own.
            user["ownAttrib"] = sorted(attrib)
            user["attrib"] = attrib
            self._prepare_user(user, own_attributes)
            if not own_attributes:
                user.pop("ownAttrib")
        return user

    def get_user_by_name(
        self,
        username: str,
        project_name: Optional[str] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: bool = False,
    ) -> Optional[dict[str, Any]]:
        """One user through GraphQL, or None."""
        if not isinstance(username, str) or not username:
            raise ValueError(f"Invalid user name {username!r}")
        for user in self.get_users(
            project_name, [username], fields=fields, own_attributes=own_attributes
        ):
            return user
        return None

    def create_user(
        self,
        user_name: str,
        *,
        password: Optional[str] = None,
        api_key: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        active: Optional[bool] = None,
    ) -> None:
        """Create a user (HTTPRequestError 409 when it exists)."""
        body: dict[str, Any] = {}
        for key, value in (("password", password), ("apiKey", api_key),
                           ("attrib", attrib), ("data", data),
                           ("active", active)):
            if value is not None:
                body[key] = value
        self._secrets.add(password)
        self._secrets.add(api_key)
        response = self.put(_user_path(user_name), **body)
        response.raise_for_status()

    def update_user(
        self,
        user_name: str,
        *,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        active: Optional[bool] = None,
    ) -> None:
        """Change attributes, data or the active state of a user."""
        body: dict[str, Any] = {}
        for key, value in (("attrib", attrib), ("data", data),
                           ("active", active)):
            if value is not None:
                body[key] = value
        response = self.patch(_user_path(user_name), **body)
        response.raise_for_status()

    def delete_user(self, user_name: str) -> None:
        """Delete a user."""
        response = self.delete(_user_path(user_name))
        response.raise_for_status()
