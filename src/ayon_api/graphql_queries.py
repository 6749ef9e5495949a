"""Prebuilt GraphQL queries, one factory per entity listing.

Each factory declares the query's variables (all None, so left out, until
set with ``set_variable_value``), binds them to the connection's filter
arguments and adds the requested dotted ``fields``. Names of operations,
variables and arguments are those the reference client sends, so the
queries are accepted by a real AYON server.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional, Union

from .constants import DEFAULT_LINK_FIELDS
from .graphql import (
    FIELD_VALUE,
    GraphQlQuery,
    GraphQlQueryEdgeField,
    GraphQlQueryField,
    fields_to_dict,
)
from .graphql.fields import BaseGraphQlQueryField

__all__ = [
    "activities_graphql_query",
    "add_links_fields",
    "entity_lists_graphql_query",
    "events_graphql_query",
    "folders_graphql_query",
    "product_types_query",
    "products_graphql_query",
    "project_graphql_query",
    "projects_graphql_query",
    "representations_graphql_query",
    "representations_hierarchy_qraphql_query",
    "representations_parents_qraphql_query",
    "tasks_graphql_query",
    "users_graphql_query",
    "versions_graphql_query",
    "workfiles_info_graphql_query",
]

Fields = Optional[Iterable[str]]
_Parent = Union[BaseGraphQlQueryField, GraphQlQuery]
# (variable, GraphQL type, filter argument)
_Filters = tuple[tuple[str, str, str], ...]


def _add_nested(parent: _Parent, nested: dict[str, Any]) -> None:
    """Add the fields of a :func:`fields_to_dict` tree under ``parent``."""
    for name, children in nested.items():
        field = parent.add_field(name)
        if children is not FIELD_VALUE:
            _add_nested(field, children)


def _bind_filters(query: GraphQlQuery, field: BaseGraphQlQueryField,
                  filters: _Filters) -> None:
    for variable, value_type, argument in filters:
        field.set_filter(argument, query.add_variable(variable, value_type))


def _project_query(name: str, connection: str, filters: _Filters,
                   order: Any = None
                   ) -> tuple[GraphQlQuery, GraphQlQueryEdgeField]:
    """``query name($projectName: String!, ...) { project(name: ...) {
    connection(...) }}`` with variables declared before the project's."""
    query = GraphQlQuery(name, order=order)
    project_var = query.add_variable("projectName", "String!")
    variables = [query.add_variable(var, kind) for var, kind, _ in filters]
    project_field = query.add_field("project")
    project_field.set_filter("name", project_var)
    field = project_field.add_field_with_edges(connection)
    for variable, (_, _, argument) in zip(variables, filters):
        field.set_filter(argument, variable)
    return query, field


def _entity_query(name: str, connection: str, filters: _Filters,
                  fields: Fields, with_links: bool = True) -> GraphQlQuery:
    query, field = _project_query(name, connection, filters)
    nested = fields_to_dict(fields)
    if with_links:
        add_links_fields(field, nested)
    _add_nested(field, nested)
    return query


def add_links_fields(entity_field: GraphQlQueryEdgeField,
                     nested_fields: Optional[dict[str, Any]]) -> None:
    """Replace ``links`` in ``nested_fields`` by the ``links`` connection of
    ``entity_field`` (filters ``$linkNames``, ``$linkNameRegex``,
    ``$linkTypes``, ``$linkDirection``). Link fields are read from the edge;
    other requested sub-fields go to the linked node."""
    if not nested_fields or "links" not in nested_fields:
        return
    requested = nested_fields.pop("links")
    edge_names = set(DEFAULT_LINK_FIELDS)
    links = entity_field.add_field_with_edges("links")
    for variable, value_type, argument in (
        ("linkNames", "[String!]", "names"),
        ("linkNameRegex", "String!", "nameEx"),
        ("linkTypes", "[String!]", "linkTypes"),
        ("linkDirection", "String!", "direction"),
    ):
        links.set_filter(argument, links.add_variable(variable, value_type))

    if requested is FIELD_VALUE:
        for name in sorted(edge_names):
            links.add_edge_field(name)
        return
    edge_names.add("data")
    for name, children in requested.items():
        if name in edge_names:
            field: GraphQlQueryField = links.add_edge_field(name)
        else:
            field = links.add_field(name)
        if children is not FIELD_VALUE:
            _add_nested(field, children)


def project_graphql_query(fields: Fields) -> GraphQlQuery:
    """``ProjectQuery``: one project by ``$projectName``."""
    query = GraphQlQuery("ProjectQuery")
    project_var = query.add_variable("projectName", "String!")
    project_field = query.add_field("project")
    project_field.set_filter("name", project_var)
    _add_nested(project_field, fields_to_dict(fields))
    return query


