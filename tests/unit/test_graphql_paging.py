"""Paging of GraphQlQuery against a small in-process GraphQL server
(graphql-core executing the generated text, cursors as the real AYON server
pages them): flat connections, limits, descending order, and connections
nested in connections completed by follow-up requests."""
from __future__ import annotations

import base64
from typing import Any, Callable, Optional

import pytest

from ayon_api.exceptions import GraphQlQueryError, GraphQlQueryFailed
from ayon_api.graphql import GraphQlQuery
from ayon_api.response import GraphQlResponse

graphql = pytest.importorskip("graphql")

PAGING = "first: Int, after: String, last: Int, before: String"
SDL = f"""
type Query {{
  project(name: String): ProjectNode
  users({PAGING}, names: [String!]): UsersConnection!
}}
type PageInfo {{
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  endCursor: String
}}
type ProjectNode {{
  name: String!
  folders({PAGING}, ids: [String!]): FoldersConnection!
  tasks({PAGING}, names: [String!]): TasksConnection!
}}
type UsersConnection {{ pageInfo: PageInfo! edges: [UserEdge!]! }}
type UserEdge {{ node: UserNode! cursor: String }}
type UserNode {{ name: String! }}
type FoldersConnection {{ pageInfo: PageInfo! edges: [FolderEdge!]! }}
type FolderEdge {{ node: FolderNode! cursor: String }}
type FolderNode {{
  id: String!
  name: String!
  tags: [TagNode!]!
  links(first: Int! = 100, after: String, names: [String!]): LinksConnection!
  tasks({PAGING}, names: [String!]): TasksConnection!
}}
type TagNode {{
  name: String!
  links(first: Int! = 100, after: String): LinksConnection!
}}
type TasksConnection {{ pageInfo: PageInfo! edges: [TaskEdge!]! }}
type TaskEdge {{ node: TaskNode! cursor: String }}
type TaskNode {{
  id: String!
  links(first: Int! = 100, after: String, names: [String!]): LinksConnection!
}}
type LinksConnection {{ pageInfo: PageInfo! edges: [LinkEdge!]! }}
type LinkEdge {{ id: String! name: String cursor: String }}
"""
SCHEMA = graphql.build_schema(SDL)


def _cursor(index: int) -> str:
    return base64.b64encode(f"[{index}]".encode()).decode()


def _index(cursor: Optional[str]) -> Optional[int]:
    return None if cursor is None else int(base64.b64decode(cursor)[1:-1])


def page(items: list[dict[str, Any]], first: Optional[int] = None,
         after: Optional[str] = None, last: Optional[int] = None,
         before: Optional[str] = None, node: bool = True) -> dict[str, Any]:
    """A connection as the AYON server pages it: ``last`` walks backwards
    and lists the newest first (so ``endCursor`` is the oldest edge)."""
    indexed = list(enumerate(items))
    if last is not None:
        if before is not None:
            indexed = [pair for pair in indexed if pair[0] < _index(before)]
        indexed.reverse()
        size = last
    else:
        if after is not None:
            indexed = [pair for pair in indexed if pair[0] > _index(after)]
        size = first if first is not None else len(indexed)
    chosen, more = indexed[:size], len(indexed) > size
    edges = [
        {"node": item, "cursor": _cursor(i)} if node
        else {**item, "cursor": _cursor(i)}
        for i, item in chosen
    ]
    return {
        "edges": edges,
        "pageInfo": {
            "endCursor": edges[-1]["cursor"] if edges else None,
            "hasNextPage": more and last is None,
            "hasPreviousPage": more and last is not None,
        },
    }


def connection(items: list[dict[str, Any]], node: bool = True,
               filter_key: str = "names") -> Callable[..., Any]:
    def resolve(info: Any, **args: Any) -> dict[str, Any]:
        selected = items
        if args.get(filter_key) is not None:
            selected = [i for i in items if i.get("name") in args[filter_key]
                        or i.get("id") in args[filter_key]]
        return page(selected, args.get("first"), args.get("after"),
                    args.get("last"), args.get("before"), node)
    return resolve


