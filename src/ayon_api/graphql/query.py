"""The query builder: variables, root fields, rendering and the paging loop.

Each request is derived from the fields' paging state: while an inner
connection of the current page still has pages, the next request is a
follow-up for it (see :mod:`.nested`); otherwise it is the next page of the
outermost connections. ``calculate_query()`` renders that request and
``parse_result()`` reads its answer, so ``query()`` and
``continuous_query()`` are plain loops over the two.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Protocol

from ..exceptions import GraphQlQueryError, GraphQlQueryFailed
from ..utils import SortOrder
from .edges import GraphQlQueryEdgeField
from .fields import BaseGraphQlQueryField, GraphQlQueryField, _check_limit
from .nested import (
    MAX_FOLLOW_UPS_PER_REQUEST,
    PendingConnection,
    parse_follow_ups,
    render_follow_ups,
)
from .render import QueryVariable, Renderer

__all__ = ["GraphQlConnection", "GraphQlQuery"]


class _GraphQlAnswer(Protocol):
    data: Any
    errors: Any


class GraphQlConnection(Protocol):
    """What ``query``/``continuous_query`` need: ``ServerAPI`` or any object
    whose ``query_graphql`` returns the JSON body as ``.data`` and the
    GraphQL errors (or None) as ``.errors``."""

    def query_graphql(self, query: str, variables: Optional[dict[str, Any]] = ...
                      ) -> Any: ...


class GraphQlQuery:
    """A GraphQL query built from fields; it pages its connections itself.

    ``page_size`` (default 300, the reference client's) is the number of
    nodes asked per request for each connection; a connection's own
    ``set_page_size()`` overrides it.
    """

    offset = 2

    def __init__(self, name: str, order: Any = None,
                 page_size: Optional[int] = None) -> None:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"Invalid GraphQL query name {name!r}")
        if page_size is not None and not _check_limit(page_size, "page_size"):
            raise ValueError("page_size must be at least 1")
        self._name = name
        self._order = SortOrder.parse_value(order, SortOrder.ascending)
        self._page_size = page_size
        self._variables: dict[str, dict[str, Any]] = {}
        self._children: list[BaseGraphQlQueryField] = []
        self._pending: deque[PendingConnection] = deque()

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} {self._name}>"

    # -- layout ----------------------------------------------------------------
    @property
    def indent(self) -> int:
        return 0

    @property
    def child_indent(self) -> int:
        return self.indent

    @property
    def has_multiple_edge_fields(self) -> bool:
        """True when the query holds more than one connection."""
        counter = 0
        for child in self._children:
            counter += child.sum_edge_fields(2)
            if counter > 1:
                return True
        return False

    # -- variables -------------------------------------------------------------
    def add_variable(self, key: str, value_type: str, value: Any = None
                     ) -> QueryVariable:
        """Declare variable ``key`` of GraphQL type ``value_type`` (e.g.
        ``"[String!]"``); KeyError when it already exists."""
        if key in self._variables:
            raise KeyError(
                f"Variable '{key}' was already added to query '{self._name}' "
                f"with type {self._variables[key]['type']}"
            )
        variable = QueryVariable(key)
        self._variables[key] = {
            "type": value_type, "variable": variable, "value": value,
        }
        return variable

    def _variable_item(self, key: str) -> dict[str, Any]:
        try:
            return self._variables[key]
        except KeyError:
            raise KeyError(
                f"Variable '{key}' is not declared in query '{self._name}'; "
                f"declared: {sorted(self._variables)}"
            ) from None

    def get_variable(self, key: str) -> QueryVariable:
        variable: QueryVariable = self._variable_item(key)["variable"]
        return variable

    def get_variable_value(self, key: str, default: Any = None) -> Any:
        item = self._variables.get(key)
        return default if item is None else item["value"]

    def set_variable_value(self, key: str, value: Any) -> None:
        """Set a declared variable (None leaves it, and the arguments using
        it, out of the query)."""
        self._variable_item(key)["value"] = value

    def get_variable_keys(self) -> set[str]:
        return set(self._variables)

    def get_variables_values(self) -> dict[str, Any]:
        """Values of the variables that are not None."""
        return {
            key: item["value"] for key, item in self._variables.items()
            if item["value"] is not None
        }

    def _variable_types(self) -> Iterator[tuple[str, str]]:
        for key, item in self._variables.items():
            yield key, item["type"]

    # -- fields ----------------------------------------------------------------
    def add_obj_field(self, field: BaseGraphQlQueryField) -> None:
        if field in self._children:
            return
        self._children.append(field)
        field.set_parent(self)

    def add_field(self, name: str) -> GraphQlQueryField:
        field = GraphQlQueryField(name, self, self._order)
        self.add_obj_field(field)
        return field

    def add_field_with_edges(self, name: str) -> GraphQlQueryEdgeField:
        field = GraphQlQueryEdgeField(name, self, self._order)
        self.add_obj_field(field)
        return field

    def get_field_by_keys(self, keys: Iterable[str]
                          ) -> Optional[BaseGraphQlQueryField]:
        keys = list(keys)
        if not keys:
            return None
        for child in self._children:
            if child.name == keys[0]:
                return child.get_field_by_keys(keys[1:])
        return None

    def get_field_by_path(self, path: str) -> Optional[BaseGraphQlQueryField]:
        """The field at ``"project/folders/name"``, or None."""
        return self.get_field_by_keys(path.split("/"))

    # -- paging state ----------------------------------------------------------
    @property
    def need_query(self) -> bool:
        """True while another request is needed to complete the result."""
        if self._pending:
            return True
        return any(child.need_query for child in self._children)

    def _add_pending(self, pending: PendingConnection) -> None:
        self._pending.append(pending)

    def _has_pending(self, field: GraphQlQueryEdgeField) -> bool:
        return any(pending.field is field for pending in self._pending)

    def _next_batch(self) -> list[PendingConnection]:
        count = min(len(self._pending), MAX_FOLLOW_UPS_PER_REQUEST)
        return [self._pending[index] for index in range(count)]

    def _reset_paging(self) -> None:
        self._pending.clear()
        for child in self._children:
            child._reset_state()

    # -- requests --------------------------------------------------------------
    def _render_request(self) -> Renderer:
        if not self._children:
            raise ValueError(f"Missing fields to query in '{self._name}'")
        renderer = Renderer(self)
        indent = self.child_indent + self.offset
        batch = self._next_batch()
        if batch:
            lines = render_follow_ups(renderer, batch, indent, self.offset)
        else:
            lines = []
            for child in self._children:
                child._render(renderer, indent, lines)
            if not lines:  # complete: show the last request's shape
                for child in self._children:
                    child._render(renderer, indent, lines, prune=False)
        renderer.text = "\n".join([renderer.header() + " {", *lines, "}"])
        return renderer

    def calculate_query(self) -> str:
        """The text of the next request (ValueError without fields)."""
        return self._render_request().text

    def parse_result(self, data: dict[str, Any], output: dict[str, Any],
                     progress_data: dict[str, Any]) -> None:
        """Read the answer (``data`` of the response) to the request
        ``calculate_query()`` gave into ``output`` and advance the paging
        state. ``progress_data`` is accepted for compatibility and unused."""
        if not data:
            return
        batch = self._next_batch()
        if batch:
            for _ in batch:
                self._pending.popleft()
            parse_follow_ups(data, batch)
            return
        for child in self._children:
            child.parse_result(data, output, progress_data)

    def _query_data(self, con: GraphQlConnection) -> dict[str, Any]:
        """Send the next request; its ``data``, or raise."""
        renderer = self._render_request()
        query, variables = renderer.text, renderer.values()
        response = con.query_graphql(query, variables)
        if response.errors:
            raise GraphQlQueryFailed(response.errors, query, variables)
        body = response.data
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, dict):
            raise GraphQlQueryError(
                f"GraphQL query '{self._name}' was answered without data: "
                f"{str(body)[:500]}"
            )
        return data

    def query(self, con: GraphQlConnection) -> dict[str, Any]:
        """Run the query from the start to the end; all pages merged into
        one dict.

        Raises GraphQlQueryFailed when the server reports errors and
        GraphQlQueryError when paging cannot go on.
        """
        self._reset_paging()
        output: dict[str, Any] = {}
        progress: dict[str, Any] = {}
        while self.need_query:
            self.parse_result(self._query_data(con), output, progress)
        return output

    def continuous_query(self, con: GraphQlConnection
                         ) -> Iterator[dict[str, Any]]:
        """Run the query, yielding one dict per page of the outermost
        connections, with the connections nested in its nodes complete.
        Only one page is held at a time. After an interruption between two
        pages it goes on with the next page; otherwise it starts anew."""
        if self._pending or not self.need_query:
            self._reset_paging()
        progress: dict[str, Any] = {}
        while self.need_query:
            output: dict[str, Any] = {}
            self.parse_result(self._query_data(con), output, progress)
            while self._pending:
                self.parse_result(self._query_data(con), output, progress)
            yield output
