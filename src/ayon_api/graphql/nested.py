"""Completing connections nested in other connections.

The outermost connection of a query (``project.folders``) is paged by the
main requests. A connection inside its nodes (``folders.links``) comes with
its first page in the same answer; when it reports more, the instance is
queued as a :class:`PendingConnection` and finished by *follow-up requests*
before the next main request.

A follow-up request addresses one node of the outer connection by paging it
to exactly that node (``first: 1, after: <cursor of the node before>``) and
asks only for the pending inner connection below it, from its last cursor.
Up to :data:`MAX_FOLLOW_UPS_PER_REQUEST` pending connections share a request,
each under its own alias of the root field, so finishing a page of outer
nodes costs as many extra requests as its longest inner connection has extra
pages (divided into batches), not one request per outer node.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from ..exceptions import GraphQlQueryError

if TYPE_CHECKING:
    from .edges import GraphQlQueryEdgeField
    from .fields import BaseGraphQlQueryField
    from .render import Renderer

__all__ = [
    "MAX_FOLLOW_UPS_PER_REQUEST",
    "ROOT_CONTEXT",
    "Hop",
    "ParseContext",
    "PendingConnection",
    "parse_follow_ups",
    "render_follow_ups",
]

MAX_FOLLOW_UPS_PER_REQUEST = 25
_ALIAS = "_f"


@dataclass(frozen=True)
class Hop:
    """How to reach one node of a connection again: page to it with
    ``after`` (None: it was the first node) and check its ``cursor``."""

    field: GraphQlQueryEdgeField
    after: Optional[str]
    cursor: Optional[str]


@dataclass(frozen=True)
class ParseContext:
    """Where parsed data sits: the nodes of enclosing connections, and
    whether that place can be addressed again by a follow-up request (not
    below a list field, nor after a node that came without a cursor)."""

    hops: tuple[Hop, ...] = ()
    addressable: bool = True

    def enter(self, field: GraphQlQueryEdgeField, after: Optional[str],
              after_known: bool, cursor: Optional[str]) -> ParseContext:
        if not (after_known and self.addressable):
            return ParseContext(self.hops, False)
        return ParseContext((*self.hops, Hop(field, after, cursor)), True)

    def in_list(self) -> ParseContext:
        return ParseContext(self.hops, False)


ROOT_CONTEXT = ParseContext()


@dataclass
class PendingConnection:
    """One instance of an inner connection that has more pages."""

    field: GraphQlQueryEdgeField
    hops: tuple[Hop, ...]
    cursor: str
    fetched: int
    nodes: list[dict[str, Any]]


def render_follow_ups(renderer: Renderer, batch: Sequence[PendingConnection],
                      indent: int, step: int) -> list[str]:
    """The selection lines of a follow-up request for ``batch``."""
    lines: list[str] = []
    for index, pending in enumerate(batch):
        _render_route(renderer, pending.field._chain(), pending.hops, pending,
                      indent, step, lines, f"{_ALIAS}{index}: ")
    return lines


def _render_route(
    renderer: Renderer,
    chain: Sequence[BaseGraphQlQueryField],
    hops: Sequence[Hop],
    pending: PendingConnection,
    indent: int,
    step: int,
    lines: list[str],
    alias: str,
) -> None:
    field = chain[0]
    if len(chain) == 1:
        target = pending.field
        target._render_connection(
            renderer, indent, lines,
            target._paging_items(pending.fetched, pending.cursor), alias,
        )
        return
    pad = " " * indent
    body: list[str] = []
    if not field.has_edges:
        _render_route(renderer, chain[1:], hops, pending, indent + step, step,
                      body, "")
        args = renderer.arguments(field.get_filters().items())
        lines.append(f"{pad}{alias}{field.name}{args} {{")
        lines.extend(body)
        lines.append(f"{pad}}}")
        return

    edge_field: Any = field
    hop = hops[0]
    on_edge = chain[1] in edge_field._edge_children
    inner = indent + (2 if on_edge else 3) * step
    _render_route(renderer, chain[1:], hops[1:], pending, inner, step, body, "")
    args = renderer.arguments(
        edge_field._arguments(edge_field._address_items(hop.after)))
    edges_pad = pad + " " * step
    lines.append(f"{pad}{alias}{field.name}{args} {{")
    lines.append(f"{edges_pad}edges {{")
    lines.append(f"{edges_pad}{' ' * step}cursor")
    if on_edge:
        lines.extend(body)
    else:
        lines.append(f"{edges_pad}{' ' * step}node {{")
        lines.extend(body)
        lines.append(f"{edges_pad}{' ' * step}}}")
    lines.append(f"{edges_pad}}}")
    lines.append(f"{pad}}}")


def parse_follow_ups(data: dict[str, Any],
                     batch: Sequence[PendingConnection]) -> None:
    """Append the pages in ``data`` to their pending connections' nodes."""
    for index, pending in enumerate(batch):
        chain = pending.field._chain()
        container: Any = {chain[0].name: data.get(f"{_ALIAS}{index}")}
        hops = iter(pending.hops)
        for field, child in zip(chain, chain[1:]):
            value = _child_value(container, field, pending)
            if not field.has_edges:
                container = value
                continue
            hop = next(hops)
            edges = value.get("edges") if isinstance(value, dict) else None
            if (
                not edges or len(edges) != 1
                or (hop.cursor is not None and edges[0].get("cursor") != hop.cursor)
            ):
                raise GraphQlQueryError(
                    f"A node of '{field.path}' changed on the server while "
                    f"reading the rest of '{pending.field.path}'; run the "
                    "query again"
                )
            edge_field: Any = field
            edge = edges[0]
            container = (
                edge if child in edge_field._edge_children else edge.get("node")
            )
        if not isinstance(container, dict):
            raise GraphQlQueryError(
                f"The follow-up answer for '{pending.field.path}' has no "
                "object to read it from; run the query again"
            )
        pending.field._parse_follow_up(container, pending)


def _child_value(value: Any, field: BaseGraphQlQueryField,
                 pending: PendingConnection) -> Any:
    if not isinstance(value, dict) or value.get(field.name) is None:
        raise GraphQlQueryError(
            f"'{field.path}' is missing in the follow-up answer for "
            f"'{pending.field.path}'; run the query again"
        )
    return value[field.name]
