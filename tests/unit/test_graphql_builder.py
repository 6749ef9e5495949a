"""GraphQlQuery rendering: variables, filters, literals, fields, edges,
order, limits; fields_to_dict."""
from __future__ import annotations

import copy
import enum

import pytest

from ayon_api.graphql import (
    FIELD_VALUE,
    INTROSPECTION_QUERY,
    BaseGraphQlQueryField,
    GraphQlQuery,
    GraphQlQueryEdgeField,
    QueryVariable,
    fields_to_dict,
)
from ayon_api.utils import SortOrder


def _squash(text: str) -> str:
    return " ".join(text.split())


def _folders_query(**kwargs: object) -> GraphQlQuery:
    query = GraphQlQuery("FoldersQuery", **kwargs)  # type: ignore[arg-type]
    project_var = query.add_variable("projectName", "String!")
    ids_var = query.add_variable("folderIds", "[String!]")
    paths_var = query.add_variable("folderPaths", "[String!]")
    project = query.add_field("project")
    project.set_filter("name", project_var)
    folders = project.add_field_with_edges("folders")
    folders.set_filter("ids", ids_var)
    folders.set_filter("paths", paths_var)
    folders.add_field("id")
    folders.add_field("name")
    return query


def test_variables_declared_only_when_set() -> None:
    query = _folders_query()
    text = query.calculate_query()
    assert text.startswith("query FoldersQuery {")
    assert "$" not in text
    assert "folders(first: 300)" in text

    query.set_variable_value("projectName", "demo")
    query.set_variable_value("folderPaths", ["/a", "/b"])
    text = query.calculate_query()
    assert text.startswith(
        "query FoldersQuery($projectName: String!, $folderPaths: [String!]) {")
    assert "project(name: $projectName) {" in text
    assert "folders(paths: $folderPaths, first: 300) {" in text
    assert "ids:" not in text
    assert query.get_variables_values() == {
        "projectName": "demo", "folderPaths": ["/a", "/b"]}

    query.set_variable_value("folderPaths", None)
    assert "$folderPaths" not in query.calculate_query()


def test_variable_bookkeeping() -> None:
    query = GraphQlQuery("Q")
    variable = query.add_variable("names", "[String!]", ["a"])
    assert isinstance(variable, QueryVariable)
    assert variable.name == "$names" and str(variable) == "$names"
    assert f"{variable}" == "$names"
    assert variable.variable_name == "names"
    assert query.get_variable("names") is variable
    assert query.get_variable_value("names") == ["a"]
    assert query.get_variable_value("missing", "default") == "default"
    assert query.get_variable_keys() == {"names"}
    with pytest.raises(KeyError):
        query.add_variable("names", "String")
    with pytest.raises(KeyError):
        query.set_variable_value("unknown", 1)
    with pytest.raises(KeyError):
        query.get_variable("unknown")


def test_declared_but_unused_variable_is_not_sent() -> None:
    query = GraphQlQuery("Users")
    query.add_variable("unused", "String!", "x")
    users = query.add_field_with_edges("users")
    users.add_field("name")
    assert query.calculate_query().startswith("query Users {")


class Color(enum.Enum):
    RED = "red"


def test_literal_filters() -> None:
    query = GraphQlQuery("Q")
    field = query.add_field("items")
    field.add_field("id")
    for key, value in {
        "count": 3, "ratio": 1.5, "flag": True, "off": False,
        "name": 'a "quoted"\nname', "ids": ["a", "b"], "nums": (1, 2),
        "color": Color.RED, "attrib": {"name": "fps", "values": ["25"]},
        "dropped": None,
    }.items():
        field.set_filter(key, value)
    text = query.calculate_query()
    assert (
        'items(count: 3, ratio: 1.5, flag: true, off: false, '
        'name: "a \\"quoted\\"\\nname", ids: ["a", "b"], nums: [1, 2], '
        'color: "red", attrib: {name: "fps", values: ["25"]}) {'
    ) in text
    assert "dropped" not in text

    field.set_filter("bad", object())
    with pytest.raises(TypeError):
        query.calculate_query()
    field.set_filter("bad", float("nan"))
    with pytest.raises(ValueError):
        query.calculate_query()


