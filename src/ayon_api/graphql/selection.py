"""Render a set of dotted field names as a GraphQL selection."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def fields_to_tree(fields: Iterable[str]) -> dict[str, Any]:
    """``{"id", "attrib.fps"}`` -> ``{"id": {}, "attrib": {"fps": {}}}``."""
    tree: dict[str, Any] = {}
    for name in fields:
        node = tree
        for part in name.split("."):
            node = node.setdefault(part, {})
    return tree


def render_selection(fields: Iterable[str], indent: int = 0) -> str:
    """The selection body (without braces) for the given dotted fields."""
    return _render(fields_to_tree(fields), indent)


def _render(tree: dict[str, Any], indent: int) -> str:
    pad = " " * indent
    lines = []
    for name in sorted(tree):
        children = tree[name]
        if children:
            lines.append(f"{pad}{name} {{\n{_render(children, indent + 2)}\n{pad}}}")
        else:
            lines.append(f"{pad}{name}")
    return "\n".join(lines)
