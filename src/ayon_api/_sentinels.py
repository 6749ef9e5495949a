"""Sentinel values shared by the whole package."""
from __future__ import annotations

from typing import Any


class _Sentinel:
    """A named marker; ``NOT_SET`` means "not given, use the default"."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name

    def __bool__(self) -> bool:
        return False

    def __copy__(self) -> Any:
        return self

    def __deepcopy__(self, memo: Any) -> Any:
        return self

    def __reduce__(self) -> str:
        return self._name


NOT_SET: Any = _Sentinel("NOT_SET")
REMOVED_VALUE: Any = _Sentinel("REMOVED_VALUE")