def projects_graphql_query(fields: Fields) -> GraphQlQuery:
    """``ProjectsQuery``: the ``projects`` connection."""
    query = GraphQlQuery("ProjectsQuery")
    projects_field = query.add_field_with_edges("projects")
    _bind_filters(query, projects_field, (
        ("projectName", "String!", "name"),
        ("skeleton", "Boolean!", "includeSkeleton"),
    ))
    _add_nested(projects_field, fields_to_dict(fields))
    return query


def product_types_query(fields: Fields) -> GraphQlQuery:
    """``ProductTypes``: the server-wide product types."""
    query = GraphQlQuery("ProductTypes")
    _add_nested(query.add_field("productTypes"), fields_to_dict(fields))
    return query


def folders_graphql_query(fields: Fields) -> GraphQlQuery:
    return _entity_query("FoldersQuery", "folders", (
        ("folderIds", "[String!]", "ids"),
        ("parentFolderIds", "[String!]", "parentIds"),
        ("folderPaths", "[String!]", "paths"),
        ("folderPathRegex", "String!", "pathEx"),
        ("folderNames", "[String!]", "names"),
        ("folderTypes", "[String!]", "folderTypes"),
        ("folderHasProducts", "Boolean!", "hasProducts"),
        ("folderHasTasks", "Boolean!", "hasTasks"),
        ("folderHasLinks", "HasLinksFilter", "hasLinks"),
        ("folderHasChildren", "Boolean!", "hasChildren"),
        ("folderStatuses", "[String!]", "statuses"),
        ("folderAssigneesAll", "[String!]", "assignees"),
        ("folderTags", "[String!]", "tags"),
        ("filter", "String!", "filter"),
    ), fields)


def tasks_graphql_query(fields: Fields) -> GraphQlQuery:
    return _entity_query("TasksQuery", "tasks", (
        ("taskIds", "[String!]", "ids"),
        ("taskNames", "[String!]", "names"),
        ("taskTypes", "[String!]", "taskTypes"),
        ("folderIds", "[String!]", "folderIds"),
        ("taskAssigneesAny", "[String!]", "assigneesAny"),
        ("taskAssigneesAll", "[String!]", "assignees"),
        ("taskStatuses", "[String!]", "statuses"),
        ("taskTags", "[String!]", "tags"),
        ("filter", "String!", "filter"),
    ), fields)


def products_graphql_query(fields: Fields) -> GraphQlQuery:
    return _entity_query("ProductsQuery", "products", (
        ("productIds", "[String!]", "ids"),
        ("productNames", "[String!]", "names"),
        ("folderIds", "[String!]", "folderIds"),
        ("productTypes", "[String!]", "productTypes"),
        ("productBaseTypes", "[String!]", "productBaseTypes"),
        ("productNameRegex", "String!", "nameEx"),
        ("productPathRegex", "String!", "pathEx"),
        ("productStatuses", "[String!]", "statuses"),
        ("productTags", "[String!]", "tags"),
        ("filter", "String!", "filter"),
    ), fields)


def versions_graphql_query(fields: Fields) -> GraphQlQuery:
    return _entity_query("VersionsQuery", "versions", (
        ("productIds", "[String!]", "productIds"),
        ("versionIds", "[String!]", "ids"),
        ("taskIds", "[String!]", "taskIds"),
        ("versions", "[Int!]", "versions"),
        ("heroOnly", "Boolean", "heroOnly"),
        ("latestOnly", "Boolean", "latestOnly"),
        ("heroOrLatestOnly", "Boolean", "heroOrLatestOnly"),
        ("versionStatuses", "[String!]", "statuses"),
        ("versionTags", "[String!]", "tags"),
        ("filter", "String!", "filter"),
    ), fields)


def representations_graphql_query(fields: Fields) -> GraphQlQuery:
    return _entity_query("RepresentationsQuery", "representations", (
        ("representationIds", "[String!]", "ids"),
        ("representationNames", "[String!]", "names"),
        ("versionIds", "[String!]", "versionIds"),
        ("representationHasLinks", "HasLinksFilter", "hasLinks"),
        ("representationStatuses", "[String!]", "statuses"),
        ("representationTags", "[String!]", "tags"),
        ("filter", "String!", "filter"),
    ), fields)


def workfiles_info_graphql_query(fields: Fields) -> GraphQlQuery:
    return _entity_query("WorkfilesInfo", "workfiles", (
        ("workfileIds", "[String!]", "ids"),
        ("taskIds", "[String!]", "taskIds"),
        ("paths", "[String!]", "paths"),
        ("workfilePathRegex", "String!", "pathEx"),
        ("workfileHasLinks", "HasLinksFilter", "hasLinks"),
        ("workfileStatuses", "[String!]", "statuses"),
        ("workfileTags", "[String!]", "tags"),
    ), fields)


_REPRESENTATION_IDS: _Filters = (("representationIds", "[String!]", "ids"),)


