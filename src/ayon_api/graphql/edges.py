"""Connection fields: ``GraphQlQueryEdgeField``.

A connection renders as ``name(filters, first: N, after: "cursor") { edges
{ node { ... } } pageInfo { endCursor hasNextPage } }`` and is read into a
list of node dicts. The outermost connections keep their cursor here and
are paged by the query's main requests; the inner ones are queued as
:class:`~.nested.PendingConnection` and completed by follow-up requests.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional

from ..constants import DEFAULT_GRAPHQL_PAGE_SIZE
from ..exceptions import GraphQlQueryError
from ..utils import SortOrder
from .fields import BaseGraphQlQueryField, GraphQlQueryField, _check_limit
from .nested import ParseContext, PendingConnection
from .render import Renderer

__all__ = ["GraphQlQueryEdgeField"]


class GraphQlQueryEdgeField(BaseGraphQlQueryField):
    """A connection field: paged through ``first``/``after`` (``last``/
    ``before`` in descending order) and read as a list of node dicts.

    ``add_field`` adds a field of the node, ``add_edge_field`` a field of
    the edge itself (as links carry their data on the edge).
    """

    has_edges = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._edge_children: list[BaseGraphQlQueryField] = []
        self._page_size: Optional[int] = None
        self._cursor: Optional[str] = None
        self._fetched = 0
        self._done = False

    @property
    def child_indent(self) -> int:
        return self.indent + self.offset * 2

    def _iter_children(self) -> Iterator[BaseGraphQlQueryField]:
        yield from self._children
        yield from self._edge_children

    def add_obj_field(self, field: BaseGraphQlQueryField) -> None:
        if field in self._edge_children:
            return
        super().add_obj_field(field)

    def add_obj_edge_field(self, field: BaseGraphQlQueryField) -> None:
        if field in self._edge_children or field in self._children:
            return
        self._edge_children.append(field)
        field.set_parent(self)

    def add_edge_field(self, name: str) -> GraphQlQueryField:
        field = GraphQlQueryField(name, self, self._order)
        self.add_obj_edge_field(field)
        return field

    def set_page_size(self, page_size: Optional[int]) -> None:
        """Nodes per request for this connection (None: the query's)."""
        if page_size is not None and _check_limit(page_size, "page_size") == 0:
            raise ValueError("page_size must be at least 1")
        self._page_size = page_size

    # -- paging ----------------------------------------------------------------
    @property
    def _ascending(self) -> bool:
        return self._order == SortOrder.ascending

    def _is_outer(self) -> bool:
        """True when no connection encloses this one (the main requests
        page it); inner ones are completed by follow-up requests."""
        parent: Any = self._parent
        while isinstance(parent, BaseGraphQlQueryField):
            if parent.has_edges:
                return False
            parent = parent._parent
        return True

    def _next_size(self, fetched: int) -> int:
        size = (self._page_size or self.query_item._page_size
                or DEFAULT_GRAPHQL_PAGE_SIZE)
        if self._limit:
            size = min(size, self._limit - fetched)
        return max(size, 0)

    def _paging_items(self, fetched: int, cursor: Optional[str]
                      ) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = [
            ("first" if self._ascending else "last", self._next_size(fetched))
        ]
        if cursor is not None:
            items.append(("after" if self._ascending else "before", cursor))
        return items

    def _address_items(self, after: Optional[str]) -> list[tuple[str, Any]]:
        """Arguments that page the connection to the single node after
        cursor ``after``."""
        items: list[tuple[str, Any]] = [("first" if self._ascending else "last", 1)]
        if after is not None:
            items.append(("after" if self._ascending else "before", after))
        return items

    def _arguments(self, paging: list[tuple[str, Any]]) -> Iterable[tuple[str, Any]]:
        """The filters with the paging arguments set over them."""
        arguments = dict(self._filters)
        arguments.update(paging)
        return arguments.items()

    def get_filters(self) -> dict[str, Any]:
        """The arguments of the next request, paging ones included."""
        filters = super().get_filters()
        if self._is_outer():
            filters.update(self._paging_items(self._fetched, self._cursor))
        else:
            filters.update(self._paging_items(0, None))
        return filters

    @property
    def need_query(self) -> bool:
        if self._is_outer():
            return not self._done
        if self._need_query:
            return True
        return self.query_item._has_pending(self)

    def reset_cursor(self) -> None:
        self._cursor = None
        self._fetched = 0
        self._done = False
        self._need_query = True
        super().reset_cursor()

    def _reset_state(self) -> None:
        self._cursor = None
        self._fetched = 0
        self._done = False
        super()._reset_state()

    def _mark_done(self) -> None:
        self._done = True
        super()._mark_done()

    def _next_cursor(self, has_more: bool, fetched: int, previous: Optional[str],
                     end_cursor: Optional[str], ctx: ParseContext
                     ) -> Optional[str]:
        """The cursor to read the next page from, None when the connection
        is complete; raises when paging cannot go on."""
        if not has_more or (self._limit and fetched >= self._limit):
            return None
        if end_cursor is None:
            raise GraphQlQueryError(
                f"'{self.path}' reported another page without a cursor "
                f"after {fetched} nodes"
            )
        if end_cursor == previous:
            raise GraphQlQueryError(
                f"Cursor didn't change while paging '{self.path}' "
                f"(still {end_cursor!r}); stopped to avoid an endless loop"
            )
        if not ctx.addressable:
            raise GraphQlQueryError(
                f"'{self.path}' has more than one page but sits below a list "
                "field, where its pages cannot be requested separately"
            )
        return end_cursor

    # -- rendering -------------------------------------------------------------
    def _render(self, renderer: Renderer, indent: int, lines: list[str],
                prune: bool = True, alias: str = "") -> bool:
        if self._is_outer():
            if prune and self._done:
                return False
            paging = self._paging_items(self._fetched, self._cursor)
        else:
            paging = self._paging_items(0, None)
        self._render_connection(renderer, indent, lines, paging, alias)
        return True

    def _render_connection(self, renderer: Renderer, indent: int,
                           lines: list[str], paging: list[tuple[str, Any]],
                           alias: str = "") -> None:
        if not self._children and not self._edge_children:
            raise ValueError(f"Missing child definitions for edges {self.path}")
        step = self.offset
        pad = " " * indent
        pad1, pad2 = pad + " " * step, pad + " " * (2 * step)
        body: list[str] = [f"{pad1}edges {{"]
        for field in self._edge_children:
            field._render(renderer, indent + 2 * step, body, prune=False)
        if self._children:
            body.append(f"{pad2}node {{")
            for field in self._children:
                field._render(renderer, indent + 3 * step, body, prune=False)
            body.append(f"{pad2}}}")
        if self.child_has_edges:
            body.append(f"{pad2}cursor")
        body.append(f"{pad1}}}")
        more_key = "hasNextPage" if self._ascending else "hasPreviousPage"
        body.extend((f"{pad1}pageInfo {{", f"{pad2}endCursor", f"{pad2}{more_key}",
                     f"{pad1}}}"))
        args = renderer.arguments(self._arguments(paging))
        lines.append(f"{pad}{alias}{self._name}{args} {{")
        lines.extend(body)
        lines.append(f"{pad}}}")

    # -- parsing ---------------------------------------------------------------
    def _parse(self, data: dict[str, Any], output: dict[str, Any],
               ctx: ParseContext) -> None:
        self._need_query = False
        if self._name not in data:
            if self._done:
                output.setdefault(self._name, [])
            else:
                self._mark_done()
            return
        value = data[self._name]
        if value is None:
            self._mark_done()
            return
        nodes = output.get(self._name)
        if not isinstance(nodes, list):
            nodes = output[self._name] = []
        if not self._is_outer():
            self._parse_instance(value, nodes, ctx, 0, None)
            return
        previous = self._cursor
        count, has_more, end_cursor = self._parse_page(value, nodes, ctx, previous)
        self._fetched += count
        cursor = self._next_cursor(has_more, self._fetched, previous, end_cursor,
                                   ctx)
        if cursor is None:
            self._done = True
        else:
            self._cursor = cursor

    def _parse_follow_up(self, container: dict[str, Any],
                         pending: PendingConnection) -> None:
        value = container.get(self._name)
        if not isinstance(value, dict):
            raise GraphQlQueryError(
                f"'{self.path}' is missing in a follow-up answer; run the "
                "query again"
            )
        self._parse_instance(value, pending.nodes, ParseContext(pending.hops),
                             pending.fetched, pending.cursor)

    def _parse_instance(self, value: dict[str, Any], nodes: list[dict[str, Any]],
                        ctx: ParseContext, fetched: int, previous: Optional[str]
                        ) -> None:
        """Read one page of one inner connection; queue it when it has more."""
        count, has_more, end_cursor = self._parse_page(value, nodes, ctx, previous)
        fetched += count
        cursor = self._next_cursor(has_more, fetched, previous, end_cursor, ctx)
        if cursor is not None:
            self.query_item._add_pending(
                PendingConnection(self, ctx.hops, cursor, fetched, nodes)
            )

    def _parse_page(self, value: dict[str, Any], nodes: list[dict[str, Any]],
                    ctx: ParseContext, after: Optional[str]
                    ) -> tuple[int, bool, Optional[str]]:
        """Append the page's nodes; returns (count, has_more, end_cursor)."""
        edges = value.get("edges") or []
        page_info = value.get("pageInfo") or {}
        more_key = "hasNextPage" if self._ascending else "hasPreviousPage"
        leaves = [c._name for c in self._children
                  if not c._children and not c.has_edges]
        nested = [c for c in self._children if c._children or c.has_edges]
        edge_fields = self._edge_children
        for child in self._children:
            child._need_query = False
        track = self.child_has_edges
        if not nested and not edge_fields:
            # Only scalar fields: the server's node dicts are the output.
            width = len(leaves)
            for edge in edges:
                node = edge.get("node") or {}
                if len(node) != width:
                    node = {name: node[name] for name in leaves if name in node}
                nodes.append(node)
            return len(edges), bool(page_info.get(more_key)), page_info.get("endCursor")
        previous, previous_known = after, True
        child_ctx = ctx
        for edge in edges:
            node = edge.get("node") or {}
            item = {name: node[name] for name in leaves if name in node}
            nodes.append(item)
            if track:
                cursor = edge.get("cursor")
                child_ctx = ctx.enter(self, previous, previous_known, cursor)
                previous, previous_known = cursor, cursor is not None
            for field in edge_fields:
                field._parse(edge, item, child_ctx)
            for field in nested:
                field._parse(node, item, child_ctx)
        if not edges:
            for child in self._iter_children():
                child._mark_done()
        return len(edges), bool(page_info.get(more_key)), page_info.get("endCursor")
