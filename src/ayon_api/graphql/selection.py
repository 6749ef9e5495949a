"""Dotted field names (``"attrib.fps"``) as nested selections."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

__all__ = ["FIELD_VALUE", "fields_to_dict", "fields_to_tree", "render_selection"]


class _FieldValue:
    """Marks a field selected whole (a leaf) in :func:`fields_to_dict`."""

    _instance: Optional[_FieldValue] = None

    def __new__(cls) -> _FieldValue:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "FIELD_VALUE"

    def __copy__(self) -> _FieldValue:
        return self

    def __deepcopy__(self, memo: Any) -> _FieldValue:
        return self

    def __reduce__(self) -> str:
        return "FIELD_VALUE"


FIELD_VALUE: Any = _FieldValue()


def fields_to_dict(fields: Optional[Iterable[str]]) -> dict[str, Any]:
    """``{"id", "attrib.fps"}`` -> ``{"id": FIELD_VALUE, "attrib": {"fps":
    FIELD_VALUE}}``. A field asked for whole wins over its sub-fields
    (``{"files", "files.name"}`` -> ``{"files": FIELD_VALUE}``)."""
    output: dict[str, Any] = {}
    if not fields:
        return output
    if isinstance(fields, str):
        raise TypeError(f"fields must be an iterable of names, got {fields!r}")
    for name in fields:
        if not isinstance(name, str) or not name:
            raise ValueError(f"Invalid field name {name!r}")
        *parents, last = name.split(".")
        node: Any = output
        for part in parents:
            child = node.get(part)
            if child is FIELD_VALUE:
                break
            if child is None:
                child = node[part] = {}
            node = child
        else:
            node[last] = FIELD_VALUE
    return output


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