def links(owner: str, count: int) -> Callable[..., Any]:
    return connection([{"id": f"{owner}-l{i}", "name": f"link{i}"}
                       for i in range(count)], node=False)


def make_folder(index: int, link_count: int = 0,
                task_links: tuple[int, ...] = ()) -> dict[str, Any]:
    fid = f"f{index:02d}"
    tasks = [{"id": f"{fid}-t{t}", "name": f"t{t}",
              "links": links(f"{fid}-t{t}", count)}
             for t, count in enumerate(task_links)]
    return {
        "id": fid, "name": f"folder{index}",
        "links": links(fid, link_count),
        "tasks": connection(tasks),
        "tags": [{"name": "tag", "links": links(fid + "-tag", 5)}],
    }


class FakeServer:
    """``query_graphql`` of a connection, executed by graphql-core."""

    def __init__(self, folders: list[dict[str, Any]],
                 users: Optional[list[str]] = None) -> None:
        self.folders = folders
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.root = {
            "project": lambda info, **args: {
                "name": args.get("name"),
                "folders": connection(self.folders, filter_key="ids"),
                "tasks": connection([{"id": f"pt{i}", "links": links("x", 0)}
                                     for i in range(4)]),
            },
            "users": connection([{"name": name} for name in users or []]),
        }

    def query_graphql(self, query: str, variables: Optional[dict[str, Any]] = None
                      ) -> GraphQlResponse:
        self.requests.append((query, dict(variables or {})))
        result = graphql.graphql_sync(SCHEMA, query, root_value=self.root,
                                      variable_values=variables)
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = [error.formatted for error in result.errors]
        return GraphQlResponse(body)


def users_query(page_size: int) -> GraphQlQuery:
    query = GraphQlQuery("Users", page_size=page_size)
    names_var = query.add_variable("userNames", "[String!]")
    users = query.add_field_with_edges("users")
    users.set_filter("names", names_var)
    users.add_field("name")
    return query


def folders_query(page_size: int = 300, link_page: Optional[int] = None,
                  with_tasks: bool = False) -> GraphQlQuery:
    query = GraphQlQuery("FoldersQuery", page_size=page_size)
    project_var = query.add_variable("projectName", "String!", "demo")
    link_names_var = query.add_variable("linkNames", "[String!]")
    project = query.add_field("project")
    project.set_filter("name", project_var)
    project.add_field("name")
    folders = project.add_field_with_edges("folders")
    folders.add_field("id")
    target = folders
    if with_tasks:
        target = folders.add_field_with_edges("tasks")
        target.add_field("id")
    link_field = target.add_field_with_edges("links")
    link_field.set_filter("names", link_names_var)
    link_field.set_page_size(link_page)
    link_field.add_edge_field("id")
    return query


NAMES = [f"user{i:02d}" for i in range(7)]


def test_flat_connection_pages_and_merges() -> None:
    server = FakeServer([], users=NAMES)
    result = users_query(3).query(server)
    assert [user["name"] for user in result["users"]] == NAMES
    assert len(server.requests) == 3
    assert 'users(first: 3, after: "' in server.requests[1][0]


def test_continuous_query_yields_each_page() -> None:
    server = FakeServer([], users=NAMES)
    pages = [[u["name"] for u in page["users"]]
             for page in users_query(3).continuous_query(server)]
    assert pages == [NAMES[:3], NAMES[3:6], NAMES[6:]]


def test_query_can_run_again() -> None:
    server = FakeServer([], users=NAMES)
    query = users_query(5)
    first = query.query(server)
    assert query.query(server) == first
    assert len(list(query.continuous_query(server))) == 2


def test_limit_shrinks_the_last_page() -> None:
    server = FakeServer([], users=NAMES)
    query = users_query(3)
    users = query.get_field_by_path("users")
    assert users is not None
    users.set_limit(5)
    result = query.query(server)
    assert [user["name"] for user in result["users"]] == NAMES[:5]
    assert ["first: 3" in q for q, _ in server.requests] == [True, False]
    assert "first: 2" in server.requests[1][0]


