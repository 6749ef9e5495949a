"""Marker values of the entity hub and the type names it uses."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    from typing import Literal

    EntityType = Literal["project", "folder", "task", "product", "version"]
    StatusState = Literal["not_started", "in_progress", "done", "blocked"]
    StatusEntityType = Literal[
        "folder", "task", "product", "version", "representation", "workfile"
    ]
    AttributeValueType = Union[bool, str, int, float, list[str], None]

__all__ = ["PROJECT_PARENT_ID", "UNKNOWN_VALUE", "_NOT_SET", "_CustomNone",
           "copy_value"]


class _CustomNone:
    """A falsy named marker that survives copies (``copy.deepcopy`` returns
    the marker itself, so ``value is UNKNOWN_VALUE`` stays reliable)."""

    __slots__ = ("_name",)

    def __init__(self, name: str = "CustomNone") -> None:
        self._name = name

    def __repr__(self) -> str:
        return f"<{self._name}>"

    def __bool__(self) -> bool:
        return False

    def __copy__(self) -> _CustomNone:
        return self

    def __deepcopy__(self, memo: Any) -> _CustomNone:
        return self

    def __reduce__(self) -> str:
        return self._name


#: A value that is not known (not fetched, or not given for a new entity).
UNKNOWN_VALUE: Any = _CustomNone("UNKNOWN_VALUE")
#: The parent id of the project entity (it has no parent).
PROJECT_PARENT_ID: Any = _CustomNone("PROJECT_PARENT_ID")
#: "Argument not given" where None is a meaningful value.
_NOT_SET: Any = _CustomNone("_NOT_SET")


_IMMUTABLE = (str, int, float, bool, type(None), _CustomNone)


def copy_value(value: Any) -> Any:
    """A deep copy of ``value`` (immutable values are returned as they are,
    which is what makes copying many entity values cheap)."""
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, (list, set)) and all(
            isinstance(item, _IMMUTABLE) for item in value):
        return type(value)(value)
    return copy.deepcopy(value)
