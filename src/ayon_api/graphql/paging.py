"""Cursor paging over GraphQL connections, written once."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Callable, Optional

from ..exceptions import GraphQlQueryError

RunQuery = Callable[[str, dict[str, Any]], dict[str, Any]]


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
