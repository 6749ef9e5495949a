"""Entity attributes: validation against the attribute definitions, and
inheritance (project -> folders -> tasks).

A folder's effective attributes are its own values over its parent's
effective values over the project's, for the attributes that inherit
(``data.inherit``, true unless set false); a task inherits from its folder.
Products, versions, representations and workfiles carry only their own.
Stored attribs never hold ``None`` and keep their keys sorted.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Callable, Optional, Union

from ..errors import InvalidData

INHERITING_TYPES = ("folder", "task")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _coerce(kind: str, value: Any) -> Any:
    """The value in the attribute's type; raises ValueError when it isn't."""
    if kind == "integer":
        if _is_int(value):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
    elif kind == "float":
        if _is_int(value) or (isinstance(value, float) and math.isfinite(value)):
            return float(value)
    elif kind in ("string", "datetime"):
        if isinstance(value, str):
            return value
    elif kind == "boolean":
        if isinstance(value, bool):
            return value
    elif kind == "list_of_strings":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
    elif kind == "list_of_integers":
        if isinstance(value, list) and all(_is_int(v) for v in value):
            return value
    elif kind in ("list_of_any", "list_of_submodels"):
        if isinstance(value, list):
            return value
    elif kind == "dict":
        if isinstance(value, dict):
            return value
    else:
        return value
    raise ValueError(kind)


def clean_attrib(
    definitions: Union[Iterable[Mapping[str, Any]], Mapping[str, Mapping[str, Any]]],
    values: Optional[Mapping[str, Any]],
    *,
    keep_none: bool = False,
) -> dict[str, Any]:
    """Attribute values checked against ``definitions`` (those of the
    entity's scope, or their ``{name: data}``). Unknown names are dropped, as
    the real server does; ``None`` values are dropped unless ``keep_none`` (a
    patch: remove)."""
    if not values:
        return {}
    by_name = (
        definitions
        if type(definitions) is dict or isinstance(definitions, Mapping)
        else {d["name"]: d["data"] for d in definitions}
    )
    result: dict[str, Any] = {}
    for name, value in values.items():
        data = by_name.get(name)
        if data is None:
            continue
        if value is None:
            if keep_none:
                result[name] = None
            continue
        kind = data.get("type", "string")
        try:
            value = _coerce(kind, value)
        except ValueError:
            raise InvalidData(
                f"Invalid data provided: attrib.{name}: expected {kind}, "
                f"got {type(value).__name__}"
            ) from None
        enum = data.get("enum")
        if enum and kind in ("string", "integer", "float"):
            allowed = [item.get("value") for item in enum]
            if value not in allowed:
                raise InvalidData(
                    f"Invalid data provided: attrib.{name}: {value!r} is not one of "
                    f"{allowed}"
                )
        result[name] = value
    return result


def merge_attrib(
    current: Mapping[str, Any], patch: Mapping[str, Any]
) -> dict[str, Any]:
    """Own attribs after a patch (``None`` removes); sorted keys."""
    merged = dict(current)
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return dict(sorted(merged.items()))


def inheritable(definitions: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    return frozenset(d["name"] for d in definitions if d["data"].get("inherit", True))


def passed_down(values: Mapping[str, Any], names: frozenset[str]) -> dict[str, Any]:
    """What an entity hands to its children: its inheritable values."""
    return {k: v for k, v in values.items() if k in names and v is not None}


def effective(inherited: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """Own values over inherited ones, sorted keys, no ``None``."""
    merged = {**inherited, **own}
    return {k: merged[k] for k in sorted(merged) if merged[k] is not None}


class Inheritance:
    """Attribute inheritance in one project: effective attribs of folders
    and tasks from their ancestors' own values, memoized by folder path.

    ``own_by_path(paths)`` returns ``{path: own attrib}`` of those folders
    (one query for many paths).
    """

    def __init__(
        self,
        project_attrib: Mapping[str, Any],
        folder_definitions: Iterable[Mapping[str, Any]],
        own_by_path: Callable[[list[str]], Mapping[str, Mapping[str, Any]]],
    ) -> None:
        self.names = inheritable(folder_definitions)
        self.project_values = passed_down(project_attrib, self.names)
        self._own_by_path = own_by_path
        self._own: dict[str, Mapping[str, Any]] = {}
        self._down: dict[str, dict[str, Any]] = {}

    def prime(self, paths: Iterable[str]) -> None:
        """Fetch (in one query) the own values of the folders at these paths
        and of all their ancestors, where not known yet."""
        wanted: set[str] = set()
        for path in paths:
            parts = path.strip("/").split("/")
            for i in range(1, len(parts) + 1):
                ancestor = "/" + "/".join(parts[:i])
                if ancestor not in self._own:
                    wanted.add(ancestor)
        if wanted:
            found = self._own_by_path(sorted(wanted))
            for path in wanted:
                self._own[path] = found.get(path) or {}

    def knows(self, path: str) -> bool:
        return path in self._own

    def remember(self, path: str, own: Mapping[str, Any]) -> None:
        """Record a folder's own values already at hand."""
        self._own.setdefault(path, own)

    def down(self, path: Optional[str]) -> dict[str, Any]:
        """What the folder at ``path`` hands to its children and tasks
        (empty path: what the project hands to root folders)."""
        if not path or path == "/":
            return self.project_values
        cached = self._down.get(path)
        if cached is not None:
            return cached
        if path not in self._own:
            self.prime([path])
        parent = path.rsplit("/", 1)[0]
        values = {**self.down(parent), **passed_down(self._own[path], self.names)}
        self._down[path] = values
        return values

    def folder(self, path: str, own: Mapping[str, Any]) -> dict[str, Any]:
        """Effective attribs of the folder at ``path``."""
        return effective(self.down(path.rsplit("/", 1)[0]), own)

    def task(self, folder_path: str, own: Mapping[str, Any]) -> dict[str, Any]:
        """Effective attribs of a task of the folder at ``folder_path``."""
        return effective(self.down(folder_path), own)
