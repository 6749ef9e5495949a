"""Prebuilt queries: variables and filter arguments as the reference client
sends them, valid against the real AYON schema, and equivalent to the
recorded queries of the reference client (../shared/reference)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from ayon_api import constants
from ayon_api import graphql_queries as queries
from ayon_api.graphql import GraphQlQuery, GraphQlQueryEdgeField

graphql = pytest.importorskip("graphql")

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
SCHEMA_FILE = REFERENCE / "ayon-server-schema.graphql"
WIRE_FILE = REFERENCE / "wire-samples.jsonl"

SAMPLE_VALUES = {
    "String!": "x", "String": "x", "[String!]": ["x"], "Boolean": True,
    "Boolean!": True, "[Int!]": [1], "Int": 1, "HasLinksFilter": "ANY",
}

ENTITY_FACTORIES: dict[str, tuple[Callable[[Any], GraphQlQuery], set[str]]] = {
    "folders": (queries.folders_graphql_query, constants.DEFAULT_FOLDER_FIELDS),
    "tasks": (queries.tasks_graphql_query, constants.DEFAULT_TASK_FIELDS),
    "products": (queries.products_graphql_query,
                 constants.DEFAULT_PRODUCT_FIELDS),
    "versions": (queries.versions_graphql_query,
                 constants.DEFAULT_VERSION_FIELDS),
    "representations": (queries.representations_graphql_query,
                        constants.DEFAULT_REPRESENTATION_FIELDS),
    "workfiles": (queries.workfiles_info_graphql_query,
                  constants.DEFAULT_WORKFILE_INFO_FIELDS),
}


def all_queries() -> dict[str, GraphQlQuery]:
    built = {
        name: factory(set(fields) | {"allAttrib", "links"})
        for name, (factory, fields) in ENTITY_FACTORIES.items()
    }
    built.update({
        "project": queries.project_graphql_query(
            {"name", "code", "attrib.fps", "statuses.name", "productTypes.name"}),
        "projects": queries.projects_graphql_query({"name", "active"}),
        "product_types": queries.product_types_query({"name", "icon"}),
        "events": queries.events_graphql_query(
            constants.DEFAULT_EVENT_FIELDS, None),
        "events_states": queries.events_graphql_query(
            constants.DEFAULT_EVENT_FIELDS, "descending", use_states=True),
        "users": queries.users_graphql_query(
            constants.DEFAULT_USER_FIELDS | {"allAttrib"}),
        "activities": queries.activities_graphql_query(
            constants.DEFAULT_ACTIVITY_FIELDS, "descending"),
        "entity_lists": queries.entity_lists_graphql_query(
            constants.DEFAULT_ENTITY_LIST_FIELDS
            | {"items.id", "items.entityId", "items.node.name"}),
        "repre_parents": queries.representations_parents_qraphql_query(
            {"id", "version"}, {"id", "name"}, {"id", "path"}),
        "repre_hierarchy": queries.representations_hierarchy_qraphql_query(
            {"id", "path"}, {"id", "taskType"}, {"id"}, {"id", "version"},
            {"id", "name", "files.name"}),
    })
    return built


@pytest.fixture(scope="module")
def schema() -> Any:
    if not SCHEMA_FILE.exists():
        pytest.skip("reference schema absent")
    return graphql.build_schema(SCHEMA_FILE.read_text())


def _validate(schema: Any, query: GraphQlQuery) -> None:
    text = query.calculate_query()
    errors = graphql.validate(schema, graphql.parse(text))
    assert not errors, f"{errors}\n{text}"


@pytest.mark.parametrize("set_all", [False, True])
def test_every_factory_is_valid_for_the_real_schema(schema: Any,
                                                    set_all: bool) -> None:
    for query in all_queries().values():
        for key in query.get_variable_keys():
            item = query._variables[key]
            if set_all or key == "projectName":
                query.set_variable_value(key, SAMPLE_VALUES[item["type"]])
        _validate(schema, query)


def test_follow_up_requests_are_valid_for_the_real_schema(schema: Any) -> None:
    query = queries.folders_graphql_query({"id", "name", "links"})
    query.set_variable_value("projectName", "demo")
    query.set_variable_value("linkTypes", ["reference"])
    page = {"edges": [], "pageInfo": {"endCursor": "l1", "hasNextPage": True}}
    folders = [
        {"cursor": f"c{i}", "node": {"id": str(i), "name": "f", "links": page}}
        for i in range(3)
    ]
    query.parse_result({"project": {"folders": {
        "edges": folders, "pageInfo": {"endCursor": "c2", "hasNextPage": True},
    }}}, {}, {})
    text = query.calculate_query()
    assert text.count(": project(name: $projectName)") == 3
    assert 'links(linkTypes: $linkTypes, first: 300, after: "l1")' in text
    _validate(schema, query)


def test_folders_variables_and_filters() -> None:
    query = queries.folders_graphql_query({"id"})
    expected = {
        "projectName": ("String!", None),
        "folderIds": ("[String!]", "ids"),
        "parentFolderIds": ("[String!]", "parentIds"),
        "folderNames": ("[String!]", "names"),
        "folderPaths": ("[String!]", "paths"),
        "folderPathRegex": ("String!", "pathEx"),
        "folderTypes": ("[String!]", "folderTypes"),
        "folderStatuses": ("[String!]", "statuses"),
        "folderAssigneesAll": ("[String!]", "assignees"),
        "folderTags": ("[String!]", "tags"),
        "folderHasProducts": ("Boolean!", "hasProducts"),
        "folderHasTasks": ("Boolean!", "hasTasks"),
        "folderHasLinks": ("HasLinksFilter", "hasLinks"),
        "folderHasChildren": ("Boolean!", "hasChildren"),
        "filter": ("String!", "filter"),
    }
    assert query.get_variable_keys() == set(expected)
    folders = query.get_field_by_path("project/folders")
    assert isinstance(folders, GraphQlQueryEdgeField)
    for key, (value_type, argument) in expected.items():
        assert query._variables[key]["type"] == value_type
        if argument:
            assert folders._filters[argument] is query.get_variable(key)


def test_events_status_argument_and_order() -> None:
    query = queries.events_graphql_query({"id"}, "descending", use_states=True)
    query.set_variable_value("eventStatuses", ["finished"])
    text = query.calculate_query()
    assert "events(states: $eventStatuses, last: 300)" in text
    query = queries.events_graphql_query({"id"}, None)
    query.set_variable_value("eventStatuses", ["finished"])
    assert "events(statuses: $eventStatuses, first: 300)" in query.calculate_query()


def test_links_fields() -> None:
    query = queries.folders_graphql_query({"id", "links"})
    links = query.get_field_by_path("project/folders/links")
    assert isinstance(links, GraphQlQueryEdgeField)
    assert {f.name for f in links._edge_children} == constants.DEFAULT_LINK_FIELDS
    assert not links._children
    assert {"linkNames", "linkNameRegex", "linkTypes", "linkDirection"} <= (
        query.get_variable_keys())

    query = queries.tasks_graphql_query({"id", "links.id", "links.data",
                                         "links.node.name"})
    links = query.get_field_by_path("project/tasks/links")
    assert isinstance(links, GraphQlQueryEdgeField)
    assert {f.name for f in links._edge_children} == {"id", "data"}
    assert [f.name for f in links._children] == ["node"]
    queries.add_links_fields(links, None)  # nothing asked, nothing added
    queries.add_links_fields(links, {"id": "x"})


def test_entity_list_items_are_edge_fields() -> None:
    query = queries.entity_lists_graphql_query(
        ["id", "items", "items.entityId", "items.node.name"])
    items = query.get_field_by_path("project/entityLists/items")
    assert isinstance(items, GraphQlQueryEdgeField)
    assert [f.name for f in items._edge_children] == ["entityId", "node"]
    assert query.get_field_by_path("project/entityLists/id") is not None
    assert query.get_field_by_path("project/entityLists/items/node/name")


def test_hierarchy_query_adds_only_asked_parents() -> None:
    query = queries.representations_hierarchy_qraphql_query(
        None, None, None, None, {"id"})
    assert query.get_field_by_path("project/representations/version") is None
    query = queries.representations_hierarchy_qraphql_query(
        None, {"id"}, None, None, {"id"})
    assert query.get_field_by_path("project/representations/version/task/id")
    assert query.get_field_by_path(
        "project/representations/version/product") is None


# -- equivalence with the reference client's recorded queries ---------------
def _canonical(text: str) -> Any:
    operation = graphql.parse(text).definitions[0]
    variables = sorted(
        (d.variable.name.value, graphql.print_ast(d.type))
        for d in operation.variable_definitions or ()
    )
    return operation.name.value, variables, _selection(operation.selection_set)


def _selection(selection_set: Any) -> Any:
    if selection_set is None:
        return None
    items = [
        (field.name.value,
         tuple(sorted((a.name.value, graphql.print_ast(a.value))
                      for a in field.arguments or ())),
         _selection(field.selection_set))
        for field in selection_set.selections
    ]
    return tuple(sorted(items, key=repr))


def _dotted(selection_set: Any, prefix: str = "",
            skip: tuple[str, ...] = ()) -> set[str]:
    names: set[str] = set()
    for field in selection_set.selections:
        name = field.name.value
        if name in skip:
            continue
        if field.selection_set is None:
            names.add(prefix + name)
            continue
        children = {f.name.value: f for f in field.selection_set.selections}
        if "edges" in children:  # a nested connection (links)
            edges = children["edges"].selection_set
            names |= _dotted(edges, f"{prefix}{name}.", skip=("node", "cursor"))
        else:
            names |= _dotted(field.selection_set, f"{prefix}{name}.")
    return names


def _child(selection_set: Any, name: str) -> Any:
    for field in selection_set.selections:
        if field.name.value == name:
            return field.selection_set
    raise KeyError(name)


def _node_selection(text: str, path: list[str]) -> Any:
    selection = graphql.parse(text).definitions[0].selection_set
    for name in path:
        selection = _child(selection, name)
    return _child(_child(selection, "edges"), "node")


PROJECT_CONNECTIONS = {
    "FoldersQuery": "folders", "TasksQuery": "tasks",
    "ProductsQuery": "products", "VersionsQuery": "versions",
    "RepresentationsQuery": "representations", "WorkfilesInfo": "workfiles",
    "Activities": "activities", "EntityLists": "entityLists",
}


def _rebuild(name: str, text: str) -> Optional[GraphQlQuery]:
    """The query our factories build for a recorded reference query."""
    factories = {
        "FoldersQuery": queries.folders_graphql_query,
        "TasksQuery": queries.tasks_graphql_query,
        "ProductsQuery": queries.products_graphql_query,
        "VersionsQuery": queries.versions_graphql_query,
        "RepresentationsQuery": queries.representations_graphql_query,
        "WorkfilesInfo": queries.workfiles_info_graphql_query,
        "EntityLists": queries.entity_lists_graphql_query,
        "Users": queries.users_graphql_query,
    }
    if name in PROJECT_CONNECTIONS:
        node = _node_selection(text, ["project", PROJECT_CONNECTIONS[name]])
    elif name in ("Users", "Events"):
        node = _node_selection(text, [name.lower()])
    elif name == "RepresentationsParentsQuery":
        version = _child(_node_selection(text, ["project", "representations"]),
                         "version")
        product = _child(version, "product")
        return queries.representations_parents_qraphql_query(
            _dotted(version, skip=("product",)),
            _dotted(product, skip=("folder",)),
            _dotted(_child(product, "folder")),
        )
    else:
        return None
    fields = _dotted(node)
    if name == "Activities":
        return queries.activities_graphql_query(fields, None)
    if name == "Events":
        return queries.events_graphql_query(fields, None)
    return factories[name](fields)


def _wire_graphql_samples() -> list[dict[str, Any]]:
    if not WIRE_FILE.exists():
        return []
    samples = []
    for line in WIRE_FILE.read_text().splitlines():
        record = json.loads(line)
        if record["path"] == "/graphql" and record["method"] == "POST":
            samples.append(record["request"])
    return samples


def test_same_queries_as_the_reference_client() -> None:
    samples = _wire_graphql_samples()
    if not samples:
        pytest.skip("wire samples absent")
    compared, with_links = 0, 0
    for request in samples:
        text = request["query"]
        if "after:" in text:  # a later page of the reference's 1-node paging
            continue
        # The reference pages an outer connection with nested links one node
        # per request; ours pages it normally.
        text = text.replace("first: 1)", "first: 300)").replace(
            "first: 1,", "first: 300,")
        name = graphql.parse(text).definitions[0].name
        query = _rebuild(name.value if name else "", text)
        if query is None:
            continue
        for key, value in (request.get("variables") or {}).items():
            query.set_variable_value(key, value)
        ours = query.calculate_query()
        if "cursor" not in text:
            ours = ours.replace("        cursor\n", "")
        assert _canonical(ours) == _canonical(text), f"{ours}\n---\n{text}"
        compared += 1
        with_links += "links(" in text
    assert compared >= 20 and with_links >= 1, (compared, with_links)
