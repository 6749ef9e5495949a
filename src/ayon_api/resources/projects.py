"""Projects through REST (GraphQL field selection arrives with the
hierarchy work)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional
from urllib.parse import quote

from ..constants import PROJECT_NAME_REGEX
from .attributes import AttributesAPI


def _project_path(project_name: str) -> str:
    if not isinstance(project_name, str) or not project_name:
        raise ValueError(f"Invalid project name {project_name!r}")
    return f"projects/{quote(project_name, safe='')}"


def _list_params(active: Optional[bool], library: Optional[bool],
                 include_skeleton: bool) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if active is not None:
        params["active"] = "true" if active else "false"
    if library is not None:
        params["library"] = "true" if library else "false"
    if include_skeleton:
        params["skeleton"] = "true"
    return params


class ProjectsAPI(AttributesAPI):
    """``/api/projects``."""

    def get_rest_projects_list(self, active: Optional[bool] = True,
                               library: Optional[bool] = None,
                               include_skeleton: bool = False
                               ) -> list[dict[str, Any]]:
        """Short project records (name, code, active, ...) in one request."""
        response = self.get(
            "projects", **_list_params(active, library, include_skeleton))
        response.raise_for_status()
        return list(response.data.get("projects") or [])

    def get_project_names(self, active: Optional[bool] = True,
                          library: Optional[bool] = None,
                          include_skeleton: bool = False) -> list[str]:
        return [project["name"] for project in self.get_rest_projects_list(
            active, library, include_skeleton)]

    def get_rest_project(self, project_name: str) -> Optional[dict[str, Any]]:
        """The full project entity, or None when it does not exist."""
        response = self.get(_project_path(project_name))
        if response.status_code != 200:
            return None
        project = response.data
        self._fill_attrib_defaults(project, "project")
        return project

    def get_rest_projects(self, active: Optional[bool] = True,
                          library: Optional[bool] = None,
                          include_skeleton: bool = False
                          ) -> Iterator[dict[str, Any]]:
        for name in self.get_project_names(active, library, include_skeleton):
            project = self.get_rest_project(name)
            if project is not None:
                yield project

    def get_projects(self, active: Optional[bool] = True,
                     library: Optional[bool] = None,
                     include_skeleton: bool = False,
                     fields: Optional[Iterable[str]] = None,
                     own_attributes: bool = False
                     ) -> Iterator[dict[str, Any]]:
        """Projects as full entities (only ``fields`` keys when given)."""
        for project in self.get_rest_projects(active, library,
                                              include_skeleton):
            yield _select(project, fields)

    def get_project(self, project_name: str,
                    fields: Optional[Iterable[str]] = None,
                    own_attributes: bool = False) -> Optional[dict[str, Any]]:
        project = self.get_rest_project(project_name)
        return None if project is None else _select(project, fields)

    def create_project(self, project_name: str, project_code: str,
                       library_project: bool = False,
                       preset_name: Optional[str] = None,
                       data: Optional[dict[str, Any]] = None,
                       skeleton: bool = False) -> dict[str, Any]:
        """Create a project and return it; ValueError when the name is
        invalid or taken."""
        if not isinstance(project_name, str) or not PROJECT_NAME_REGEX.match(
                project_name):
            raise ValueError(
                f"Project name {project_name!r} is invalid: use only "
                "letters, digits and underscores")
        if not isinstance(project_code, str) or not project_code:
            raise ValueError(f"Invalid project code {project_code!r}")
        body: dict[str, Any] = {
            "name": project_name, "code": project_code,
            "library": bool(library_project),
        }
        if data is not None:
            body["data"] = data
        response = self.post("projects", **body)
        if response.status_code == 409:
            raise ValueError(f"Project '{project_name}' already exists")
        response.raise_for_status()
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
        response = self.patch(_project_path(project_name), **changes)
        response.raise_for_status()

    def delete_project(self, project_name: str) -> None:
        """Delete a project; ValueError when it does not exist."""
        response = self.delete(_project_path(project_name))
        if response.status_code == 404:
            raise ValueError(f"Project '{project_name}' was not found")
        response.raise_for_status()


def _select(project: dict[str, Any], fields: Optional[Iterable[str]]
            ) -> dict[str, Any]:
    if not fields:
        return project
    wanted = {name.split(".", 1)[0] for name in fields}
    return {key: value for key, value in project.items() if key in wanted}