def test_descending_order_uses_last_and_before() -> None:
    server = FakeServer([], users=NAMES)
    query = users_query(3)
    users = query.get_field_by_path("users")
    assert users is not None
    users.set_descending_order()
    result = query.query(server)
    assert [user["name"] for user in result["users"]] == NAMES[::-1]
    assert "users(last: 3, before: " in server.requests[1][0]


def test_variable_filter_is_sent_only_when_set() -> None:
    server = FakeServer([], users=NAMES)
    query = users_query(3)
    query.set_variable_value("userNames", ["user01", "user05"])
    result = query.query(server)
    assert [user["name"] for user in result["users"]] == ["user01", "user05"]
    text, variables = server.requests[0]
    assert variables == {"userNames": ["user01", "user05"]}
    assert "users(names: $userNames, first: 3)" in text


def expected_links(folders: list[dict[str, Any]]) -> dict[str, list[str]]:
    out = {}
    for folder in folders:
        resolved = folder["links"](None, first=1000)
        out[folder["id"]] = [edge["id"] for edge in resolved["edges"]]
    return out


def link_ids(result: dict[str, Any]) -> dict[str, list[str]]:
    return {
        folder["id"]: [link["id"] for link in folder["links"]]
        for folder in result["project"]["folders"]
    }


def test_nested_connection_pages_outer_normally() -> None:
    folders = [make_folder(i, count) for i, count in enumerate([0, 1, 4, 7, 2])]
    server = FakeServer(folders)
    result = folders_query(page_size=3).query(server)
    assert link_ids(result) == expected_links(folders)
    assert result["project"]["name"] == "demo"
    # 2 pages of folders; folder 2 needs 1 more page of links, folder 3 two.
    assert len(server.requests) == 5
    main = [q for q, _ in server.requests if "_f0:" not in q]
    assert len(main) == 2
    assert all("folders(first: 3" in q for q in main)


def test_follow_ups_share_requests() -> None:
    folders = [make_folder(i, 5) for i in range(6)]
    server = FakeServer(folders)
    result = folders_query(page_size=10, link_page=2).query(server)
    assert link_ids(result) == expected_links(folders)
    # One main request, then two rounds of follow-ups for all six folders.
    assert len(server.requests) == 3
    follow_up = server.requests[1][0]
    assert "_f5: project(name: $projectName)" in follow_up
    assert "folders(first: 1, after: " in follow_up
    assert "folders(first: 1)" in follow_up  # the first folder of the page


def test_unused_variables_are_not_declared_in_follow_ups() -> None:
    folders = [make_folder(i, 3) for i in range(2)]
    server = FakeServer(folders)
    query = folders_query(link_page=2)
    query.set_variable_value("linkNames", ["link0", "link1", "link2"])
    tasks_var = query.add_variable("taskNames", "[String!]", ["t1"])
    project = query.get_field_by_path("project")
    assert project is not None
    tasks = project.add_field_with_edges("tasks")
    tasks.set_filter("names", tasks_var)
    tasks.add_field("id")
    result = query.query(server)
    assert link_ids(result) == expected_links(folders)
    follow_up, variables = server.requests[1]
    assert "$taskNames" not in follow_up
    assert variables == {"projectName": "demo",
                         "linkNames": ["link0", "link1", "link2"]}


def test_two_levels_of_nesting() -> None:
    folders = [make_folder(i, 0, task_links=(3, 0, 5, 1, 4)) for i in range(4)]
    server = FakeServer(folders)
    query = folders_query(page_size=2, link_page=2, with_tasks=True)
    result = query.query(server)
    for folder, source in zip(result["project"]["folders"], folders):
        expected = source["tasks"](None, first=100)["edges"]
        assert [task["id"] for task in folder["tasks"]] == [
            edge["node"]["id"] for edge in expected]
        for task, edge in zip(folder["tasks"], expected):
            all_links = edge["node"]["links"](None, first=100)["edges"]
            assert [link["id"] for link in task["links"]] == [
                link["id"] for link in all_links]