def test_variables_inside_a_list_literal() -> None:
    query = GraphQlQuery("Q")
    first = query.add_variable("first", "String!", "x")
    second = query.add_variable("second", "String")
    field = query.add_field("items")
    field.set_filter("names", [first, second])
    text = query.calculate_query()
    assert "items(names: [$first, null])" in text
    assert text.startswith("query Q($first: String!)")


def test_filter_helpers() -> None:
    query = GraphQlQuery("Q")
    field = query.add_field("project")
    field.set_filter("name", "demo")
    assert field.has_filter("name")
    filters = field.get_filters()
    filters["name"] = "changed"
    assert field.get_filters() == {"name": "demo"}
    field.remove_filter("name")
    field.remove_filter("name")
    assert not field.has_filter("name")


def test_nested_plain_fields_from_dotted_names() -> None:
    from ayon_api.graphql_queries import project_graphql_query

    query = project_graphql_query(
        ["name", "attrib.fps", "attrib.frameStart", "statuses.name"])
    query.set_variable_value("projectName", "demo")
    assert _squash(query.calculate_query()) == _squash("""
        query ProjectQuery($projectName: String!) {
          project(name: $projectName) {
            name
            attrib { fps frameStart }
            statuses { name }
          }
        }""")
    assert query.get_field_by_path("project/attrib/fps") is not None
    assert query.get_field_by_path("project/attrib/nope") is None


def test_edge_field_shape_and_edge_fields() -> None:
    query = GraphQlQuery("Q")
    folders = query.add_field_with_edges("folders")
    folders.add_field("id")
    links = folders.add_field_with_edges("links")
    links.add_edge_field("entityId")
    links.add_field("name")
    assert _squash(query.calculate_query()) == _squash("""
        query Q {
          folders(first: 300) {
            edges {
              node {
                id
                links(first: 300) {
                  edges {
                    entityId
                    node { name }
                  }
                  pageInfo { endCursor hasNextPage }
                }
              }
              cursor
            }
            pageInfo { endCursor hasNextPage }
          }
        }""")
    assert folders.child_has_edges and not links.child_has_edges
    assert folders.sum_edge_fields() == 2
    assert query.has_multiple_edge_fields
    assert links.path == "folders/links"
    assert repr(links) == "<GraphQlQueryEdgeField folders/links>"
    assert folders.get_field_by_keys(["links", "entityId"]) is not None
    assert query.get_field_by_keys([]) is None


def test_single_connection_has_no_cursor_and_one_edge_field() -> None:
    query = GraphQlQuery("Users")
    users = query.add_field_with_edges("users")
    users.add_field("name")
    text = query.calculate_query()
    assert "cursor" not in text.replace("endCursor", "")
    assert not query.has_multiple_edge_fields


def test_order_limit_and_page_size() -> None:
    query = GraphQlQuery("Events", order=SortOrder.descending, page_size=50)
    events = query.add_field_with_edges("events")
    events.add_field("id")
    text = _squash(query.calculate_query())
    assert "events(last: 50)" in text
    assert "pageInfo { endCursor hasPreviousPage }" in text

    events.set_ascending_order()
    events.set_limit(20)
    assert "events(first: 20)" in query.calculate_query()
    events.set_limit(None)
    events.set_page_size(7)
    assert events.get_filters() == {"first": 7}
    events.set_descending_order()
    assert events.get_filters() == {"last": 7}
    events.set_order("asc")
    assert events.get_filters() == {"first": 7}
    with pytest.raises(ValueError):
        events.set_order("sideways")
    with pytest.raises(ValueError):
        events.set_limit(-1)
    with pytest.raises(ValueError):
        events.set_page_size(0)
    with pytest.raises(ValueError):
        GraphQlQuery("Bad", page_size=0)
    with pytest.raises(ValueError):
        GraphQlQuery("not a name")


