"""Relay-style connections: opaque cursors and the connection payload.

A cursor is base64 of a JSON list of the row's sort key, as on the real
server (``WyJhZG1pbiJd`` = ``["admin"]``); clients must treat it as opaque.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Any, Optional

from graphql import GraphQLError

from ..store.paging import Page


def encode_cursor(key: Any) -> str:
    text = f"[{key}]" if type(key) is int else json.dumps([key])
    return base64.b64encode(text.encode()).decode()


def decode_cursor(cursor: Optional[str]) -> Any:
    if cursor is None or cursor == "":
        return None
    try:
        value = json.loads(base64.b64decode(cursor.encode(), validate=True))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise GraphQLError(f"Invalid cursor: {cursor!r}") from None
    if not isinstance(value, list) or len(value) != 1:
        raise GraphQLError(f"Invalid cursor: {cursor!r}")
    return value[0]


def paging_args(args: dict[str, Any]) -> dict[str, Any]:
    """``first``/``after``/``last``/``before`` of a connection field, checked
    and with cursors decoded, as keyword arguments for a store ``page()``."""
    for name in ("first", "last"):
        value = args.get(name)
        if value is not None and value < 0:
            raise GraphQLError(f"'{name}' must not be negative")
    return {
        "first": args.get("first"),
        "after": decode_cursor(args.get("after")),
        "last": args.get("last"),
        "before": decode_cursor(args.get("before")),
    }


def connection(
    nodes: Sequence[Any], page: Page, key: Callable[[Any], Any]
) -> dict[str, Any]:
    """The ``{edges: [{node, cursor}], pageInfo}`` payload of a page."""
    edges = [{"node": node, "cursor": encode_cursor(key(node))} for node in nodes]
    return {
        "edges": edges,
        "pageInfo": {
            "hasNextPage": page.has_next,
            "hasPreviousPage": page.has_previous,
            "startCursor": edges[0]["cursor"] if edges else None,
            "endCursor": edges[-1]["cursor"] if edges else None,
        },
    }
