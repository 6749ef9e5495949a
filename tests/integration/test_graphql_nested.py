"""Connections nested in connections (``project.folders.tasks``) over real
HTTP: the outer connection is paged normally and every inner connection is
completed by follow-up requests. Skipped while the devserver does not serve
``ProjectNode.folders`` and ``FolderNode.tasks``."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

import pytest

from ayon_api import ServerAPI
from ayon_api.graphql import GraphQlQuery, GraphQlQueryEdgeField
from ayon_api.graphql_queries import (
    folders_graphql_query,
    project_graphql_query,
    tasks_graphql_query,
)
from ayon_api.response import GraphQlResponse

from .conftest import unique

TASK_COUNTS = [0, 1, 5, 2, 7]


class Recording:
    def __init__(self, con: ServerAPI) -> None:
        self.con = con
        self.requests: list[str] = []

    def query_graphql(self, query: str, variables: Optional[dict[str, Any]] = None
                      ) -> GraphQlResponse:
        self.requests.append(query)
        return self.con.query_graphql(query, variables)


def _fields_of(con: ServerAPI, type_name: str) -> set[str]:
    query = GraphQlQuery("Fields")
    name_var = query.add_variable("typeName", "String!", type_name)
    type_field = query.add_field("__type")
    type_field.set_filter("name", name_var)
    type_field.add_field("fields").add_field("name")
    found = query.query(con).get("__type") or {}
    return {field["name"] for field in found.get("fields") or []}


@pytest.fixture
def hierarchy(ayon_connection: ServerAPI) -> Iterator[dict[str, Any]]:
    """A project whose folders hold TASK_COUNTS tasks each."""
    if "folders" not in _fields_of(ayon_connection, "ProjectNode") or (
        "tasks" not in _fields_of(ayon_connection, "FolderNode")
    ):
        pytest.skip("the devserver does not serve project.folders.tasks yet")
    project_name = unique("gqlnest")
    ayon_connection.create_project(project_name, f"gn{project_name[-6:]}")
    try:
        anatomy = project_graphql_query({"folderTypes.name", "taskTypes.name"})
        anatomy.set_variable_value("projectName", project_name)
        project = anatomy.query(ayon_connection)["project"]
        folder_type = project["folderTypes"][0]["name"]
        task_type = project["taskTypes"][0]["name"]
        tasks: dict[str, list[str]] = {}
        for index, count in enumerate(TASK_COUNTS):
            response = ayon_connection.post(
                f"projects/{project_name}/folders",
                name=f"folder{index}", folderType=folder_type)
            response.raise_for_status()
            folder_id = response.data["id"]
            tasks[folder_id] = []
            for task_index in range(count):
                response = ayon_connection.post(
                    f"projects/{project_name}/tasks", name=f"task{task_index}",
                    taskType=task_type, folderId=folder_id)
                response.raise_for_status()
                tasks[folder_id].append(response.data["id"])
        yield {"project": project_name, "tasks": tasks}
    finally:
        ayon_connection.delete_project(project_name)


def _folders_with_tasks(project_name: str, page_size: int) -> GraphQlQuery:
    query = folders_graphql_query({"id", "name"})
    query.set_variable_value("projectName", project_name)
    folders = query.get_field_by_path("project/folders")
    assert isinstance(folders, GraphQlQueryEdgeField)
    folders.set_page_size(page_size)
    tasks = folders.add_field_with_edges("tasks")
    tasks.set_page_size(page_size)
    tasks.add_field("id")
    tasks.add_field("name")
    return query


def _task_ids(folders: list[dict[str, Any]]) -> dict[str, set[str]]:
    return {f["id"]: {task["id"] for task in f["tasks"]} for f in folders}


def test_nested_connection_is_complete(ayon_connection: ServerAPI,
                                       hierarchy: dict[str, Any]) -> None:
    con = Recording(ayon_connection)
    query = _folders_with_tasks(hierarchy["project"], page_size=2)
    folders = query.query(con)["project"]["folders"]
    expected = {key: set(ids) for key, ids in hierarchy["tasks"].items()}
    assert _task_ids(folders) == expected
    main = [text for text in con.requests if "_f0:" not in text]
    # 5 folders in pages of 2; never one folder per request.
    assert len(main) == 3
    assert all("first: 2" in text.split("tasks")[0] for text in main)
    # Follow-ups: the folder with 7 tasks needs 3 more pages, the one with 5
    # needs 2; pending connections of one outer page share requests.
    assert 3 <= len(con.requests) - len(main) <= 5


def test_nested_continuous_query(ayon_connection: ServerAPI,
                                 hierarchy: dict[str, Any]) -> None:
    query = _folders_with_tasks(hierarchy["project"], page_size=2)
    pages = list(query.continuous_query(ayon_connection))
    assert [len(page["project"]["folders"]) for page in pages] == [2, 2, 1]
    merged: dict[str, set[str]] = {}
    for page in pages:
        merged.update(_task_ids(page["project"]["folders"]))
    assert merged == {key: set(ids) for key, ids in hierarchy["tasks"].items()}


def test_tasks_query_with_filters(ayon_connection: ServerAPI,
                                  hierarchy: dict[str, Any]) -> None:
    folder_ids = [key for key, ids in hierarchy["tasks"].items() if ids]
    query = tasks_graphql_query({"id", "name", "folderId"})
    query.set_variable_value("projectName", hierarchy["project"])
    query.set_variable_value("folderIds", folder_ids[1:])
    query.set_variable_value("taskNames", ["task0", "task1"])
    tasks = query.get_field_by_path("project/tasks")
    assert isinstance(tasks, GraphQlQueryEdgeField)
    tasks.set_page_size(2)
    result = query.query(ayon_connection)["project"]["tasks"]
    assert {task["name"] for task in result} == {"task0", "task1"}
    assert {task["folderId"] for task in result} == set(folder_ids[1:])
    assert len(result) == 2 * len(folder_ids[1:])


def test_folders_query_filters_by_name(ayon_connection: ServerAPI,
                                       hierarchy: dict[str, Any]) -> None:
    query = folders_graphql_query({"id", "name", "path"})
    query.set_variable_value("projectName", hierarchy["project"])
    query.set_variable_value("folderNames", ["folder1", "folder3"])
    result = query.query(ayon_connection)["project"]["folders"]
    assert sorted(folder["path"] for folder in result) == [
        "/folder1", "/folder3"]


def test_links_of_folders(ayon_connection: ServerAPI,
                          hierarchy: dict[str, Any]) -> None:
    query = folders_graphql_query({"id", "links"})
    query.set_variable_value("projectName", hierarchy["project"])
    query.set_variable_value("linkTypes", ["reference"])
    folders = query.query(ayon_connection)["project"]["folders"]
    assert {folder["id"] for folder in folders} == set(hierarchy["tasks"])
    assert all(folder["links"] == [] for folder in folders)
