"""GraphQL query builder, cursor paging and field selections.

``GraphQlQuery`` builds a query from fields and variables and pages its
connections (``query()`` merges all pages, ``continuous_query()`` yields
them one by one); ``iter_connection_nodes`` and ``render_selection`` are the
small helpers the resource modules use for plain single-connection queries.
"""
from .edges import GraphQlQueryEdgeField
from .fields import BaseGraphQlQueryField, GraphQlQueryField
from .introspection import INTROSPECTION_QUERY
from .paging import iter_connection_nodes
from .query import GraphQlQuery
from .render import QueryVariable
from .selection import FIELD_VALUE, fields_to_dict, render_selection

__all__ = [
    "FIELD_VALUE",
    "INTROSPECTION_QUERY",
    "BaseGraphQlQueryField",
    "GraphQlQuery",
    "GraphQlQueryEdgeField",
    "GraphQlQueryField",
    "QueryVariable",
    "fields_to_dict",
    "iter_connection_nodes",
    "render_selection",
]
