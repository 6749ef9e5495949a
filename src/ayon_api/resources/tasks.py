"""Tasks: GraphQL getters, lookups by folder path, CRUD."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional

from .._sentinels import NOT_SET
from ..typing import TaskDict
from ._bodies import task_create_body, task_update_body
from ._entities import (
    TASK,
    EntitiesAPI,
    Filters,
    check_entity_id,
    check_ids,
    check_name,
    check_project_name,
    check_strings,
    project_path,
)
from .folders import FoldersAPI


class TasksAPI(FoldersAPI, EntitiesAPI):
    """Tasks of folders."""

    def get_tasks(
        self,
        project_name: str,
        task_ids: Optional[Iterable[str]] = None,
        task_names: Optional[Iterable[str]] = None,
        task_types: Optional[Iterable[str]] = None,
        folder_ids: Optional[Iterable[str]] = None,
        assignees: Optional[Iterable[str]] = None,
        assignees_all: Optional[Iterable[str]] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        filters: Optional[dict[str, Any]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: bool = False,
    ) -> Iterator[TaskDict]:
        """Tasks matching every given filter; ``assignees`` matches any of
        the users, ``assignees_all`` all of them. A generator."""
        check_project_name(project_name)
        query_filters = Filters()
        matchable = all([
            query_filters.add("taskIds", "ids", "[String!]",
                              check_ids(task_ids, "task_ids")),
            query_filters.add("taskNames", "names", "[String!]",
                              check_strings(task_names, "task_names")),
            query_filters.add("taskTypes", "taskTypes", "[String!]",
                              check_strings(task_types, "task_types")),
            query_filters.add("folderIds", "folderIds", "[String!]",
                              check_ids(folder_ids, "folder_ids")),
            query_filters.add("taskAssigneesAny", "assigneesAny", "[String!]",
                              check_strings(assignees, "assignees")),
            query_filters.add("taskAssigneesAll", "assignees", "[String!]",
                              check_strings(assignees_all, "assignees_all")),
            query_filters.add("taskStatuses", "statuses", "[String!]",
                              check_strings(statuses, "statuses")),
            query_filters.add("taskTags", "tags", "[String!]",
                              check_strings(tags, "tags")),
            query_filters.add_json_filter(filters),
        ])
        selected = self._entity_fields(TASK, fields, own_attributes, active)
        if not matchable:
            return self._empty()
        return self._iter_entities(project_name, TASK, query_filters,
                                   selected, active, own_attributes)

    def get_task_by_id(self, project_name: str, task_id: str,
                       fields: Optional[Iterable[str]] = None,
                       own_attributes: bool = False
                       ) -> Optional[TaskDict]:
        return next(self.get_tasks(
            project_name, task_ids=[task_id], active=None, fields=fields,
            own_attributes=own_attributes), None)

    def get_task_by_name(self, project_name: str, folder_id: str,
                         task_name: str,
                         fields: Optional[Iterable[str]] = None,
                         own_attributes: bool = False
                         ) -> Optional[TaskDict]:
        check_name(task_name, "task name")
        return next(self.get_tasks(
            project_name, folder_ids=[folder_id], task_names=[task_name],
            active=None, fields=fields, own_attributes=own_attributes), None)

    def get_tasks_by_folder_paths(
        self,
        project_name: str,
        folder_paths: Iterable[str],
        task_names: Optional[Iterable[str]] = None,
        task_types: Optional[Iterable[str]] = None,
        assignees: Optional[Iterable[str]] = None,
        assignees_all: Optional[Iterable[str]] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        filters: Optional[dict[str, Any]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: bool = False,
    ) -> dict[str, list[TaskDict]]:
        """``{folder path: [tasks]}`` (an empty list for unknown paths)."""
        paths = check_strings(folder_paths, "folder_paths") or []
        result: dict[str, list[TaskDict]] = {path: [] for path in paths}
        if not paths:
            return result
        path_by_id = {
            folder["id"]: folder["path"]
            for folder in self.get_folders(
                project_name, folder_paths=paths, active=None,
                fields={"id", "path"})
        }
        if not path_by_id:
            return result
        selected_fields = None if fields is None else {*fields, "folderId"}
        for task in self.get_tasks(
            project_name, folder_ids=list(path_by_id), task_names=task_names,
            task_types=task_types, assignees=assignees,
            assignees_all=assignees_all, statuses=statuses, tags=tags,
            active=active, filters=filters, fields=selected_fields,
            own_attributes=own_attributes,
        ):
            result.setdefault(path_by_id[task["folderId"]], []).append(task)
        return result

    def get_tasks_by_folder_path(
        self,
        project_name: str,
        folder_path: str,
        task_names: Optional[Iterable[str]] = None,
        task_types: Optional[Iterable[str]] = None,
        assignees: Optional[Iterable[str]] = None,
        assignees_all: Optional[Iterable[str]] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        fields: Optional[Iterable[str]] = None,
        own_attributes: bool = False,
    ) -> list[TaskDict]:
        check_name(folder_path, "folder path")
        return self.get_tasks_by_folder_paths(
            project_name, [folder_path], task_names, task_types, assignees,
            assignees_all, statuses, tags, active, fields=fields,
            own_attributes=own_attributes,
        )[folder_path]

    def get_task_by_folder_path(self, project_name: str, folder_path: str,
                                task_name: str,
                                fields: Optional[Iterable[str]] = None,
                                own_attributes: bool = False
                                ) -> Optional[TaskDict]:
        check_name(task_name, "task name")
        tasks = self.get_tasks_by_folder_path(
            project_name, folder_path, task_names=[task_name], active=None,
            fields=fields, own_attributes=own_attributes)
        return tasks[0] if tasks else None

    def get_rest_task(self, project_name: str, task_id: str
                      ) -> Optional[TaskDict]:
        return self._get_rest_entity(project_name, "task", task_id)

    def create_task(
        self,
        project_name: str,
        name: str,
        task_type: str,
        folder_id: str,
        label: Optional[str] = None,
        assignees: Optional[Iterable[str]] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = None,
        task_id: Optional[str] = None,
    ) -> str:
        """Create a task in a folder; returns its id."""
        return self._create_entity(
            project_name, TASK, task_id, task_create_body(
                name, task_type, folder_id, label, assignees, attrib, data,
                tags, status, active, thumbnail_id))

    def update_task(
        self,
        project_name: str,
        task_id: str,
        name: Optional[str] = None,
        task_type: Optional[str] = None,
        folder_id: Optional[str] = None,
        label: Optional[str] = NOT_SET,
        assignees: Optional[Iterable[str]] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = NOT_SET,
    ) -> None:
        """Change a task; arguments left out are not changed."""
        self._update_entity(
            project_name, TASK, task_id, task_update_body(
                name, task_type, folder_id, label, assignees, attrib, data,
                tags, status, active, thumbnail_id))

    def delete_task(self, project_name: str, task_id: str) -> None:
        self._delete_entity(project_name, TASK, task_id)

    def assign_users_to_task(self, project_name: str, task_id: str,
                             users: Iterable[str], mode: str = "add") -> None:
        """Add, remove or set the assignees of a task."""
        if mode not in ("add", "remove", "set"):
            raise ValueError(f"Invalid mode {mode!r}: use add, remove or set")
        task_id = check_entity_id(task_id, "task id")
        response = self.post(
            f"{project_path(project_name)}/tasks/{task_id}/assign",
            mode=mode, users=check_strings(users, "users") or [])
        response.raise_for_status()
