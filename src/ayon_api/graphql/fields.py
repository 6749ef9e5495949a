"""Fields of a :class:`~ayon_api.graphql.GraphQlQuery`: the base class and
``GraphQlQueryField``, a plain field (a scalar, an object or a list of
objects). Connections are in :mod:`.edges`.
"""
from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Optional, Union

from ..exceptions import GraphQlQueryError
from ..utils import SortOrder
from .nested import ROOT_CONTEXT, ParseContext
from .render import QueryVariable, Renderer

if TYPE_CHECKING:
    from .edges import GraphQlQueryEdgeField
    from .query import GraphQlQuery

    Parent = Union["BaseGraphQlQueryField", GraphQlQuery]

__all__ = ["BaseGraphQlQueryField", "GraphQlQueryField"]


def _check_limit(value: Optional[int], what: str) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a non-negative integer, got {value!r}")
    return value


class BaseGraphQlQueryField(ABC):
    """A field of a query: name, filters (arguments) and child fields."""

    has_edges = False

    def __init__(self, name: str, parent: Parent, order: Any = None) -> None:
        if not isinstance(name, str) or not name:
            raise ValueError(f"Invalid field name {name!r}")
        self._name = name
        self._parent: Parent = parent
        self._filters: dict[str, Any] = {}
        self._children: list[BaseGraphQlQueryField] = []
        self._need_query = True
        self._limit: Optional[int] = None
        self._order = SortOrder.parse_value(order, SortOrder.ascending)

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} {self.path}>"

    # -- identity and position -----------------------------------------------
    def get_name(self) -> str:
        return self._name

    name = property(get_name)

    @property
    def query_item(self) -> GraphQlQuery:
        """The query this field belongs to."""
        parent: Any = self._parent
        while isinstance(parent, BaseGraphQlQueryField):
            parent = parent._parent
        return parent  # type: ignore[no-any-return,unused-ignore]

    @property
    def path(self) -> str:
        """``project/folders/name``: where the field sits in the query."""
        return "/".join(field._name for field in self._chain())

    def _chain(self) -> list[BaseGraphQlQueryField]:
        """This field's ancestors and itself, outermost first."""
        chain: list[BaseGraphQlQueryField] = [self]
        parent: Any = self._parent
        while isinstance(parent, BaseGraphQlQueryField):
            chain.append(parent)
            parent = parent._parent
        chain.reverse()
        return chain

    @property
    def offset(self) -> int:
        return self.query_item.offset

    @property
    def indent(self) -> int:
        return self._parent.child_indent + self.offset

    @property
    @abstractmethod
    def child_indent(self) -> int:
        """Indentation of the children in the rendered query."""

    def _iter_children(self) -> Iterator[BaseGraphQlQueryField]:
        yield from self._children

    @property
    def child_has_edges(self) -> bool:
        """True when a connection is nested anywhere below this field."""
        return any(
            child.has_edges or child.child_has_edges
            for child in self._iter_children()
        )

    def sum_edge_fields(self, max_limit: Optional[int] = None) -> int:
        """Connections in this field's subtree, itself included; counting
        stops once ``max_limit`` is reached."""
        counter = 1 if self.has_edges else 0
        for child in self._iter_children():
            if max_limit is not None and counter >= max_limit:
                break
            counter += child.sum_edge_fields(max_limit)
        return counter

    def get_field_by_keys(self, keys: Iterable[str]
                          ) -> Optional[BaseGraphQlQueryField]:
        """The descendant reached through child names ``keys`` (self when
        ``keys`` is empty), or None."""
        keys = list(keys)
        if not keys:
            return self
        for child in self._iter_children():
            if child._name == keys[0]:
                return child.get_field_by_keys(keys[1:])
        return None

    # -- tree building ---------------------------------------------------------
    def set_parent(self, parent: Parent) -> None:
        """Move the field under ``parent``."""
        old = self._parent
        if old is parent:
            return
        old_children = [getattr(old, "_children", [])]
        old_children.append(getattr(old, "_edge_children", []))
        for children in old_children:
            if self in children:
                children.remove(self)
        self._parent = parent
        parent.add_obj_field(self)

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
        from .edges import GraphQlQueryEdgeField

        field = GraphQlQueryEdgeField(name, self, self._order)
        self.add_obj_field(field)
        return field

    # -- variables (kept by the query) ---------------------------------------
    def add_variable(self, key: str, value_type: str, value: Any = None
                     ) -> QueryVariable:
        return self.query_item.add_variable(key, value_type, value)

    def get_variable(self, key: str) -> QueryVariable:
        return self.query_item.get_variable(key)

    def get_variable_value(self, key: str, default: Any = None) -> Any:
        return self.query_item.get_variable_value(key, default)

    def set_variable_value(self, key: str, value: Any) -> None:
        self.query_item.set_variable_value(key, value)

    # -- filters, order, limit -------------------------------------------------
    def set_filter(self, key: str, value: Any) -> None:
        """Pass argument ``key``: a literal or a :class:`QueryVariable`
        (left out while the value or the variable's value is None)."""
        self._filters[key] = value

    def has_filter(self, key: str) -> bool:
        return key in self._filters

    def remove_filter(self, key: str) -> None:
        self._filters.pop(key, None)

    def get_filters(self) -> dict[str, Any]:
        """The arguments to render (a copy)."""
        return copy.deepcopy(self._filters)

    def set_limit(self, limit: Optional[int]) -> None:
        """Read at most ``limit`` nodes (connections only; 0/None: all)."""
        self._limit = _check_limit(limit, "limit")

    def set_order(self, order: Any) -> None:
        parsed = SortOrder.parse_value(order)
        if parsed is None:
            raise ValueError(
                f"Invalid order {order!r}: expected SortOrder.ascending or "
                "SortOrder.descending"
            )
        self._order = parsed

    def set_ascending_order(self, enabled: bool = True) -> None:
        self.set_order(SortOrder.ascending if enabled else SortOrder.descending)

    def set_descending_order(self, enabled: bool = True) -> None:
        self.set_ascending_order(not enabled)

    # -- paging state ----------------------------------------------------------
    @property
    def need_query(self) -> bool:
        """True while this field still needs a request."""
        if self._need_query:
            return True
        return any(child.need_query for child in self._iter_children())

    def reset_cursor(self) -> None:
        """Forget the paging state of the connections below this field."""
        for child in self._iter_children():
            child.reset_cursor()

    def _reset_state(self) -> None:
        self._need_query = True
        for child in self._iter_children():
            child._reset_state()

    def _mark_done(self) -> None:
        """Nothing more to read here (the parent was null or empty)."""
        self._need_query = False
        for child in self._iter_children():
            child._mark_done()

    # -- rendering and parsing -------------------------------------------------
    def calculate_query(self) -> str:
        """This field's part of the query string."""
        lines: list[str] = []
        self._render(Renderer(self.query_item), self.indent, lines, prune=False)
        return "\n".join(lines)

    def parse_result(self, data: dict[str, Any], output: dict[str, Any],
                     progress_data: dict[str, Any]) -> None:
        """Read this field from ``data`` (the parent's value) into
        ``output``. ``progress_data`` is accepted for compatibility; the
        paging state is kept by the fields and their query."""
        if not isinstance(data, dict):
            raise TypeError(
                f"'{self.path}': expected a dict, got {type(data).__name__}"
            )
        self._parse(data, output, ROOT_CONTEXT)

    @abstractmethod
    def _render(self, renderer: Renderer, indent: int, lines: list[str],
                prune: bool = True, alias: str = "") -> bool:
        """Append the field's lines; False when nothing was rendered."""

    @abstractmethod
    def _parse(self, data: dict[str, Any], output: dict[str, Any],
               ctx: ParseContext) -> None:
        """Read the field from its parent's value ``data``."""