def representations_parents_qraphql_query(
    version_fields: Fields, product_fields: Fields, folder_fields: Fields,
) -> GraphQlQuery:
    """Representations by ``$representationIds`` with their version,
    product and folder (the name's typo is the reference's)."""
    query, repres_field = _project_query(
        "RepresentationsParentsQuery", "representations", _REPRESENTATION_IDS)
    repres_field.add_field("id")
    version_field = repres_field.add_field("version")
    product_field = version_field.add_field("product")
    folder_field = product_field.add_field("folder")
    _add_nested(version_field, fields_to_dict(version_fields))
    _add_nested(product_field, fields_to_dict(product_fields))
    _add_nested(folder_field, fields_to_dict(folder_fields))
    return query


def representations_hierarchy_qraphql_query(
    folder_fields: Fields,
    task_fields: Fields,
    product_fields: Fields,
    version_fields: Fields,
    representation_fields: Fields,
) -> GraphQlQuery:
    """Representations by ``$representationIds`` with the parents whose
    fields are given (version, its task and product, the product's folder)."""
    query, repres_field = _project_query(
        "RepresentationsParentsQuery", "representations", _REPRESENTATION_IDS)
    _add_nested(repres_field, fields_to_dict(representation_fields))
    if not (folder_fields or task_fields or product_fields or version_fields):
        return query
    version_field = repres_field.add_field("version")
    _add_nested(version_field, fields_to_dict(version_fields))
    if task_fields:
        _add_nested(version_field.add_field("task"), fields_to_dict(task_fields))
    if folder_fields or product_fields:
        product_field = version_field.add_field("product")
        _add_nested(product_field, fields_to_dict(product_fields))
        if folder_fields:
            folder_field = product_field.add_field("folder")
            _add_nested(folder_field, fields_to_dict(folder_fields))
    return query


def events_graphql_query(fields: Fields, order: Any,
                         use_states: bool = False) -> GraphQlQuery:
    """``Events``; ``use_states`` filters statuses with the older
    ``states`` argument."""
    query = GraphQlQuery("Events", order=order)
    variables = {
        var: query.add_variable(var, kind) for var, kind in (
            ("eventTopics", "[String!]"),
            ("eventIds", "[String!]"),
            ("projectNames", "[String!]"),
            ("eventStatuses", "[String!]"),
            ("eventUsers", "[String!]"),
            ("includeLogsFilter", "Boolean!"),
            ("hasChildrenFilter", "Boolean!"),
            ("newerThanFilter", "String!"),
            ("olderThanFilter", "String!"),
            ("textFilter", "String!"),
        )
    }
    events_field = query.add_field_with_edges("events")
    for argument, var in (
        ("ids", "eventIds"),
        ("topics", "eventTopics"),
        ("projects", "projectNames"),
        ("states" if use_states else "statuses", "eventStatuses"),
        ("users", "eventUsers"),
        ("includeLogs", "includeLogsFilter"),
        ("hasChildren", "hasChildrenFilter"),
        ("newerThan", "newerThanFilter"),
        ("olderThan", "olderThanFilter"),
        ("filter", "textFilter"),
    ):
        events_field.set_filter(argument, variables[var])
    _add_nested(events_field, fields_to_dict(fields))
    return query


def users_graphql_query(fields: Fields) -> GraphQlQuery:
    """``Users``, filtered by ``$userNames``, ``$emails``, ``$projectName``."""
    query = GraphQlQuery("Users")
    users_field = query.add_field_with_edges("users")
    _bind_filters(query, users_field, (
        ("userNames", "[String!]", "names"),
        ("emails", "[String!]", "emails"),
        ("projectName", "String!", "projectName"),
    ))
    _add_nested(users_field, fields_to_dict(fields))
    return query


def activities_graphql_query(fields: Fields, order: Any) -> GraphQlQuery:
    query, field = _project_query("Activities", "activities", (
        ("activityIds", "[String!]", "activityIds"),
        ("activityTypes", "[String!]", "activityTypes"),
        ("entityIds", "[String!]", "entityIds"),
        ("entityNames", "[String!]", "entityNames"),
        ("entityType", "String!", "entityType"),
        ("changedAfter", "String!", "changedAfter"),
        ("changedBefore", "String!", "changedBefore"),
        ("referenceTypes", "[String!]", "referenceTypes"),
    ), order=order)
    _add_nested(field, fields_to_dict(fields))
    return query


def entity_lists_graphql_query(fields: Fields) -> GraphQlQuery:
    """``EntityLists`` by ``$listIds``; ``items.<field>`` names become
    fields of the nested ``items`` connection's edges."""
    query, lists_field = _project_query(
        "EntityLists", "entityLists", (("listIds", "[String!]", "ids"),))
    list_fields, item_fields = [], []
    for name in fields or ():
        if name.startswith("items."):
            item_fields.append(name[len("items."):])
        elif name != "items":
            list_fields.append(name)
    if item_fields:
        items_field = lists_field.add_field_with_edges("items")
        for name, children in fields_to_dict(item_fields).items():
            field = items_field.add_edge_field(name)
            if children is not FIELD_VALUE:
                _add_nested(field, children)
    _add_nested(lists_field, fields_to_dict(list_fields))
    return query
