"""Projects: REST and GraphQL getters (chosen by the requested fields),
create, update, rename and delete."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from ..constants import PROJECT_NAME_REGEX
from ..graphql.paging import connection_query, iter_connection_nodes
from ._entities import check_project_name, check_strings, project_path
from .anatomy import AnatomyAPI

_PROJECT_CODE_RE = re.compile(r"^[a-zA-Z0-9_]+$")
# Fields the short REST list answers; GraphQL-only fields; the rest is REST.
_LIST_FIELDS = frozenset({"name", "code", "active", "createdAt", "updatedAt"})
_GRAPHQL_FIELDS = frozenset({
    "name", "code", "active", "library", "usedTags", "data", "attrib",
    "allAttrib", "bundle", "productTypes", "productBaseTypes", "createdAt",
    "updatedAt",
})
_STATUS_SCOPES = ["folder", "task", "product", "version", "representation",
                  "workfile"]


def _top_level(fields: Iterable[str]) -> set[str]:
    return {name.split(".", 1)[0] for name in fields}


def _graphql_selection(fields: set[str]) -> set[str]:
    selected = set()
    for name in fields:
        if name in ("attrib", "allAttrib") or name.startswith("attrib."):
            selected.add("allAttrib")
        elif name == "bundle":
            selected |= {"bundle.production", "bundle.staging"}
        elif name in ("productTypes", "productBaseTypes"):
            selected.add(f"{name}.name")
        else:
            selected.add(name)
    return selected


class ProjectsAPI(AnatomyAPI):
    """``/api/projects`` and the GraphQL ``projects`` connection."""

    # -- REST -----------------------------------------------------------------
    def get_rest_projects_list(self, active: Optional[bool] = True,
                               library: Optional[bool] = None,
                               include_skeleton: bool = False
                               ) -> list[dict[str, Any]]:
        """Short project records (name, code, active, ...) in one request."""
        params: dict[str, Any] = {}
        if active is not None:
            params["active"] = "true" if active else "false"
        if library is not None:
            params["library"] = "true" if library else "false"
        if include_skeleton:
            params["skeleton"] = "true"
        response = self.get("projects", **params)
        response.raise_for_status()
        return list(response.data.get("projects") or [])

    def get_project_names(self, active: Optional[bool] = True,
                          library: Optional[bool] = None,
                          include_skeleton: bool = False) -> list[str]:
        return [project["name"] for project in self.get_rest_projects_list(
            active, library, include_skeleton)]

    def get_rest_project(self, project_name: str) -> Optional[dict[str, Any]]:
        """The full project entity, or None when it does not exist."""
        response = self.get(project_path(project_name))
        if response.status_code != 200:
            return None
        project = response.data
        self._prepare_project(project)
        return project

    def _prepare_project(self, project: dict[str, Any]) -> None:
        self._fill_attrib_defaults(project, "project")
        data = project.get("data")
        if isinstance(data, str):
            data = json.loads(data) if data else {}
        project["data"] = data or {}
        for status in project.get("statuses") or []:
            if not status.get("scope"):
                status["scope"] = list(_STATUS_SCOPES)
        bundle = project["data"].get("bundle") or {}
        project.setdefault("bundle", {
            "production": bundle.get("production"),
            "staging": bundle.get("staging"),
        })

    def get_rest_projects(self, active: Optional[bool] = True,
                          library: Optional[bool] = None,
                          include_skeleton: bool = False
                          ) -> Iterator[dict[str, Any]]:
        for name in self.get_project_names(active, library, include_skeleton):
            project = self.get_rest_project(name)
            if project is not None:
                yield project

    # -- GraphQL ---------------------------------------------------------------
    def _graphql_projects(self, fields: set[str],
                          project_name: Optional[str] = None,
                          include_skeleton: bool = False
                          ) -> Iterator[dict[str, Any]]:
        declarations, arguments = [], []
        variables: dict[str, Any] = {}
        if project_name is not None:
            declarations.append("$projectName: String")
            arguments.append("name: $projectName")
            variables["projectName"] = project_name
        if include_skeleton:
            declarations.append("$skeleton: Boolean!")
            arguments.append("includeSkeleton: $skeleton")
            variables["skeleton"] = True
        query = connection_query("ProjectsQuery", declarations,
                                 [("projects", arguments)],
                                 _graphql_selection(fields))
        for node in iter_connection_nodes(
            self._graphql_data, query, variables, ("projects",), 300,
        ):
            if "allAttrib" in node:
                raw = node.pop("allAttrib")
                node["attrib"] = json.loads(raw) if isinstance(raw, str) else raw
            if isinstance(node.get("data"), str):
                node["data"] = json.loads(node["data"]) if node["data"] else {}
            yield node

    # -- getters choosing the transport ------------------------------------------
    def get_projects(self, active: Optional[bool] = True,
                     library: Optional[bool] = None,
                     include_skeleton: bool = False,
                     fields: Optional[Iterable[str]] = None,
                     own_attributes: bool = False
                     ) -> Iterator[dict[str, Any]]:
        """Projects; the transport follows ``fields``: the short REST list
        when it is enough, GraphQL for GraphQL fields, else full REST."""
        wanted = (None if fields is None
                  else _top_level(check_strings(fields, "fields") or []))
        if wanted and wanted <= _LIST_FIELDS:
            return (
                {k: v for k, v in project.items() if k in wanted}
                for project in self.get_rest_projects_list(
                    active, library, include_skeleton))
        if wanted and wanted <= _GRAPHQL_FIELDS:
            return self._iter_graphql_projects(wanted, active, library,
                                               include_skeleton)
        return self._iter_rest_projects(wanted, active, library,
                                        include_skeleton)

    def _iter_graphql_projects(self, wanted: set[str], active: Optional[bool],
                               library: Optional[bool], include_skeleton: bool
                               ) -> Iterator[dict[str, Any]]:
        selected = set(wanted)
        if active is not None:
            selected.add("active")
        if library is not None:
            selected.add("library")
        for project in self._graphql_projects(selected, None, include_skeleton):
            if active is not None and project.get("active") is not active:
                continue
            if library is not None and project.get("library") is not library:
                continue
            yield project

    def _iter_rest_projects(self, wanted: Optional[set[str]],
                            active: Optional[bool], library: Optional[bool],
                            include_skeleton: bool
                            ) -> Iterator[dict[str, Any]]:
        for project in self.get_rest_projects(active, library,
                                              include_skeleton):
            yield self._select_project(project, wanted)

    def _select_project(self, project: dict[str, Any],
                        wanted: Optional[set[str]]) -> dict[str, Any]:
        if not wanted:
            return project
        missing = (wanted & _GRAPHQL_FIELDS) - set(project)
        if missing:
            for extra in self._graphql_projects(missing, project["name"]):
                project.update(extra)
        return {k: v for k, v in project.items() if k in wanted}

    def get_project(self, project_name: str,
                    fields: Optional[Iterable[str]] = None,
                    own_attributes: bool = False) -> Optional[dict[str, Any]]:
        """One project, or None when it does not exist."""
        check_project_name(project_name)
        wanted = (None if fields is None
                  else _top_level(check_strings(fields, "fields") or []))
        if wanted and wanted <= _GRAPHQL_FIELDS:
            return next(self._graphql_projects(wanted, project_name), None)
        project = self.get_rest_project(project_name)
        return None if project is None else self._select_project(project,
                                                                 wanted)

    # -- writes --------------------------------------------------------------------
    def create_project(self, project_name: str, project_code: str,
                       library_project: bool = False,
                       preset_name: Optional[str] = None,
                       data: Optional[dict[str, Any]] = None,
                       skeleton: bool = False) -> dict[str, Any]:
        """Create a project from an anatomy preset (the primary one by
        default) and return it; ValueError when the name is invalid or
        taken."""
        if not isinstance(project_name, str) or not PROJECT_NAME_REGEX.match(
                project_name):
            raise ValueError(
                f"Project name {project_name!r} is invalid: use only "
                "letters, digits and underscores")
        if not isinstance(project_code, str) or not _PROJECT_CODE_RE.match(
                project_code):
            raise ValueError(
                f"Project code {project_code!r} is invalid: use only "
                "letters, digits and underscores")
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"data must be a dict, got {data!r}")
        anatomy = self.get_project_anatomy_preset(preset_name)
        body: dict[str, Any] = {
            "name": project_name, "code": project_code, "anatomy": anatomy,
            "library": bool(library_project),
        }
        if skeleton:
            body["skeleton"] = True
        response = self.post("projects", **body)
        if response.status_code == 409:
            raise ValueError(f"Project '{project_name}' already exists")
        if response.status_code != 201:
            raise ValueError(
                f"Failed to create project '{project_name}': "
                f"{response.status_code} {response.detail}")
        if data:
            # The deploy body has no ``data``: set it right after.
            self.update_project(project_name, data=data)
        project = self.get_project(project_name)
        if project is None:
            raise ValueError(f"Project '{project_name}' was not created")
        return project

    def update_project(self, project_name: str, library: Optional[bool] = None,
                       folder_types: Optional[list[Any]] = None,
                       task_types: Optional[list[Any]] = None,
                       link_types: Optional[list[Any]] = None,
                       statuses: Optional[list[Any]] = None,
                       tags: Optional[list[Any]] = None,
                       config: Optional[dict[str, Any]] = None,
                       attrib: Optional[dict[str, Any]] = None,
                       data: Optional[dict[str, Any]] = None,
                       active: Optional[bool] = None,
                       project_code: Optional[str] = None,
                       **changes: Any) -> None:
        """Change a project; only the given values are sent."""
        for key, value in (
            ("library", library), ("folderTypes", folder_types),
            ("taskTypes", task_types), ("linkTypes", link_types),
            ("statuses", statuses), ("tags", tags), ("config", config),
            ("attrib", attrib), ("data", data), ("active", active),
            ("code", project_code),
        ):
            if value is not None:
                changes[key] = value
        response = self.patch(project_path(project_name), **changes)
        response.raise_for_status()

    def rename_project(self, project_name: str, new_project_name: str,
                       new_project_code: Optional[str] = None) -> None:
        if not isinstance(new_project_name, str) or not (
                PROJECT_NAME_REGEX.match(new_project_name)):
            raise ValueError(f"Invalid project name {new_project_name!r}")
        body: dict[str, Any] = {"name": new_project_name}
        if new_project_code is not None:
            body["code"] = new_project_code
        response = self.post(f"{project_path(project_name)}/rename", **body)
        response.raise_for_status()

    def delete_project(self, project_name: str) -> None:
        """Delete a project; ValueError when it does not exist."""
        response = self.delete(project_path(project_name))
        if response.status_code == 404:
            raise ValueError(f"Project '{project_name}' was not found")
        if response.status_code != 204:
            raise ValueError(
                f"Failed to delete project '{project_name}': "
                f"{response.status_code} {response.detail}")

    def get_project_stats(self, project_name: str) -> dict[str, Any]:
        response = self.get(f"{project_path(project_name)}/stats")
        response.raise_for_status()
        return response.data

    def get_project_tags(self, project_name: str) -> dict[str, Any]:
        response = self.get(f"{project_path(project_name)}/tags")
        response.raise_for_status()
        return response.data

    def get_project_entity_uris(self, project_name: str, entity_type: str,
                                entity_ids: Iterable[str]) -> dict[str, str]:
        """``{entity_id: "ayon+entity://..."}`` for the given entities."""
        ids = check_strings(entity_ids, "entity_ids") or []
        if not ids:
            return {}
        response = self.post(f"{project_path(project_name)}/uris",
                             entityType=entity_type, ids=ids)
        response.raise_for_status()
        return {item["id"]: item["uri"]
                for item in response.data.get("uris") or []}

    def resolve_uris(self, uris: Iterable[str], resolve_roots: bool = False,
                     path_only: bool = False, site_id: Optional[str] = None
                     ) -> list[dict[str, Any]]:
        """Resolve ``ayon+entity://`` URIs to entities and paths."""
        params = {"pathOnly": "true"} if path_only else {}
        headers = {"x-ayon-site-id": site_id} if site_id else None
        response = self.raw_post(
            "resolve", params=params, headers=headers,
            json={"uris": check_strings(uris, "uris") or [],
                  "resolveRoots": resolve_roots})
        response.raise_for_status()
        return list(response.data)
