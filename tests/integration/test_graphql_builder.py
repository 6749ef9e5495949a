"""GraphQlQuery and the prebuilt queries over real HTTP against the
devserver: paging with small pages and limits, merged and page-by-page
results, GraphQL errors."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import GraphQlQueryFailed
from ayon_api.graphql import GraphQlQuery, GraphQlQueryEdgeField
from ayon_api.graphql_queries import (
    project_graphql_query,
    projects_graphql_query,
    users_graphql_query,
)
from ayon_api.response import GraphQlResponse

from .conftest import unique


class Recording:
    """The connection, with the GraphQL requests it sent written down."""

    def __init__(self, con: ServerAPI) -> None:
        self.con = con
        self.requests: list[tuple[str, dict[str, Any]]] = []

    def query_graphql(self, query: str, variables: Optional[dict[str, Any]] = None
                      ) -> GraphQlResponse:
        self.requests.append((query, dict(variables or {})))
        return self.con.query_graphql(query, variables)


@pytest.fixture
def user_names(ayon_connection: ServerAPI) -> Iterator[list[str]]:
    prefix = unique("gql")
    names = [f"{prefix}_{index}" for index in range(7)]
    for name in names:
        ayon_connection.create_user(name, password="gql-password-1",
                                    attrib={"fullName": name.upper()})
    yield names
    for name in names:
        ayon_connection.delete_user(name)


def _users_query(names: list[str], page_size: int) -> GraphQlQuery:
    query = GraphQlQuery("Users", page_size=page_size)
    names_var = query.add_variable("userNames", "[String!]", names)
    users = query.add_field_with_edges("users")
    users.set_filter("names", names_var)
    users.add_field("name")
    users.add_field("attrib").add_field("fullName")
    return query


def test_query_merges_all_pages(ayon_connection: ServerAPI,
                                user_names: list[str]) -> None:
    con = Recording(ayon_connection)
    result = _users_query(user_names, page_size=3).query(con)
    assert [user["name"] for user in result["users"]] == user_names
    assert result["users"][0]["attrib"] == {"fullName": user_names[0].upper()}
    assert len(con.requests) == 3
    assert con.requests[0][1] == {"userNames": user_names}
    assert 'users(names: $userNames, first: 3, after: "' in con.requests[2][0]


def test_continuous_query_yields_pages(ayon_connection: ServerAPI,
                                       user_names: list[str]) -> None:
    query = _users_query(user_names, page_size=3)
    pages = [[user["name"] for user in page["users"]]
             for page in query.continuous_query(ayon_connection)]
    assert pages == [user_names[:3], user_names[3:6], user_names[6:]]


def test_limit_stops_early(ayon_connection: ServerAPI,
                           user_names: list[str]) -> None:
    con = Recording(ayon_connection)
    query = _users_query(user_names, page_size=2)
    users = query.get_field_by_path("users")
    assert users is not None
    users.set_limit(5)
    result = query.query(con)
    assert [user["name"] for user in result["users"]] == user_names[:5]
    assert len(con.requests) == 3
    assert "first: 1" in con.requests[2][0]


def test_descending_order(ayon_connection: ServerAPI,
                          user_names: list[str]) -> None:
    query = _users_query(user_names, page_size=3)
    users = query.get_field_by_path("users")
    assert users is not None
    users.set_descending_order()
    result = query.query(ayon_connection)
    assert [user["name"] for user in result["users"]] == user_names[::-1]


def test_prebuilt_users_query(ayon_connection: ServerAPI,
                              user_names: list[str]) -> None:
    query = users_graphql_query({"name", "isAdmin", "attrib.fullName"})
    query.set_variable_value("userNames", user_names[2:4])
    result = query.query(ayon_connection)
    assert result == {"users": [
        {"name": name, "isAdmin": False, "attrib": {"fullName": name.upper()}}
        for name in user_names[2:4]
    ]}


@pytest.fixture
def project_names(ayon_connection: ServerAPI) -> Iterator[list[str]]:
    names = [unique("gqlproj") for _ in range(5)]
    for index, name in enumerate(names):
        ayon_connection.create_project(name, f"gq{index}{name[-4:]}")
    yield names
    for name in names:
        ayon_connection.delete_project(name)


def test_projects_paged_and_merged(ayon_connection: ServerAPI,
                                   project_names: list[str]) -> None:
    con = Recording(ayon_connection)
    query = projects_graphql_query({"name", "code", "active"})
    projects = query.get_field_by_path("projects")
    assert isinstance(projects, GraphQlQueryEdgeField)
    projects.set_page_size(2)
    merged = query.query(con)["projects"]
    names = [project["name"] for project in merged]
    assert set(project_names) <= set(names)
    assert len(names) == len(set(names))
    assert len(con.requests) >= 3
    assert all(project["active"] is True for project in merged
               if project["name"] in project_names)

    pages = list(query.continuous_query(ayon_connection))
    assert all(len(page["projects"]) <= 2 for page in pages)
    assert [p for page in pages for p in page["projects"]] == merged


def test_projects_name_filter(ayon_connection: ServerAPI,
                              project_names: list[str]) -> None:
    query = projects_graphql_query({"name", "code"})
    query.set_variable_value("projectName", project_names[1])
    result = query.query(ayon_connection)
    assert [project["name"] for project in result["projects"]] == [
        project_names[1]]


def test_single_project_query(ayon_connection: ServerAPI,
                              project_names: list[str]) -> None:
    con = Recording(ayon_connection)
    query = project_graphql_query({"name", "code", "attrib.fps"})
    query.set_variable_value("projectName", project_names[0])
    result = query.query(con)
    assert result["project"]["name"] == project_names[0]
    assert result["project"]["code"].startswith("gq0")
    assert set(result["project"]["attrib"]) == {"fps"}
    assert len(con.requests) == 1


def test_me_and_users_in_one_query(ayon_connection: ServerAPI,
                                   user_names: list[str]) -> None:
    query = _users_query(user_names, page_size=4)
    query.add_field("me").add_field("name")
    pages = list(query.continuous_query(ayon_connection))
    assert [page["me"]["name"] for page in pages] == ["service", "service"]
    assert sum(len(page["users"]) for page in pages) == len(user_names)


def test_invalid_field_raises(ayon_connection: ServerAPI) -> None:
    query = GraphQlQuery("Users")
    users = query.add_field_with_edges("users")
    users.add_field("name")
    users.add_field("noSuchField")
    with pytest.raises(GraphQlQueryFailed) as info:
        query.query(ayon_connection)
    assert "noSuchField" in str(info.value)
    with pytest.raises(GraphQlQueryFailed):
        next(iter(query.continuous_query(ayon_connection)))