def test_missing_fields_raise() -> None:
    query = GraphQlQuery("Empty")
    with pytest.raises(ValueError):
        query.calculate_query()
    query.add_field_with_edges("users")
    with pytest.raises(ValueError, match="users"):
        query.calculate_query()


def test_field_calculate_query_and_indent() -> None:
    query = _folders_query()
    folders = query.get_field_by_path("project/folders")
    assert isinstance(folders, GraphQlQueryEdgeField)
    assert query.indent == 0 and query.offset == 2
    assert folders.indent == 4 and folders.child_indent == 8
    assert folders.calculate_query().startswith("    folders(first: 300) {")
    assert folders.query_item is query
    assert isinstance(folders, BaseGraphQlQueryField)


def test_set_parent_moves_a_field() -> None:
    query = GraphQlQuery("Q")
    first = query.add_field("first")
    second = query.add_field("second")
    moved = first.add_field("moved")
    moved.set_parent(second)
    assert first.get_field_by_keys(["moved"]) is None
    assert second.get_field_by_keys(["moved"]) is moved
    assert moved.path == "second/moved"
    second.add_obj_field(moved)
    assert _squash(query.calculate_query()) == "query Q { first second { moved } }"


def test_need_query_and_parse_result_by_hand() -> None:
    query = _folders_query(page_size=2)
    assert query.need_query
    output: dict = {}
    query.parse_result({"project": {"folders": {
        "edges": [{"node": {"id": "1", "name": "a"}},
                  {"node": {"id": "2", "name": "b"}}],
        "pageInfo": {"endCursor": "c2", "hasNextPage": True},
    }}}, output, {})
    assert query.need_query
    assert 'folders(first: 2, after: "c2")' in query.calculate_query()
    query.parse_result({"project": {"folders": {
        "edges": [{"node": {"id": "3", "name": "c"}}],
        "pageInfo": {"endCursor": "c3", "hasNextPage": False},
    }}}, output, {})
    assert not query.need_query
    assert output == {"project": {"folders": [
        {"id": "1", "name": "a"}, {"id": "2", "name": "b"},
        {"id": "3", "name": "c"}]}}
    folders = query.get_field_by_path("project/folders")
    assert folders is not None
    folders.reset_cursor()
    assert query.need_query
    assert "after" not in query.calculate_query()


def test_fields_to_dict() -> None:
    assert fields_to_dict(None) == {}
    assert fields_to_dict([]) == {}
    assert fields_to_dict(["id", "attrib.fps", "attrib.frameStart", "a.b.c"]) == {
        "id": FIELD_VALUE,
        "attrib": {"fps": FIELD_VALUE, "frameStart": FIELD_VALUE},
        "a": {"b": {"c": FIELD_VALUE}},
    }
    # A field asked for whole wins over its sub-fields, in any order.
    assert fields_to_dict(["files", "files.name"]) == {"files": FIELD_VALUE}
    assert fields_to_dict(["files.name", "files"]) == {"files": FIELD_VALUE}
    assert fields_to_dict(["a.b", "a.b.c"]) == {"a": {"b": FIELD_VALUE}}
    assert copy.deepcopy(FIELD_VALUE) is FIELD_VALUE
    assert repr(FIELD_VALUE) == "FIELD_VALUE"
    with pytest.raises(TypeError):
        fields_to_dict("id")
    with pytest.raises(ValueError):
        fields_to_dict(["id", ""])


def test_introspection_query_is_exported() -> None:
    assert "__schema" in INTROSPECTION_QUERY
    assert "fragment TypeRef on __Type" in INTROSPECTION_QUERY
