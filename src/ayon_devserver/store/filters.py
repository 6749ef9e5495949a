"""The ``filter`` argument of entity connections: a JSON query filter
``{"conditions": [...], "operator": "and"|"or"}`` where a condition is
``{"key", "value", "operator"}`` or a nested filter.

Keys are entity fields in camelCase (``status``, ``tags``, ``folderType``,
``createdAt`` ...), ``attrib.<name>`` or ``data.<name>`` (``/`` works as the
separator too). Operators: eq, ne, lt, gt, lte, gte, isnull, notnull, in,
notin, contains, excludes, any, like, and the list operators of the real
server's ``QueryCondition``: includes, includesall, includesany, excludesall,
excludesany (for list fields like ``tags``/``assignees`` and JSON lists in
attrib/data). Operator names are matched without case, ``-`` and ``_``.
Attribute conditions look at the entity's own values.
"""

from __future__ import annotations

import json
import re
from typing import Any, Union

from ..errors import BadRequest
from .db import dumps
from .entities import JSON_COLUMNS, table

_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_COMPARE = {"eq": "=", "ne": "!=", "lt": "<", "gt": ">", "lte": "<=", "gte": ">="}
# list field operators -> how the field's items meet the value's items
_LIST_MATCH = {
    "contains": "all",
    "eq": "all",
    "includes": "all",
    "includesall": "all",
    "any": "any",
    "in": "any",
    "includesany": "any",
    "excludes": "none",
    "notin": "none",
    "ne": "none",
    "excludesany": "none",
    "excludesall": "notall",
}
# the real server's list operators: for list fields and JSON values only
# ("excludes", older here, keeps meaning "not in" for plain fields)
_LIST_ONLY = frozenset(
    {"includes", "includesall", "includesany", "excludesall", "excludesany"}
)
_JSON_LIST_OPERATORS = _LIST_ONLY | {"excludes"}
MAX_DEPTH = 8


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _column(entity_type: str, alias: str, key: Any) -> tuple[str, bool]:
    """SQL expression for a filter key, and whether it is a JSON list."""
    if not isinstance(key, str):
        raise BadRequest(f"Invalid filter key: {key!r}")
    head, _, rest = key.replace("/", ".").partition(".")
    if head in ("attrib", "data") and rest and _KEY_RE.match(rest):
        return f"json_extract({alias}.{head}, '$.{rest}')", False
    column = _snake(key)
    if column not in table(entity_type).columns or column in ("project_name",):
        raise BadRequest(f"Unknown filter key: {key}")
    return f"{alias}.{column}", column in JSON_COLUMNS


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _list_condition(expr: str, match: str, value: Any) -> tuple[str, list[Any]]:
    """The items of the JSON list ``expr`` against the value's items."""
    inner = f"SELECT value FROM json_each({expr})"
    has_all = (
        f"NOT EXISTS (SELECT 1 FROM json_each(?) AS w WHERE w.value NOT IN ({inner}))"
    )
    has_any = f"EXISTS ({inner} WHERE value IN (SELECT value FROM json_each(?)))"
    sql = {
        "all": has_all,
        "notall": f"NOT {has_all}",
        "any": has_any,
        "none": f"NOT {has_any}",
    }[match]
    return sql, [dumps(_as_list(value))]


def _condition(
    entity_type: str, alias: str, item: dict[str, Any]
) -> tuple[str, list[Any]]:
    expr, is_list = _column(entity_type, alias, item.get("key"))
    operator = str(item.get("operator") or "eq").lower()
    operator = operator.replace("-", "").replace("_", "")
    value = item.get("value")
    if operator == "isnull":
        return f"{expr} IS NULL", []
    if operator == "notnull":
        return f"{expr} IS NOT NULL", []
    if is_list or (
        operator in _JSON_LIST_OPERATORS and expr.startswith("json_extract(")
    ):
        if operator not in _LIST_MATCH:
            raise BadRequest(f"Operator {operator} cannot be used with {item['key']}")
        return _list_condition(expr, _LIST_MATCH[operator], value)
    if operator in _LIST_ONLY:
        raise BadRequest(f"Operator {operator} needs a list field, not {item['key']}")
    if operator in _COMPARE:
        if isinstance(value, (list, dict)):
            raise BadRequest(f"Operator {operator} needs a single value")
        return f"{expr} {_COMPARE[operator]} ?", [value]
    if operator in ("in", "any"):
        return f"{expr} IN (SELECT value FROM json_each(?))", [dumps(_as_list(value))]
    if operator in ("notin", "excludes"):
        return f"{expr} NOT IN (SELECT value FROM json_each(?))", [
            dumps(_as_list(value))
        ]
    if operator in ("like", "contains"):
        pattern = str(value) if operator == "like" else f"%{value}%"
        return f"{expr} LIKE ?", [pattern]
    raise BadRequest(f"Unknown filter operator: {operator}")


def _group(
    entity_type: str, alias: str, spec: dict[str, Any], depth: int
) -> tuple[str, list[Any]]:
    if depth > MAX_DEPTH:
        raise BadRequest("Filter is nested too deeply")
    joiner = str(spec.get("operator") or "and").lower()
    if joiner not in ("and", "or"):
        raise BadRequest(f"Unknown filter operator: {joiner}")
    parts: list[str] = []
    params: list[Any] = []
    for item in spec.get("conditions") or []:
        if not isinstance(item, dict):
            raise BadRequest("Filter conditions must be objects")
        if "conditions" in item:
            sql, values = _group(entity_type, alias, item, depth + 1)
        else:
            sql, values = _condition(entity_type, alias, item)
        parts.append(f"({sql})")
        params += values
    if not parts:
        return "1", []
    return f" {joiner.upper()} ".join(parts), params


def filter_condition(
    entity_type: str, alias: str, spec: Union[str, dict[str, Any]]
) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a query filter (JSON text or dict)."""
    if isinstance(spec, str):
        try:
            spec = json.loads(spec)
        except ValueError:
            raise BadRequest("Invalid filter: not JSON") from None
    if not isinstance(spec, dict):
        raise BadRequest("Invalid filter: expected an object")
    sql, params = _group(entity_type, alias, spec, 0)
    return f"({sql})", params
