"""Rendering of argument values and of the operation header.

A :class:`Renderer` lives for one rendered request: it turns filter values
into GraphQL literals and remembers which variables the request uses, so the
header declares exactly those (GraphQL rejects declared-but-unused ones).
"""
from __future__ import annotations

import enum
import json
import math
import numbers
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from .query import GraphQlQuery

__all__ = ["QueryVariable", "Renderer"]


class QueryVariable:
    """A variable of a :class:`GraphQlQuery`, used as a filter value.

    It renders as ``$<variable_name>``; the query declares it in its header
    only while its value is not None.
    """

    __slots__ = ("_name", "_variable_name")

    def __init__(self, variable_name: str) -> None:
        if not isinstance(variable_name, str) or not variable_name:
            raise ValueError(f"Invalid variable name {variable_name!r}")
        self._variable_name = variable_name
        self._name = f"${variable_name}"

    @property
    def name(self) -> str:
        """``$name``, as written where the variable is used."""
        return self._name

    @property
    def variable_name(self) -> str:
        """The name without ``$``, as used in the variables mapping."""
        return self._variable_name

    def __str__(self) -> str:
        return self._name

    def __format__(self, format_spec: str) -> str:
        return format(self._name, format_spec)

    def __repr__(self) -> str:
        return f"<QueryVariable {self._name}>"

    def __hash__(self) -> int:
        return hash(self._name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, QueryVariable):
            return other._name == self._name
        return NotImplemented


class Renderer:
    """Literal rendering and variable bookkeeping for one request."""

    def __init__(self, query: GraphQlQuery) -> None:
        self._query = query
        self.used: set[str] = set()
        self.text = ""

    def literal(self, value: Any) -> Optional[str]:
        """``value`` as GraphQL source; None when the argument is to be left
        out (None, or a variable whose value is None)."""
        if isinstance(value, QueryVariable):
            if self._query.get_variable_value(value.variable_name) is None:
                return None
            self.used.add(value.variable_name)
            return value.name
        if value is None:
            return None
        return self._literal(value)

    def _literal(self, value: Any) -> str:
        if value is None:
            return "null"
        if isinstance(value, QueryVariable):
            return self.literal(value) or "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, enum.Enum):
            return self._literal(value.value)
        if isinstance(value, numbers.Number):
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"Cannot send {value!r} in a GraphQL query")
            return str(value)
        if isinstance(value, str):
            return json.dumps(value)
        if isinstance(value, Mapping):
            items = ", ".join(
                f"{key}: {self._literal(item)}" for key, item in value.items()
            )
            return f"{{{items}}}"
        if isinstance(value, (list, tuple, set, frozenset)):
            return "[{}]".format(", ".join(self._literal(item) for item in value))
        raise TypeError(
            f"Cannot render {type(value).__name__} value {value!r} as a "
            "GraphQL argument"
        )

    def arguments(self, items: Iterable[tuple[str, Any]]) -> str:
        """``(key: value, ...)`` without the arguments that are left out."""
        parts = []
        for key, value in items:
            text = self.literal(value)
            if text is not None:
                parts.append(f"{key}: {text}")
        return f"({', '.join(parts)})" if parts else ""

    def header(self) -> str:
        """``query Name($a: T, ...)`` declaring the used variables, in the
        order they were added to the query."""
        declared = [
            f"${key}: {value_type}"
            for key, value_type in self._query._variable_types()
            if key in self.used
        ]
        variables = f"({', '.join(declared)})" if declared else ""
        return f"query {self._query._name}{variables}"

    def values(self) -> dict[str, Any]:
        """The variables mapping to send with the request."""
        return {
            key: self._query.get_variable_value(key)
            for key, _ in self._query._variable_types()
            if key in self.used
        }