def test_continuous_query_yields_complete_outer_pages() -> None:
    folders = [make_folder(i, count) for i, count in enumerate([5, 0, 3, 8])]
    server = FakeServer(folders)
    pages = list(folders_query(page_size=2, link_page=2).continuous_query(server))
    assert [len(p["project"]["folders"]) for p in pages] == [2, 2]
    merged = {}
    for one in pages:
        merged.update(link_ids(one))
    assert merged == expected_links(folders)


def test_graphql_errors_raise() -> None:
    server = FakeServer([], users=NAMES)
    query = users_query(3)
    users = query.get_field_by_path("users")
    assert users is not None
    users.add_field("notAField")
    with pytest.raises(GraphQlQueryFailed) as info:
        query.query(server)
    assert "notAField" in str(info.value)
    assert info.value.query.startswith("query Users")


class StuckServer:
    """Answers every request with the same page."""

    def query_graphql(self, query: str, variables: Any = None) -> GraphQlResponse:
        return GraphQlResponse({"data": {"users": {
            "edges": [{"node": {"name": "a"}}],
            "pageInfo": {"endCursor": "same", "hasNextPage": True},
        }}})


def test_cursor_that_does_not_advance_raises() -> None:
    with pytest.raises(GraphQlQueryError, match="Cursor didn't change"):
        users_query(3).query(StuckServer())


def test_answer_without_data_raises() -> None:
    class Empty:
        def query_graphql(self, query: str, variables: Any = None
                          ) -> GraphQlResponse:
            return GraphQlResponse({"data": None})

    with pytest.raises(GraphQlQueryError, match="without data"):
        users_query(3).query(Empty())


def test_connection_below_a_list_field_cannot_page() -> None:
    server = FakeServer([make_folder(0)])
    query = GraphQlQuery("Tags")
    query.add_variable("projectName", "String!", "demo")
    project = query.add_field("project")
    project.set_filter("name", query.get_variable("projectName"))
    folders = project.add_field_with_edges("folders")
    tags = folders.add_field("tags")
    tag_links = tags.add_field_with_edges("links")
    tag_links.set_page_size(2)
    tag_links.add_edge_field("id")
    with pytest.raises(GraphQlQueryError, match="list field"):
        query.query(server)
    tag_links.set_page_size(10)
    result = query.query(server)
    assert len(result["project"]["folders"][0]["tags"][0]["links"]) == 5


def test_outer_node_changing_between_requests_raises() -> None:
    folders = [make_folder(i, 4) for i in range(2)]
    server = FakeServer(folders)
    original = server.query_graphql

    def shrinking(query: str, variables: Any = None) -> GraphQlResponse:
        answer = original(query, variables)
        del server.folders[0]
        return answer

    server.query_graphql = shrinking  # type: ignore[method-assign]
    with pytest.raises(GraphQlQueryError, match="changed"):
        folders_query(link_page=2).query(server)


def test_continuous_query_goes_on_after_a_break() -> None:
    server = FakeServer([], users=NAMES)
    query = users_query(3)
    for page in query.continuous_query(server):
        assert [u["name"] for u in page["users"]] == NAMES[:3]
        break
    rest = [u["name"] for page in query.continuous_query(server)
            for u in page["users"]]
    assert rest == NAMES[3:]
    assert [u["name"] for u in query.query(server)["users"]] == NAMES


def test_failed_follow_up_does_not_leave_a_partial_result() -> None:
    folders = [make_folder(i, 5) for i in range(3)]
    server = FakeServer(folders)
    original = server.query_graphql
    calls = []

    def flaky(query: str, variables: Any = None) -> GraphQlResponse:
        calls.append(query)
        if len(calls) == 2:
            raise ConnectionError("network down")
        return original(query, variables)

    server.query_graphql = flaky  # type: ignore[method-assign]
    query = folders_query(link_page=2)
    with pytest.raises(ConnectionError):
        list(query.continuous_query(server))
    pages = list(query.continuous_query(server))
    merged: dict[str, list[str]] = {}
    for one in pages:
        merged.update(link_ids(one))
    assert merged == expected_links(folders)