class GraphQlQueryField(BaseGraphQlQueryField):
    """A scalar, object or list-of-objects field."""

    has_edges = False

    @property
    def child_indent(self) -> int:
        return self.indent

    def _render(self, renderer: Renderer, indent: int, lines: list[str],
                prune: bool = True, alias: str = "") -> bool:
        pad = " " * indent
        if not self._children:
            args = renderer.arguments(self._filters.items())
            lines.append(f"{pad}{alias}{self._name}{args}")
            return True
        body: list[str] = []
        rendered = False
        for child in self._children:
            rendered = child._render(renderer, indent + self.offset, body,
                                     prune) or rendered
        if not rendered:
            return False
        args = renderer.arguments(self._filters.items())
        lines.append(f"{pad}{alias}{self._name}{args} {{")
        lines.extend(body)
        lines.append(f"{pad}}}")
        return True

    def _parse(self, data: dict[str, Any], output: dict[str, Any],
               ctx: ParseContext) -> None:
        self._need_query = False
        if self._name not in data:
            return
        value = data[self._name]
        if value is None or not self._children:
            output[self._name] = value
            if value is None:
                self._mark_done()
            return
        if isinstance(value, dict):
            target = output.get(self._name)
            if not isinstance(target, dict):
                target = output[self._name] = {}
            for child in self._children:
                child._parse(value, target, ctx)
            return
        if not isinstance(value, list):
            raise GraphQlQueryError(
                f"'{self.path}': expected an object or a list, got "
                f"{type(value).__name__}"
            )
        items = output.get(self._name)
        if not isinstance(items, list):
            items = output[self._name] = []
        while len(items) < len(value):
            items.append({})
        if not value:
            self._mark_done()
        item_ctx = ctx.in_list()
        for item, item_value in zip(items, value):
            for child in self._children:
                child._parse(item_value, item, item_ctx)
