"""Cursor paging over GraphQL connections, written once."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Callable, Optional

from ..exceptions import GraphQlQueryError
from .selection import render_selection

RunQuery = Callable[[str, dict[str, Any]], dict[str, Any]]


def connection_query(
    operation: str,
    declarations: Iterable[str],
    path: Sequence[tuple[str, Iterable[str]]],
    selected: Iterable[str],
) -> str:
    """A query named ``operation`` for :func:`iter_connection_nodes`: it
    selects ``selected`` on the nodes of the connection at the end of
    ``path`` (``(field, [arguments])`` pairs, outermost first), declares
    ``$first``/``$after`` and passes them to that connection."""
    *parents, (connection, arguments) = path
    head = ", ".join(["$first: Int", "$after: String", *declarations])
    lines = [f"query {operation}({head}) {{"]
    for depth, (field, field_arguments) in enumerate(parents, 1):
        lines.append(f"{'  ' * depth}{field}({', '.join(field_arguments)}) {{")
    pad = "  " * (len(parents) + 1)
    connection_arguments = ", ".join(
        ["first: $first", "after: $after", *arguments])
    lines += [
        f"{pad}{connection}({connection_arguments}) {{",
        f"{pad}  edges {{", f"{pad}    node {{",
        render_selection(selected, indent=len(pad) + 6),
        f"{pad}    }}", f"{pad}  }}",
        f"{pad}  pageInfo {{", f"{pad}    endCursor", f"{pad}    hasNextPage",
        f"{pad}  }}", f"{pad}}}",
    ]
    lines += [f"{'  ' * depth}}}" for depth in range(len(parents), -1, -1)]
    return "\n".join(lines)


def iter_connection_nodes(
    run_query: RunQuery,
    query: str,
    variables: dict[str, Any],
    path: Sequence[str],
    page_size: int,
    limit: Optional[int] = None,
) -> Iterator[dict[str, Any]]:
    """Yield the nodes of the connection at ``path``, page by page.

    ``query`` must declare ``$first: Int`` and ``$after: String`` and pass
    them to the connection. Only one page is held in memory at a time.
    """
    after: Optional[str] = None
    remaining = limit
    while True:
        first = page_size if remaining is None else min(page_size, remaining)
        if first <= 0:
            return
        data = run_query(query, {**variables, "first": first, "after": after})
        connection: Any = data
        for key in path:
            connection = connection.get(key) if connection else None
        if not connection:
            return
        edges = connection.get("edges") or []
        for edge in edges:
            yield edge["node"]
        if remaining is not None:
            remaining -= len(edges)
        page_info = connection.get("pageInfo") or {}
        if not page_info.get("hasNextPage") or not edges:
            return
        cursor = page_info.get("endCursor")
        if cursor is None or cursor == after:
            raise GraphQlQueryError(
                f"Cursor did not advance while paging {'.'.join(path)}"
            )
        after = cursor
